// Rule group: the close (seed 004's ladders). Maps the rep's asks to rungs and checks
// whether the contact agreed. no_close: nothing asked, or asked and nothing agreed.
#include <algorithm>
#include <string>

#include "core/coach.h"
#include "core/coach_text.h"

namespace nextcall {

using coach_text::has_any;
using coach_text::normalize;

namespace {

const std::vector<std::string> kContactRungs = {"sale",     "meeting",   "proposal_review",
                                                "review_together", "referral", "send_info",
                                                "linkedin"};
const std::vector<std::string> kGatekeeperRungs = {"arrange_conversation", "direct_line",
                                                   "pass_on_proposal", "referral"};

bool is_gatekeeper_call(const Transcript& t) {
  int n = 0;
  for (const Turn& turn : t.turns) {
    if (turn.is_rep || n++ > 3) continue;
    std::string s = normalize(turn.text);
    if (has_any(s, {"he's not available", "she's not available", "he's in a meeting",
                    "she's in a meeting", "he is not available", "she is not available",
                    "who's calling", "who is calling", "what is this regarding",
                    "what's this regarding", "what is this about", "i'm his assistant",
                    "i'm her assistant", "he's out", "she's out", "not in the office",
                    "can i take a message", "may i ask who"}))
      return true;
  }
  return false;
}

// The rung a rep sentence asks for; empty if it asks for none. An ask is a question or a
// proposal ("let's", "how about", "can we", "would you", "i'd like to").
std::string ask_rung(const std::string& s, bool gatekeeper) {
  bool ask = s.find('?') != std::string::npos ||
             has_any(s, {"let's ", "how about", "can we", "could we", "would you", "will you",
                         "why don't", "i'd like to", "i would like to", "shall we", "can i",
                         "could i", "may i", "do you mind"});
  if (!ask) return {};
  if (gatekeeper) {
    if (has_any(s, {"direct line", "direct number", "extension", "cell number", "his number",
                    "her number"}))
      return "direct_line";
    if (has_any(s, {"pass this on", "pass it on", "pass it along", "pass this along",
                    "give this to", "give it to", "forward", "put it on his desk",
                    "put it on her desk"}))
      return "pass_on_proposal";
    if (has_any(s, {"who else", "anyone else", "someone else", "refer"})) return "referral";
    if (has_any(s, {"best time to reach", "good time to reach", "good time to call",
                    "set up a call", "set up a time", "put me through", "connect me",
                    "on his calendar", "on her calendar", "arrange", "schedule a call",
                    "book a call", "a few minutes with"}))
      return "arrange_conversation";
    return {};
  }
  if (has_any(s, {"place the order", "place an order", "get the order", "write it up",
                  "write up the order", "go ahead with the order", "put you down for",
                  "get started", "sign the", "move forward with the order", "ready to order",
                  "start with an order", "trial order", "first order", "ship you"}))
    return "sale";
  if (has_any(s, {"proposal"}))
    return "proposal_review";
  if (has_any(s, {"meet", "meeting", "get together", "a short call", "a call on", "set up a call",
                  "schedule a call", "book a call", "demo", "come by", "stop by", "come out",
                  "visit", "appointment", "on your calendar", "lunch", "coffee", "sit down"}))
    return "meeting";
  if (has_any(s, {"go through it together", "grab it", "let's go through", "let's go over",
                  "walk you through", "pull it up", "look at it together", "go over it together",
                  "take a look together", "turn to page"}))
    return "review_together";
  if (has_any(s, {"who else", "anyone else", "someone else", "refer", "introduce me",
                  "know anyone"}))
    return "referral";
  if (has_any(s, {"linkedin", "connect online"})) return "linkedin";
  if (has_any(s, {"send you", "email you", "e-mail you", "mail you", "send over", "send it",
                  "send the", "send some"}))
    return "send_info";
  // A proposed day and time is a meeting, whatever it is called.
  if (has_any(s, {"tomorrow at", "monday at", "tuesday at", "wednesday at", "thursday at",
                  "friday at"}))
    return "meeting";
  return {};
}

// Whole words only: "ok" must not be found in "look", nor "sure" in "pressure".
bool has_any_word(const std::string& s, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases)
    if (coach_text::has_word(s, p)) return true;
  return false;
}

bool agrees(const std::string& s) {
  if (has_any_word(s, {"not interested", "no thanks", "no thank you", "not right now",
                       "not at this time", "i don't think", "rather not", "i'd rather", "can't",
                       "cannot", "won't", "pass on", "not really", "no need", "don't bother",
                       "not now", "not yet", "i'll pass", "doesn't work", "does not work",
                       "won't work", "not going to work", "not a good time", "bad time",
                       "i'm not sure", "not sure", "let me think", "i'll think about it",
                       "maybe later", "busy that day", "let's not", "let me check"}))
    return false;
  if (s.rfind("no", 0) == 0 && (s.size() == 2 || !std::isalpha(static_cast<unsigned char>(s[2]))))
    return false;
  return has_any_word(s, {"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "sounds good", "that works",
                          "works for me", "works", "let's do it", "let's do that", "absolutely", "fine",
                          "go ahead", "please do", "of course", "definitely", "great", "perfect",
                          "i can do", "why not", "send it", "that would be", "i'd like that", "happy to",
                          "certainly", "sounds great", "sounds fine", "alright", "all right", "deal",
                          "see you then", "talk then", "i'll be there", "count me in", "book it",
                          "put me down", "i'm in", "that's fine", "good idea", "let's", "will do"});
}

int rank(const std::vector<std::string>& ladder, const std::string& rung) {
  auto it = std::find(ladder.begin(), ladder.end(), rung);
  return it == ladder.end() ? 1000 : static_cast<int>(it - ladder.begin());
}

}  // namespace

CloseAnalysis analyse_close(const Transcript& t) {
  CloseAnalysis out;
  bool gk = is_gatekeeper_call(t);
  out.ladder = gk ? "gatekeeper" : "contact";
  const auto& ladder = gk ? kGatekeeperRungs : kContactRungs;
  for (size_t i = 0; i < t.turns.size(); ++i) {
    if (!t.turns[i].is_rep) continue;
    std::string best;
    for (const std::string& sent : coach_text::sentences(t.turns[i].text)) {
      std::string r = ask_rung(normalize(sent), gk);
      if (!r.empty() && (best.empty() || rank(ladder, r) < rank(ladder, best))) best = r;
    }
    if (best.empty()) continue;
    CloseAsk ask;
    ask.rung = best;
    ask.turn = static_cast<int>(i);
    for (size_t j = i + 1; j < t.turns.size() && j <= i + 2; ++j) {
      if (t.turns[j].is_rep) continue;
      ask.agreed = agrees(normalize(t.turns[j].text));
      break;
    }
    out.asks.push_back(ask);
  }
  for (const CloseAsk& a : out.asks) {
    if (a.agreed && (out.rung_agreed.empty() || rank(ladder, a.rung) < rank(ladder, out.rung_agreed)))
      out.rung_agreed = a.rung;
  }
  return out;
}

std::vector<Finding> check_close(const Transcript& t, const CloseAnalysis& close) {
  std::vector<Finding> out;
  if (!close.rung_agreed.empty() || t.turns.empty()) return out;
  Finding f;
  f.rule = "no_close";
  f.why = "Every call should end with a concession on the close ladder; if the top rung is "
          "refused, step down a rung rather than end with nothing (seed 004).";
  if (close.asks.empty()) {
    f.turn = static_cast<int>(t.turns.size()) - 1;
    f.detail = "asked: none";
    f.instead = close.ladder == "gatekeeper"
                    ? "Ask the screener for a rung: \"When would be the best time to reach her?\", "
                      "the direct line, or to pass your proposal on."
                    : "Ask for the next step: a meeting, reviewing the proposal together, a "
                      "referral, or at least permission to send information.";
  } else {
    const CloseAsk& last = close.asks.back();
    f.turn = last.turn;
    f.detail = "asked: " + last.rung + "; agreed: no";
    f.instead = "When \"" + last.rung + "\" is refused, ask for the next rung down the " +
                close.ladder + " ladder before you hang up.";
  }
  f.at = t.turns[f.turn].start;
  f.words = t.turns[f.turn].text;
  out.push_back(std::move(f));
  return out;
}

}  // namespace nextcall
