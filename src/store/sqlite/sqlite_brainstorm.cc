// SqliteStore: brainstorm rounds, submissions and scores.
#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;
using sqlite::Stmt;

Result<Id> SqliteStore::add_round(const BrainstormRound& r) {
  auto st = db_->prepare(
      "INSERT INTO brainstorm_rounds(workspace_id, title, open, opened_by, created_at) VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.workspace_id)
                               .bind(2, r.title)
                               .bind(3, r.open ? 1 : 0)
                               .bind(4, r.opened_by)
                               .bind(5, epoch(r.created_at))
                               .run());
  return db_->last_insert_id();
}

Status SqliteStore::update_round(const BrainstormRound& r) {
  auto st = db_->prepare("UPDATE brainstorm_rounds SET title=?, open=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.title).bind(2, r.open ? 1 : 0).bind(3, r.id).bind(4, r.workspace_id).run());
  if (db_->changes() == 0) return Status::NotFound("no brainstorm round with id " + std::to_string(r.id));
  return Status::Ok();
}

Result<std::vector<BrainstormRound>> SqliteStore::list_rounds(Id ws) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, title, open, opened_by, created_at FROM brainstorm_rounds "
      "WHERE workspace_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<BrainstormRound> out;
  Status s;
  while (st->step(&s)) {
    BrainstormRound r;
    r.id = st->i64(0);
    r.workspace_id = st->i64(1);
    r.title = st->text(2);
    r.open = st->i32(3) != 0;
    r.opened_by = st->opt_i64(4);
    r.created_at = sqlite::instant(st->i64(5));
    out.push_back(r);
  }
  if (!s.ok()) return s;
  return out;
}

Result<Id> SqliteStore::add_submission(const BrainstormSubmission& x) {
  auto st = db_->prepare(
      "INSERT INTO brainstorm_submissions(workspace_id, round_id, text, category, author_id, author_name, "
      "reason_id, created_at) SELECT ?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM brainstorm_rounds "
      "WHERE id=?2 AND workspace_id=?1)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, x.workspace_id)
                               .bind(2, x.round_id)
                               .bind(3, x.text)
                               .bind(4, to_text(x.category))
                               .bind(5, x.author_id)
                               .bind(6, x.author_name)
                               .bind(7, x.reason_id)
                               .bind(8, epoch(x.created_at))
                               .run());
  if (db_->changes() == 0) return Status::NotFound("no brainstorm round with id " + std::to_string(x.round_id));
  return db_->last_insert_id();
}

Status SqliteStore::update_submission(const BrainstormSubmission& x) {
  auto st = db_->prepare(
      "UPDATE brainstorm_submissions SET text=?, category=?, reason_id=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, x.text)
                               .bind(2, to_text(x.category))
                               .bind(3, x.reason_id)
                               .bind(4, x.id)
                               .bind(5, x.workspace_id)
                               .run());
  if (db_->changes() == 0) return Status::NotFound("no submission with id " + std::to_string(x.id));
  return Status::Ok();
}

Result<std::vector<BrainstormSubmission>> SqliteStore::list_submissions(Id ws, Id round_id) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, round_id, text, category, author_id, author_name, reason_id, created_at "
      "FROM brainstorm_submissions WHERE workspace_id=? AND round_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, round_id);
  std::vector<BrainstormSubmission> out;
  Status s;
  while (st->step(&s)) {
    BrainstormSubmission x;
    x.id = st->i64(0);
    x.workspace_id = st->i64(1);
    x.round_id = st->i64(2);
    x.text = st->text(3);
    x.category = parse_reason_category(st->text(4)).value_or(ReasonCategory::kYouFirst);
    x.author_id = st->opt_i64(5);
    x.author_name = st->text(6);
    x.reason_id = st->opt_i64(7);
    x.created_at = sqlite::instant(st->i64(8));
    out.push_back(x);
  }
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::put_score(Id ws, const BrainstormScore& x) {
  if (x.score < 1 || x.score > 5) return Status::InvalidArgument("score: from 1 to 5");
  auto st = db_->prepare(
      "INSERT INTO brainstorm_scores(workspace_id, submission_id, user_id, score) "
      "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM brainstorm_submissions WHERE id=?2 AND workspace_id=?1) "
      "ON CONFLICT(submission_id, user_id) DO UPDATE SET score=excluded.score");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, ws).bind(2, x.submission_id).bind(3, x.user_id).bind(4, x.score).run());
  if (db_->changes() == 0) return Status::NotFound("no submission with id " + std::to_string(x.submission_id));
  return Status::Ok();
}

Result<std::vector<BrainstormScore>> SqliteStore::list_scores(Id ws, Id round_id) {
  auto st = db_->prepare(
      "SELECT s.submission_id, s.user_id, s.score FROM brainstorm_scores s JOIN brainstorm_submissions b "
      "ON b.id = s.submission_id WHERE s.workspace_id=? AND b.round_id=? ORDER BY s.submission_id, s.user_id");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, round_id);
  std::vector<BrainstormScore> out;
  Status s;
  while (st->step(&s)) out.push_back({st->i64(0), st->i64(1), st->i32(2)});
  if (!s.ok()) return s;
  return out;
}

}  // namespace nextcall
