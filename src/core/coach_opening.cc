// Rule group: the opening (seed 001). weak_opener, no_reason.
#include <memory>
#include <set>
#include <string>

#include "core/coach.h"
#include "core/coach_text.h"
#include "core/lint_rules.h"
#include "core/linter.h"

namespace nextcall {

using coach_text::find_any;
using coach_text::has_any;
using coach_text::normalize;

namespace {

// The phrase linter with the seeds' rules, one per thread (a Linter's scratch space is not
// shared), so the coach flags exactly the openers `nextcall lint` flags in a script.
const Linter* default_linter() {
  thread_local std::unique_ptr<Linter> linter = []() -> std::unique_ptr<Linter> {
    auto rules = parse_lint_rules(default_lint_rules_text(), "default rules");
    if (!rules.ok()) return nullptr;
    auto compiled = Linter::compile(std::move(*rules));
    return compiled.ok() ? std::move(*compiled) : nullptr;
  }();
  return linter.get();
}

}  // namespace

std::string weak_opener_phrase(const std::string& text) {
  static const std::set<std::string> kOpenerRules = {"touch_base",    "check_in",      "how_things_are_going",
                                                     "courtesy_call", "needs_anything", "files_and_catch_up",
                                                     "following_up"};
  if (const Linter* linter = default_linter())
    for (const LintFinding& f : linter->lint(text, TextKind::kScript))
      if (kOpenerRules.count(f.rule)) return f.words;
  // Spoken variants the written-text rules leave alone ("just checking", "catch up").
  std::string n = normalize(text);
  return std::string(find_any(
      n, {"touch base", "touching base", "checking in", "check in with you", "wanted to check in",
          "just following up", "i'm following up", "i am following up", "just calling to follow up",
          "following up on", "courtesy call", "anything i can bid on", "anything on your desk",
          "do you have an order for me", "see how you are doing", "see how you're doing",
          "see how it's going", "see how things are going", "just calling to see",
          "just wanted to see", "see if you had any questions", "see if you have any questions",
          "see what you thought", "just checking", "keep in touch", "catch up"}));
}

namespace {

// A value-adding reason: "The reason I'm calling is ..." or a you-first / news / policy /
// capability opener (seed 001's categories).
bool states_reason(const std::string& n) {
  return has_any(n, {"the reason i'm calling", "the reason i am calling", "reason for my call",
                     "reason for the call", "i'm calling because", "i am calling because",
                     "calling because", "i have an idea", "i had an idea", "i have a few ideas",
                     "i have some ideas", "i noticed", "i saw that", "i read that", "i read about",
                     "i heard that", "we just", "we've just", "we now", "we have a new",
                     "our new", "new policy", "new program", "congratulations", "you mentioned",
                     "last time you said", "last time you told", "could save you", "could help you",
                     "could cut", "would cut", "reduce your", "lower your", "we recently",
                     "since you", "since your", "you said", "you told me", "you asked",
                     "your main concern", "your top priority", "your biggest", "cutting your",
                     "cutting her", "cutting his", "save you", "saving you"});
}

}  // namespace

std::vector<Finding> check_opening(const Transcript& t, const CoachOptionsCore& opt) {
  std::vector<Finding> out;
  int rep_turns = 0;
  bool reason = false;
  int first_rep = -1;
  bool weak_found = false;
  for (size_t i = 0; i < t.turns.size() && rep_turns < opt.opening_rep_turns; ++i) {
    const Turn& turn = t.turns[i];
    if (!turn.is_rep) continue;
    ++rep_turns;
    if (first_rep < 0) first_rep = static_cast<int>(i);
    std::string n = normalize(turn.text);
    if (states_reason(n)) reason = true;
    std::string phrase = weak_opener_phrase(turn.text);
    if (!phrase.empty() && !weak_found) {
      weak_found = true;
      Finding f;
      f.rule = "weak_opener";
      f.turn = static_cast<int>(i);
      f.at = turn.start;
      f.words = turn.text;
      f.why = "A touch-base or check-in opener gives the contact no reason to talk: it says you "
              "called for yourself, not for them (seed 001).";
      f.instead = "Open with value: \"The reason I'm calling is ...\" with news, a new policy, "
                  "a new capability or something about them.";
      f.detail = "phrase: " + phrase;
      out.push_back(std::move(f));
    }
  }
  if (first_rep >= 0 && !reason) {
    Finding f;
    f.rule = "no_reason";
    f.turn = first_rep;
    f.at = t.turns[first_rep].start;
    f.words = t.turns[first_rep].text;
    f.why = "Every call must carry value; without a reason that helps them, the call is about "
            "you and is easy to end (seed 001).";
    f.instead = "Complete \"The reason I'm calling is ___\" with something that matters to them "
                "(their hot button, industry news, a new policy or capability).";
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace nextcall
