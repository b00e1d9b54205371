#include "store/settings_json.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"

namespace nextcall {

using nlohmann::json;

std::string settings_to_json(const Settings& s) {
  json windows = json::array();
  for (const auto& w : s.windows)
    windows.push_back({{"name", w.name},
                       {"start", format_clock_minutes(w.start_minute)},
                       {"end", format_clock_minutes(w.end_minute)},
                       {"screeners_out", w.screeners_out}});
  json holidays = json::array();
  for (Date d : s.holidays) holidays.push_back(format_date(d));
  json j = {{"windows", windows},
            {"quiet_before", format_clock_minutes(s.quiet_before_minute)},
            {"quiet_after", format_clock_minutes(s.quiet_after_minute)},
            {"call_weekends", s.call_weekends},
            {"holidays", holidays},
            {"speaking_rate_wpm", s.speaking_rate_wpm},
            {"voicemail_seconds", s.voicemail_seconds},
            {"company_name", s.company_name},
            {"prospect_recall_days", s.prospect_recall_days},
            {"new_contacts_per_day", s.new_contacts_per_day},
            {"daily_capacity", s.daily_capacity},
            {"max_attempts_per_day", s.max_attempts_per_day},
            {"max_voicemails_per_week", s.max_voicemails_per_week},
            {"planning_minutes_per_attempt", s.planning_minutes_per_attempt},
            {"call_minutes", s.call_minutes},
            {"contact_ladder", s.contact_ladder.rungs},
            {"gatekeeper_ladder", s.gatekeeper_ladder.rungs},
            {"objection_codes", s.objection_codes},
            {"default_region", s.default_region}};
  return j.dump();
}

namespace {

Status bad(const std::string& field, const std::string& what) {
  return Status::InvalidArgument("setting '" + field + "': " + what);
}

Status read_clock(const json& j, const char* key, int* out) {
  if (!j.contains(key)) return Status::Ok();
  if (!j[key].is_string()) return bad(key, "expected a time such as \"07:30\"");
  auto m = parse_clock_minutes(j[key].get<std::string>());
  if (!m) return bad(key, "expected a time such as \"07:30\"");
  *out = *m;
  return Status::Ok();
}

Status read_int(const json& j, const char* key, int lo, int hi, int* out) {
  if (!j.contains(key)) return Status::Ok();
  if (!j[key].is_number_integer()) return bad(key, "expected a whole number");
  long v = j[key].get<long>();
  if (v < lo || v > hi)
    return bad(key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  *out = static_cast<int>(v);
  return Status::Ok();
}

Status read_strings(const json& j, const char* key, std::vector<std::string>* out) {
  if (!j.contains(key)) return Status::Ok();
  if (!j[key].is_array()) return bad(key, "expected a list of names");
  std::vector<std::string> v;
  for (const auto& e : j[key]) {
    if (!e.is_string()) return bad(key, "expected a list of names");
    v.push_back(e.get<std::string>());
  }
  if (v.empty()) return bad(key, "must not be empty");
  *out = std::move(v);
  return Status::Ok();
}

}  // namespace

Result<Settings> settings_from_json(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("settings are not JSON");
  Settings s;
  if (j.contains("windows")) {
    if (!j["windows"].is_array()) return bad("windows", "expected a list");
    s.windows.clear();
    for (const auto& w : j["windows"]) {
      CallWindow cw;
      if (!w.is_object()) return bad("windows", "expected objects with name, start, end");
      cw.name = w.value("name", std::string());
      NEXTCALL_RETURN_IF_ERROR(read_clock(w, "start", &cw.start_minute));
      NEXTCALL_RETURN_IF_ERROR(read_clock(w, "end", &cw.end_minute));
      cw.screeners_out = w.value("screeners_out", false);
      if (cw.end_minute <= cw.start_minute) return bad("windows", "'" + cw.name + "' ends before it starts");
      s.windows.push_back(cw);
    }
  }
  NEXTCALL_RETURN_IF_ERROR(read_clock(j, "quiet_before", &s.quiet_before_minute));
  NEXTCALL_RETURN_IF_ERROR(read_clock(j, "quiet_after", &s.quiet_after_minute));
  if (j.contains("call_weekends")) {
    if (!j["call_weekends"].is_boolean()) return bad("call_weekends", "expected true or false");
    s.call_weekends = j["call_weekends"].get<bool>();
  }
  if (j.contains("holidays")) {
    if (!j["holidays"].is_array()) return bad("holidays", "expected a list of dates");
    for (const auto& d : j["holidays"]) {
      auto parsed = d.is_string() ? parse_date(d.get<std::string>()) : std::nullopt;
      if (!parsed) return bad("holidays", "expected dates such as \"2026-12-25\"");
      s.holidays.push_back(*parsed);
    }
  }
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "speaking_rate_wpm", 60, 400, &s.speaking_rate_wpm));
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "voicemail_seconds", 5, 120, &s.voicemail_seconds));
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "prospect_recall_days", 1, 365, &s.prospect_recall_days));
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "new_contacts_per_day", 0, 1000, &s.new_contacts_per_day));
  if (j.contains("company_name")) {
    if (!j["company_name"].is_string()) return bad("company_name", "expected text");
    s.company_name = j["company_name"].get<std::string>();
    if (s.company_name.size() > 200) return bad("company_name", "at most 200 characters");
  }
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "daily_capacity", 1, 1000, &s.daily_capacity));
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "max_attempts_per_day", 1, 20, &s.max_attempts_per_day));
  NEXTCALL_RETURN_IF_ERROR(
      read_int(j, "max_voicemails_per_week", 0, 50, &s.max_voicemails_per_week));
  NEXTCALL_RETURN_IF_ERROR(
      read_int(j, "planning_minutes_per_attempt", 0, 120, &s.planning_minutes_per_attempt));
  NEXTCALL_RETURN_IF_ERROR(read_int(j, "call_minutes", 1, 120, &s.call_minutes));
  NEXTCALL_RETURN_IF_ERROR(read_strings(j, "contact_ladder", &s.contact_ladder.rungs));
  NEXTCALL_RETURN_IF_ERROR(read_strings(j, "gatekeeper_ladder", &s.gatekeeper_ladder.rungs));
  NEXTCALL_RETURN_IF_ERROR(read_strings(j, "objection_codes", &s.objection_codes));
  if (j.contains("default_region") && j["default_region"].is_string())
    s.default_region = j["default_region"].get<std::string>();
  return s;
}

}  // namespace nextcall
