// SqliteStore: imports of contacts files and the call queue (contacts put on a rep's calls
// by hand).
#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;
using sqlite::Stmt;

namespace {

// Whether a row with this id is in the workspace ("contacts", "users").
Result<bool> in_workspace(sqlite::Db& db, const char* table, Id ws, Id id) {
  auto st = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  bool found = st->step(&s);
  while (found && st->step(&s)) {
  }
  if (!s.ok()) return s;
  return found;
}

// InvalidArgument naming what the row refers to that is not in the workspace.
Status require_in_workspace(sqlite::Db& db, const char* table, const char* what, Id ws, Id id) {
  auto found = in_workspace(db, table, ws, id);
  if (!found.ok()) return found.status();
  if (!*found) return Status::InvalidArgument(std::string("no ") + what + " with id " + std::to_string(id) + " in this workspace");
  return Status::Ok();
}

QueuedCall read_queued(const Stmt& st) {
  QueuedCall q;
  q.workspace_id = st.i64(0);
  q.contact_id = st.i64(1);
  q.rep_id = st.i64(2);
  q.priority = parse_queue_priority(st.view(3)).value_or(QueuePriority::kNormal);
  q.added_by = st.opt_i64(4);
  q.added_at = sqlite::instant(st.i64(5));
  return q;
}

}  // namespace

// --- imports ---------------------------------------------------------------------------

Result<Id> SqliteStore::add_import(const ImportBatch& b) {
  if (b.user_id) NEXTCALL_RETURN_IF_ERROR(require_in_workspace(*db_, "users", "user", b.workspace_id, *b.user_id));
  auto st = db_->prepare(
      "INSERT INTO imports(workspace_id, file_name, user_id, contacts_added, created_at) VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.status();
  st->bind(1, b.workspace_id)
      .bind(2, b.file_name)
      .bind(3, b.user_id)
      .bind(4, static_cast<std::int64_t>(b.contacts_added))
      .bind(5, epoch(b.created_at));
  NEXTCALL_RETURN_IF_ERROR(st->run());
  return db_->last_insert_id();
}

Result<std::vector<ImportBatch>> SqliteStore::list_imports(Id ws) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, file_name, user_id, contacts_added, created_at FROM imports "
      "WHERE workspace_id=? ORDER BY created_at DESC, id DESC");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<ImportBatch> out;
  Status s;
  while (st->step(&s)) {
    ImportBatch b;
    b.id = st->i64(0);
    b.workspace_id = st->i64(1);
    b.file_name = st->text(2);
    b.user_id = st->opt_i64(3);
    b.contacts_added = static_cast<long>(st->i64(4));
    b.created_at = sqlite::instant(st->i64(5));
    out.push_back(std::move(b));
  }
  if (!s.ok()) return s;
  return out;
}

// --- the call queue ----------------------------------------------------------------------

Status SqliteStore::queue_call(const QueuedCall& q) {
  return transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_in_workspace(*db_, "contacts", "contact", q.workspace_id, q.contact_id));
    NEXTCALL_RETURN_IF_ERROR(require_in_workspace(*db_, "users", "rep", q.workspace_id, q.rep_id));
    if (q.added_by) NEXTCALL_RETURN_IF_ERROR(require_in_workspace(*db_, "users", "user", q.workspace_id, *q.added_by));
    auto st = db_->prepare(
        "INSERT INTO call_queue(workspace_id, contact_id, rep_id, priority, added_by, added_at) "
        "VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT(workspace_id, contact_id) DO UPDATE SET "
        "rep_id=excluded.rep_id, priority=excluded.priority, added_by=excluded.added_by, "
        "added_at=excluded.added_at");
    if (!st.ok()) return st.status();
    return st->bind(1, q.workspace_id)
        .bind(2, q.contact_id)
        .bind(3, q.rep_id)
        .bind(4, to_text(q.priority))
        .bind(5, q.added_by)
        .bind(6, epoch(q.added_at))
        .run();
  });
}

Status SqliteStore::unqueue_call(Id ws, Id contact_id) {
  auto st = db_->prepare("DELETE FROM call_queue WHERE workspace_id=? AND contact_id=?");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).bind(2, contact_id).run();
}

Result<std::vector<QueuedCall>> SqliteStore::list_queued_calls(Id ws, const Filter& f) {
  std::string sql =
      "SELECT workspace_id, contact_id, rep_id, priority, added_by, added_at FROM call_queue WHERE workspace_id=?1";
  if (f.owner_id) sql += " AND rep_id=?2";
  if (f.contact_id) sql += " AND contact_id=?3";
  sql += " ORDER BY added_at, contact_id";
  auto st = db_->prepare(sql);
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  if (f.owner_id) st->bind(2, *f.owner_id);
  if (f.contact_id) st->bind(3, *f.contact_id);
  std::vector<QueuedCall> out;
  Status s;
  while (st->step(&s)) out.push_back(read_queued(*st));
  if (!s.ok()) return s;
  return out;
}

}  // namespace nextcall
