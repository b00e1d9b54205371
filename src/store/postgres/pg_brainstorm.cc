// PostgresStore: brainstorm rounds, submissions and scores.
#include "core/model_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::epoch;
using pg::Params;
using pg::Row;

Result<Id> PostgresStore::add_round(const BrainstormRound& r) {
  auto res = db_->query(
      "INSERT INTO brainstorm_rounds(workspace_id, title, open, opened_by, created_at) "
      "VALUES($1,$2,$3,$4,$5) RETURNING id",
      Params().add(r.workspace_id).add(r.title).flag(r.open).add(r.opened_by).add(epoch(r.created_at)));
  return pg::returned_id(res);
}

Status PostgresStore::update_round(const BrainstormRound& r) {
  auto res = db_->query("UPDATE brainstorm_rounds SET title=$1, open=$2 WHERE id=$3 AND workspace_id=$4",
                        Params().add(r.title).flag(r.open).add(r.id).add(r.workspace_id));
  if (!res.ok()) return res.status();
  return pg::touched(*res, "brainstorm round", r.id);
}

Result<std::vector<BrainstormRound>> PostgresStore::list_rounds(Id ws) {
  auto res = db_->query(
      "SELECT id, workspace_id, title, open, opened_by, created_at FROM brainstorm_rounds "
      "WHERE workspace_id=$1 ORDER BY id",
      Params().add(ws));
  if (!res.ok()) return res.status();
  std::vector<BrainstormRound> out;
  for (int i = 0; i < res->size(); ++i) {
    Row x = res->row(i);
    BrainstormRound r;
    r.id = x.i64(0);
    r.workspace_id = x.i64(1);
    r.title = x.text(2);
    r.open = x.flag(3);
    r.opened_by = x.opt_i64(4);
    r.created_at = pg::instant(x.i64(5));
    out.push_back(r);
  }
  return out;
}

Result<Id> PostgresStore::add_submission(const BrainstormSubmission& x) {
  auto res = db_->query(
      "INSERT INTO brainstorm_submissions(workspace_id, round_id, text, category, author_id, "
      "author_name, reason_id, created_at) SELECT $1::bigint, $2::bigint, $3::text, $4::text, "
      "$5::bigint, $6::text, $7::bigint, $8::bigint WHERE EXISTS (SELECT 1 FROM brainstorm_rounds "
      "WHERE id=$2 AND workspace_id=$1) RETURNING id",
      Params()
          .add(x.workspace_id)
          .add(x.round_id)
          .add(x.text)
          .add(to_text(x.category))
          .add(x.author_id)
          .add(x.author_name)
          .add(x.reason_id)
          .add(epoch(x.created_at)));
  if (!res.ok()) return res.status();
  if (res->empty()) return Status::NotFound("no brainstorm round with id " + std::to_string(x.round_id));
  return res->row(0).i64(0);
}

Status PostgresStore::update_submission(const BrainstormSubmission& x) {
  auto res = db_->query(
      "UPDATE brainstorm_submissions SET text=$1, category=$2, reason_id=$3 WHERE id=$4 AND "
      "workspace_id=$5",
      Params().add(x.text).add(to_text(x.category)).add(x.reason_id).add(x.id).add(x.workspace_id));
  if (!res.ok()) return res.status();
  return pg::touched(*res, "submission", x.id);
}

Result<std::vector<BrainstormSubmission>> PostgresStore::list_submissions(Id ws, Id round_id) {
  auto res = db_->query(
      "SELECT id, workspace_id, round_id, text, category, author_id, author_name, reason_id, "
      "created_at FROM brainstorm_submissions WHERE workspace_id=$1 AND round_id=$2 ORDER BY id",
      Params().add(ws).add(round_id));
  if (!res.ok()) return res.status();
  std::vector<BrainstormSubmission> out;
  for (int i = 0; i < res->size(); ++i) {
    Row r = res->row(i);
    BrainstormSubmission x;
    x.id = r.i64(0);
    x.workspace_id = r.i64(1);
    x.round_id = r.i64(2);
    x.text = r.text(3);
    x.category = parse_reason_category(r.text(4)).value_or(ReasonCategory::kYouFirst);
    x.author_id = r.opt_i64(5);
    x.author_name = r.text(6);
    x.reason_id = r.opt_i64(7);
    x.created_at = pg::instant(r.i64(8));
    out.push_back(x);
  }
  return out;
}

Status PostgresStore::put_score(Id ws, const BrainstormScore& x) {
  if (x.score < 1 || x.score > 5) return Status::InvalidArgument("score: from 1 to 5");
  auto res = db_->query(
      "INSERT INTO brainstorm_scores(workspace_id, submission_id, user_id, score) "
      "SELECT $1::bigint, $2::bigint, $3::bigint, $4::integer WHERE EXISTS (SELECT 1 FROM "
      "brainstorm_submissions WHERE id=$2 AND workspace_id=$1) "
      "ON CONFLICT(submission_id, user_id) DO UPDATE SET score=EXCLUDED.score",
      Params().add(ws).add(x.submission_id).add(x.user_id).add(x.score));
  if (!res.ok()) return res.status();
  return pg::touched(*res, "submission", x.submission_id);
}

Result<std::vector<BrainstormScore>> PostgresStore::list_scores(Id ws, Id round_id) {
  auto res = db_->query(
      "SELECT s.submission_id, s.user_id, s.score FROM brainstorm_scores s JOIN "
      "brainstorm_submissions b ON b.id = s.submission_id WHERE s.workspace_id=$1 AND "
      "b.round_id=$2 ORDER BY s.submission_id, s.user_id",
      Params().add(ws).add(round_id));
  if (!res.ok()) return res.status();
  std::vector<BrainstormScore> out;
  for (int i = 0; i < res->size(); ++i) {
    Row r = res->row(i);
    out.push_back({r.i64(0), r.i64(1), r.i32(2)});
  }
  return out;
}

}  // namespace nextcall
