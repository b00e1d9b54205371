#include "io/call_sheet_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/civil_time.h"
#include "core/model_text.h"

namespace nextcall {

using nlohmann::json;

nlohmann::json brief_json(const Brief& b) {
  json parts = json::array();
  for (const auto& p : b.priority_parts) parts.push_back({{"name", p.name}, {"points", p.points}, {"why", p.why}});
  json material;
  if (b.material)
    material = {{"material_id", b.material->material_id}, {"title", b.material->title},
                {"location", b.material->location}, {"serves", b.material->serves}};
  json last_call;
  if (b.last_call)
    last_call = {{"at", format_instant(b.last_call->at)},
                 {"their_time", b.last_call->their_text},
                 {"your_time", b.last_call->rep_text},
                 {"outcome", b.last_call->outcome},
                 {"ladder", b.last_call->ladder.empty() ? json() : json(b.last_call->ladder)},
                 {"rung", b.last_call->rung.empty() ? json() : json(b.last_call->rung)},
                 {"approach", b.last_call->approach.empty() ? json() : json(b.last_call->approach)},
                 {"note", b.last_call->note},
                 {"promises", b.last_call->promises}};
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
        {"start", b.has_window() ? json(format_instant(b.window.start)) : json()},
        {"end", b.has_window() ? json(format_instant(b.window.end)) : json()},
        {"local", b.window.local_text},
        {"rep", b.window.rep_text},
        {"why", b.window.why},
        {"connect_estimate", b.window.connect_estimate}}},
      {"slot", b.has_window() ? json(format_instant(b.slot)) : json()},
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
        {"proposed_slot", b.voicemail.proposed_slot == Instant{} ? json() : json(format_instant(b.voicemail.proposed_slot))},
        {"slot_text", b.voicemail.slot_text},
        {"slot_why", b.voicemail.slot_why},
        {"budget_seconds", b.voicemail.budget_seconds},
        {"purpose", b.voicemail.purpose},
        {"held_appointment_id", b.voicemail.held_appointment_id ? json(*b.voicemail.held_appointment_id) : json()}}},
      {"gatekeeper_script", b.gatekeeper_script ? json(*b.gatekeeper_script) : json()},
      {"last_call", last_call},
      {"attempt", b.attempt},
      {"tried_before", b.tried_before},
      {"referrer", b.referrer.empty() ? json() : json(b.referrer)},
      {"introduction_ask", b.introduction_ask ? json(*b.introduction_ask) : json()},
      {"due_because", b.due_because},
      {"priority", {{"total", b.priority}, {"parts", parts}}},
  };
}

namespace {

json appointments_json(const std::vector<SheetAppointment>& list) {
  json a = json::array();
  for (const SheetAppointment& sa : list) {
    const Appointment& ap = sa.appointment;
    a.push_back({{"id", ap.id},
                 {"contact_id", ap.contact_id},
                 {"contact", sa.contact_name},
                 {"starts_at", format_instant(ap.starts_at)},
                 {"minutes", ap.duration_minutes},
                 {"status", std::string(to_text(ap.status))},
                 {"tentative", ap.status == AppointmentStatus::kProposed},
                 {"callback", ap.is_callback},
                 {"place", ap.place}});
  }
  return a;
}

// A cut call's reasons to be due, then why the capacity cut it.
json due_and_cut(const CallSheet& s, const OverflowCall& b) {
  json why = b.due_because;
  why.push_back(cut_reason(s, b));
  return why;
}

// The sheet's JSON; its overflow left empty unless asked for (write_call_sheets_json writes
// the rows itself, in the same layout: put_overflow_row below).
json sheet_json(const CallSheet& s, bool with_overflow) {
  static const std::vector<OverflowCall> kNone;
  json calls = json::array(), overflow = json::array();
  for (const Brief& b : s.calls) calls.push_back(brief_json(b));
  for (const OverflowCall& b : with_overflow ? s.overflow : kNone) {
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
          {"skipped", entries(s.skipped)},
          {"appointments", appointments_json(s.appointments)}};
}

// Scalars as dump() writes them, to stream: `out << Str{v}`, `out << Num{v}`. A string of
// plain printable ASCII is written as it is; any other (escapes, UTF-8) and every double go
// through the library, so the text stays the library's to the byte.
struct Str {
  std::string_view v;
};
struct Num {
  double v;
};

std::ostream& operator<<(std::ostream& out, Str s) {
  bool plain = true;
  for (char ch : s.v) plain &= ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\';
  if (plain) return out << '"' << s.v << '"';
  return out << json(std::string(s.v)).dump();
}

std::ostream& operator<<(std::ostream& out, Num n) { return out << json(n.v).dump(); }

// One overflow row at `pad` (the object's own indent), its keys in the library's order
// (sorted), laid out as dump(2) lays out what sheet_json makes of it. A field added there
// must be added here: CallSheetViewsTest.SheetsWrittenOneByOneAreTheArrayDumpedWhole
// compares the two.
void put_overflow_row(std::ostream& out, const CallSheet& s, const OverflowCall& b,
                      const std::string& pad) {
  const std::string in1 = pad + "  ", in2 = pad + "    ", in3 = pad + "      ",
                    in4 = pad + "        ";
  out << pad << "{\n";
  out << in1 << "\"company\": " << Str{b.company} << ",\n";
  out << in1 << "\"contact_id\": " << b.contact_id << ",\n";
  out << in1 << "\"due_because\": [\n";
  for (const std::string& why : b.due_because) out << in2 << Str{why} << ",\n";
  out << in2 << Str{cut_reason(s, b)} << "\n";  // never empty: the cut is a reason
  out << in1 << "],\n";
  out << in1 << "\"kind\": " << Str{to_text(b.kind)} << ",\n";
  out << in1 << "\"name\": " << Str{b.name} << ",\n";
  out << in1 << "\"phone\": {\n"
      << in2 << "\"e164\": " << Str{b.phone_e164} << "\n"
      << in1 << "},\n";
  out << in1 << "\"priority\": {\n";
  if (b.priority_parts.empty()) {
    out << in2 << "\"parts\": [],\n";
  } else {
    out << in2 << "\"parts\": [\n";
    for (std::size_t k = 0; k < b.priority_parts.size(); ++k) {
      const RankedPart& p = b.priority_parts[k];
      out << in3 << "{\n" << in4 << "\"name\": " << Str{p.name} << ",\n";
      out << in4 << "\"points\": " << Num{p.points} << "\n";
      out << in3 << (k + 1 < b.priority_parts.size() ? "},\n" : "}\n");
    }
    out << in2 << "],\n";
  }
  out << in2 << "\"total\": " << Num{b.priority} << "\n" << in1 << "},\n";
  out << in1 << "\"role\": " << Str{b.role} << ",\n";
  out << in1 << "\"stage\": " << Str{b.stage} << ",\n";
  out << in1 << "\"window\": {\n";
  out << in2 << "\"connect_estimate\": " << Num{b.connect_estimate} << ",\n";
  out << in2 << "\"end\": " << Str{format_instant(b.window_end)} << ",\n";
  out << in2 << "\"name\": " << Str{b.window_name} << ",\n";
  out << in2 << "\"start\": " << Str{format_instant(b.window_start)} << "\n";
  out << in1 << "}\n" << pad << "}";
}

// Writes `text` with `pad` before each line.
void put_lines(std::ostream& out, std::string_view text, const std::string& pad) {
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t end = std::min(text.find('\n', from), text.size());
    out << pad;
    out.write(text.data() + from, static_cast<std::streamsize>(end - from));
    if (end < text.size()) out << '\n';
    from = end + 1;
  }
}

}  // namespace

nlohmann::json call_sheet_json(const CallSheet& s) { return sheet_json(s, true); }

void write_call_sheets_json(std::ostream& out, const std::vector<CallSheet>& sheets) {
  if (sheets.empty()) {
    out << "[]";
    return;
  }
  // Each sheet is dumped without its overflow and indented one level (a JSON string holds
  // no raw line break: dump escapes it, so every line break starts a line of the layout);
  // the overflow rows, most of a big team's text, are written straight in where the empty
  // list stands. The only line `  "overflow": []` can be is that key's.
  static constexpr std::string_view kEmptyOverflow = "\n  \"overflow\": []";
  out << "[\n";
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const CallSheet& sheet = sheets[i];
    const std::string text = sheet_json(sheet, false).dump(2);
    const std::size_t at = text.find(kEmptyOverflow);
    if (sheet.overflow.empty()) {
      put_lines(out, text, "  ");
    } else if (at == std::string::npos) {  // not the layout expected: the slow way, no row lost
      put_lines(out, call_sheet_json(sheet).dump(2), "  ");
    } else {
      put_lines(out, std::string_view(text).substr(0, at + 1), "  ");
      out << "    \"overflow\": [\n";
      for (std::size_t k = 0; k < sheet.overflow.size(); ++k) {
        put_overflow_row(out, sheet, sheet.overflow[k], "      ");
        out << (k + 1 < sheet.overflow.size() ? ",\n" : "\n");
      }
      // Then the rest: "," ends the list's line, and the lines after it are indented.
      std::string_view rest = std::string_view(text).substr(at + kEmptyOverflow.size());
      std::size_t line_end = std::min(rest.find('\n'), rest.size());
      out << "    ]" << rest.substr(0, line_end);
      if (line_end < rest.size()) out << '\n', put_lines(out, rest.substr(line_end + 1), "  ");
    }
    out << (i + 1 < sheets.size() ? ",\n" : "\n");
  }
  out << "]";
}

}  // namespace nextcall
