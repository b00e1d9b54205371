#include "io/call_sheet_json.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"

namespace nextcall {

using nlohmann::json;

nlohmann::json brief_json(const Brief& b) {
  json parts = json::array();
  for (const auto& p : b.priority_parts) parts.push_back({{"name", p.name}, {"points", p.points}, {"why", p.why}});
  json material;
  if (b.material)
    material = {{"material_id", b.material->material_id}, {"title", b.material->title},
                {"location", b.material->location}, {"serves", b.material->serves}};
  return {
      {"contact_id", b.contact_id},
      {"name", b.name},
      {"title", b.title},
      {"company", b.company},
      {"role", b.role},
      {"stage", b.stage},
      {"phone", {{"e164", b.phone_e164}, {"display", b.phone_display}}},
      {"timezone", b.contact_timezone.empty() ? json() : json(b.contact_timezone)},
      {"kind", std::string(to_text(b.kind))},
      {"approach", {{"name", b.approach}, {"why", b.approach_why}}},
      {"window",
       {{"name", b.window.name},
        {"start", format_instant(b.window.start)},
        {"end", format_instant(b.window.end)},
        {"local", b.window.local_text},
        {"rep", b.window.rep_text},
        {"why", b.window.why},
        {"connect_estimate", b.window.connect_estimate}}},
      {"slot", format_instant(b.slot)},
      {"reason",
       {{"source", b.reason.source},
        {"reason_id", b.reason.reason_id ? json(*b.reason.reason_id) : json()},
        {"change_id", b.reason.change_id ? json(*b.reason.change_id) : json()},
        {"category", b.reason.category},
        {"text", b.reason.text},
        {"sentence", b.reason.sentence},
        {"why", b.reason.why}}},
      {"opener", {{"text", b.opener}, {"source", b.opener_source}}},
      {"hot_button", b.hot_button.empty() ? json() : json(b.hot_button)},
      {"qualifying_questions", b.qualifying_questions},
      {"material", material},
      {"close",
       {{"ladder", b.close.ladder},
        {"target", b.close.rung},
        {"highest_agreed", b.close.highest_agreed.empty() ? json() : json(b.close.highest_agreed)},
        {"fallbacks", b.close.fallbacks},
        {"ask", b.close.ask},
        {"why", b.close.why}}},
      {"fallback_play", b.fallback_play ? json(*b.fallback_play) : json()},
      {"voicemail",
       {{"text", b.voicemail.text},
        {"words", b.voicemail.words},
        {"seconds", b.voicemail.seconds},
        {"proposed_slot", format_instant(b.voicemail.proposed_slot)},
        {"slot_text", b.voicemail.slot_text},
        {"slot_why", b.voicemail.slot_why}}},
      {"gatekeeper_script", b.gatekeeper_script ? json(*b.gatekeeper_script) : json()},
      {"due_because", b.due_because},
      {"priority", {{"total", b.priority}, {"parts", parts}}},
  };
}

namespace {

// A cut call's reasons to be due, then why the capacity cut it.
json due_and_cut(const CallSheet& s, const OverflowCall& b) {
  json why = b.due_because;
  why.push_back(cut_reason(s, b));
  return why;
}

}  // namespace

nlohmann::json call_sheet_json(const CallSheet& s) {
  json calls = json::array(), overflow = json::array();
  for (const Brief& b : s.calls) calls.push_back(brief_json(b));
  for (const OverflowCall& b : s.overflow) {
    json parts = json::array();  // names and points: the words are in the contact's brief
    for (const auto& p : b.priority_parts) parts.push_back({{"name", p.name}, {"points", p.points}});
    overflow.push_back({{"contact_id", b.contact_id},
                        {"name", b.name},
                        {"company", b.company},
                        {"role", b.role},
                        {"stage", b.stage},
                        {"phone", {{"e164", b.phone_e164}}},
                        {"kind", std::string(to_text(b.kind))},
                        {"window",
                         {{"name", b.window_name},
                          {"start", format_instant(b.window_start)},
                          {"end", format_instant(b.window_end)},
                          {"connect_estimate", b.connect_estimate}}},
                        {"due_because", due_and_cut(s, b)},
                        {"priority", {{"total", b.priority}, {"parts", parts}}}});
  }
  auto entries = [](const std::vector<SheetEntry>& v) {
    json a = json::array();
    for (const auto& e : v) a.push_back({{"contact_id", e.contact_id}, {"name", e.name}, {"why", e.why}});
    return a;
  };
  return {{"rep", {{"id", s.rep_id}, {"name", s.rep_name}, {"timezone", s.rep_timezone}}},
          {"day", format_date(s.day)},
          {"generated_at", format_instant(s.generated_at)},
          {"capacity", s.capacity},
          {"calls", calls},
          {"overflow", overflow},
          {"needs_reason", entries(s.needs_reason)},
          {"snoozed", entries(s.snoozed)},
          {"skipped", entries(s.skipped)}};
}

void write_call_sheets_json(std::ostream& out, const std::vector<CallSheet>& sheets) {
  if (sheets.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    // Each sheet one level in: two spaces before every line. A JSON string holds no raw
    // line break (dump escapes it), so every line break starts a line of the layout.
    const std::string text = call_sheet_json(sheets[i]).dump(2);
    std::size_t from = 0;
    while (from < text.size()) {
      std::size_t end = text.find('\n', from);
      if (end == std::string::npos) end = text.size();
      out << "  ";
      out.write(text.data() + from, static_cast<std::streamsize>(end - from));
      if (end < text.size()) out << '\n';
      from = end + 1;
    }
    out << (i + 1 < sheets.size() ? ",\n" : "\n");
  }
  out << "]";
}

}  // namespace nextcall
