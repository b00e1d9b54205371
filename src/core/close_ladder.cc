#include "core/close_ladder.h"

#include <algorithm>
#include <cctype>

namespace nextcall {
namespace {

// How to ask for each default rung, in words a rep can say.
std::string ask_for(const std::string& rung, const std::string& name) {
  if (rung == "sale") return "Ask for the order: \"Shall we go ahead and put the order in?\"";
  if (rung == "meeting")
    return "Ask for a meeting: \"Could we sit down for 30 minutes next week, with whoever else "
           "weighs in?\"";
  if (rung == "proposal_review")
    return "Ask them to review a proposal with you: \"If I put the numbers in a one-page "
           "proposal, would you go through it with me on Thursday?\"";
  if (rung == "review_together")
    return "Ask to go through the material together: \"Do you have a few minutes to walk "
           "through it together right now?\"";
  if (rung == "referral")
    return "Ask for a referral: \"Who else, inside or outside " + std::string("your company") +
           ", should I be talking to about this?\"";
  if (rung == "send_info")
    return "Last resort: offer to send information, and agree on when to talk about it.";
  if (rung == "linkedin") return "Last resort: ask to connect on LinkedIn.";
  if (rung == "arrange_conversation")
    return "Ask the screener for help: \"Could you help me find ten minutes with " + name + "?\"";
  if (rung == "direct_line")
    return "Ask for the direct line: \"What's the best number to reach " + name + " directly?\"";
  if (rung == "pass_on_proposal")
    return "Ask them to pass a proposal on: \"Could I send you a one-page proposal to hand to " +
           name + "?\"";
  return "Ask for: " + rung + ".";
}

}  // namespace

std::string rung_ask_phrase(const std::string& rung) {
  if (rung == "sale") return "ask for the order";
  if (rung == "proposal_review") return "ask them to review a proposal with you";
  if (rung == "review_together") return "ask to go through it together";
  if (rung == "send_info") return "offer to send information";
  if (rung == "linkedin") return "ask to connect on LinkedIn";
  if (rung == "arrange_conversation") return "ask the screener to help arrange a conversation";
  if (rung == "direct_line") return "ask for the direct line";
  if (rung == "pass_on_proposal") return "ask the screener to pass a proposal on";
  return "ask for " + rung_words(rung);
}

std::string rung_words(const std::string& rung) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"sale", "the order"},
      {"meeting", "a meeting"},
      {"proposal_review", "a proposal review"},
      {"review_together", "going through it together"},
      {"referral", "a referral"},
      {"send_info", "sending information"},
      {"linkedin", "a LinkedIn connection"},
      {"arrange_conversation", "help arranging a conversation"},
      {"direct_line", "the direct line"},
      {"pass_on_proposal", "passing a proposal on"}};
  for (const auto& [id, words] : kWords)
    if (rung == id) return words;
  std::string out = rung;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

int rung_rank(const Ladder& ladder, const std::string& rung) {
  auto it = std::find(ladder.rungs.begin(), ladder.rungs.end(), rung);
  return it == ladder.rungs.end() ? -1 : static_cast<int>(it - ladder.rungs.begin());
}

namespace {

// The target given the rank of the highest agreed rung (the ladder's size: none) and the
// rung the last conversation closed on (nullopt: no conversation yet).
TargetClose target_from(const Ladder& ladder, int best, const std::optional<std::string>& last_conversation_rung,
                        const std::string& first_name) {
  TargetClose t;
  t.ladder = ladder.name;
  int n = static_cast<int>(ladder.rungs.size());
  // Last resorts: the bottom two rungs of a ladder of four or more (seed 004).
  int last_resorts = n >= 4 ? 2 : 0;
  int target;
  if (best == n) {
    target = std::max(0, n - last_resorts - 1);
    t.why = "nothing agreed yet: start with a small yes (foot in the door), not a last resort";
  } else {
    t.highest_agreed = ladder.rungs[static_cast<std::size_t>(best)];
    target = std::max(0, best - 1);
    t.why = "agreed to " + t.highest_agreed + " before: ask for a little more this time";
    if (best == 0) t.why = "already agreed to " + t.highest_agreed + ": ask for it again";
  }
  if (last_conversation_rung && last_conversation_rung->empty()) {
    t.why += "; the last conversation closed on nothing, so ask again with a different approach "
             "(lead with their hot button and the page that serves it)";
  }
  t.rung = ladder.rungs[static_cast<std::size_t>(target)];
  for (int i = target + 1; i < n; ++i) t.fallbacks.push_back(ladder.rungs[static_cast<std::size_t>(i)]);
  t.ask = ask_for(t.rung, first_name);
  return t;
}

}  // namespace

TargetClose target_close(const Ladder& ladder, std::span<const Attempt> attempts,
                         const std::string& first_name) {
  int n = static_cast<int>(ladder.rungs.size());
  int best = n;  // rank of the highest agreed rung; n: none
  const Attempt* last_conversation = nullptr;
  for (const Attempt& a : attempts) {
    if (a.ladder != ladder.name) continue;
    if (a.outcome == Outcome::kConnected || a.outcome == Outcome::kGatekeeper)
      last_conversation = &a;
    int r = a.rung.empty() ? -1 : rung_rank(ladder, a.rung);
    if (r >= 0 && r < best) best = r;
  }
  std::optional<std::string> last_rung;
  if (last_conversation) last_rung = last_conversation->rung;
  return target_from(ladder, best, last_rung, first_name);
}

bool is_last_resort(const Ladder& ladder, const std::string& rung) {
  int n = static_cast<int>(ladder.rungs.size());
  int r = rung_rank(ladder, rung);
  return n >= 4 && r >= n - 2;
}

TargetClose situational_target(const Ladder& ladder, const CallHistory& history, const CloseSituation& sit,
                               const std::string& first_name) {
  TargetClose t;
  t.ladder = ladder.name;
  int n = static_cast<int>(ladder.rungs.size());
  if (n == 0) return t;
  int lowest_target = std::max(0, n - (n >= 4 ? 2 : 0) - 1);  // the lowest rung that is not a last resort
  int best = history.best_rank(ladder);
  if (best >= 0) t.highest_agreed = ladder.rungs[static_cast<std::size_t>(best)];
  auto rank_of = [&](const char* rung) { return rung_rank(ladder, rung); };
  // One rung above the highest agreed (foot in the door); the top rung again once agreed.
  int target = best < 0 ? -1 : std::max(0, best - 1);
  std::string why;
  if (best >= 0)
    why = best == 0 ? "they bought before, so the next order"
                    : "they agreed to " + rung_words(t.highest_agreed) + " last time, so a little more now";
  // What the situation asks for, when it asks for more than that (a smaller rank).
  auto ask_more = [&](int rank, std::string because) {
    if (rank < 0) return;
    if (target < 0 || rank < target) {
      target = rank;
      why = std::move(because);
    }
  };
  if (sit.change_removed_objection)
    ask_more(rank_of("sale"), "the change just removed what held them back");
  if (sit.customer_on_cadence)
    ask_more(rank_of("sale"), "a customer on a regular cadence buys again");
  if (sit.voicemail_time_held)
    ask_more(rank_of("meeting"), "your voicemail proposed a time for it");
  if (sit.referred)
    ask_more(rank_of("meeting"), "a referral opens the door to a meeting");
  if (sit.owes_review) {
    // Seed 002: when you have them on the phone, go through it together now, unless they
    // have already agreed to more.
    int review = rank_of("review_together");
    if (review >= 0 && (best < 0 || best > review) && (target < 0 || target >= review)) {
      target = review;
      why = "they owe a review of " + (sit.material_title.empty() ? std::string("what you sent") : "the " + sit.material_title) +
            ", and you have them on the phone";
    }
  }
  if (target < 0) {
    // Nothing agreed yet and nothing in particular: a meeting is progress worth asking
    // for (seed 004: close on something that moves it on, not on information).
    int meeting = rank_of("meeting");
    target = meeting >= 0 ? meeting : lowest_target;
    why = sit.qualifying ? "a qualifying call: once you have found what matters to them, a meeting moves it on"
                         : "nothing agreed yet, and a meeting moves it on";
  }
  if (target > lowest_target) {
    // Above a last resort agreed before, or a workspace ladder's own shape.
    target = lowest_target;
    why = "they only agreed to " + rung_words(t.highest_agreed) + " so far, and another last resort is no progress";
  }
  std::optional<std::string> last = history.last_conversation_rung(ladder.name);
  if (last && last->empty() && best >= 0) why += ", with a different approach than last time (it closed on nothing)";
  t.rung = ladder.rungs[static_cast<std::size_t>(target)];
  for (int i = target + 1; i < n; ++i) t.fallbacks.push_back(ladder.rungs[static_cast<std::size_t>(i)]);
  std::string fallbacks;
  for (std::size_t i = 0; i < t.fallbacks.size(); ++i)
    fallbacks += (i ? (i + 1 == t.fallbacks.size() ? " or " : ", ") : "") + rung_words(t.fallbacks[i]);
  std::string ask = rung_ask_phrase(t.rung);
  ask[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(ask[0])));
  t.why = ask + ": " + why + (fallbacks.empty() ? "." : "; if not, " + fallbacks + ", in that order.");
  t.ask = ask_for(t.rung, first_name);
  return t;
}

TargetClose target_close(const Ladder& ladder, const CallHistory& history, const std::string& first_name) {
  int best = history.best_rank(ladder);
  if (best < 0) best = static_cast<int>(ladder.rungs.size());
  return target_from(ladder, best, history.last_conversation_rung(ladder.name), first_name);
}

}  // namespace nextcall
