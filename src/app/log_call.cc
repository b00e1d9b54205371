#include "app/log_call.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "app/changes.h"
#include "app/memory.h"
#include "app/plan_day.h"
#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "core/time_zones.h"
#include "io/phone_numbers.h"

namespace nextcall {

const Ladder& ladder_for(const Settings& s, const Contact& c, Outcome outcome) {
  if (outcome == Outcome::kGatekeeper || c.role == Role::kGatekeeper) return s.gatekeeper_ladder;
  return s.contact_ladder;
}

namespace {

constexpr int kCallbackMinutes = 15;
constexpr int kHoldMinutes = 30;

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "|") + x;
  return out;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string default_approach(Outcome o) {
  switch (o) {
    case Outcome::kVoicemail:
      return "voicemail";
    case Outcome::kGatekeeper:
      return "gatekeeper";
    default:
      return "direct";
  }
}

std::string item(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

Filter by_id(Id id) {
  Filter f;
  f.id = id;
  return f;
}

// The call itself: the attempt's fields, checked. Stores nothing.
Result<Attempt> attempt_of(Store& store, const Actor& actor, const Contact& contact,
                           const Settings& settings, const CallLog& log, Outcome outcome,
                           Instant now) {
  const Ladder& ladder = ladder_for(settings, contact, outcome);
  Attempt a;
  a.workspace_id = actor.workspace.id;
  a.contact_id = contact.id;
  a.rep_id = actor.rep.id;
  a.at = log.at.value_or(now);
  if (a.at > now + std::chrono::minutes(5))
    return Status::InvalidArgument("at: a call cannot be logged in the future");
  a.outcome = outcome;
  a.ladder = ladder.name;
  if (!log.rung.empty()) {
    std::string rung = log.rung;
    std::transform(rung.begin(), rung.end(), rung.begin(), ::tolower);
    std::replace(rung.begin(), rung.end(), '-', '_');
    if (std::find(ladder.rungs.begin(), ladder.rungs.end(), rung) == ladder.rungs.end())
      return Status::InvalidArgument("close: '" + log.rung + "' is not a rung of the " +
                                     ladder.name + " ladder (" + join(ladder.rungs) + ")");
    if (outcome != Outcome::kConnected && outcome != Outcome::kGatekeeper)
      return Status::InvalidArgument("close: nobody agreed to anything on a call that ended in " +
                                     std::string(to_text(outcome)));
    a.rung = rung;
  }
  a.reason = log.reason;
  a.reason_id = log.reason_id;
  if (a.reason_id)
    NEXTCALL_RETURN_IF_ERROR(store.get_reason(actor.workspace.id, *a.reason_id).status());
  a.note = log.note;
  a.next_on = log.next_on;
  if (log.duration_seconds < 0) return Status::InvalidArgument("duration: must not be negative");
  a.duration_seconds = log.duration_seconds;
  a.approach = log.approach.empty() ? default_approach(outcome) : log.approach;
  return a;
}

// At most one next step, of a kind the call allows, after the call.
// Times no call can have: a call logged before it was made (more than a day ahead of now,
// which allows for a clock set wrong), or long before anyone used nextcall (0001-01-01
// typed for a date); a next step agreed decades ahead. The error names the field.
constexpr auto kLatestCallAhead = std::chrono::hours(24);
constexpr auto kEarliestCallBack = std::chrono::days(10 * 366);
constexpr auto kLatestNextStepAhead = std::chrono::days(2 * 366);

Status check_call_times(const CallLog& log, Instant now) {
  if (log.at) {
    if (*log.at > now + kLatestCallAhead)
      return Status::InvalidArgument("at: " + format_instant(*log.at) + " is in the future (now is " +
                                     format_instant(now) +
                                     "): log a call once it is made, with the time it was made, or leave at out for now");
    if (*log.at < now - kEarliestCallBack)
      return Status::InvalidArgument("at: " + format_instant(*log.at) +
                                     " is more than ten years ago: give the date and time the call was made");
  }
  auto ahead = [&](const std::optional<Instant>& t, const char* field) -> Status {
    if (t && *t > now + kLatestNextStepAhead)
      return Status::InvalidArgument(std::string(field) + ": " + format_instant(*t) +
                                     " is more than two years ahead: give a time within two years, or a date to call again (next_on)");
    return Status::Ok();
  };
  NEXTCALL_RETURN_IF_ERROR(ahead(log.callback_at, "callback_at"));
  NEXTCALL_RETURN_IF_ERROR(ahead(log.meeting_at, "meeting_at"));
  NEXTCALL_RETURN_IF_ERROR(ahead(log.proposed_at, "proposed_at"));
  if (log.next_on && Instant{*log.next_on} > now + kLatestNextStepAhead)
    return Status::InvalidArgument("next_on: " + format_date(*log.next_on) +
                                   " is more than two years ahead: give a date within two years");
  return Status::Ok();
}

Status check_next_step(const CallLog& log, Outcome outcome, Instant call_at) {
  std::vector<std::string> given;
  if (log.next_on) given.push_back("next_on");
  if (log.callback_at) given.push_back("callback_at");
  if (log.meeting_at) given.push_back("meeting_at");
  if (given.size() > 1)
    return Status::InvalidArgument(given[1] + ": give one next step, not both " + given[0] +
                                   " and " + given[1] +
                                   " (a date to call again, a time to call back or a meeting)");
  const std::string said(to_text(outcome));
  if (log.callback_at) {
    if (outcome != Outcome::kConnected && outcome != Outcome::kGatekeeper)
      return Status::InvalidArgument(
          "callback_at: nobody asked for a callback on a call that ended in " + said);
    if (*log.callback_at <= call_at)
      return Status::InvalidArgument("callback_at: " + format_instant(*log.callback_at) +
                                     " is not after the call (" + format_instant(call_at) + ")");
  }
  if (log.meeting_at) {
    if (outcome != Outcome::kConnected)
      return Status::InvalidArgument(
          "meeting_at: a meeting is booked with the contact on a connected call, not on "
          "one that ended in " +
          said);
    if (*log.meeting_at <= call_at)
      return Status::InvalidArgument("meeting_at: " + format_instant(*log.meeting_at) +
                                     " is not after the call (" + format_instant(call_at) + ")");
    if (log.meeting_minutes <= 0 || log.meeting_minutes > 24 * 60)
      return Status::InvalidArgument("meeting_minutes: must be between 1 and 1440");
  }
  return Status::Ok();
}

// What became of each commitment named, stored; the rows as they are now.
Status apply_outcomes(Store& store, const Actor& actor, Id contact_id,
                      const std::vector<CommitmentOutcome>& outcomes, Date call_day,
                      std::vector<Commitment>* updated) {
  std::set<Id> seen;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const CommitmentOutcome& o = outcomes[i];
    const std::string at = item("commitments", i);
    if (o.outcome != "kept" && o.outcome != "broken" && o.outcome != "moved")
      return Status::InvalidArgument(at + ".outcome: '" + o.outcome +
                                     "' is not one of kept|broken|moved");
    auto rows = store.list_commitments(actor.workspace.id, by_id(o.commitment_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty() || rows->front().contact_id != contact_id)
      return Status::InvalidArgument(at + ".id: #" + std::to_string(o.commitment_id) +
                                     " is not a commitment of this contact");
    if (!seen.insert(o.commitment_id).second)
      return Status::InvalidArgument(at + ".id: commitment #" + std::to_string(o.commitment_id) +
                                     " is named twice");
    Commitment k = rows->front();
    const std::string id_text = "commitment #" + std::to_string(k.id);
    if (o.outcome == "moved") {
      if (k.status == CommitmentStatus::kKept)
        return Status::InvalidArgument(at + ".id: " + id_text + " is already kept");
      if (!o.new_due_on)
        return Status::InvalidArgument(at +
                                       ".due_on: a moved commitment needs the date it is now due");
      if (*o.new_due_on < call_day)
        return Status::InvalidArgument(at + ".due_on: " + format_date(*o.new_due_on) +
                                       " is before the call (" + format_date(call_day) + ")");
      k.status = CommitmentStatus::kOpen;
      k.due_on = o.new_due_on;
    } else {
      if (k.status != CommitmentStatus::kOpen)
        return Status::InvalidArgument(
            at + ".id: " + id_text + " is already " + std::string(to_text(k.status)) +
            " (only an open commitment is kept or broken; a broken one can be moved)");
      if (o.new_due_on)
        return Status::InvalidArgument(at + ".due_on: only a moved commitment takes a new date");
      k.status = o.outcome == "kept" ? CommitmentStatus::kKept : CommitmentStatus::kBroken;
    }
    NEXTCALL_RETURN_IF_ERROR(store.update_commitment(k));
    updated->push_back(std::move(k));
  }
  return Status::Ok();
}

// The promises made on the call, stored as open commitments.
Status add_promises(Store& store, const Actor& actor, Id contact_id,
                    const std::vector<NewPromise>& promises, Date call_day,
                    std::vector<Commitment>* added) {
  for (std::size_t i = 0; i < promises.size(); ++i) {
    const NewPromise& p = promises[i];
    const std::string at = item("promises", i);
    Commitment k;
    k.workspace_id = actor.workspace.id;
    k.contact_id = contact_id;
    k.owner = p.owner;
    k.what = trim(p.what);
    if (k.what.empty()) return Status::InvalidArgument(at + ".what: say what was promised");
    if (p.due_on && *p.due_on < call_day)
      return Status::InvalidArgument(at + ".due_on: " + format_date(*p.due_on) +
                                     " is before the call (" + format_date(call_day) + ")");
    k.due_on = p.due_on;
    if (p.material_id) {
      auto m = store.list_materials(actor.workspace.id, by_id(*p.material_id));
      if (!m.ok()) return m.status();
      if (m->empty() || m->front().contact_id != contact_id)
        return Status::InvalidArgument(at + ".material_id: #" + std::to_string(*p.material_id) +
                                       " is not a material sent to this contact");
      k.material_id = p.material_id;
    }
    k.status = CommitmentStatus::kOpen;
    k.created_on = call_day;
    auto id = store.add_commitment(k);
    if (!id.ok()) return id.status();
    k.id = *id;
    added->push_back(std::move(k));
  }
  return Status::Ok();
}

// A time proposed to the contact and not yet agreed: what the planner takes for a time our
// voicemail left.
bool is_hold(const Appointment& a) {
  return a.status == AppointmentStatus::kProposed && !a.is_callback;
}

// The time a voicemail left, held: a hold an earlier voicemail made is kept (moved when
// the rep proposed another time), else a new tentative appointment. `brief_slot` is what
// the brief proposed at the call; `brief_hold` the hold it knew of.
Status hold_proposed_time(Store& store, const Actor& actor, Id contact_id,
                          std::optional<Instant> proposed_at, Instant brief_slot,
                          std::optional<Id> brief_hold, Instant call_at, LoggedCall* out) {
  if (proposed_at && *proposed_at <= call_at)
    return Status::InvalidArgument("proposed_at: " + format_instant(*proposed_at) +
                                   " is not after the call (" + format_instant(call_at) + ")");
  // The hold already there: the one the brief named, else the next one still ahead.
  std::optional<Appointment> existing;
  if (brief_hold) {
    auto rows = store.list_appointments(actor.workspace.id, by_id(*brief_hold));
    if (!rows.ok()) return rows.status();
    if (!rows->empty() && is_hold(rows->front())) existing = rows->front();
  }
  if (!existing) {
    Filter f;
    f.contact_id = contact_id;
    auto rows = store.list_appointments(actor.workspace.id, f);
    if (!rows.ok()) return rows.status();
    for (const Appointment& a : *rows)
      if (is_hold(a) && a.starts_at > call_at && (!existing || a.starts_at < existing->starts_at))
        existing = a;
  }
  if (existing) {
    if (proposed_at && *proposed_at != existing->starts_at) {
      existing->starts_at = *proposed_at;
      NEXTCALL_RETURN_IF_ERROR(store.update_appointment(*existing));
    }
    out->held = existing;
    return Status::Ok();
  }
  Instant at = proposed_at.value_or(brief_slot);
  if (at <= call_at) return Status::Ok();  // the brief had no time to propose
  auto made =
      add_appointment(store, actor, contact_id, at, kHoldMinutes, "proposed", "phone", false);
  if (!made.ok()) return made.status();
  out->held = *made;
  out->held_is_new = true;
  out->appointments_created.push_back(*made);
  return Status::Ok();
}

// The direct line first among the contact's phones, with kind "direct".
Status store_direct_line(Store& store, const Actor& actor, Contact contact,
                         const std::string& typed, Instant now, std::string* e164) {
  std::string region = actor.workspace.default_region;
  if (std::string cc = country_code(contact.country); !cc.empty()) region = cc;
  auto parsed = parse_phone(typed, region);
  if (!parsed.ok()) return Status::InvalidArgument("direct_line: " + parsed.status().message());
  auto other = store.find_contact_by_phone(actor.workspace.id, parsed->e164);
  if (!other.ok()) return other.status();
  if (*other && (*other)->id != contact.id)
    return Status::AlreadyExists("direct_line: " + parsed->e164 + " already belongs to " +
                                 (*other)->full_name() + " (#" + std::to_string((*other)->id) +
                                 ")");
  std::erase_if(contact.phones, [&](const Phone& p) { return p.e164 == parsed->e164; });
  contact.phones.insert(contact.phones.begin(), Phone{parsed->e164, "direct"});
  contact.updated_at = now;
  NEXTCALL_RETURN_IF_ERROR(store.update_contact(contact));
  *e164 = parsed->e164;
  return Status::Ok();
}

}  // namespace

Result<LoggedCall> log_call_confirming(Store& store, const Actor& actor, Id contact_id,
                                       const CallLog& log, std::optional<Id> confirms_change,
                                       Instant now) {
  auto outcome = parse_outcome(log.outcome);
  if (!outcome)
    return Status::InvalidArgument("outcome: '" + log.outcome + "' is not one of " +
                                   names_of_outcomes());
  NEXTCALL_RETURN_IF_ERROR(check_call_times(log, now));
  LoggedCall out;
  NEXTCALL_RETURN_IF_ERROR(store.transaction([&]() -> Status {
    auto contact = store.get_contact(actor.workspace.id, contact_id);
    if (!contact.ok()) return contact.status();
    auto settings = store.get_settings(actor.workspace.id);
    if (!settings.ok()) return settings.status();
    auto attempt = attempt_of(store, actor, *contact, *settings, log, *outcome, now);
    if (!attempt.ok()) return attempt.status();
    const Instant call_at = attempt->at;
    const std::string zone = contact->timezone.empty() ? actor.rep.timezone : contact->timezone;
    const Date call_day = local_date(call_at, zone);
    NEXTCALL_RETURN_IF_ERROR(check_next_step(log, *outcome, call_at));
    if (log.proposed_at && *outcome != Outcome::kVoicemail)
      return Status::InvalidArgument(
          "proposed_at: only a voicemail proposes a time, not a call that ended in " +
          std::string(to_text(*outcome)));

    // The voicemail's time as the brief had it when the message was left: read before
    // this call is stored, which changes what the brief would say.
    Instant brief_slot{};
    std::optional<Id> brief_hold;
    bool hold = *outcome == Outcome::kVoicemail && !log.no_proposed_time;
    if (hold) {
      auto brief =
          brief_for(store, actor, contact_id, local_date(call_at, actor.rep.timezone), call_at);
      if (!brief.ok()) return brief.status();
      brief_slot = brief->voicemail.proposed_slot;
      brief_hold = brief->voicemail.held_appointment_id;
    }

    auto id = store.add_attempt(*attempt);
    if (!id.ok()) return id.status();
    // A call made takes the contact off the calls added by hand (not one logged for a
    // time before it was added: that call was not the one asked for).
    Filter queued;
    queued.contact_id = contact_id;
    auto entries = store.list_queued_calls(actor.workspace.id, queued);
    if (!entries.ok()) return entries.status();
    if (!entries->empty() && entries->front().added_at <= call_at)
      NEXTCALL_RETURN_IF_ERROR(store.unqueue_call(actor.workspace.id, contact_id));
    attempt->id = *id;
    out.attempt = *attempt;

    if (log.callback_at) {
      auto a = add_appointment(store, actor, contact_id, *log.callback_at, kCallbackMinutes,
                               "confirmed", "phone", true);
      if (!a.ok()) return a.status();
      out.appointments_created.push_back(*a);
    }
    if (log.meeting_at) {
      auto a = add_appointment(store, actor, contact_id, *log.meeting_at, log.meeting_minutes,
                               "confirmed", log.meeting_place, false);
      if (!a.ok()) return a.status();
      out.appointments_created.push_back(*a);
    }
    // A conversation that agreed the next step supersedes the times our voicemails left:
    // they are released, so the calendar has them free again.
    if (*outcome == Outcome::kConnected && (log.callback_at || log.meeting_at || log.next_on)) {
      Filter f;
      f.contact_id = contact_id;
      auto rows = store.list_appointments(actor.workspace.id, f);
      if (!rows.ok()) return rows.status();
      for (Appointment a : *rows) {
        if (!is_hold(a) || a.starts_at <= call_at) continue;
        a.status = AppointmentStatus::kCancelled;
        NEXTCALL_RETURN_IF_ERROR(store.update_appointment(a));
        out.holds_released.push_back(a);
      }
    }
    NEXTCALL_RETURN_IF_ERROR(
        apply_outcomes(store, actor, contact_id, log.commitments, call_day, &out.commitments));
    out.commitments_updated = static_cast<int>(out.commitments.size());
    NEXTCALL_RETURN_IF_ERROR(
        add_promises(store, actor, contact_id, log.promises, call_day, &out.promises));
    out.promises_added = static_cast<int>(out.promises.size());
    if (hold)
      NEXTCALL_RETURN_IF_ERROR(hold_proposed_time(store, actor, contact_id, log.proposed_at,
                                                  brief_slot, brief_hold, call_at, &out));
    if (!trim(log.direct_line).empty())
      NEXTCALL_RETURN_IF_ERROR(
          store_direct_line(store, actor, *contact, log.direct_line, now, &out.direct_line));

    if (confirms_change) {
      if (*outcome != Outcome::kConnected)
        return Status::InvalidArgument(
            "confirms_change: only a connected call can confirm a change");
      auto n = confirm_change(store, actor, contact_id, *confirms_change);
      if (!n.ok()) return n.status();
      out.objections_answered = *n;
    }
    return Status::Ok();
  }));
  return out;
}

Result<Attempt> log_call(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                         Instant now) {
  auto logged = log_call_confirming(store, actor, contact_id, log, std::nullopt, now);
  if (!logged.ok()) return logged.status();
  return logged->attempt;
}

Status rename_fields(const Status& s,
                     const std::vector<std::pair<std::string, std::string>>& names) {
  if (s.ok()) return s;
  auto word = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
  std::string m = s.message();
  for (const auto& [from, to] : names) {
    std::size_t pos = 0;
    while ((pos = m.find(from, pos)) != std::string::npos) {
      std::size_t end = pos + from.size();
      bool whole = (pos == 0 || !word(m[pos - 1])) &&
                   (end == m.size() || !word(m[end]) || from.back() == ']');
      if (!whole) {
        pos = end;
        continue;
      }
      // "commitments[1].due_on" is one name: the item's field goes with it.
      if (from.back() == ']' && end < m.size() && m[end] == '.') {
        ++end;
        while (end < m.size() && word(m[end])) ++end;
      }
      m.replace(pos, end - pos, to);
      pos += to.size();
    }
  }
  return Status(s.code(), m);
}

}  // namespace nextcall
