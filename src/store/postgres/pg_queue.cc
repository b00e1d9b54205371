// PostgresStore: imports of contacts files and the call queue (contacts put on a rep's
// calls by hand).
#include "core/model_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::epoch;
using pg::Params;
using pg::Row;

namespace {

QueuedCall read_queued(const Row& r) {
  QueuedCall q;
  q.workspace_id = r.i64(0);
  q.contact_id = r.i64(1);
  q.rep_id = r.i64(2);
  q.priority = parse_queue_priority(r.text(3)).value_or(QueuePriority::kNormal);
  q.added_by = r.opt_i64(4);
  q.added_at = pg::instant(r.i64(5));
  return q;
}

Status not_in_workspace(const char* what, Id id) {
  return Status::InvalidArgument(std::string("no ") + what + " with id " + std::to_string(id) + " in this workspace");
}

}  // namespace

// --- imports ---------------------------------------------------------------------------

Result<Id> PostgresStore::add_import(const ImportBatch& b) {
  // One statement: the importer, when named, must be the workspace's (no row otherwise).
  auto r = db_->query(
      "INSERT INTO imports(workspace_id, file_name, user_id, contacts_added, created_at) "
      "SELECT $1::bigint, $2::text, $3::bigint, $4::bigint, $5::bigint "
      "WHERE $3::bigint IS NULL OR EXISTS (SELECT 1 FROM users WHERE id=$3::bigint AND workspace_id=$1::bigint) "
      "RETURNING id",
      Params()
          .add(b.workspace_id)
          .add(b.file_name)
          .add(b.user_id)
          .add(static_cast<std::int64_t>(b.contacts_added))
          .add(epoch(b.created_at)));
  if (!r.ok()) return r.status();
  if (r->empty()) return not_in_workspace("user", b.user_id.value_or(0));
  return r->row(0).i64(0);
}

Result<std::vector<ImportBatch>> PostgresStore::list_imports(Id ws) {
  auto r = db_->query(
      "SELECT id, workspace_id, file_name, user_id, contacts_added, created_at FROM imports "
      "WHERE workspace_id=$1 ORDER BY created_at DESC, id DESC",
      Params().add(ws));
  if (!r.ok()) return r.status();
  std::vector<ImportBatch> out;
  out.reserve(static_cast<std::size_t>(r->size()));
  for (int i = 0; i < r->size(); ++i) {
    const Row x = r->row(i);
    ImportBatch b;
    b.id = x.i64(0);
    b.workspace_id = x.i64(1);
    b.file_name = x.text(2);
    b.user_id = x.opt_i64(3);
    b.contacts_added = static_cast<long>(x.i64(4));
    b.created_at = pg::instant(x.i64(5));
    out.push_back(std::move(b));
  }
  return out;
}

// --- the call queue ----------------------------------------------------------------------

Status PostgresStore::queue_call(const QueuedCall& q) {
  // One statement: written only when the contact, the rep and whoever added it are the
  // workspace's; which one was not is asked only when nothing was written.
  Params p;
  p.add(q.workspace_id).add(q.contact_id).add(q.rep_id).add(to_text(q.priority)).add(q.added_by).add(epoch(q.added_at));
  auto r = db_->query(
      "INSERT INTO call_queue(workspace_id, contact_id, rep_id, priority, added_by, added_at) "
      "SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::bigint, $6::bigint "
      "WHERE EXISTS (SELECT 1 FROM contacts WHERE id=$2::bigint AND workspace_id=$1::bigint) "
      "AND EXISTS (SELECT 1 FROM users WHERE id=$3::bigint AND workspace_id=$1::bigint) "
      "AND ($5::bigint IS NULL OR EXISTS (SELECT 1 FROM users WHERE id=$5::bigint AND workspace_id=$1::bigint)) "
      "ON CONFLICT (workspace_id, contact_id) DO UPDATE SET rep_id=excluded.rep_id, priority=excluded.priority, "
      "added_by=excluded.added_by, added_at=excluded.added_at "
      "RETURNING 1",
      p);
  if (!r.ok()) return r.status();
  if (!r->empty()) return Status::Ok();
  auto which = db_->query(
      "SELECT EXISTS (SELECT 1 FROM contacts WHERE id=$2 AND workspace_id=$1), "
      "EXISTS (SELECT 1 FROM users WHERE id=$3 AND workspace_id=$1)",
      Params().add(q.workspace_id).add(q.contact_id).add(q.rep_id));
  if (!which.ok()) return which.status();
  if (!which->row(0).flag(0)) return not_in_workspace("contact", q.contact_id);
  if (!which->row(0).flag(1)) return not_in_workspace("rep", q.rep_id);
  return not_in_workspace("user", q.added_by.value_or(0));
}

Status PostgresStore::unqueue_call(Id ws, Id contact_id) {
  return db_->query("DELETE FROM call_queue WHERE workspace_id=$1 AND contact_id=$2", Params().add(ws).add(contact_id))
      .status();
}

Result<std::vector<QueuedCall>> PostgresStore::list_queued_calls(Id ws, const Filter& f) {
  Params p;
  p.add(ws);
  auto next = [&p] { return "$" + std::to_string(p.values().size()); };
  std::string sql =
      "SELECT workspace_id, contact_id, rep_id, priority, added_by, added_at FROM call_queue WHERE workspace_id=$1";
  if (f.owner_id) sql += " AND rep_id=" + (p.add(*f.owner_id), next());
  if (f.contact_id) sql += " AND contact_id=" + (p.add(*f.contact_id), next());
  sql += " ORDER BY added_at, contact_id";
  auto r = db_->query(sql, p);
  if (!r.ok()) return r.status();
  std::vector<QueuedCall> out;
  out.reserve(static_cast<std::size_t>(r->size()));
  for (int i = 0; i < r->size(); ++i) out.push_back(read_queued(r->row(i)));
  return out;
}

}  // namespace nextcall
