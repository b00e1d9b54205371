// SqliteStore: the team library (reasons and changes).
#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using nlohmann::json;
using sqlite::date_text;
using sqlite::epoch;
using sqlite::read_date;
using sqlite::Stmt;
using sqlite::strings_from_json;
using sqlite::strings_json;

namespace {

std::string audience_json(const Reason& r) {
  return json{{"industries", r.industries},
              {"stages", r.stages},
              {"roles", r.roles},
              {"hot_buttons", r.hot_buttons},
              {"objections", r.objections}}
      .dump();
}

void read_audience(const std::string& text, Reason* r) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  auto list = [&](const char* key) {
    std::vector<std::string> v;
    if (j.contains(key) && j[key].is_array())
      for (const auto& e : j[key])
        if (e.is_string()) v.push_back(e.get<std::string>());
    return v;
  };
  r->industries = list("industries");
  r->stages = list("stages");
  r->roles = list("roles");
  r->hot_buttons = list("hot_buttons");
  r->objections = list("objections");
}

const char* kReasonCols =
    "id, workspace_id, text, category, audience, expires_on, author_id, author_name, retired, "
    "forced, change_id, created_at";

Reason read_reason(const Stmt& st) {
  Reason r;
  r.id = st.i64(0);
  r.workspace_id = st.i64(1);
  r.text = st.text(2);
  r.category = parse_reason_category(st.text(3)).value_or(ReasonCategory::kYouFirst);
  read_audience(st.text(4), &r);
  r.expires_on = read_date(st, 5);
  r.author_id = st.opt_i64(6);
  r.author_name = st.text(7);
  r.retired = st.i32(8) != 0;
  r.forced = st.i32(9) != 0;
  r.change_id = st.opt_i64(10);
  r.created_at = sqlite::instant(st.i64(11));
  return r;
}

std::string resolves_json(const std::vector<ObjectionCondition>& v) {
  json j = json::array();
  for (const auto& c : v) j.push_back({{"code", c.code}, {"condition", c.condition}});
  return j.dump();
}

std::vector<ObjectionCondition> resolves_from_json(const std::string& text) {
  std::vector<ObjectionCondition> out;
  auto j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_object())
      out.push_back({e.value("code", std::string()), e.value("condition", std::string())});
  return out;
}

const char* kChangeCols =
    "id, workspace_id, kind, title, description, resolves, serves, industries, effective_on, "
    "created_at";

Change read_change(const Stmt& st) {
  Change c;
  c.id = st.i64(0);
  c.workspace_id = st.i64(1);
  c.kind = parse_change_kind(st.text(2)).value_or(ChangeKind::kNewPolicy);
  c.title = st.text(3);
  c.description = st.text(4);
  c.resolves = resolves_from_json(st.text(5));
  c.serves = strings_from_json(st.text(6));
  c.industries = strings_from_json(st.text(7));
  c.effective_on = read_date(st, 8);
  c.created_at = sqlite::instant(st.i64(9));
  return c;
}

}  // namespace

Result<Id> SqliteStore::add_reason(const Reason& r) {
  auto st = db_->prepare(
      "INSERT INTO reasons(workspace_id, text, category, audience, expires_on, author_id, "
      "author_name, retired, forced, change_id, created_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.workspace_id)
                               .bind(2, r.text)
                               .bind(3, to_text(r.category))
                               .bind(4, audience_json(r))
                               .bind(5, date_text(r.expires_on))
                               .bind(6, r.author_id)
                               .bind(7, r.author_name)
                               .bind(8, r.retired ? 1 : 0)
                               .bind(9, r.forced ? 1 : 0)
                               .bind(10, r.change_id)
                               .bind(11, epoch(r.created_at))
                               .run());
  return db_->last_insert_id();
}

Status SqliteStore::update_reason(const Reason& r) {
  auto st = db_->prepare(
      "UPDATE reasons SET text=?, category=?, audience=?, expires_on=?, author_id=?, "
      "author_name=?, retired=?, forced=?, change_id=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.text)
                               .bind(2, to_text(r.category))
                               .bind(3, audience_json(r))
                               .bind(4, date_text(r.expires_on))
                               .bind(5, r.author_id)
                               .bind(6, r.author_name)
                               .bind(7, r.retired ? 1 : 0)
                               .bind(8, r.forced ? 1 : 0)
                               .bind(9, r.change_id)
                               .bind(10, r.id)
                               .bind(11, r.workspace_id)
                               .run());
  if (db_->changes() == 0) return Status::NotFound("no reason with id " + std::to_string(r.id));
  return Status::Ok();
}

Result<Reason> SqliteStore::get_reason(Id ws, Id id) {
  auto st = db_->prepare(std::string("SELECT ") + kReasonCols +
                         " FROM reasons WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return read_reason(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no reason with id " + std::to_string(id));
}

Result<std::vector<Reason>> SqliteStore::list_reasons(Id ws) {
  auto st = db_->prepare(std::string("SELECT ") + kReasonCols +
                         " FROM reasons WHERE workspace_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<Reason> out;
  Status s;
  while (st->step(&s)) out.push_back(read_reason(*st));
  if (!s.ok()) return s;
  return out;
}

Result<Id> SqliteStore::add_change(const Change& c) {
  auto st = db_->prepare(
      "INSERT INTO changes(workspace_id, kind, title, description, resolves, serves, industries, "
      "effective_on, created_at) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, c.workspace_id)
                               .bind(2, to_text(c.kind))
                               .bind(3, c.title)
                               .bind(4, c.description)
                               .bind(5, resolves_json(c.resolves))
                               .bind(6, strings_json(c.serves))
                               .bind(7, strings_json(c.industries))
                               .bind(8, date_text(c.effective_on))
                               .bind(9, epoch(c.created_at))
                               .run());
  return db_->last_insert_id();
}

Result<Change> SqliteStore::get_change(Id ws, Id id) {
  auto st = db_->prepare(std::string("SELECT ") + kChangeCols +
                         " FROM changes WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return read_change(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no change with id " + std::to_string(id));
}

Result<std::vector<Change>> SqliteStore::list_changes(Id ws) {
  auto st = db_->prepare(std::string("SELECT ") + kChangeCols +
                         " FROM changes WHERE workspace_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<Change> out;
  Status s;
  while (st->step(&s)) out.push_back(read_change(*st));
  if (!s.ok()) return s;
  return out;
}

}  // namespace nextcall
