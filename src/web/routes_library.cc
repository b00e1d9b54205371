// Routes: the team's library — reasons and their statistics, the brainstorm round,
// company changes with their recall lists — and the phrase linter.
#include <sstream>

#include "app/brainstorm.h"
#include "app/changes.h"
#include "app/date_input.h"
#include "app/library_json.h"
#include "app/lint_files.h"
#include "app/reasons.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

Result<ReasonInput> reason_input(const std::string& body) {
  auto b = Body::parse(body, {"text", "category", "expires", "industries", "stages", "roles", "hot_buttons",
                              "objections", "force"});
  if (!b.ok()) return b.status();
  ReasonInput in;
  in.text = b->text("text", false, 1000);
  in.category = b->text("category", false, 40);
  in.expires = b->text("expires", false, 40);
  in.industries = b->texts("industries");
  in.stages = b->texts("stages");
  in.roles = b->texts("roles");
  in.hot_buttons = b->texts("hot_buttons");
  in.objections = b->texts("objections");
  in.force = b->boolean("force").value_or(false);
  NEXTCALL_RETURN_IF_ERROR(b->finish());
  return in;
}

// "7" -> 7; "" -> none (the open round).
Result<std::optional<Id>> round_param(const std::string& text) {
  if (text.empty() || text == "current") return std::optional<Id>();
  auto id = parse_id(text, "round");
  if (!id.ok()) return id.status();
  return std::optional<Id>(*id);
}

}  // namespace

void install_library_routes(Routes& r) {
  r.add("GET", "/api/reasons", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto report = reasons_report(c.store, c.actor());
    if (!report.ok()) return report.status();
    const bool all = c.query("all") == "true";
    const std::string category = c.query("category");
    std::vector<Reason> shown;
    for (const Reason& x : report->reasons) {
      if (!all && x.retired) continue;
      if (!category.empty() && to_text(x.category) != category) continue;
      shown.push_back(x);
    }
    return nlohmann::json{{"reasons", reason_list_json(shown, report->stats)},
                          {"stats", reason_stats_json(report->stats)}};
  });
  r.add("POST", "/api/reasons", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto in = reason_input(c.req.body);
    if (!in.ok()) return in.status();
    if (!in->text) return Status::InvalidArgument("text: is required");
    auto added = add_reason(c.store, c.actor(), *in, today_for(c.actor(), c.now), c.now);
    if (!added.ok()) return added.status();
    c.status = 201;
    return reason_result_json(*added);
  });
  r.add("PATCH", "/api/reasons/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto in = reason_input(c.req.body);
    if (!in.ok()) return in.status();
    auto edited = edit_reason(c.store, c.actor(), *id, *in, today_for(c.actor(), c.now));
    if (!edited.ok()) return edited.status();
    return reason_result_json(*edited);
  });
  r.add("POST", "/api/reasons/{id}/retire", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto retired = retire_reason(c.store, c.actor(), *id);
    if (!retired.ok()) return retired.status();
    return nlohmann::json(*retired);
  });
  r.add("POST", "/api/reasons/{id}/restore", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto restored = restore_reason(c.store, c.actor(), *id);
    if (!restored.ok()) return restored.status();
    return nlohmann::json(*restored);
  });
  r.add("POST", "/api/reasons/check", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"text"});
    if (!b.ok()) return b.status();
    auto text = b->text("text", true, 1000);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    auto problems = check_reason_text(*text);
    if (!problems.ok()) return problems.status();
    return nlohmann::json{{"text", *text}, {"problems", problems_json(*problems)}};
  });

  r.add("GET", "/api/brainstorm", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = round_param(c.query("round"));
    if (!id.ok()) return id.status();
    auto rounds = c.store.list_rounds(c.actor().workspace.id);
    if (!rounds.ok()) return rounds.status();
    nlohmann::json j = {{"rounds", nlohmann::json::array()}, {"round", nullptr}, {"board", nullptr}};
    for (const auto& x : *rounds)
      j["rounds"].push_back({{"id", x.id}, {"title", x.title}, {"open", x.open}});
    if (rounds->empty()) return j;
    // Without ?round=: the open round, or else the latest closed one, so its board (what
    // was added to the library) stays in view after a manager closes it.
    std::optional<Id> wanted = *id;
    if (!wanted) {
      wanted = rounds->back().id;  // rounds come oldest first
      for (const auto& x : *rounds)
        if (x.open) wanted = x.id;
    }
    auto round = find_round(c.store, c.actor(), wanted);
    if (!round.ok()) return round.status();
    j["round"] = {{"id", round->id}, {"title", round->title}, {"open", round->open}};
    auto board = round_board(c.store, c.actor(), round->id);
    if (!board.ok()) return board.status();
    j["board"] = board_json(*board);
    auto scores = c.store.list_scores(c.actor().workspace.id, round->id);
    if (!scores.ok()) return scores.status();
    nlohmann::json mine = nlohmann::json::object();
    for (const auto& s : *scores)
      if (s.user_id == c.actor().rep.id) mine[std::to_string(s.submission_id)] = s.score;
    j["my_scores"] = mine;
    j["me"] = c.actor().rep.id;
    return j;
  });
  r.add("POST", "/api/brainstorm/rounds", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"title"});
    if (!b.ok()) return b.status();
    auto title = b->text("title", true, 300);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    auto round = start_round(c.store, c.actor(), *title, c.now);
    if (!round.ok()) return round.status();
    c.status = 201;
    return nlohmann::json{{"id", round->id}, {"title", round->title}, {"open", round->open}};
  });
  r.add("POST", "/api/brainstorm/submissions", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"round_id", "text", "category", "force"});
    if (!b.ok()) return b.status();
    auto round = b->integer("round_id", false, 1);
    auto text = b->text("text", true, 1000);
    auto category = b->text("category", false, 40);
    auto force = b->boolean("force");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    std::optional<Id> round_id;
    if (round) round_id = *round;
    auto s = submit_reason(c.store, c.actor(), round_id, *text, category.value_or("you_first"),
                           force.value_or(false), c.now);
    if (!s.ok()) return s.status();
    c.status = 201;
    return nlohmann::json{{"id", s->submission.id},
                          {"round_id", s->submission.round_id},
                          {"text", s->submission.text},
                          {"problems", problems_json(s->problems)}};
  });
  r.add("POST", "/api/brainstorm/submissions/{id}/score", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"score"});
    if (!b.ok()) return b.status();
    auto score = b->integer("score", true, 1, 5);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(score_submission(c.store, c.actor(), *id, static_cast<int>(*score)));
    return nlohmann::json{{"submission_id", *id}, {"score", *score}};
  });
  r.add("POST", "/api/brainstorm/rounds/{id}/close", Access::kManager, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto closed = close_round(c.store, c.actor(), *id, c.now);
    if (!closed.ok()) return closed.status();
    return nlohmann::json{{"board", board_json(closed->board)}, {"added", closed->added}};
  });

  r.add("GET", "/api/changes", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto all = c.store.list_changes(c.actor().workspace.id);
    if (!all.ok()) return all.status();
    return nlohmann::json(*all);
  });
  r.add("POST", "/api/changes", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"kind", "title", "description", "resolves", "serves", "industries",
                                      "effective_on"});
    if (!b.ok()) return b.status();
    ChangeInput in;
    in.kind = b->text("kind", true, 40).value_or("");
    in.title = b->text("title", true, 500).value_or("");
    in.description = b->text("description", false, 5000).value_or("");
    in.resolves = b->texts("resolves").value_or(std::vector<std::string>{});
    in.serves = b->texts("serves").value_or(std::vector<std::string>{});
    in.industries = b->texts("industries").value_or(std::vector<std::string>{});
    auto effective = b->text("effective_on", false, 40);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    if (effective && !effective->empty()) {
      auto d = parse_date_arg(*effective, today_for(c.actor(), c.now), "effective_on");
      if (!d.ok()) return d.status();
      in.effective_on = *d;
    }
    auto change = add_change(c.store, c.actor(), in, c.now);
    if (!change.ok()) return change.status();
    auto recall = recall_list(c.store, c.actor(), change->id);
    if (!recall.ok()) return recall.status();
    c.status = 201;
    nlohmann::json j = *change;
    j["recall"] = recall_json(*recall);
    return j;
  });
  r.add("GET", "/api/changes/{id}/recall", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto change = c.store.get_change(c.actor().workspace.id, *id);
    if (!change.ok()) return change.status();
    auto recall = recall_list(c.store, c.actor(), *id);
    if (!recall.ok()) return recall.status();
    nlohmann::json j = *change;
    j["recall"] = recall_json(*recall);
    return j;
  });

  r.add("POST", "/api/lint", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"text", "kind", "seconds", "words_per_minute"});
    if (!b.ok()) return b.status();
    auto text = b->text("text", true, 1 << 20);
    auto kind = b->text("kind", false, 20);
    auto seconds = b->integer("seconds", false, 1, 600);
    auto rate = b->integer("words_per_minute", false, 60, 400);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    LintOptions o;
    o.files = {"-"};
    if (kind) {
      TextKind k;
      if (!parse_text_kind(*kind, &k)) return Status::InvalidArgument("kind: is not one of script|voicemail|note|email");
      o.kind = k;
    }
    if (seconds) o.budget.seconds = static_cast<int>(*seconds);
    if (rate) o.budget.words_per_minute = static_cast<int>(*rate);
    std::istringstream in(*text);
    nlohmann::json findings = nlohmann::json::array();
    auto sum = lint_files(o, in, [&](const FileFinding& f) { findings.push_back(finding_json(f.finding)); });
    if (!sum.ok()) return sum.status();
    return nlohmann::json{{"findings", findings}};
  });
}

}  // namespace nextcall::web
