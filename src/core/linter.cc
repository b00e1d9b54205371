#include "core/linter.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdlib>
#include <cctype>

namespace nextcall {

std::string phrase_pattern(std::string_view phrase) {
  std::string p = "\\b";
  bool pending_space = false;
  for (unsigned char c : phrase) {
    if (std::isspace(c) || c == '-') {
      pending_space = true;
      continue;
    }
    if (pending_space) {
      p += "(?:[\\s\\-]|\\xe2\\x80[\\x90-\\x94])+";
      pending_space = false;
    }
    if (std::isalnum(c)) {
      p += static_cast<char>(c);
    } else if (c == '\'') {
      p += "(?:'|\\xe2\\x80[\\x98\\x99])";
    } else if (c == '"') {
      p += "(?:\"|\\xe2\\x80[\\x9c\\x9d])";
    } else if (c >= 0x80) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      p += buf;
    } else {
      p += '\\';
      p += static_cast<char>(c);
    }
  }
  // A phrase ending in punctuation has no word boundary after it.
  if (!phrase.empty() && std::isalnum(static_cast<unsigned char>(phrase.back()))) p += "\\b";
  return p;
}

void line_and_column(std::string_view text, std::size_t offset, int* line, int* column) {
  int l = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  int col = 1;
  for (std::size_t i = line_start; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  *line = l;
  *column = col;
}

Result<std::unique_ptr<Linter>> Linter::compile(std::vector<LintRule> rules) {
  std::unique_ptr<Linter> l(new Linter());
  l->rules_ = std::move(rules);
  std::vector<std::string> expressions;
  std::vector<unsigned> flags, ids;
  auto add = [&](std::size_t rule, Pattern::Role role, const std::string& phrase) {
    expressions.push_back(phrase_pattern(phrase));
    // Start of match is needed for the words and the column of each finding.
    flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST);
    ids.push_back(static_cast<unsigned>(l->patterns_.size()));
    l->patterns_.push_back({rule, role});
  };
  for (std::size_t r = 0; r < l->rules_.size(); ++r) {
    for (const auto& p : l->rules_[r].phrases) add(r, Pattern::kPhrase, p);
    for (const auto& p : l->rules_[r].excludes) add(r, Pattern::kExclude, p);
    for (const auto& p : l->rules_[r].after) add(r, Pattern::kAfter, p);
  }
  if (expressions.empty()) return Status::InvalidArgument("no lint rules to compile");
  std::vector<const char*> cexpr;
  for (const auto& e : expressions) cexpr.push_back(e.c_str());
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(cexpr.data(), flags.data(), ids.data(), static_cast<unsigned>(cexpr.size()),
                       HS_MODE_BLOCK, nullptr, &l->db_, &err) != HS_SUCCESS) {
    std::string msg = err && err->message ? err->message : "unknown error";
    std::string where;
    if (err && err->expression >= 0) {
      const Pattern& p = l->patterns_[static_cast<std::size_t>(err->expression)];
      where = " in rule '" + l->rules_[p.rule].id + "' (pattern " + expressions[static_cast<std::size_t>(err->expression)] + ")";
    }
    hs_free_compile_error(err);
    return Status::InvalidArgument("cannot compile the lint rules" + where + ": " + msg);
  }
  if (hs_alloc_scratch(l->db_, &l->scratch_) != HS_SUCCESS)
    return Status::Internal("cannot allocate the matcher's scratch space");
  return l;
}

Linter::~Linter() {
  hs_free_scratch(scratch_);
  hs_free_database(db_);
}

namespace {

struct Hit {
  unsigned pattern;
  unsigned long long from, to;
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<Hit>*>(ctx)->push_back({id, from, to});
  return 0;
}

bool applies(const LintRule& r, TextKind kind) {
  return r.applies.empty() || std::find(r.applies.begin(), r.applies.end(), kind) != r.applies.end();
}

}  // namespace

std::vector<LintFinding> Linter::lint(std::string_view text, TextKind kind) const {
  if (text.empty()) return {};
  std::vector<Hit> hits;
  hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch_, on_match, &hits);
  if (hits.empty()) return {};
  constexpr unsigned long long kWindow = 512;  // how far back context may start
  std::vector<LintFinding> out;
  // Keep, per place, the longest phrase match; drop those inside an exclusion and those
  // of "after" rules with no context shortly before.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.from != b.from ? a.from < b.from : a.to > b.to;
  });
  std::vector<Hit> context;  // exclusions and "after" contexts, sorted by start
  for (const Hit& h : hits)
    if (patterns_[h.pattern].role != Pattern::kPhrase) context.push_back(h);
  unsigned long long covered_to = 0;
  bool any = false;
  // Findings come in text order: advance one cursor for line and column instead of
  // rescanning from the start for each (a 1 GB file has hundreds of thousands).
  std::size_t cursor = 0, line_start = 0;
  int line = 1;
  for (const Hit& h : hits) {
    const Pattern& p = patterns_[h.pattern];
    if (p.role != Pattern::kPhrase) continue;
    const LintRule& rule = rules_[p.rule];
    if (!applies(rule, kind)) continue;
    if (any && h.from < covered_to) continue;  // inside a longer finding already reported
    // Only context that starts within kWindow bytes before this match can matter.
    auto first = std::lower_bound(context.begin(), context.end(), h.from > kWindow ? h.from - kWindow : 0,
                                  [](const Hit& c, unsigned long long v) { return c.from < v; });
    bool excluded = false, has_context = rule.after.empty();
    for (auto it = first; it != context.end() && it->from <= h.from; ++it) {
      const Pattern& cp = patterns_[it->pattern];
      if (cp.rule != p.rule) continue;
      if (cp.role == Pattern::kExclude && it->to >= h.to) excluded = true;
      if (cp.role == Pattern::kAfter && it->to <= h.from) has_context = true;
    }
    if (excluded || !has_context) continue;
    LintFinding f;
    f.rule = rule.id;
    f.offset = h.from;
    f.length = h.to - h.from;
    for (; cursor < f.offset; ++cursor)
      if (text[cursor] == '\n') {
        ++line;
        line_start = cursor + 1;
      }
    f.line = line;
    f.column = 1;
    for (std::size_t i = line_start; i < f.offset; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++f.column;
    f.words = std::string(text.substr(f.offset, f.length));
    for (char& c : f.words)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    f.why = rule.why;
    f.instead = rule.instead;
    out.push_back(std::move(f));
    covered_to = h.to;
    any = true;
  }
  return out;
}

namespace {

int words_in(std::string_view t) {
  int n = 0;
  bool in = false;
  for (char c : t) {
    bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string lower(std::string_view t) {
  std::string s(t);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool has_any(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    std::size_t pos = text.find(w);
    while (pos != std::string::npos) {
      std::size_t end = pos + std::string_view(w).size();
      bool left = pos == 0 || !std::isalpha(static_cast<unsigned char>(text[pos - 1]));
      bool right = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (left && right) return true;
      pos = text.find(w, pos + 1);
    }
  }
  return false;
}

bool has_clock_time(const std::string& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) continue;
    std::size_t j = i;
    while (j < t.size() && (std::isdigit(static_cast<unsigned char>(t[j])) || t[j] == ':')) ++j;
    std::size_t k = j;
    while (k < t.size() && t[k] == ' ') ++k;
    if (t.compare(k, 2, "am") == 0 || t.compare(k, 2, "pm") == 0 || t.compare(k, 4, "a.m.") == 0 ||
        t.compare(k, 4, "p.m.") == 0 || t.compare(k, 7, "o'clock") == 0)
      return true;
    if (j - i >= 4 && t[i + 2] == ':') return true;  // 10:30
    if (j - i >= 4 && t[i + 1] == ':') return true;  // 9:30
    // "at 10", "at 2": an hour after "at" is a time when said in a voicemail.
    if (i >= 3 && t.compare(i - 3, 3, "at ") == 0 && (i == 3 || !std::isalpha(static_cast<unsigned char>(t[i - 4])))) {
      int hour = std::atoi(t.c_str() + i);
      if (hour >= 1 && hour <= 12) return true;
    }
    i = j;
  }
  for (const char* spoken : {"noon", "at one", "at two", "at three", "at four", "at five", "at six",
                             "at seven", "at eight", "at nine", "at ten", "at eleven", "half past",
                             "quarter past", "quarter to"})
    if (t.find(spoken) != std::string::npos) return true;
  return false;
}

// Words that promise the listener a result (seed 003: a voicemail is returned for a benefit).
bool has_benefit_word(const std::string& t) {
  static const char* const kWords[] = {
      "save", "saves", "saving", "cut", "cuts", "lower", "less", "fewer", "faster", "sooner", "free",
      "reduce", "reduces", "avoid", "protect", "grow", "easier", "simpler", "without", "help", "helps",
      "improve", "improved", "better", "quicker", "cheaper", "profit", "win", "idea", "ideas", "news",
      "new", "discount", "increase", "boost", "double", "half", "same-day", "faster", "more"};
  std::string word;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    char c = i < t.size() ? t[i] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      word += c;
      continue;
    }
    for (const char* w : kWords)
      if (word == w) return true;
    word.clear();
  }
  return false;
}

int digits_in(std::string_view t) {
  int n = 0, best = 0;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++n;
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
      best = std::max(best, n);
      n = 0;
    }
  }
  return std::max(best, n);
}

}  // namespace

std::vector<LintFinding> Linter::check_voicemail(std::string_view text, const VoicemailBudget& b) const {
  std::vector<LintFinding> out;
  auto whole = [&](const char* rule, std::string words, const char* why, const char* instead) {
    LintFinding f;
    f.rule = rule;
    f.line = 1;
    f.column = 1;
    f.length = text.size();
    f.words = std::move(words);
    f.why = why;
    f.instead = instead;
    out.push_back(std::move(f));
  };
  int words = words_in(text);
  int limit = b.words_per_minute * b.seconds / 60;
  if (words > limit)
    whole("voicemail_too_long", std::to_string(words) + " words, about " +
                                    std::to_string((words * 60 + b.words_per_minute - 1) / b.words_per_minute) +
                                    " seconds",
          "You have about ten seconds before they stop listening (seed 003).",
          "Cut to one benefit, one proposed time and your number.");
  std::string t = lower(text);
  const bool benefit = has_benefit_word(t) || has_any(t, {"you can now", "so you can", "lets you", "let you",
                                                           "which means you", "you'll get"});
  if (!has_any(t, {"you", "your", "you're", "you'll"}) || !benefit)
    whole("voicemail_no_benefit", "no benefit for the listener",
          "A voicemail gets returned only when it offers the listener a benefit (seed 003).",
          "Lead with what they get: \"You can now ...\"");
  bool day = has_any(t, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "tomorrow", "january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"});
  if (!day || !has_clock_time(t))
    whole("voicemail_no_time", day ? "a day but no time" : "no day or time",
          "Proposing a specific appointment changes the procedure: they call back to move it (seed 003).",
          "\"If Thursday, June 6 at 10 a.m. won't work for you, please call me at ...\"");
  if (digits_in(text) < 7)
    whole("voicemail_no_number", "no callback number",
          "Without your number in the message, calling back is work for them (seed 003).",
          "End with your number, said slowly.");
  return out;
}

std::string Linter::plain_phrases() const {
  std::string out;
  for (const LintRule& r : rules_)
    for (const std::string& p : r.phrases) out += p + "\n";
  return out;
}

}  // namespace nextcall
