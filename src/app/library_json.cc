#include "app/library_json.h"

#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "io/model_json.h"

namespace nextcall {

nlohmann::json problems_json(const std::vector<ReasonProblem>& problems) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : problems) out.push_back({{"rule", p.rule}, {"message", p.message}, {"rewrite", p.rewrite}});
  return out;
}

nlohmann::json reason_result_json(const ReasonResult& r) {
  nlohmann::json j = r.reason;
  j["problems"] = problems_json(r.problems);
  return j;
}

nlohmann::json counts_json(const ReasonCounts& c) {
  return {{"attempts", c.attempts}, {"connects", c.connects}, {"advances", c.advances}};
}

nlohmann::json reason_list_json(const std::vector<Reason>& reasons, const ReasonStats& stats) {
  nlohmann::json out = nlohmann::json::array();
  for (const Reason& r : reasons) {
    nlohmann::json x = r;
    auto it = stats.by_reason.find(r.id);
    x["stats"] = counts_json(it == stats.by_reason.end() ? ReasonCounts{} : it->second);
    out.push_back(x);
  }
  return out;
}

nlohmann::json reason_stats_json(const ReasonStats& stats) {
  nlohmann::json by_reason = nlohmann::json::array(), by_category = nlohmann::json::object(),
                 by_text = nlohmann::json::array();
  for (const auto& [id, c] : stats.by_reason) {
    auto j = counts_json(c);
    j["reason_id"] = id;
    by_reason.push_back(j);
  }
  for (const auto& [name, c] : stats.by_category) by_category[name] = counts_json(c);
  for (const auto& [text, c] : stats.by_text) {
    auto j = counts_json(c);
    j["text"] = text;
    by_text.push_back(j);
  }
  return {{"by_reason", by_reason}, {"by_category", by_category}, {"unlisted", by_text}};
}

nlohmann::json board_json(const Leaderboard& b) {
  nlohmann::json reasons = nlohmann::json::array(), authors = nlohmann::json::array();
  for (const auto& r : b.reasons)
    reasons.push_back({{"submission_id", r.submission.id}, {"text", r.submission.text},
                       {"category", std::string(to_text(r.submission.category))}, {"author", r.submission.author_name},
                       {"author_id", r.submission.author_id ? nlohmann::json(*r.submission.author_id) : nlohmann::json()},
                       {"mean", r.mean}, {"votes", r.votes}, {"accepted", r.accepted}});
  for (const auto& a : b.authors)
    authors.push_back({{"author", a.author}, {"submissions", a.submissions}, {"accepted", a.accepted},
                       {"points", a.points}});
  return {{"reasons", reasons}, {"authors", authors}};
}

nlohmann::json recall_json(const std::vector<RecallEntry>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : list)
    out.push_back({{"contact", e.contact}, {"company", e.company}, {"why", e.fit.why},
                   {"objection_id", e.fit.objection_id ? nlohmann::json(*e.fit.objection_id) : nlohmann::json()},
                   {"reason", e.fit.drafted_reason}});
  return out;
}

nlohmann::json finding_json(const LintFinding& f) {
  return {{"line", f.line},   {"column", f.column}, {"offset", f.offset}, {"length", f.length},
          {"rule", f.rule},   {"words", f.words},   {"why", f.why},       {"instead", f.instead}};
}

}  // namespace nextcall
