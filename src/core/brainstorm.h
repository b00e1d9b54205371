// The brainstorm leaderboard (seed 001's action step: "make it a game or competition").
// Each submission's score is the mean of the team's 1–5 scores for value to the listener;
// authors are ranked by the total of their submissions' means. A submission is accepted
// into the library when the round closes if its mean is at least 3.5 with at least two
// scores (one, when only one other person scored in the round).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace nextcall {

struct RankedSubmission {
  BrainstormSubmission submission;
  double mean = 0;
  int votes = 0;
  bool accepted = false;
};

struct RankedAuthor {
  std::string author;
  int submissions = 0;
  int accepted = 0;
  double points = 0;  // sum of the means of their submissions
};

struct Leaderboard {
  std::vector<RankedSubmission> reasons;  // best first
  std::vector<RankedAuthor> authors;      // best first
};

Leaderboard leaderboard(const std::vector<BrainstormSubmission>& submissions,
                        const std::vector<BrainstormScore>& scores);

}  // namespace nextcall
