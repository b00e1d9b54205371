// Talk figures: the rep's share of talk, questions asked, the longest monologue. Reported,
// not judged.
#include <string>

#include "core/coach.h"
#include "core/coach_text.h"

namespace nextcall {

namespace {

bool question_sentence(const std::string& s) {
  if (s.find('?') != std::string::npos) return true;
  std::string n = coach_text::normalize(s);
  for (const char* w : {"what ", "how ", "why ", "when ", "where ", "who ", "which ", "do you ",
                        "does ", "did you ", "are you ", "is it ", "is there ", "can you ",
                        "could you ", "would you ", "have you ", "will you "}) {
    if (n.rfind(w, 0) == 0) return true;
  }
  return false;
}

}  // namespace

TalkFigures talk_figures(const Transcript& t) {
  TalkFigures f;
  f.available = t.talk_ratio_available && t.speakers().size() > 1;
  f.by_time = t.has_times();
  double rep = 0, contact = 0;
  bool any_question_mark = false;
  for (const Turn& turn : t.turns) any_question_mark |= turn.text.find('?') != std::string::npos;
  // Runs of turns by the same side form one monologue.
  double run = 0;
  int run_turn = -1;
  bool run_rep = false;
  for (size_t i = 0; i < t.turns.size(); ++i) {
    const Turn& turn = t.turns[i];
    int words = coach_text::word_count(turn.text);
    double amount = f.by_time ? std::max(0.0, *turn.end - *turn.start) : words;
    (turn.is_rep ? f.rep_words : f.contact_words) += words;
    (turn.is_rep ? rep : contact) += amount;
    if (turn.is_rep) {
      for (const std::string& s : coach_text::sentences(turn.text)) {
        if (any_question_mark ? s.find('?') != std::string::npos : question_sentence(s))
          ++f.rep_questions;
      }
    }
    if (run_turn >= 0 && t.turns[run_turn].speaker == turn.speaker && run_rep == turn.is_rep) {
      run += amount;
    } else {
      run = amount;
      run_turn = static_cast<int>(i);
      run_rep = turn.is_rep;
    }
    if (run > f.longest_monologue) {
      f.longest_monologue = run;
      f.longest_monologue_turn = run_turn;
      f.longest_monologue_speaker = turn.speaker;
    }
  }
  f.rep_share = rep + contact > 0 ? rep / (rep + contact) : 0;
  if (f.by_time && !t.turns.empty()) f.duration_seconds = *t.turns.back().end - *t.turns.front().start;
  return f;
}

}  // namespace nextcall
