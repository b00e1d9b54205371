#include "io/call_sheet_html.h"

#include <cstdio>

#include "core/civil_time.h"
#include "core/close_ladder.h"
#include "core/local_time.h"

namespace nextcall {

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

std::string row(const char* label, const std::string& html) {
  return std::string("<dt>") + label + "</dt><dd>" + html + "</dd>\n";
}

}  // namespace

std::string brief_html(const Brief& b, const std::string& rep_zone) {
  auto e = html_escape;
  std::string h = "<section class=\"brief\" id=\"c" + std::to_string(b.contact_id) + "\">\n<h2>" + e(b.name) +
                  (b.title.empty() ? "" : ", " + e(b.title)) + (b.company.empty() ? "" : " <small>" + e(b.company) + "</small>") +
                  "</h2>\n<dl>\n";
  if (b.last_call) {
    const LastCall& l = *b.last_call;
    std::string promised;
    for (const auto& p : l.promises) promised += "<br><small>promised: " + e(p) + "</small>";
    h += row("Last call", e(l.their_text) + " (" + e(l.rep_text) + "): " + e(l.outcome) +
                              (l.rung.empty() ? "" : ", agreed to " + e(rung_words(l.rung))) +
                              (l.note.empty() ? "" : " — “" + e(l.note) + "”") + promised);
  }
  if (b.has_window()) {
    h += row("Who &amp; when", "<a href=\"tel:" + e(b.phone_e164) + "\">" + e(b.phone_display) + "</a> · " +
                                   e(b.window.local_text) + " = " + e(b.window.rep_text) + "<br><small>dial at " +
                                   e(format_local(b.slot, rep_zone)) + " · " + e(b.window.why) + "</small>");
  } else {
    std::string why;
    for (const auto& d : b.due_because) why += "<br><small>" + e(d) + "</small>";
    h += row("Who &amp; when", "no window today" + why);
    return h + "</dl>\n</section>\n";
  }
  h += row("Reason", e(b.reason.sentence) + "<br><small>" + e(b.reason.why) + "</small>");
  h += row("Opener", "“" + e(b.opener) + "”");
  if (!b.hot_button.empty()) h += row("Hot button", e(b.hot_button));
  for (const auto& q : b.qualifying_questions) h += row("Qualify", e(q));
  if (b.material)
    h += row("Material", "Have the " + e(b.material->title) + " in front of you: <b>" + e(b.material->location) +
                             "</b> → " + e(b.material->serves));
  std::string fallbacks;
  for (const auto& f : b.close.fallbacks) fallbacks += (fallbacks.empty() ? "" : " → ") + e(rung_words(f));
  h += row("Target close", "<b>" + e(rung_words(b.close.rung)) + "</b> (" + e(b.close.ladder) + " ladder) — " + e(b.close.ask) +
                               (!b.close.why.empty() ? "<br><small>" + e(b.close.why) + "</small>"
                                : fallbacks.empty()   ? ""
                                                      : "<br><small>if not: " + fallbacks + "</small>"));
  if (b.fallback_play) h += row("Fallback play", e(*b.fallback_play));
  if (b.introduction_ask) h += row("Introduction", e(*b.introduction_ask));
  char meta[64];
  std::snprintf(meta, sizeof meta, " (%d words, ~%d s of %d)", b.voicemail.words, b.voicemail.seconds,
                b.voicemail.budget_seconds);
  h += row("Voicemail", "“" + e(b.voicemail.text) + "”<small>" + meta + " " + e(b.voicemail.slot_why) + "</small>");
  if (b.gatekeeper_script) {
    std::string list = "<ol>";
    for (const auto& line : *b.gatekeeper_script) list += "<li>" + e(line) + "</li>";
    h += row("Gatekeeper", list + "</ol>");
  }
  std::string why = "<ul>";
  for (const auto& d : b.due_because) why += "<li>" + e(d) + "</li>";
  why += "</ul><small>priority ";
  char total[32];
  std::snprintf(total, sizeof total, "%.1f", b.priority);
  why += total;
  for (const auto& p : b.priority_parts) {
    char pts[32];
    std::snprintf(pts, sizeof pts, "%.1f", p.points);
    why += " · " + e(std::string(p.name)) + " " + pts;
  }
  h += row("Why now", why + "</small>");
  return h + "</dl>\n</section>\n";
}

std::string call_sheet_html(const CallSheet& s) {
  auto e = html_escape;
  std::string h =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Call sheet " + e(format_date(s.day)) + " — " + e(s.rep_name) + "</title>"
      "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}"
      "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd}"
      ".brief{border:1px solid #ccd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0;break-inside:avoid}"
      "dt{font-weight:600;color:#334}dd{margin:0 0 .4rem 0}small{color:#555}a{color:#0645ad}</style>"
      "</head><body>\n<h1>Call sheet — " + e(s.rep_name) + ", " + e(format_date(s.day)) + "</h1>\n";
  h += "<p>" + std::to_string(s.calls.size()) + " calls (capacity " + std::to_string(s.capacity) + "), times in " +
       e(s.rep_timezone.empty() ? "UTC" : s.rep_timezone) + ".</p>\n<table><thead><tr><th>#</th><th>Your time</th>"
       "<th>Their time</th><th>Who</th><th>Phone</th><th>Close</th></tr></thead><tbody>\n";
  int n = 0;
  for (const Brief& b : s.calls) {
    h += "<tr><td>" + std::to_string(++n) + "</td><td>" + e(format_local(b.slot, s.rep_timezone)) + "</td><td>" +
         e(format_local(b.slot, b.contact_timezone.empty() ? s.rep_timezone : b.contact_timezone)) +
         "</td><td><a href=\"#c" + std::to_string(b.contact_id) + "\">" + e(b.name) + "</a></td><td><a href=\"tel:" +
         e(b.phone_e164) + "\">" + e(b.phone_display) + "</a></td><td>" + e(b.close.rung) + "</td></tr>\n";
  }
  h += "</tbody></table>\n";
  for (const Brief& b : s.calls) h += brief_html(b, s.rep_timezone);
  auto list = [&](const char* title, const std::vector<SheetEntry>& v) {
    if (v.empty()) return;
    h += "<h2>" + std::string(title) + "</h2><ul>";
    for (const auto& x : v) h += "<li>" + e(x.name) + " — " + e(x.why) + "</li>";
    h += "</ul>\n";
  };
  std::vector<SheetEntry> overflow;
  for (const OverflowCall& b : s.overflow) overflow.push_back({b.contact_id, b.name, cut_reason(s, b)});
  list("Overflow", overflow);
  list("Needs a reason", s.needs_reason);
  list("Snoozed", s.snoozed);
  list("Not planned", s.skipped);
  return h + "</body></html>\n";
}

}  // namespace nextcall
