#include "io/coach_report_json.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/model_text.h"

namespace nextcall {

std::string render_coach_json(const Transcript& t, const CoachReport& r) {
  using nlohmann::json;
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  json j;
  j["format"] = t.format;
  j["voicemail"] = r.voicemail;
  j["warnings"] = r.warnings;
  j["turns"] = json::array();
  for (const auto& turn : t.turns)
    j["turns"].push_back({{"speaker", turn.speaker}, {"is_rep", turn.is_rep}, {"start", opt(turn.start)},
                          {"end", opt(turn.end)}, {"text", turn.text}, {"line", turn.line}});
  j["findings"] = json::array();
  for (const auto& f : r.findings)
    j["findings"].push_back({{"rule", f.rule}, {"turn", f.turn}, {"at", opt(f.at)}, {"words", f.words},
                             {"why", f.why}, {"instead", f.instead}, {"detail", f.detail}});
  const TalkFigures& g = r.figures;
  j["figures"] = {{"available", g.available}, {"by_time", g.by_time}, {"rep_share", g.rep_share},
                  {"rep_questions", g.rep_questions}, {"longest_monologue", g.longest_monologue},
                  {"longest_monologue_turn", g.longest_monologue_turn},
                  {"longest_monologue_speaker", g.longest_monologue_speaker},
                  {"rep_words", g.rep_words}, {"contact_words", g.contact_words},
                  {"duration_seconds", g.duration_seconds}};
  j["close"] = {{"ladder", r.close.ladder}, {"rung_agreed", r.close.rung_agreed}, {"asks", json::array()}};
  for (const auto& a : r.close.asks)
    j["close"]["asks"].push_back({{"rung", a.rung}, {"turn", a.turn}, {"agreed", a.agreed}});
  const CoachMemory& m = r.memory;
  json mem;
  mem["threads"] = json::array();
  for (const auto& th : m.threads)
    mem["threads"].push_back({{"kind", std::string(to_text(th.kind))}, {"topic", th.topic}, {"turn", th.turn}});
  mem["commitments"] = json::array();
  for (const auto& c : m.commitments)
    mem["commitments"].push_back({{"owner", std::string(to_text(c.owner))}, {"what", c.what},
                                  {"due_on", c.due_on ? json(format_date(*c.due_on)) : json(nullptr)},
                                  {"due_text", c.due_text}, {"turn", c.turn}});
  mem["hot_button"] = m.hot_button ? json(*m.hot_button) : json(nullptr);
  mem["objections"] = json::array();
  for (const auto& o : m.objections)
    mem["objections"].push_back({{"code", o.code}, {"detail", o.detail}, {"turn", o.turn}});
  mem["rung_agreed"] = m.rung_agreed;
  j["memory"] = mem;
  return j.dump(2) + "\n";
}

}  // namespace nextcall
