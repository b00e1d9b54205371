#include "core/brainstorm.h"

#include <algorithm>
#include <map>
#include <set>

namespace nextcall {

Leaderboard leaderboard(const std::vector<BrainstormSubmission>& submissions,
                        const std::vector<BrainstormScore>& scores) {
  std::set<Id> voters;
  for (const auto& s : scores) voters.insert(s.user_id);
  int needed = voters.size() <= 1 ? 1 : 2;
  Leaderboard board;
  std::map<std::string, RankedAuthor> authors;
  for (const BrainstormSubmission& sub : submissions) {
    RankedSubmission r;
    r.submission = sub;
    double sum = 0;
    for (const auto& s : scores)
      if (s.submission_id == sub.id) {
        sum += s.score;
        ++r.votes;
      }
    r.mean = r.votes ? sum / r.votes : 0;
    r.accepted = r.votes >= needed && r.mean >= 3.5;
    RankedAuthor& a = authors[sub.author_name];
    a.author = sub.author_name;
    ++a.submissions;
    a.accepted += r.accepted;
    a.points += r.mean;
    board.reasons.push_back(r);
  }
  std::stable_sort(board.reasons.begin(), board.reasons.end(), [](const RankedSubmission& a, const RankedSubmission& b) {
    return a.mean != b.mean ? a.mean > b.mean : a.votes > b.votes;
  });
  for (auto& [name, a] : authors) board.authors.push_back(a);
  std::stable_sort(board.authors.begin(), board.authors.end(),
                   [](const RankedAuthor& a, const RankedAuthor& b) { return a.points > b.points; });
  return board;
}

}  // namespace nextcall
