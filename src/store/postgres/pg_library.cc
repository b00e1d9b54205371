// PostgresStore: the team library (reasons and changes).
#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using nlohmann::json;
using pg::date_text;
using pg::epoch;
using pg::Params;
using pg::read_date;
using pg::Row;
using pg::strings_from_json;
using pg::strings_json;

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

Reason read_reason(const Row& st) {
  Reason r;
  r.id = st.i64(0);
  r.workspace_id = st.i64(1);
  r.text = st.text(2);
  r.category = parse_reason_category(st.text(3)).value_or(ReasonCategory::kYouFirst);
  read_audience(st.text(4), &r);
  r.expires_on = read_date(st, 5);
  r.author_id = st.opt_i64(6);
  r.author_name = st.text(7);
  r.retired = st.flag(8);
  r.forced = st.flag(9);
  r.change_id = st.opt_i64(10);
  r.created_at = pg::instant(st.i64(11));
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

Change read_change(const Row& st) {
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
  c.created_at = pg::instant(st.i64(9));
  return c;
}

}  // namespace

Result<Id> PostgresStore::add_reason(const Reason& r) {
  auto res = db_->query(
      "INSERT INTO reasons(workspace_id, text, category, audience, expires_on, author_id, "
      "author_name, retired, forced, change_id, created_at) "
      "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
      Params()
          .add(r.workspace_id)
          .add(r.text)
          .add(to_text(r.category))
          .add(audience_json(r))
          .add(date_text(r.expires_on))
          .add(r.author_id)
          .add(r.author_name)
          .flag(r.retired)
          .flag(r.forced)
          .add(r.change_id)
          .add(epoch(r.created_at)));
  return pg::returned_id(res);
}

Status PostgresStore::update_reason(const Reason& r) {
  auto res = db_->query(
      "UPDATE reasons SET text=$1, category=$2, audience=$3, expires_on=$4, author_id=$5, "
      "author_name=$6, retired=$7, forced=$8, change_id=$9 WHERE id=$10 AND workspace_id=$11",
      Params()
          .add(r.text)
          .add(to_text(r.category))
          .add(audience_json(r))
          .add(date_text(r.expires_on))
          .add(r.author_id)
          .add(r.author_name)
          .flag(r.retired)
          .flag(r.forced)
          .add(r.change_id)
          .add(r.id)
          .add(r.workspace_id));
  if (!res.ok()) return res.status();
  return pg::touched(*res, "reason", r.id);
}

Result<Reason> PostgresStore::get_reason(Id ws, Id id) {
  auto res = db_->query(std::string("SELECT ") + kReasonCols +
                            " FROM reasons WHERE id=$1 AND workspace_id=$2",
                        Params().add(id).add(ws));
  if (!res.ok()) return res.status();
  if (res->empty()) return Status::NotFound("no reason with id " + std::to_string(id));
  return read_reason(res->row(0));
}

Result<std::vector<Reason>> PostgresStore::list_reasons(Id ws) {
  auto res = db_->query(std::string("SELECT ") + kReasonCols +
                            " FROM reasons WHERE workspace_id=$1 ORDER BY id",
                        Params().add(ws));
  if (!res.ok()) return res.status();
  std::vector<Reason> out;
  for (int i = 0; i < res->size(); ++i) out.push_back(read_reason(res->row(i)));
  return out;
}

Result<Id> PostgresStore::add_change(const Change& c) {
  auto res = db_->query(
      "INSERT INTO changes(workspace_id, kind, title, description, resolves, serves, industries, "
      "effective_on, created_at) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
      Params()
          .add(c.workspace_id)
          .add(to_text(c.kind))
          .add(c.title)
          .add(c.description)
          .add(resolves_json(c.resolves))
          .add(strings_json(c.serves))
          .add(strings_json(c.industries))
          .add(date_text(c.effective_on))
          .add(epoch(c.created_at)));
  return pg::returned_id(res);
}

Result<Change> PostgresStore::get_change(Id ws, Id id) {
  auto res = db_->query(std::string("SELECT ") + kChangeCols +
                            " FROM changes WHERE id=$1 AND workspace_id=$2",
                        Params().add(id).add(ws));
  if (!res.ok()) return res.status();
  if (res->empty()) return Status::NotFound("no change with id " + std::to_string(id));
  return read_change(res->row(0));
}

Result<std::vector<Change>> PostgresStore::list_changes(Id ws) {
  auto res = db_->query(std::string("SELECT ") + kChangeCols +
                            " FROM changes WHERE workspace_id=$1 ORDER BY id",
                        Params().add(ws));
  if (!res.ok()) return res.status();
  std::vector<Change> out;
  for (int i = 0; i < res->size(); ++i) out.push_back(read_change(res->row(i)));
  return out;
}

}  // namespace nextcall
