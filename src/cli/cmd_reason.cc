// `nextcall reason …`, `nextcall reasons stats`, `nextcall brainstorm …`, `nextcall change …`.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/brainstorm.h"
#include "app/changes.h"
#include "app/library_json.h"
#include "app/reasons.h"
#include "cli/arguments.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/civil_time.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "io/phone_numbers.h"

namespace nextcall::cli {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

void add_reason_options(CLI::App* cmd, ReasonInput* in) {
  cmd->add_option("--category", in->category,
                  "you_first|industry_news|new_policy|new_regime|new_capability|new_you");
  cmd->add_option("--industries", in->industries, "Industries it suits")->delimiter(',');
  cmd->add_option("--stages", in->stages, "prospect, customer")->delimiter(',');
  cmd->add_option("--roles", in->roles, "decision_maker, influencer, gatekeeper")->delimiter(',');
  cmd->add_option("--hot-buttons", in->hot_buttons, "Hot buttons it serves")->delimiter(',');
  cmd->add_option("--objections", in->objections, "Objection codes it answers")->delimiter(',');
  cmd->add_option("--expires", in->expires, "For news: the date it stops being news");
  cmd->add_flag("--force", in->force, "Keep it even if the value check finds problems (marked)");
}

void print_reason_result(Runtime& rt, const ReasonResult& r, const char* verb) {
  if (rt.json()) {
    print_json(rt, reason_result_json(r));
    return;
  }
  rt.out() << verb << " reason #" << r.reason.id << ": The reason I'm calling is " << r.reason.text << ".\n";
  for (const auto& p : r.problems) rt.out() << "  kept despite: " << p.message << "\n";
}

Status list_reasons(Runtime& rt, const std::string& category, bool all) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto report = reasons_report(store, actor);
    if (!report.ok()) return report.status();
    std::vector<Reason> shown;
    for (const Reason& r : report->reasons) {
      if (!all && r.retired) continue;
      if (!category.empty() && to_text(r.category) != category) continue;
      shown.push_back(r);
    }
    if (rt.json()) {
      print_json(rt, reason_list_json(shown, report->stats));
      return Status::Ok();
    }
    Table t({"ID", "CATEGORY", "USED", "ADVANCED", "FOR", "THE REASON I'M CALLING IS"});
    for (const Reason& r : shown) {
      auto counts = report->stats.by_reason[r.id];
      std::vector<std::string> audience = r.objections;
      audience.insert(audience.end(), r.hot_buttons.begin(), r.hot_buttons.end());
      audience.insert(audience.end(), r.industries.begin(), r.industries.end());
      std::string flags = r.retired ? " [retired]" : r.forced ? " [forced]" : "";
      t.add({std::to_string(r.id), std::string(to_text(r.category)), std::to_string(counts.attempts),
             std::to_string(counts.advances), audience.empty() ? "anyone" : join(audience), r.text + flags});
    }
    t.print(rt.out(), 70);
    return Status::Ok();
  });
}

}  // namespace

void install_reason(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto in = std::make_shared<ReasonInput>();
  auto text = std::make_shared<std::string>();
  auto* add = cmd.add_subcommand("add", "Add a reason: fill in \"The reason I'm calling is ___\"");
  add->add_option("text", *text, "What goes in the blank (value to the listener)")->required();
  add_reason_options(add, in.get());
  add->callback([&rt, in, text] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      in->text = *text;
      if (!in->category) in->category = "you_first";
      auto r = add_reason(store, actor, *in, today_for(actor, rt.now()), rt.now());
      if (!r.ok()) return r.status();
      print_reason_result(rt, *r, "Added");
      return Status::Ok();
    }));
  });

  auto ein = std::make_shared<ReasonInput>();
  auto eid = std::make_shared<Id>();
  auto etext = std::make_shared<std::string>();
  auto* edit = cmd.add_subcommand("edit", "Change a reason");
  edit->add_option("reason", *eid, "Reason id")->required();
  edit->add_option("--text", *etext, "New text");
  add_reason_options(edit, ein.get());
  edit->callback([&rt, ein, eid, etext] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      if (!etext->empty()) ein->text = *etext;
      auto r = edit_reason(store, actor, *eid, *ein, today_for(actor, rt.now()));
      if (!r.ok()) return r.status();
      print_reason_result(rt, *r, "Updated");
      return Status::Ok();
    }));
  });

  auto cat = std::make_shared<std::string>();
  auto all = std::make_shared<bool>(false);
  auto* list = cmd.add_subcommand("list", "The library, with how often each reason advanced a contact");
  list->add_option("--category", *cat, "Only this category");
  list->add_flag("--all", *all, "Include retired reasons");
  list->callback([&rt, cat, all] { rt.finish(list_reasons(rt, *cat, *all)); });

  auto sid = std::make_shared<Id>();
  auto* show = cmd.add_subcommand("show", "Show one reason");
  show->add_option("reason", *sid, "Reason id")->required();
  show->callback([&rt, sid] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto r = store.get_reason(actor.workspace.id, *sid);
      if (!r.ok()) return r.status();
      if (rt.json()) {
        print_json(rt, *r);
        return Status::Ok();
      }
      rt.out() << "#" << r->id << " (" << to_text(r->category) << (r->retired ? ", retired" : "") << ")\n"
               << "  The reason I'm calling is " << r->text << ".\n";
      if (!r->objections.empty()) rt.out() << "  answers objections: " << join(r->objections) << "\n";
      if (!r->hot_buttons.empty()) rt.out() << "  serves hot buttons: " << join(r->hot_buttons) << "\n";
      if (!r->industries.empty()) rt.out() << "  industries: " << join(r->industries) << "\n";
      if (r->expires_on) rt.out() << "  expires " << format_date(*r->expires_on) << "\n";
      if (!r->author_name.empty()) rt.out() << "  by " << r->author_name << "\n";
      return Status::Ok();
    }));
  });

  auto rid = std::make_shared<Id>();
  auto* retire = cmd.add_subcommand("retire", "Stop using a reason (kept for its statistics)");
  retire->add_option("reason", *rid, "Reason id")->required();
  retire->callback([&rt, rid] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto r = retire_reason(store, actor, *rid);
      if (!r.ok()) return r.status();
      rt.out() << "Retired reason #" << r->id << "\n";
      return Status::Ok();
    }));
  });

  auto restore_id = std::make_shared<Id>();
  auto* restore = cmd.add_subcommand("restore", "Put a retired reason back in the library");
  restore->add_option("reason", *restore_id, "Reason id")->required();
  restore->callback([&rt, restore_id] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto r = restore_reason(store, actor, *restore_id);
      if (!r.ok()) return r.status();
      rt.out() << "Restored reason #" << r->id << "\n";
      return Status::Ok();
    }));
  });

  auto ctext = std::make_shared<std::string>();
  auto* check = cmd.add_subcommand("check", "Run the listener-value check on a reason without saving it");
  check->add_option("text", *ctext, "The reason")->required();
  check->callback([&rt, ctext] {
    auto problems = check_reason_text(*ctext);
    if (!problems.ok()) return rt.finish(problems.status());
    if (problems->empty()) {
      rt.out() << "No problems found.\n";
    } else {
      rt.out() << describe_problems(*problems) << "\n";
      rt.set_exit_code(1);
    }
    rt.finish(Status::Ok());
  });
}

void install_reasons(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto* stats = cmd.add_subcommand("stats", "Per reason and per category: attempts, connects, advances");
  stats->callback([&rt] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto report = reasons_report(store, actor);
      if (!report.ok()) return report.status();
      if (rt.json()) {
        print_json(rt, reason_stats_json(report->stats));
        return Status::Ok();
      }
      rt.out() << "By category\n";
      Table cats({"CATEGORY", "ATTEMPTS", "CONNECTS", "ADVANCES", "ADVANCE RATE"});
      for (const auto& [name, c] : report->stats.by_category)
        cats.add({name, std::to_string(c.attempts), std::to_string(c.connects), std::to_string(c.advances),
                  c.attempts ? fmt(100.0 * c.advances / c.attempts) + "%" : "-"});
      cats.print(rt.out());
      rt.out() << "\nBy reason\n";
      Table rs({"ID", "ATTEMPTS", "CONNECTS", "ADVANCES", "REASON"});
      for (const Reason& r : report->reasons) {
        auto c = report->stats.by_reason[r.id];
        rs.add({std::to_string(r.id), std::to_string(c.attempts), std::to_string(c.connects),
                std::to_string(c.advances), r.text});
      }
      rs.print(rt.out(), 70);
      return Status::Ok();
    }));
  });
}

void install_brainstorm(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto title = std::make_shared<std::string>();
  auto* start = cmd.add_subcommand("start", "Open a round: everyone fills in \"The reason I'm calling is ___\"");
  start->add_option("title", *title, "The round's title")->required();
  start->callback([&rt, title] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto r = start_round(store, actor, *title, rt.now());
      if (!r.ok()) return r.status();
      rt.out() << "Round #" << r->id << " \"" << r->title << "\" is open. Submit with: nextcall brainstorm submit \"...\"\n";
      return Status::Ok();
    }));
  });

  struct SubmitArgs {
    std::string text, category = "you_first";
    std::optional<Id> round;
    bool force = false;
  };
  auto s = std::make_shared<SubmitArgs>();
  auto* submit = cmd.add_subcommand("submit", "Submit a reason to the open round");
  submit->add_option("text", s->text, "What goes in the blank")->required();
  submit->add_option("--category", s->category, "you_first|industry_news|new_policy|new_regime|new_capability|new_you");
  submit->add_option("--round", s->round, "Round id (default: the open one)");
  submit->add_flag("--force", s->force, "Submit even if the value check finds problems");
  submit->callback([&rt, s] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto r = submit_reason(store, actor, s->round, s->text, s->category, s->force, rt.now());
      if (!r.ok()) return r.status();
      rt.out() << "Submission #" << r->submission.id << " by " << r->submission.author_name << "\n";
      return Status::Ok();
    }));
  });

  auto sid = std::make_shared<Id>();
  auto score = std::make_shared<int>(0);
  auto* sc = cmd.add_subcommand("score", "Score a submission for value to the listener, 1 to 5");
  sc->add_option("submission", *sid, "Submission id")->required();
  sc->add_option("score", *score, "1 (none) to 5 (they will want to hear it)")->required();
  sc->callback([&rt, sid, score] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      NEXTCALL_RETURN_IF_ERROR(score_submission(store, actor, *sid, *score));
      rt.out() << "Scored #" << *sid << ": " << *score << "\n";
      return Status::Ok();
    }));
  });

  auto bround = std::make_shared<std::optional<Id>>();
  auto* board = cmd.add_subcommand("board", "The leaderboard of reasons and authors");
  board->add_option("--round", *bround, "Round id (default: the open or latest one)");
  board->callback([&rt, bround] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto b = round_board(store, actor, *bround);
      if (!b.ok()) return b.status();
      if (rt.json()) {
        print_json(rt, board_json(*b));
        return Status::Ok();
      }
      Table t({"#", "SCORE", "VOTES", "BY", "THE REASON I'M CALLING IS"});
      for (const auto& r : b->reasons)
        t.add({std::to_string(r.submission.id), fmt(r.mean) + (r.accepted ? " ✓" : ""), std::to_string(r.votes),
               r.submission.author_name, r.submission.text});
      t.print(rt.out(), 70);
      rt.out() << "\nAuthors\n";
      Table a({"AUTHOR", "POINTS", "SUBMITTED", "ACCEPTED"});
      for (const auto& x : b->authors)
        a.add({x.author, fmt(x.points), std::to_string(x.submissions), std::to_string(x.accepted)});
      a.print(rt.out());
      return Status::Ok();
    }));
  });

  auto cround = std::make_shared<std::optional<Id>>();
  auto* close = cmd.add_subcommand("close", "Close the round: accepted reasons go into the library");
  close->add_option("--round", *cround, "Round id (default: the open one)");
  close->callback([&rt, cround] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto c = close_round(store, actor, *cround, rt.now());
      if (!c.ok()) return c.status();
      rt.out() << "Closed. " << c->added.size() << " reason" << (c->added.size() == 1 ? "" : "s")
               << " added to the library:\n";
      for (const Reason& r : c->added) rt.out() << "  #" << r.id << " " << r.text << " (" << r.author_name << ")\n";
      return Status::Ok();
    }));
  });
}

void install_change(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto in = std::make_shared<ChangeInput>();
  auto effective = std::make_shared<std::string>();
  auto* add = cmd.add_subcommand("add", "Record a company change and see who it re-opens");
  add->add_option("--kind", in->kind, "new_policy|new_regime|new_capability|industry_news")->required();
  add->add_option("--title", in->title, "What changed: \"We dropped our minimum order to 50 units\"")->required();
  add->add_option("--description", in->description, "More detail, said to the listener");
  add->add_option("--resolves", in->resolves,
                  "OBJECTION[:CONDITION], e.g. min_order_size:>=50 (see docs/changes.md); repeatable");
  add->add_option("--serves", in->serves, "A hot button it serves; repeatable");
  add->add_option("--industries", in->industries, "Only these industries")->delimiter(',');
  add->add_option("--effective", *effective, "When it takes effect (default now)");
  add->callback([&rt, in, effective] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      if (!effective->empty()) {
        auto d = parse_date_arg(*effective, today_for(actor, rt.now()), "--effective");
        if (!d.ok()) return d.status();
        in->effective_on = *d;
      }
      auto c = add_change(store, actor, *in, rt.now());
      if (!c.ok()) return c.status();
      auto recall = recall_list(store, actor, c->id);
      if (!recall.ok()) return recall.status();
      if (rt.json()) {
        nlohmann::json j = *c;
        j["recall_count"] = recall->size();
        print_json(rt, j);
      } else {
        rt.out() << "Change #" << c->id << " recorded. It re-opens " << recall->size() << " contact"
                 << (recall->size() == 1 ? "" : "s") << ": nextcall change recall " << c->id << "\n";
      }
      return Status::Ok();
    }));
  });

  auto* list = cmd.add_subcommand("list", "List changes");
  list->callback([&rt] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto all = store.list_changes(actor.workspace.id);
      if (!all.ok()) return all.status();
      if (rt.json()) {
        print_json(rt, *all);
        return Status::Ok();
      }
      Table t({"ID", "KIND", "TITLE", "RESOLVES", "SERVES"});
      for (const Change& c : *all) {
        std::vector<std::string> res;
        for (const auto& r : c.resolves) res.push_back(r.code + (r.condition.empty() ? "" : ":" + r.condition));
        t.add({std::to_string(c.id), std::string(to_text(c.kind)), c.title, join(res), join(c.serves)});
      }
      t.print(rt.out());
      return Status::Ok();
    }));
  });

  auto cid = std::make_shared<Id>();
  auto* recall = cmd.add_subcommand("recall", "The recall list: who the change re-opens, with a drafted reason");
  recall->add_option("change", *cid, "Change id")->required();
  recall->callback([&rt, cid] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      auto list = recall_list(store, actor, *cid);
      if (!list.ok()) return list.status();
      if (rt.json()) {
        print_json(rt, recall_json(*list));
        return Status::Ok();
      }
      for (const auto& e : *list) {
        rt.out() << "#" << e.contact.id << " " << e.contact.full_name() << (e.company.empty() ? "" : " (" + e.company + ")")
                 << (e.contact.phones.empty() ? "" : "  " + format_phone_national(e.contact.phones[0].e164)) << "\n"
                 << "   " << e.fit.why << "\n   The reason I'm calling is " << e.fit.drafted_reason << ".\n";
      }
      rt.out() << list->size() << " contact" << (list->size() == 1 ? "" : "s")
               << " on the recall list; they are on the plan until a call tells them.\n";
      return Status::Ok();
    }));
  });
}

}  // namespace nextcall::cli
