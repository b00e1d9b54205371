// `nextcall log`, `nextcall history`, `nextcall ladder` and `nextcall settings`.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>

#include "app/changes.h"
#include "app/contact_json.h"
#include "app/contacts.h"
#include "app/history.h"
#include "app/log_call.h"
#include "app/logged_call_json.h"
#include "cli/arguments.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/call_scripts.h"
#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "io/phone_numbers.h"
#include "store/settings_json.h"

namespace nextcall::cli {
namespace {

struct LogArgs {
  std::string contact, outcome, close, reason, note, next, at;
  std::optional<Id> reason_id;
  std::optional<Id> confirms_change;
  int seconds = 0;
  std::string approach;
  std::string callback, meeting, place, proposed, direct_line;
  std::optional<int> minutes;
  std::vector<Id> kept, broken;
  std::vector<std::string> moved, they_promise, i_promise;
  bool no_proposed = false;
};

std::string trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// "review the study@friday" -> what and due date; the text after the last '@' is a date
// only when it reads as one ("dana@acme.example" stays whole).
NewPromise promise_arg(const std::string& text, Party owner, Date today) {
  NewPromise p;
  p.owner = owner;
  p.what = trimmed(text);
  std::size_t at = text.rfind('@');
  if (at != std::string::npos) {
    if (auto d = parse_relative_date(trimmed(text.substr(at + 1)), today)) {
      p.what = trimmed(text.substr(0, at));
      p.due_on = *d;
    }
  }
  return p;
}

// "Thu 10 Dec 14:00", the rep's clock, with the contact's beside it when it differs.
std::string when_text(Instant t, const std::string& rep_zone, const std::string& their_zone) {
  std::string mine = format_local(t, rep_zone);
  if (their_zone.empty()) return mine;
  std::string theirs = format_local(t, their_zone);
  return theirs == mine ? mine : mine + " your time (" + theirs + " theirs)";
}

// The time a voicemail proposed, as it was said: "Tuesday, December 8 at 10 a.m.".
std::string said_text(Instant t, const Contact& c, const std::string& rep_zone) {
  const std::string& zone = c.timezone.empty() ? rep_zone : c.timezone;
  std::string s = spoken_slot(local_date(t, zone), local_minute_of_day(t, zone));
  if (!c.timezone.empty() && format_local(t, c.timezone) != format_local(t, rep_zone))
    s += " their time";
  return s;
}

std::string promise_text(const Commitment& k, const Contact& c) {
  std::string what = k.what;
  if (what.rfind("to ", 0) == 0) what = what.substr(3);
  std::string who =
      k.owner == Party::kRep ? "you" : (c.first_name.empty() ? c.full_name() : c.first_name);
  return who + " promised to " + what + (k.due_on ? " by " + format_date(*k.due_on) : "") + " (#" +
         std::to_string(k.id) + ")";
}

// What the call stored, said after "Logged … with …".
std::string logged_text(const LoggedCall& logged, const Contact& c, const Actor& actor,
                        const LogArgs& a) {
  const Attempt& attempt = logged.attempt;
  std::string s;
  if (!attempt.rung.empty()) s += ", agreed to " + attempt.rung;
  if (attempt.next_on) s += ", next call " + format_date(*attempt.next_on);
  for (const Appointment& ap : logged.appointments_created) {
    if (logged.held && ap.id == logged.held->id) continue;
    std::string what = ap.is_callback ? "callback booked " : "meeting booked ";
    s += "; " + what + when_text(ap.starts_at, actor.rep.timezone, c.timezone);
    if (!ap.is_callback && !ap.place.empty()) s += " at " + ap.place;
    s += " (#" + std::to_string(ap.id) + ")";
  }
  if (logged.held) {
    std::string when = said_text(logged.held->starts_at, c, actor.rep.timezone);
    std::string id = "#" + std::to_string(logged.held->id);
    s += logged.held_is_new ? "; holding " + when + " as a tentative appointment (" + id + ")"
                            : "; still holding " + when + " from an earlier voicemail (" + id + ")";
  } else if (attempt.outcome == Outcome::kVoicemail && !a.no_proposed) {
    s += "; no time held (the brief proposed none: --proposed TIME holds the one you said)";
  }
  for (const Commitment& k : logged.commitments) {
    s += "; commitment #" + std::to_string(k.id);
    s += k.status == CommitmentStatus::kKept ? " kept"
         : k.status == CommitmentStatus::kBroken
             ? " broken"
             : " moved to " + (k.due_on ? format_date(*k.due_on) : std::string("?"));
  }
  for (const Commitment& k : logged.promises) s += "; " + promise_text(k, c);
  if (!logged.direct_line.empty())
    s +=
        "; direct line " + format_phone_national(logged.direct_line) + " is now their first number";
  if (logged.objections_answered)
    s += "; " + std::to_string(logged.objections_answered) + " objection" +
         (logged.objections_answered == 1 ? "" : "s") + " answered by change #" +
         std::to_string(*a.confirms_change);
  return s;
}

Status run_log(Runtime& rt, const LogArgs& a) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto c = resolve_contact(store, actor, a.contact);
    if (!c.ok()) return c.status();
    Date today = today_for(actor, rt.now());
    CallLog log;
    log.outcome = a.outcome;
    log.rung = a.close;
    log.reason = a.reason;
    log.reason_id = a.reason_id;
    log.note = a.note;
    log.duration_seconds = a.seconds;
    log.approach = a.approach;
    if (!a.next.empty()) {
      auto d = parse_date_arg(a.next, today, "--next");
      if (!d.ok()) return d.status();
      log.next_on = *d;
    }
    if (!a.at.empty()) {
      auto t = parse_time_arg(a.at, actor.rep.timezone, "--at");
      if (!t.ok()) return t.status();
      log.at = *t;
    }
    // Times typed are the rep's clock, as --at is, unless they carry an offset.
    auto time_of = [&](const std::string& text, const char* option,
                       std::optional<Instant>* into) -> Status {
      if (text.empty()) return Status::Ok();
      auto t = parse_time_arg(text, actor.rep.timezone, option);
      if (!t.ok()) return t.status();
      *into = *t;
      return Status::Ok();
    };
    NEXTCALL_RETURN_IF_ERROR(time_of(a.callback, "--callback", &log.callback_at));
    NEXTCALL_RETURN_IF_ERROR(time_of(a.meeting, "--meeting", &log.meeting_at));
    NEXTCALL_RETURN_IF_ERROR(time_of(a.proposed, "--proposed", &log.proposed_at));
    if (!log.meeting_at && (!a.place.empty() || a.minutes))
      return Status::InvalidArgument(std::string(a.place.empty() ? "--minutes" : "--place") +
                                     ": goes with --meeting TIME");
    log.meeting_place = a.place;
    if (a.minutes) log.meeting_minutes = *a.minutes;
    if (log.proposed_at && a.no_proposed)
      return Status::InvalidArgument(
          "--proposed: not with --no-proposed (the message proposed a time or it did not)");
    log.no_proposed_time = a.no_proposed;
    log.direct_line = a.direct_line;

    // Each item's error is told by the option that made it ("--moved 7=friday: …").
    std::vector<std::pair<std::string, std::string>> names;
    auto outcome_of = [&](Id id, const char* outcome, const std::string& label) {
      names.push_back({"commitments[" + std::to_string(log.commitments.size()) + "]", label});
      log.commitments.push_back({id, outcome, std::nullopt});
    };
    for (Id id : a.kept) outcome_of(id, "kept", "--kept " + std::to_string(id));
    for (Id id : a.broken) outcome_of(id, "broken", "--broken " + std::to_string(id));
    for (const std::string& m : a.moved) {
      std::size_t eq = m.find('=');
      char* end = nullptr;
      long long id = eq == std::string::npos ? 0 : std::strtoll(m.c_str(), &end, 10);
      if (eq == std::string::npos || id <= 0 || end != m.c_str() + eq)
        return Status::InvalidArgument("--moved: '" + m +
                                       "' is not ID=DATE (7=friday, 7=2026-12-10)");
      auto d = parse_date_arg(m.substr(eq + 1), today, "--moved " + m.substr(0, eq));
      if (!d.ok()) return d.status();
      outcome_of(id, "moved", "--moved " + m);
      log.commitments.back().new_due_on = *d;
    }
    for (const auto& [texts, owner, option] :
         {std::tuple{&a.they_promise, Party::kContact, "--they-promise"},
          std::tuple{&a.i_promise, Party::kRep, "--i-promise"}})
      for (const std::string& t : *texts) {
        names.push_back({"promises[" + std::to_string(log.promises.size()) + "]",
                         std::string(option) + " '" + t + "'"});
        log.promises.push_back(promise_arg(t, owner, today));
      }
    names.insert(names.end(), {{"next_on", "--next"},
                               {"callback_at", "--callback"},
                               {"meeting_at", "--meeting"},
                               {"meeting_minutes", "--minutes"},
                               {"proposed_at", "--proposed"},
                               {"direct_line", "--direct-line"},
                               {"confirms_change", "--confirms-change"}});

    auto logged = log_call_confirming(store, actor, c->id, log, a.confirms_change, rt.now());
    if (!logged.ok()) return rename_fields(logged.status(), names);
    if (rt.json()) {
      print_json(rt, logged_call_json(*logged));
      return Status::Ok();
    }
    rt.out() << "Logged " << to_text(logged->attempt.outcome) << " with " << c->full_name() << " (#"
             << c->id << ")" << logged_text(*logged, *c, actor, a) << "\n";
    return Status::Ok();
  });
}

Status run_history(Runtime& rt, const std::string& ref) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto c = resolve_contact(store, actor, ref);
    if (!c.ok()) return c.status();
    auto m = load_memory(store, actor.workspace.id, c->id);
    if (!m.ok()) return m.status();
    auto entries = build_history(*m);
    if (rt.json()) {
      print_json(rt, {{"contact", *c}, {"history", history_json(entries)}});
      return Status::Ok();
    }
    rt.out() << c->full_name() << " (#" << c->id << ")"
             << (c->timezone.empty() ? "" : ", times in " + c->timezone) << "\n";
    Table t({"WHEN", "WHAT", "ID", "DETAIL"});
    for (const auto& e : entries)
      t.add({e.dated_only ? format_date(std::chrono::floor<std::chrono::days>(e.when))
                          : format_local(e.when, c->timezone),
             e.kind, std::to_string(e.id), e.text});
    if (t.empty())
      rt.out() << "Nothing recorded yet.\n";
    else
      t.print(rt.out(), 90);
    return Status::Ok();
  });
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (ch != ' ') {
      cur += ch;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

void install_log(CLI::App& cmd, Runtime& rt) {
  auto a = std::make_shared<LogArgs>();
  cmd.add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  cmd.add_option("--outcome", a->outcome, "connected|voicemail|gatekeeper|no_answer|wrong_number")
      ->required();
  cmd.add_option("--close", a->close,
                 "Highest rung agreed: sale|meeting|proposal_review|review_together|referral|"
                 "send_info|linkedin (gatekeeper: arrange_conversation|direct_line|"
                 "pass_on_proposal|referral)");
  cmd.add_option("--reason", a->reason, "The reason you gave for calling");
  cmd.add_option("--reason-id", a->reason_id, "The library reason used");
  cmd.add_option("--confirms-change", a->confirms_change,
                 "The call confirmed this change answers their objection: mark it answered");
  cmd.add_option("--note", a->note, "What to remember");
  cmd.add_option("--next", a->next, "Follow-up date: 2026-12-03, friday, +3d");
  cmd.add_option("--at", a->at, "When the call was, if not now ('2026-11-24 09:30' your time)");
  cmd.add_option("--seconds", a->seconds, "Length of the call");
  cmd.add_option("--approach", a->approach, "direct|voicemail|gatekeeper|referral|email|linkedin");
  cmd.add_option(
      "--callback", a->callback,
      "They asked to be called back then: '2026-12-03 14:00' your time (a callback appointment)");
  cmd.add_option("--meeting", a->meeting,
                 "A meeting booked: '2026-12-10 14:00' your time (connected calls)");
  cmd.add_option("--place", a->place,
                 "Where the meeting is ('their plant', an address, 'video call')");
  cmd.add_option("--minutes", a->minutes, "Length of the meeting (default 30)");
  cmd.add_option("--kept", a->kept, "This open commitment was kept (repeatable)");
  cmd.add_option("--broken", a->broken, "This open commitment was broken (repeatable)");
  cmd.add_option("--moved", a->moved, "ID=DATE: this commitment is now due then (repeatable)");
  cmd.add_option("--they-promise", a->they_promise,
                 "WHAT[@DATE]: they promised it on the call (repeatable)");
  cmd.add_option("--i-promise", a->i_promise,
                 "WHAT[@DATE]: you promised it on the call (repeatable)");
  cmd.add_option(
      "--proposed", a->proposed,
      "The time your voicemail proposed, your time (default: the one the brief proposed)");
  cmd.add_flag("--no-proposed", a->no_proposed, "The voicemail proposed no time: hold none");
  cmd.add_option("--direct-line", a->direct_line,
                 "Their direct line, learned on the call: dialled first from now on");
  cmd.callback([&rt, a] { rt.finish(run_log(rt, *a)); });
}

void install_history(CLI::App& cmd, Runtime& rt) {
  auto ref = std::make_shared<std::string>();
  cmd.add_option("contact", *ref, "Id, e-mail, phone or name")->required();
  cmd.callback([&rt, ref] { rt.finish(run_history(rt, *ref)); });
}

void install_ladder(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto* show = cmd.add_subcommand("show", "Show the close ladders, highest rung first");
  show->callback([&rt] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto s = store.get_settings(actor.workspace.id);
      if (!s.ok()) return s.status();
      if (rt.json()) {
        print_json(rt, {{"contact", s->contact_ladder.rungs}, {"gatekeeper", s->gatekeeper_ladder.rungs}});
        return Status::Ok();
      }
      for (const Ladder* l : {&s->contact_ladder, &s->gatekeeper_ladder}) {
        rt.out() << l->name << " ladder (highest first):\n";
        for (std::size_t i = 0; i < l->rungs.size(); ++i)
          rt.out() << "  " << i + 1 << ". " << l->rungs[i] << "\n";
      }
      return Status::Ok();
    }));
  });
  auto which = std::make_shared<std::string>();
  auto rungs = std::make_shared<std::string>();
  auto* set = cmd.add_subcommand("set", "Replace a ladder's rungs (highest first, comma-separated)");
  set->add_option("ladder", *which, "contact|gatekeeper")->required()->check(CLI::IsMember({"contact", "gatekeeper"}));
  set->add_option("rungs", *rungs, "e.g. sale,meeting,proposal_review,send_info")->required();
  set->callback([&rt, which, rungs] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto s = store.get_settings(actor.workspace.id);
      if (!s.ok()) return s.status();
      auto list = split_commas(*rungs);
      if (list.empty()) return Status::InvalidArgument("rungs: give at least one");
      (*which == "contact" ? s->contact_ladder : s->gatekeeper_ladder).rungs = list;
      NEXTCALL_RETURN_IF_ERROR(store.put_settings(actor.workspace.id, *s));
      rt.out() << "The " << *which << " ladder is now " << *rungs << "\n";
      return Status::Ok();
    }));
  });
}

void install_settings(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto* show = cmd.add_subcommand("show", "Show the workspace's settings");
  show->callback([&rt] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto s = store.get_settings(actor.workspace.id);
      if (!s.ok()) return s.status();
      print_json(rt, nlohmann::json::parse(settings_to_json(*s)));
      return Status::Ok();
    }));
  });
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto* set = cmd.add_subcommand("set", "Change one setting: KEY VALUE (VALUE as JSON or plain text)");
  set->add_option("key", *key, "e.g. daily_capacity, speaking_rate_wpm, quiet_before")->required();
  set->add_option("value", *value, "e.g. 40, \"07:00\", [\"2026-12-25\"]")->required();
  set->callback([&rt, key, value] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto s = store.get_settings(actor.workspace.id);
      if (!s.ok()) return s.status();
      auto j = nlohmann::json::parse(settings_to_json(*s));
      if (!j.contains(*key)) {
        std::string keys;
        for (auto it = j.begin(); it != j.end(); ++it) keys += (keys.empty() ? "" : ", ") + it.key();
        return Status::InvalidArgument("no setting '" + *key + "' (settings: " + keys + ")");
      }
      auto v = nlohmann::json::parse(*value, nullptr, false);
      j[*key] = v.is_discarded() ? nlohmann::json(*value) : v;
      auto updated = settings_from_json(j.dump());
      if (!updated.ok()) return updated.status();
      NEXTCALL_RETURN_IF_ERROR(store.put_settings(actor.workspace.id, *updated));
      rt.out() << *key << " = " << j[*key].dump() << "\n";
      return Status::Ok();
    }));
  });
}

}  // namespace nextcall::cli
