#include "core/reason_check.h"

#include <cctype>

namespace nextcall {
namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool any_of_words(const std::vector<std::string>& words, std::initializer_list<const char*> set) {
  for (const auto& w : words)
    for (const char* s : set)
      if (w == s) return true;
  return false;
}

}  // namespace

std::vector<ReasonProblem> check_reason(const std::string& text, const Linter& linter) {
  std::vector<ReasonProblem> out;
  for (const LintFinding& f : linter.lint(text, TextKind::kScript))
    out.push_back({f.rule, "weak wording: \"" + f.words + "\" — " + std::string(f.why), std::string(f.instead)});
  auto words = words_of(text);
  bool listener = any_of_words(words, {"you", "your", "you're", "you'll", "yours", "you've"});
  bool us = any_of_words(words, {"we", "our", "us", "we're", "we've", "i", "my"});
  if (us && !listener)
    out.push_back({"about_us", "talks about us, not the listener's result",
                   "Say what it does for them: \"... so you can ...\" (e.g. \"we dropped our minimum "
                   "order to 50 units, so you can trial us without tying up cash\")"});
  bool benefit = any_of_words(words, {"save", "saves", "saving", "cut", "cuts", "lower", "less", "fewer",
                                      "faster", "sooner", "free", "reduce", "reduces", "avoid", "protect",
                                      "grow", "more", "easier", "simpler", "without", "can", "now", "help",
                                      "helps", "keep", "lock", "dropped", "drop", "improve", "improved",
                                      "better", "same-day", "quicker", "cheaper", "profit", "win"});
  if (!benefit)
    out.push_back({"no_benefit", "no benefit for the listener",
                   "Name the result they get: time, money or risk (\"so you can ...\", \"which cuts ...\")"});
  return out;
}

}  // namespace nextcall
