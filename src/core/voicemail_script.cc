#include "core/voicemail_script.h"

#include <cctype>
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/call_scripts.h"

namespace nextcall {
namespace {

// Said when the planner has no benefit: still a whole sentence that asks for the call back.
constexpr const char* kDefaultBenefit = "I have an idea worth a short call";
// What a time is for when the planner does not say: the seed's own "set up an appointment".
constexpr const char* kDefaultPurpose = "meet with you";
// Settings::speaking_rate_wpm's default, for a rate that cannot be divided by.
constexpr int kDefaultWordsPerMinute = 150;

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string strip_periods(std::string s) {
  while (!s.empty() && (s.back() == '.' || std::isspace(static_cast<unsigned char>(s.back()))))
    s.pop_back();
  return s;
}

// Ends a sentence once: a company written "Acme Inc." or a number that ends in a period
// would otherwise read "Inc.." on the screen the rep reads from.
std::string sentence(const std::string& s) {
  if (!s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!')) return s;
  return s + ".";
}

// A benefit as said: its own sentence, first letter capital, the rest as written (so "our
// new ERP terms" keeps "ERP"). Empty when nothing is left to say.
std::string benefit_sentence(const std::string& raw) {
  std::string b = strip_periods(trim(raw));
  if (b.empty()) return b;
  if (std::islower(static_cast<unsigned char>(b[0])))
    b[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(b[0])));
  return sentence(b);
}

// A purpose follows "to" mid-sentence: a leading "to" or a final period would be said twice.
std::string purpose_phrase(const std::string& raw) {
  std::string p = strip_periods(trim(raw));
  if (p.size() > 3 && (p[0] == 't' || p[0] == 'T') && (p[1] == 'o' || p[1] == 'O') && p[2] == ' ')
    p = trim(p.substr(3));
  return p.empty() ? kDefaultPurpose : p;
}

struct Parts {
  std::string first_name, rep_name, company, referrer, purpose, slot_text, callback_display;
};

std::string hi(const Parts& p) { return p.first_name.empty() ? "Hi" : "Hi " + p.first_name; }

// Who is calling, in a sentence: "Hi Dana, it's Sam Lee from Northwind Supply."
std::string greeting_full(const Parts& p) {
  return sentence(hi(p) + ", it's " + p.rep_name + (p.company.empty() ? "" : " from " + p.company));
}

// The same names without the connecting words: "Hi Dana, Sam Lee, Northwind Supply."
std::string greeting_short(const Parts& p) {
  return sentence(hi(p) + ", " + p.rep_name + (p.company.empty() ? "" : ", " + p.company));
}

// The names alone, without even "Hi": the last word there is to give up before a part
// would be. "Dana, Sam Lee, Northwind Supply."
std::string greeting_bare(const Parts& p) {
  std::string who = p.rep_name + (p.company.empty() ? "" : ", " + p.company);
  return sentence(p.first_name.empty() ? who : p.first_name + ", " + who);
}

// Seed 003's own words: the time as already proposed, the call back only if it won't work.
std::string close_seed(const Parts& p) {
  return "I've been trying to set up a time to " + p.purpose + "; if " + p.slot_text +
         " won't work for you, please call me at " + sentence(p.callback_display);
}

std::string close_ask(const Parts& p) {
  return "Could we talk " + p.slot_text + " to " + p.purpose + "? If that won't work, call me at " +
         sentence(p.callback_display);
}

std::string close_short_ask(const Parts& p) {
  return "Could we talk " + p.slot_text + " to " + p.purpose + "? If not, call " +
         sentence(p.callback_display);
}

std::string close_tersest(const Parts& p) {
  return "How's " + p.slot_text + " to " + p.purpose + "? Or call " + sentence(p.callback_display);
}

// One way of saying the parts around the benefit. Every framing says the contact's first
// name, the rep's full name, the company, the referrer, the time, its purpose and the number:
// a shorter one only drops connecting words, so each is strictly fewer words than the one
// before whatever the parts are, and the last is the shortest.
struct Framing {
  std::string (*greeting)(const Parts&);
  const char* referral;  // said after the referrer's name
  std::string (*close)(const Parts&);
};

constexpr Framing kFramings[] = {
    {greeting_full, " asked me to call you.", close_seed},
    {greeting_full, " asked me to call you.", close_ask},
    {greeting_short, " suggested I call.", close_short_ask},
    {greeting_short, " referred me.", close_tersest},
    {greeting_bare, " referred me.", close_tersest},
};

std::string say(const Framing& f, const Parts& p, const std::string& benefit) {
  std::string text = f.greeting(p);
  if (!p.referrer.empty()) text += " " + p.referrer + f.referral;
  return text + " " + benefit + " " + f.close(p);
}

}  // namespace

VoicemailScript build_voicemail(const VoicemailInput& in) {
  Parts p{trim(in.first_name),      trim(in.rep_name),          trim(in.company),
          trim(in.referrer),        purpose_phrase(in.purpose), trim(in.slot_text),
          trim(in.callback_display)};
  std::vector<std::string> benefits;
  for (const std::string& raw : in.benefits) {
    std::string b = benefit_sentence(raw);
    if (!b.empty()) benefits.push_back(b);
  }
  if (benefits.empty()) benefits.push_back(benefit_sentence(kDefaultBenefit));

  const int wpm = in.words_per_minute > 0 ? in.words_per_minute : kDefaultWordsPerMinute;
  VoicemailScript v;
  v.budget_seconds = in.max_seconds;
  v.slot_text = p.slot_text;
  v.purpose = p.purpose;
  auto fill = [&](std::string text) {
    v.text = std::move(text);
    v.words = count_words(v.text);
    v.seconds = (v.words * 60 + wpm - 1) / wpm;
  };

  // The benefit is what earns the call back (seed 003), so the connecting words give way
  // before it does: the best benefit is said in the tersest framing before a weaker one is
  // said in fuller words. Tried the other way round, the planner's last, generic candidate
  // ("I have an idea worth a short call") would win nearly every fifteen-second message.
  for (const std::string& b : benefits) {
    for (const Framing& f : kFramings) {
      fill(say(f, p, b));
      if (v.seconds <= in.max_seconds) return v;
    }
  }
  // Nothing fits: the fewest words that still say every part whole, and seconds says by
  // how much the message runs over.
  const std::string* shortest = &benefits.front();
  for (const std::string& b : benefits)
    if (count_words(b) < count_words(*shortest)) shortest = &b;
  fill(say(kFramings[std::size(kFramings) - 1], p, *shortest));
  return v;
}

}  // namespace nextcall
