#include "io/coach_report_html.h"

#include <fmt/format.h>

#include <map>

#include "io/coach_report_text.h"
#include "core/model_text.h"
#include "core/civil_time.h"

namespace nextcall {

namespace {

std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o.push_back(c);
    }
  }
  return o;
}

}  // namespace

std::string render_coach_html(const Transcript& t, const CoachReport& r) {
  std::multimap<int, const Finding*> by_turn;
  for (const auto& f : r.findings) by_turn.emplace(f.turn, &f);
  std::string o =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Call coach</title>\n"
      "<style>body{font-family:sans-serif;max-width:60em;margin:auto}.turn{padding:.3em .6em;margin:.2em 0}"
      ".rep{background:#eef4ff}.flagged{border-left:4px solid #d33;background:#fff0f0}"
      ".finding{font-size:.9em;color:#700;margin:.2em 0 .2em 1em}.who{font-weight:bold}</style></head><body>\n"
      "<h1>Call coach</h1>\n";
  for (const auto& w : r.warnings) o += "<p class=\"warning\">" + esc(w) + "</p>\n";
  o += fmt::format("<p>{} findings{}</p>\n<h2>Transcript</h2>\n", r.findings.size(),
                   r.voicemail ? " &middot; voicemail" : "");
  for (size_t i = 0; i < t.turns.size(); ++i) {
    const Turn& turn = t.turns[i];
    auto range = by_turn.equal_range(static_cast<int>(i));
    bool flagged = range.first != range.second;
    o += fmt::format("<div class=\"turn{}{}\" id=\"turn-{}\"><span class=\"who\">{}</span>: {}\n",
                     turn.is_rep ? " rep" : "", flagged ? " flagged" : "", i + 1, esc(turn.speaker),
                     esc(turn.text));
    for (auto it = range.first; it != range.second; ++it) {
      const Finding& f = *it->second;
      o += fmt::format("<div class=\"finding\" data-rule=\"{}\"><b>{}</b> at {}: {} <i>Instead:</i> {}</div>\n",
                       esc(f.rule), esc(f.rule), esc(moment_text(f)), esc(f.why), esc(f.instead));
    }
    o += "</div>\n";
  }
  for (auto it = by_turn.lower_bound(-1); it != by_turn.end() && it->first < 0; ++it)
    o += "<div class=\"finding\">" + esc(it->second->rule) + ": " + esc(it->second->why) + "</div>\n";
  const TalkFigures& g = r.figures;
  o += "<h2>Figures</h2>\n<ul>\n";
  o += g.available ? fmt::format("<li>Rep share of talk: {:.0f}% (by {})</li>\n", g.rep_share * 100,
                                 g.by_time ? "time" : "words")
                   : std::string("<li>Rep share of talk: not available (one speaker)</li>\n");
  o += fmt::format("<li>Questions asked by the rep: {}</li>\n", g.rep_questions);
  o += fmt::format("<li>Longest monologue: {} {} ({})</li>\n</ul>\n", g.longest_monologue,
                   g.by_time ? "s" : "words", esc(g.longest_monologue_speaker));
  o += "<h2>Memory for the next call</h2>\n<ul>\n";
  const CoachMemory& m = r.memory;
  for (const auto& th : m.threads)
    o += "<li>Thread (" + std::string(to_text(th.kind)) + "): " + esc(th.topic) + "</li>\n";
  for (const auto& c : m.commitments)
    o += "<li>Commitment (" + std::string(to_text(c.owner)) + "): " + esc(c.what) +
         (c.due_on ? " &mdash; due " + format_date(*c.due_on) : "") + "</li>\n";
  if (m.hot_button) o += "<li>Hot button: " + esc(*m.hot_button) + "</li>\n";
  for (const auto& ob : m.objections) o += "<li>Objection " + esc(ob.code) + ": " + esc(ob.detail) + "</li>\n";
  if (!m.rung_agreed.empty()) o += "<li>Rung agreed: " + esc(m.rung_agreed) + "</li>\n";
  o += "</ul>\n</body></html>\n";
  return o;
}

}  // namespace nextcall
