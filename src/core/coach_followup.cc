// Rule group: the follow-up (seed 002). missed_walk_through: the contact has not done what
// they promised and the rep offers to call back instead of going through it together.
#include <string>

#include "core/coach.h"
#include "core/coach_text.h"

namespace nextcall {

using coach_text::find_any;
using coach_text::has_any;
using coach_text::normalize;

namespace {

std::string_view not_done_cue(const std::string& n) {
  return find_any(n, {"haven't taken a look", "have not taken a look", "haven't looked",
                      "have not looked", "haven't had a chance", "haven't had the chance",
                      "haven't had time", "didn't get to it", "didn't get a chance",
                      "didn't have a chance", "didn't have time", "haven't read",
                      "have not read", "haven't gotten to", "haven't got to", "haven't gone through",
                      "haven't reviewed", "didn't look", "didn't read", "haven't opened",
                      "not yet", "been crazy", "been swamped", "been slammed", "been so busy",
                      "haven't even opened", "still on my desk", "still sitting in my inbox",
                      "haven't done", "didn't do",
                      // Recognizers and careful speakers do not contract.
                      "have not had a chance", "have not had the chance", "have not had time",
                      "did not get to it", "did not get a chance", "did not have a chance",
                      "did not have time", "have not gotten to", "have not gone through",
                      "have not reviewed", "did not look", "did not read", "have not opened",
                      "have not done", "did not do"});
}

bool offers_callback(const std::string& n) {
  return has_any(n, {"call you back", "call back", "give you a call", "i'll call you",
                     "i will call you", "follow up later", "follow up next", "follow up in",
                     "touch base later", "touch base next", "touch base in", "get back to you",
                     "reach out next", "reach out in", "check back", "try you again",
                     "call again", "ring you", "circle back"});
}

bool offers_walk_through(const std::string& n) {
  return has_any(n, {"go through it together", "go through it now", "go over it together",
                     "go over it now", "grab it", "let's go through", "let's go over",
                     "let's look at it", "let's take a look", "walk you through", "walk through it",
                     "pull it up", "have it there", "have it handy", "look at it together",
                     "take a look together", "open it up", "bring it up", "do it together",
                     "review it together", "go through the", "turn to page"});
}

}  // namespace

std::vector<Finding> check_walk_through(const Transcript& t) {
  std::vector<Finding> out;
  const auto& turns = t.turns;
  for (size_t i = 0; i < turns.size(); ++i) {
    if (turns[i].is_rep) continue;
    std::string cn = normalize(turns[i].text);
    std::string_view cue = not_done_cue(cn);
    if (cue.empty()) continue;
    // The rep's next turn (the answer to the news).
    size_t j = i + 1;
    while (j < turns.size() && !turns[j].is_rep) ++j;
    if (j >= turns.size() || j > i + 2) continue;
    std::string rn = normalize(turns[j].text);
    if (!offers_callback(rn) || offers_walk_through(rn)) continue;
    // A walk-through offered in the rep's next two turns redeems it.
    bool redeemed = false;
    int rep_seen = 0;
    for (size_t k = j + 1; k < turns.size() && rep_seen < 2; ++k) {
      if (!turns[k].is_rep) continue;
      ++rep_seen;
      if (offers_walk_through(normalize(turns[k].text))) redeemed = true;
    }
    if (redeemed) continue;
    Finding f;
    f.rule = "missed_walk_through";
    f.turn = static_cast<int>(j);
    f.at = turns[j].start;
    f.words = turns[j].text;
    f.why = "You already have them on the phone, and reaching them again may take three tries; "
            "going through it together sells the finer points they care about (seed 002).";
    f.instead = "\"That's OK. As long as you have it there, why don't you grab it, and let's go "
                "through it together.\"";
    f.detail = "contact said: " + turns[i].text + " (cue: " + std::string(cue) + ")";
    out.push_back(std::move(f));
    i = j;
  }
  return out;
}

}  // namespace nextcall
