// Rule group: voicemail (seed 003: "You have about 10 seconds"). A voicemail is a call with
// only the rep speaking (apart from a greeting); checks the budget, a benefit, a specific
// proposed time and a callback number.
#include <cctype>
#include <string>

#include "core/coach.h"
#include "core/coach_text.h"

namespace nextcall {

using coach_text::has_any;
using coach_text::has_word;
using coach_text::normalize;

namespace {

bool greeting(const std::string& n) {
  return has_any(n, {"leave a message", "leave your message", "after the tone", "after the beep",
                     "at the tone", "at the beep", "not available to take your call",
                     "can't take your call", "cannot take your call", "voicemail",
                     "voice mail", "you've reached", "you have reached", "record your message"});
}

int digits_said(const std::string& n) {
  static const char* kWords[] = {"zero", "oh", "one", "two", "three", "four", "five",
                                 "six", "seven", "eight", "nine"};
  int d = 0;
  for (char c : n) d += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  for (const char* w : kWords) {
    size_t pos = 0;
    std::string ws(w);
    while ((pos = n.find(ws, pos)) != std::string::npos) {
      bool l = pos == 0 || !std::isalpha(static_cast<unsigned char>(n[pos - 1]));
      size_t e = pos + ws.size();
      bool r = e >= n.size() || !std::isalpha(static_cast<unsigned char>(n[e]));
      if (l && r) ++d;
      pos = e;
    }
  }
  return d;
}

bool specific_time(const std::string& n) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                "tomorrow", "today"};
  bool day = false;
  for (const char* d : kDays) day = day || has_word(n, d);
  bool hour = has_any(n, {" am", " pm", "a.m.", "p.m.", "o'clock", "noon", "morning at",
                          "afternoon at"});
  for (size_t i = 0; i + 1 < n.size() && !hour; ++i) {
    if (n[i] == ' ' && std::isdigit(static_cast<unsigned char>(n[i + 1]))) {
      // "at 10", "at 2:30"
      if (i >= 2 && n.compare(i - 2, 2, "at") == 0) hour = true;
    }
  }
  return day && hour;
}

}  // namespace

bool is_voicemail(const Transcript& t) {
  bool rep = false, cue = false;
  for (const Turn& turn : t.turns) {
    std::string n = normalize(turn.text);
    if (turn.is_rep) {
      rep = true;
      if (greeting(n)) cue = true;
      continue;
    }
    if (!greeting(n)) return false;  // the contact speaking: a conversation
    cue = true;
  }
  if (!rep) return false;
  if (cue) return true;
  // One speaker only, leaving a number: a voicemail without its greeting.
  std::string all;
  for (const Turn& turn : t.turns) all += normalize(turn.text) + " ";
  return t.speakers().size() == 1 &&
         (digits_said(all) >= 7 || has_any(all, {"call me back", "give me a call", "reach me at", "my number is",
                       "call me at", "you can reach me"}));
}

std::vector<Finding> check_voicemail(const Transcript& t, const CoachOptionsCore& opt) {
  std::vector<Finding> out;
  int first = -1, words = 0;
  double start = -1, end = -1;
  std::string all;
  for (size_t i = 0; i < t.turns.size(); ++i) {
    const Turn& turn = t.turns[i];
    if (!turn.is_rep) continue;
    if (first < 0) first = static_cast<int>(i);
    words += coach_text::word_count(turn.text);
    all += normalize(turn.text) + " ";
    if (turn.start && start < 0) start = *turn.start;
    if (turn.end) end = *turn.end;
  }
  if (first < 0) return out;
  double seconds = (start >= 0 && end > start) ? end - start
                                                : words * 60.0 / opt.words_per_minute;
  auto add = [&](const char* rule, std::string why, std::string instead, std::string detail) {
    Finding f;
    f.rule = rule;
    f.turn = first;
    f.at = t.turns[first].start;
    f.words = t.turns[first].text;
    f.why = std::move(why);
    f.instead = std::move(instead);
    f.detail = std::move(detail);
    out.push_back(std::move(f));
  };
  if (seconds > opt.voicemail_budget_seconds) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f s (%d words); budget %d s", seconds, words,
                  opt.voicemail_budget_seconds);
    add("voicemail_too_long",
        "You have about 10 seconds before the listener deletes the message (seed 003).",
        "Say who you are, one benefit, a specific time you will call and your number; stop.",
        buf);
  }
  if (!has_any(all, {"idea", "save", "cut", "reduce", "lower", "help you", "increase", "improve",
                     "new ", "faster", "free", "benefit", "could mean", "which means", "so you can"}))
    add("voicemail_no_benefit",
        "A message without a benefit to them gives them no reason to call back (seed 003).",
        "Name one benefit: \"I have an idea that could cut your unscheduled maintenance.\"", "");
  if (!specific_time(all))
    add("voicemail_no_time",
        "A specific time turns the message into an appointment they can keep (seed 003).",
        "Propose a time: \"I'll call you Thursday at 10 a.m.; if that doesn't suit, call me.\"", "");
  if (digits_said(all) < 7)
    add("voicemail_no_number",
        "Without a number, calling you back takes work they will not do (seed 003).",
        "Leave your number, slowly, twice: once early and once at the end.", "");
  return out;
}

}  // namespace nextcall
