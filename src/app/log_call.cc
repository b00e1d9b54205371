#include "app/log_call.h"

#include <algorithm>

#include "app/changes.h"
#include "core/model_text.h"

namespace nextcall {

const Ladder& ladder_for(const Settings& s, const Contact& c, Outcome outcome) {
  if (outcome == Outcome::kGatekeeper || c.role == Role::kGatekeeper) return s.gatekeeper_ladder;
  return s.contact_ladder;
}

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "|") + x;
  return out;
}

std::string default_approach(Outcome o) {
  switch (o) {
    case Outcome::kVoicemail: return "voicemail";
    case Outcome::kGatekeeper: return "gatekeeper";
    default: return "direct";
  }
}

}  // namespace

Result<Attempt> log_call(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                         Instant now) {
  auto outcome = parse_outcome(log.outcome);
  if (!outcome)
    return Status::InvalidArgument("outcome: '" + log.outcome + "' is not one of " +
                                   names_of_outcomes());
  Attempt a;
  Status s = store.transaction([&]() -> Status {
    auto contact = store.get_contact(actor.workspace.id, contact_id);
    if (!contact.ok()) return contact.status();
    auto settings = store.get_settings(actor.workspace.id);
    if (!settings.ok()) return settings.status();
    const Ladder& ladder = ladder_for(*settings, *contact, *outcome);
    a.workspace_id = actor.workspace.id;
    a.contact_id = contact_id;
    a.rep_id = actor.rep.id;
    a.at = log.at.value_or(now);
    if (a.at > now + std::chrono::minutes(5))
      return Status::InvalidArgument("at: a call cannot be logged in the future");
    a.outcome = *outcome;
    a.ladder = ladder.name;
    if (!log.rung.empty()) {
      std::string rung = log.rung;
      std::transform(rung.begin(), rung.end(), rung.begin(), ::tolower);
      std::replace(rung.begin(), rung.end(), '-', '_');
      if (std::find(ladder.rungs.begin(), ladder.rungs.end(), rung) == ladder.rungs.end())
        return Status::InvalidArgument("close: '" + log.rung + "' is not a rung of the " +
                                       ladder.name + " ladder (" + join(ladder.rungs) + ")");
      if (*outcome != Outcome::kConnected && *outcome != Outcome::kGatekeeper)
        return Status::InvalidArgument("close: nobody agreed to anything on a call that ended in " +
                                       std::string(to_text(*outcome)));
      a.rung = rung;
    }
    a.reason = log.reason;
    a.reason_id = log.reason_id;
    if (a.reason_id) NEXTCALL_RETURN_IF_ERROR(store.get_reason(actor.workspace.id, *a.reason_id).status());
    a.note = log.note;
    a.next_on = log.next_on;
    if (log.duration_seconds < 0) return Status::InvalidArgument("duration: must not be negative");
    a.duration_seconds = log.duration_seconds;
    a.approach = log.approach.empty() ? default_approach(*outcome) : log.approach;
    auto id = store.add_attempt(a);
    if (!id.ok()) return id.status();
    a.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return a;
}

Result<LoggedCall> log_call_confirming(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                                       std::optional<Id> confirms_change, Instant now) {
  LoggedCall out;
  NEXTCALL_RETURN_IF_ERROR(store.transaction([&]() -> Status {
    auto attempt = log_call(store, actor, contact_id, log, now);
    if (!attempt.ok()) return attempt.status();
    out.attempt = *attempt;
    if (confirms_change) {
      if (attempt->outcome != Outcome::kConnected)
        return Status::InvalidArgument("confirms_change: only a connected call can confirm a change");
      auto n = confirm_change(store, actor, contact_id, *confirms_change);
      if (!n.ok()) return n.status();
      out.objections_answered = *n;
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace nextcall
