#include "core/transcript.h"

#include <algorithm>

#include "core/coach_text.h"

namespace nextcall {

bool Transcript::has_times() const {
  if (turns.empty()) return false;
  return std::all_of(turns.begin(), turns.end(),
                     [](const Turn& t) { return t.start.has_value() && t.end.has_value(); });
}

std::vector<std::string> Transcript::speakers() const {
  std::vector<std::string> out;
  for (const Turn& t : turns) {
    if (std::find(out.begin(), out.end(), t.speaker) == out.end()) out.push_back(t.speaker);
  }
  return out;
}

namespace {

bool is_role_label(const std::string& norm) {
  static const char* kLabels[] = {"rep", "salesperson", "sales person", "agent", "sales",
                                  "sales rep", "seller", "caller", "account executive",
                                  "ae", "sdr", "bdr"};
  for (const char* l : kLabels) {
    if (norm == l) return true;
  }
  return false;
}

bool introduces_as_caller(const std::string& norm) {
  using coach_text::has_any;
  if (has_any(norm, {"i'm calling", "i am calling", "the reason i'm calling", "reason for my call",
                     "calling from", "i'm following up", "i'm with "}))
    return true;
  size_t p = norm.find("this is ");
  return p != std::string::npos && norm.find(" from ", p) != std::string::npos;
}

}  // namespace

Status assign_rep(Transcript& t, const std::string& rep_speaker,
                  const std::vector<std::string>& user_names) {
  std::vector<std::string> speakers = t.speakers();
  std::string rep;
  if (!rep_speaker.empty()) {
    std::string want = coach_text::normalize(rep_speaker);
    for (const auto& s : speakers) {
      if (coach_text::normalize(s) == want) rep = s;
    }
    if (rep.empty()) {
      std::string list;
      for (const auto& s : speakers) {
        if (!list.empty()) list += ", ";
        list += s;
      }
      return Status::InvalidArgument("rep speaker '" + rep_speaker +
                                     "' does not appear in the transcript; speakers are: " + list);
    }
  }
  if (rep.empty()) {
    for (const auto& s : speakers) {
      for (const auto& u : user_names) {
        std::string ns = coach_text::normalize(s), nu = coach_text::normalize(u);
        if (!nu.empty() && (ns == nu || nu.rfind(ns + " ", 0) == 0)) rep = s;
      }
      if (!rep.empty()) break;
    }
  }
  if (rep.empty()) {
    for (const auto& s : speakers) {
      if (is_role_label(coach_text::normalize(s))) { rep = s; break; }
    }
  }
  if (rep.empty()) {
    // The first speaker who introduces themselves as the caller in their first two turns.
    std::vector<int> seen(speakers.size(), 0);
    for (const Turn& turn : t.turns) {
      size_t i = std::find(speakers.begin(), speakers.end(), turn.speaker) - speakers.begin();
      if (seen[i]++ >= 2) continue;
      if (introduces_as_caller(coach_text::normalize(turn.text))) { rep = turn.speaker; break; }
    }
  }
  if (rep.empty() && !speakers.empty()) rep = speakers.front();
  for (Turn& turn : t.turns) turn.is_rep = turn.speaker == rep;
  return Status::Ok();
}

}  // namespace nextcall
