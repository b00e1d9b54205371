#include "core/call_scripts.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>
#include <cctype>

#include "core/civil_time.h"

namespace nextcall {

int count_words(const std::string& text) {
  int n = 0;
  bool in = false;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

namespace {

std::string lower_first(std::string s) {
  // "The ..." -> "the ..." unless it starts an acronym or a name we cannot know.
  if (s.size() > 1 && std::isupper(static_cast<unsigned char>(s[0])) &&
      !std::isupper(static_cast<unsigned char>(s[1])) && s.rfind("I ", 0) != 0)
    s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string strip_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

bool weak_ending(const std::string& word) {
  static const char* kWeak[] = {"to", "the", "a", "an", "of", "for", "and", "with", "our", "your",
                                "in", "on", "at", "so", "by", "from", "that", "which", "is", "are",
                                "how", "when", "what", "why", "i", "we", "about", "you"};
  std::string w = word;
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* k : kWeak)
    if (w == k) return true;
  return false;
}

// A clause that leans on a word only the cut part explains ("..., and I have an idea that
// could keep it on schedule": what is "it"?) says nothing on its own.
bool leans_on_what_was_cut(const std::string& clause) {
  std::string word;
  auto check = [&]() {
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool leans = word == "it" || word == "its" || word == "them" || word == "they" || word == "those" ||
                 word == "these" || word == "there";
    word.clear();
    return leans;
  };
  for (char c : clause) {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
      word += c;
    } else if (!word.empty() && check()) {
      return true;
    }
  }
  return !word.empty() && check();
}

// A short form of s of at most n words: its first clause when that fits, else its first
// words without a dangling "to", "the", "our"...
std::string shorten(const std::string& s, int n) {
  if (count_words(s) <= n) return s;
  // The benefit is often the clause after "so" or "and": "..., so you can trial us".
  for (const char* sep : {", so ", ", and "}) {
    auto at = s.find(sep);
    if (at == std::string::npos) continue;
    std::string rest = s.substr(at + std::string(sep).size());
    if (count_words(rest) <= n && count_words(rest) >= 4 && !leans_on_what_was_cut(rest)) return strip_period(rest);
  }
  for (const char* sep : {", so ", ", and ", ", which ", " so ", ", ", " — ", "; "}) {
    auto at = s.find(sep);
    if (at != std::string::npos && count_words(s.substr(0, at)) <= n && count_words(s.substr(0, at)) >= 3)
      return strip_period(s.substr(0, at));
  }
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  // Cutting most of a sentence leaves no benefit: let the caller say something else.
  if (static_cast<int>(words.size()) > n + n / 2) return "";
  if (static_cast<int>(words.size()) > n) words.resize(static_cast<std::size_t>(std::max(n, 1)));
  while (words.size() > 1 && weak_ending(words.back())) words.pop_back();
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  while (!out.empty() && (out.back() == ',' || out.back() == ';')) out.pop_back();
  return strip_period(out);
}

}  // namespace

std::string said_to_them(const std::string& text) {
  static const std::pair<const char*, const char*> kSwap[] = {
      {"their", "your"},       {"theirs", "yours"},     {"them", "you"},         {"they", "you"},
      {"they're", "you're"},   {"they've", "you've"},   {"they'll", "you'll"},   {"themselves", "yourselves"},
      {"themself", "yourself"}, {"him", "you"},         {"his", "your"},         {"he", "you"},
      {"she", "you"},          {"he's", "you're"},      {"she's", "you're"},     {"himself", "yourself"},
      {"herself", "yourself"}};
  // "her" is "you" as an object ("call her back") and "your" before a noun ("her team").
  static const char* kAfterObject[] = {"back", "about", "the", "a", "an", "with", "when", "to", "on",
                                       "in", "at", "by", "for", "and", "if", "once", "after", "before"};
  std::vector<std::string> words;  // alternating: a word, then what follows it up to the next word
  std::string out;
  std::size_t i = 0;
  auto is_word_char = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '\''; };
  while (i < text.size()) {
    std::size_t j = i;
    if (is_word_char(text[i])) {
      while (j < text.size() && is_word_char(text[j])) ++j;
    } else {
      while (j < text.size() && !is_word_char(text[j])) ++j;
    }
    words.push_back(text.substr(i, j - i));
    i = j;
  }
  auto lower = [](std::string w) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::string& w = words[k];
    if (w.empty() || !is_word_char(w[0])) continue;
    std::string low = lower(w);
    std::string to;
    for (const auto& [from, swap] : kSwap)
      if (low == from) to = swap;
    if (low == "her") {
      std::string next = k + 2 < words.size() ? lower(words[k + 2]) : "";
      bool object = next.empty() || words[k + 1].find_first_not_of(' ') != std::string::npos;
      for (const char* a : kAfterObject)
        if (next == a) object = true;
      to = object ? "you" : "your";
    }
    if (to.empty()) continue;
    if (std::isupper(static_cast<unsigned char>(w[0]))) to[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(to[0])));
    w = to;
  }
  for (const std::string& w : words) out += w;
  return out;
}

namespace {

// "find" -> "found", "check" -> "checked": the verbs promises start with, for "I've found ...".
std::string past_participle(const std::string& verb) {
  static const std::pair<const char*, const char*> kIrregular[] = {
      {"find", "found"}, {"get", "got"},     {"send", "sent"},   {"bring", "brought"}, {"do", "done"},
      {"make", "made"},  {"run", "run"},     {"put", "put"},     {"set", "set"},       {"speak", "spoken"},
      {"take", "taken"}, {"give", "given"},  {"see", "seen"},    {"think", "thought"}, {"buy", "bought"},
      {"build", "built"}, {"draw", "drawn"}, {"meet", "met"},    {"pay", "paid"},      {"show", "shown"},
      {"tell", "told"},  {"write", "written"}, {"dig", "dug"},   {"hold", "held"},     {"sort", "sorted"},
      {"plan", "planned"}, {"ship", "shipped"}, {"map", "mapped"}, {"drop", "dropped"}, {"stop", "stopped"}};
  for (const auto& [base, past] : kIrregular)
    if (verb == base) return past;
  if (verb.empty()) return verb;
  if (verb.back() == 'e') return verb + "d";
  if (verb.size() > 1 && verb.back() == 'y' && !std::strchr("aeiou", verb[verb.size() - 2]))
    return verb.substr(0, verb.size() - 1) + "ied";
  return verb + "ed";
}

bool starts_with_word(const std::string& low, const char* word) {
  std::size_t n = std::strlen(word);
  return low.compare(0, n, word) == 0 && (low.size() == n || low[n] == ' ');
}

}  // namespace

std::string promise_kept_text(const std::string& what, const std::string& hot_button) {
  std::string promise = said_to_them(strip_period(what));
  while (!promise.empty() && promise.front() == ' ') promise.erase(0, 1);
  promise = lower_first(promise);
  std::string low = promise;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (starts_with_word(low, "to")) {
    promise.erase(0, 3);
    low.erase(0, 3);
  }
  std::string bears = hot_button.empty() ? "" : ", and it bears on " + hot_button;
  // A promise to send something is kept by having it: "I have the pricing ... I promised you".
  for (const char* verb : {"send over ", "send ", "e-mail ", "email ", "mail ", "forward ", "share ", "bring "}) {
    if (low.rfind(verb, 0) != 0) continue;
    std::size_t at = std::string(verb).size();
    for (const char* to_whom : {"you ", "over "})
      if (low.compare(at, std::string(to_whom).size(), to_whom) == 0) at += std::string(to_whom).size();
    std::string thing = promise.substr(at);
    // "send the pricing to you" / "send the pricing over"
    for (const char* tail : {" to you", " over"})
      if (thing.size() > std::string(tail).size() &&
          thing.compare(thing.size() - std::string(tail).size(), std::string::npos, tail) == 0)
        thing.erase(thing.size() - std::string(tail).size());
    if (count_words(thing) >= 1) return "I have " + thing + " I promised you" + bears;
    break;
  }
  // A promise to call is kept by this call: "to get back to you about the rush order".
  for (const char* call : {"get back", "call", "ring", "phone", "follow up", "circle back", "come back"})
    if (starts_with_word(low, call)) return "to " + promise + ", as I promised" + bears;
  // Any other promise is said done: "I've found a reference customer in your industry".
  std::size_t space = promise.find(' ');
  std::string verb = low.substr(0, space);
  std::string rest = space == std::string::npos ? "" : promise.substr(space);
  return "I've " + past_participle(verb) + rest + ", as I promised" + bears;
}

std::string build_opener(std::span<const Thread> threads, const std::string& first_name,
                         const std::string& reason_text, std::string* source) {
  const Thread* best = nullptr;
  for (const Thread& t : threads) {
    if (!t.open) continue;
    bool better = !best || (t.kind == ThreadKind::kBusiness && best->kind == ThreadKind::kPersonal) ||
                  (t.kind == best->kind && t.mentioned_on.value_or(Date{}) >= best->mentioned_on.value_or(Date{}));
    if (better) best = &t;
  }
  if (best) {
    *source = "thread #" + std::to_string(best->id) + " (" +
              (best->kind == ThreadKind::kBusiness ? "business" : "personal") + ")";
    if (best->kind == ThreadKind::kBusiness) {
      std::string detail = best->detail.empty() ? "" : ", and I recall you were " + strip_period(lower_first(best->detail));
      return first_name + ", when we last spoke, you mentioned " + strip_period(lower_first(best->topic)) +
             detail + ". I was just thinking about you and wondered how that worked out?";
    }
    return first_name + ", last time we talked you mentioned " + strip_period(lower_first(best->topic)) +
           " — I hope it's going well. How did it turn out?";
  }
  *source = "reason (no open thread to ask about)";
  if (reason_text.empty()) return first_name + ", I was thinking of you this week.";
  return first_name + ", I was thinking of you when I heard this: " + strip_period(lower_first(reason_text)) + ".";
}

std::string build_fallback_play(const Commitment& owed, const std::optional<MaterialPointer>& page) {
  std::string s = "If they haven't done what they promised (" + strip_period(lower_first(owed.what)) +
                  "), don't offer to call back. Say: \"That's OK — as long as you have it "
                  "there, why don't you grab it, and let's go through it together.\"";
  if (page)
    s += " Then go straight to " + page->location + " of the " + page->title + ", which covers " +
         page->serves + ".";
  return s;
}

std::string spoken_slot(Date local_date, int local_minute) {
  static const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  std::chrono::year_month_day ymd{local_date};
  int h = local_minute / 60, m = local_minute % 60;
  int h12 = h % 12 == 0 ? 12 : h % 12;
  char time[16];
  if (m)
    std::snprintf(time, sizeof time, "%d:%02d", h12 % 100, m % 100);
  else
    std::snprintf(time, sizeof time, "%d", h12 % 100);
  char out[96];
  std::snprintf(out, sizeof out, "%s, %s %u at %s %s", kDays[std::chrono::weekday{local_date}.c_encoding()],
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<unsigned>(ymd.day()), time,
                h < 12 ? "a.m." : "p.m.");
  return out;
}

VoicemailScript build_voicemail(const std::string& first_name, const std::string& rep_name,
                                const std::string& benefit, const std::string& fallback_benefit,
                                const std::string& slot_text,
                                const std::string& callback_display, int max_words,
                                int words_per_minute) {
  // Seed 003: "If June 6 at 10 a.m. won't work for you, please call me at ..." — kept
  // short so the benefit gets most of the ten seconds.
  std::string rep_first = rep_name.substr(0, rep_name.find(' '));
  std::string head = "Hi " + first_name + ", it's " + rep_first + ". ";
  std::string tail = " If " + slot_text + " doesn't suit, call " + callback_display + ".";
  int budget = max_words - count_words(head) - count_words(tail);
  if (budget < 6 || count_words(benefit) > budget) {
    // The benefit matters more than the name: drop "it's Maria" before cutting it.
    head = "Hi " + first_name + ". ";
    budget = max_words - count_words(head) - count_words(tail);
  }
  std::string b = shorten(strip_period(benefit), std::max(budget, 4));
  if (b.empty()) b = shorten(strip_period(fallback_benefit), std::max(budget, 4));
  if (b.empty()) b = "I have an idea for you";
  if (!b.empty()) b[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(b[0])));
  VoicemailScript v;
  v.text = head + b + "." + tail;
  v.words = count_words(v.text);
  v.seconds = (v.words * 60 + words_per_minute - 1) / words_per_minute;
  v.slot_text = slot_text;
  return v;
}

std::vector<std::string> build_gatekeeper_script(const std::string& contact_name,
                                                 const std::string& referrer,
                                                 const std::string& benefit,
                                                 const TargetClose& gk) {
  std::vector<std::string> lines;
  if (!referrer.empty())
    lines.push_back("\"" + referrer + " asked me to call " + contact_name + ".\"");
  // The full name once; then the first name, as one says it.
  std::string first = contact_name.substr(0, contact_name.find(' '));
  lines.push_back("\"I've been playing phone tag with " + contact_name + ". Could you see if " + first +
                  " will speak with me for a few minutes about " + benefit + "?\"");
  std::vector<std::string> rungs = {gk.rung};
  rungs.insert(rungs.end(), gk.fallbacks.begin(), gk.fallbacks.end());
  for (const std::string& r : rungs) {
    if (r == "arrange_conversation")
      lines.push_back("Ask for help: \"Could you help me set up a ten-minute conversation with " + contact_name + "?\"");
    else if (r == "direct_line")
      lines.push_back("If not: \"What's the best direct line to reach " + contact_name + "?\"");
    else if (r == "pass_on_proposal")
      lines.push_back("If not: \"Could I send you a one-page proposal to pass on to " + contact_name + "?\"");
    else if (r == "referral")
      lines.push_back("If not: \"Is there someone else who looks after this I should talk to?\"");
    else
      lines.push_back("If not, ask for: " + r);
  }
  return lines;
}

}  // namespace nextcall
