// `nextcall log`, `nextcall history`, `nextcall ladder` and `nextcall settings`.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/changes.h"
#include "app/contacts.h"
#include "app/history.h"
#include "app/contact_json.h"
#include "app/log_call.h"
#include "cli/arguments.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "store/settings_json.h"

namespace nextcall::cli {
namespace {

struct LogArgs {
  std::string contact, outcome, close, reason, note, next, at;
  std::optional<Id> reason_id;
  std::optional<Id> confirms_change;
  int seconds = 0;
  std::string approach;
};

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
    auto logged = log_call_confirming(store, actor, c->id, log, a.confirms_change, rt.now());
    if (!logged.ok()) {
      Status st = logged.status();
      if (st.message().rfind("confirms_change:", 0) == 0)
        return Status::InvalidArgument("--confirms-change" + st.message().substr(15));
      return st;
    }
    int answered = logged->objections_answered;
    const Attempt* attempt = &logged->attempt;
    if (rt.json()) {
      print_json(rt, *attempt);
      return Status::Ok();
    }
    rt.out() << "Logged " << to_text(attempt->outcome) << " with " << c->full_name() << " (#"
             << c->id << ")";
    if (!attempt->rung.empty()) rt.out() << ", agreed to " << attempt->rung;
    if (attempt->next_on) rt.out() << ", next call " << format_date(*attempt->next_on);
    if (answered) rt.out() << "; " << answered << " objection" << (answered == 1 ? "" : "s") << " answered by change #" << *a.confirms_change;
    rt.out() << "\n";
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
