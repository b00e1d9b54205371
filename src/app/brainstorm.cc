#include "app/brainstorm.h"

#include "app/reasons.h"
#include "core/model_text.h"

namespace nextcall {

Result<BrainstormRound> start_round(Store& store, const Actor& actor, const std::string& title, Instant now) {
  if (title.empty()) return Status::InvalidArgument("title: name the round, e.g. \"Q1 reasons to call\"");
  BrainstormRound r;
  r.workspace_id = actor.workspace.id;
  r.title = title;
  r.opened_by = actor.rep.id;
  r.created_at = now;
  auto id = store.add_round(r);
  if (!id.ok()) return id.status();
  r.id = *id;
  return r;
}

Result<BrainstormRound> find_round(Store& store, const Actor& actor, std::optional<Id> round_id) {
  auto rounds = store.list_rounds(actor.workspace.id);
  if (!rounds.ok()) return rounds.status();
  for (auto it = rounds->rbegin(); it != rounds->rend(); ++it) {
    if (round_id ? it->id == *round_id : it->open) return *it;
  }
  if (round_id) return Status::NotFound("no brainstorm round with id " + std::to_string(*round_id));
  return Status::NotFound("no open brainstorm round (start one: nextcall brainstorm start TITLE)");
}

Result<Submitted> submit_reason(Store& store, const Actor& actor, std::optional<Id> round_id,
                                const std::string& text, const std::string& category, bool force,
                                Instant now) {
  auto round = find_round(store, actor, round_id);
  if (!round.ok()) return round.status();
  if (!round->open) return Status::Conflict("round #" + std::to_string(round->id) + " is closed");
  Submitted out;
  BrainstormSubmission& s = out.submission;
  s.workspace_id = actor.workspace.id;
  s.round_id = round->id;
  s.text = text;
  while (!s.text.empty() && (s.text.back() == '.' || s.text.back() == ' ')) s.text.pop_back();
  if (s.text.empty()) return Status::InvalidArgument("text: fill in \"The reason I'm calling is ___\"");
  auto c = parse_reason_category(category.empty() ? "you_first" : category);
  if (!c) return Status::InvalidArgument("category: '" + category + "' is not one of " + names_of_reason_categories());
  s.category = *c;
  s.author_id = actor.rep.id;
  s.author_name = actor.rep.name;
  s.created_at = now;
  auto problems = check_reason_text(s.text);
  if (!problems.ok()) return problems.status();
  out.problems = *problems;
  if (!out.problems.empty() && !force) return Status::InvalidArgument(describe_problems(out.problems));
  auto id = store.add_submission(s);
  if (!id.ok()) return id.status();
  s.id = *id;
  return out;
}

Status score_submission(Store& store, const Actor& actor, Id submission_id, int score) {
  if (score < 1 || score > 5) return Status::InvalidArgument("score: from 1 (no value to the listener) to 5");
  auto rounds = store.list_rounds(actor.workspace.id);
  if (!rounds.ok()) return rounds.status();
  for (const BrainstormRound& r : *rounds) {
    auto subs = store.list_submissions(actor.workspace.id, r.id);
    if (!subs.ok()) return subs.status();
    for (const BrainstormSubmission& s : *subs) {
      if (s.id != submission_id) continue;
      if (!r.open) return Status::Conflict("round #" + std::to_string(r.id) + " is closed");
      if (s.author_id && *s.author_id == actor.rep.id)
        return Status::PermissionDenied("you cannot score your own reason");
      return store.put_score(actor.workspace.id, {submission_id, actor.rep.id, score});
    }
  }
  return Status::NotFound("no submission with id " + std::to_string(submission_id) + " in this workspace");
}

Result<Leaderboard> round_board(Store& store, const Actor& actor, std::optional<Id> round_id) {
  auto round = round_id ? find_round(store, actor, round_id) : find_round(store, actor, std::nullopt);
  if (!round.ok() && !round_id) {
    // No open round: the board of the latest one.
    auto rounds = store.list_rounds(actor.workspace.id);
    if (!rounds.ok() || rounds->empty()) return round.status();
    round = rounds->back();
  }
  if (!round.ok()) return round.status();
  auto subs = store.list_submissions(actor.workspace.id, round->id);
  if (!subs.ok()) return subs.status();
  auto scores = store.list_scores(actor.workspace.id, round->id);
  if (!scores.ok()) return scores.status();
  return leaderboard(*subs, *scores);
}

Result<Closed> close_round(Store& store, const Actor& actor, std::optional<Id> round_id, Instant now) {
  Closed out;
  Status s = store.transaction([&]() -> Status {
    auto round = find_round(store, actor, round_id);
    if (!round.ok()) return round.status();
    if (!round->open) return Status::Conflict("round #" + std::to_string(round->id) + " is already closed");
    auto board = round_board(store, actor, round->id);
    if (!board.ok()) return board.status();
    out.board = *board;
    for (RankedSubmission& r : out.board.reasons) {
      if (!r.accepted) continue;
      Reason reason;
      reason.workspace_id = actor.workspace.id;
      reason.text = r.submission.text;
      reason.category = r.submission.category;
      reason.author_id = r.submission.author_id;
      reason.author_name = r.submission.author_name;
      reason.created_at = now;
      auto id = store.add_reason(reason);
      if (!id.ok()) return id.status();
      reason.id = *id;
      r.submission.reason_id = *id;
      NEXTCALL_RETURN_IF_ERROR(store.update_submission(r.submission));
      out.added.push_back(reason);
    }
    round->open = false;
    return store.update_round(*round);
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace nextcall
