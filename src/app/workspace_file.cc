#include "app/workspace_file.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/model_text.h"
#include "store/settings_json.h"

namespace nextcall {
namespace {

using nlohmann::json;

// --- writing ----------------------------------------------------------------------------

json date_json(const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(); }
json id_json(const std::optional<Id>& id) { return id ? json(*id) : json(); }
json point_json(const std::optional<GeoPoint>& p) {
  return p ? json{{"latitude", p->latitude}, {"longitude", p->longitude}} : json();
}

json user_json(const User& u) {
  return {{"id", u.id},           {"name", u.name},           {"email", u.email},
          {"role", to_text(u.role)}, {"timezone", u.timezone}, {"phone", u.phone_e164},
          {"password_hash", u.password_hash}};
}

json account_json(const Account& a) {
  return {{"id", a.id},         {"name", a.name},         {"industry", a.industry},
          {"city", a.city},     {"region", a.region},     {"country", a.country},
          {"location", point_json(a.location)}, {"notes", a.notes}};
}

json contact_json(const Contact& c) {
  json phones = json::array();
  for (const Phone& p : c.phones) phones.push_back({{"e164", p.e164}, {"kind", p.kind}});
  return {{"id", c.id},
          {"account_id", id_json(c.account_id)},
          {"owner_id", id_json(c.owner_id)},
          {"first_name", c.first_name},
          {"last_name", c.last_name},
          {"title", c.title},
          {"role", to_text(c.role)},
          {"stage", to_text(c.stage)},
          {"email", c.email},
          {"phones", phones},
          {"timezone", c.timezone},
          {"city", c.city},
          {"region", c.region},
          {"country", c.country},
          {"location", point_json(c.location)},
          {"hot_button", c.hot_button},
          {"cadence", to_text(c.cadence)},
          {"deal_value", c.deal_value},
          {"do_not_call", c.do_not_call},
          {"do_not_call_since", date_json(c.do_not_call_since)},
          {"do_not_call_reason", c.do_not_call_reason},
          {"snoozed_until", date_json(c.snoozed_until)},
          {"snooze_reason", c.snooze_reason},
          {"gatekeeper_id", id_json(c.gatekeeper_id)},
          {"import_id", id_json(c.import_id)},
          {"created_at", format_instant(c.created_at)},
          {"updated_at", format_instant(c.updated_at)}};
}

json import_json(const ImportBatch& b) {
  return {{"id", b.id},
          {"file_name", b.file_name},
          {"user_id", id_json(b.user_id)},
          {"contacts_added", b.contacts_added},
          {"created_at", format_instant(b.created_at)}};
}

json queued_call_json(const QueuedCall& q) {
  return {{"contact_id", q.contact_id},
          {"rep_id", q.rep_id},
          {"priority", to_text(q.priority)},
          {"added_by", id_json(q.added_by)},
          {"added_at", format_instant(q.added_at)}};
}

json thread_json(const Thread& t) {
  return {{"id", t.id},       {"contact_id", t.contact_id}, {"topic", t.topic},
          {"kind", to_text(t.kind)}, {"open", t.open}, {"mentioned_on", date_json(t.mentioned_on)},
          {"detail", t.detail}};
}

json objection_json(const Objection& o) {
  return {{"id", o.id},
          {"contact_id", o.contact_id},
          {"code", o.code},
          {"detail", o.detail},
          {"amount", o.amount ? json(*o.amount) : json()},
          {"status", to_text(o.status)},
          {"answered_by_change_id", id_json(o.answered_by_change_id)},
          {"recorded_on", date_json(o.recorded_on)}};
}

json material_json(const Material& m) {
  json pointers = json::array();
  for (const Pointer& p : m.pointers) pointers.push_back({{"location", p.location}, {"hot_button", p.hot_button}});
  return {{"id", m.id},       {"contact_id", m.contact_id}, {"title", m.title},
          {"sent_on", date_json(m.sent_on)}, {"link", m.link}, {"pointers", pointers}};
}

json commitment_json(const Commitment& c) {
  return {{"id", c.id},
          {"contact_id", c.contact_id},
          {"owner", to_text(c.owner)},
          {"what", c.what},
          {"due_on", date_json(c.due_on)},
          {"status", to_text(c.status)},
          {"material_id", id_json(c.material_id)},
          {"created_on", date_json(c.created_on)}};
}

json referral_json(const Referral& r) {
  return {{"id", r.id},
          {"referred_contact_id", r.referred_contact_id},
          {"referrer_contact_id", id_json(r.referrer_contact_id)},
          {"referrer_name", r.referrer_name},
          {"introduced", r.introduced},
          {"introduced_on", date_json(r.introduced_on)}};
}

json appointment_json(const Appointment& a) {
  return {{"id", a.id},
          {"contact_id", a.contact_id},
          {"rep_id", id_json(a.rep_id)},
          {"starts_at", format_instant(a.starts_at)},
          {"duration_minutes", a.duration_minutes},
          {"status", to_text(a.status)},
          {"place", a.place},
          {"location", point_json(a.location)},
          {"is_callback", a.is_callback}};
}

json attempt_json(const Attempt& a) {
  return {{"id", a.id},
          {"contact_id", a.contact_id},
          {"rep_id", id_json(a.rep_id)},
          {"at", format_instant(a.at)},
          {"outcome", to_text(a.outcome)},
          {"rung", a.rung},
          {"ladder", a.ladder},
          {"reason", a.reason},
          {"reason_id", id_json(a.reason_id)},
          {"note", a.note},
          {"next_on", date_json(a.next_on)},
          {"duration_seconds", a.duration_seconds},
          {"approach", a.approach}};
}

json reason_json(const Reason& r) {
  return {{"id", r.id},
          {"text", r.text},
          {"category", to_text(r.category)},
          {"industries", r.industries},
          {"stages", r.stages},
          {"roles", r.roles},
          {"hot_buttons", r.hot_buttons},
          {"objections", r.objections},
          {"expires_on", date_json(r.expires_on)},
          {"author_id", id_json(r.author_id)},
          {"author_name", r.author_name},
          {"retired", r.retired},
          {"forced", r.forced},
          {"change_id", id_json(r.change_id)},
          {"created_at", format_instant(r.created_at)}};
}

json change_json(const Change& c) {
  json resolves = json::array();
  for (const auto& o : c.resolves) resolves.push_back({{"code", o.code}, {"condition", o.condition}});
  return {{"id", c.id},
          {"kind", to_text(c.kind)},
          {"title", c.title},
          {"description", c.description},
          {"resolves", resolves},
          {"serves", c.serves},
          {"industries", c.industries},
          {"effective_on", date_json(c.effective_on)},
          {"created_at", format_instant(c.created_at)}};
}

// In id order: loaded into an empty database the rows get the ids they had.
template <typename T>
Status add_all(Result<std::vector<T>> rows, json (*to)(const T&), json* into) {
  if (!rows.ok()) return rows.status();
  std::sort(rows->begin(), rows->end(), [](const T& a, const T& b) { return a.id < b.id; });
  *into = json::array();
  for (const T& row : *rows) into->push_back(to(row));
  return Status::Ok();
}

// --- reading ----------------------------------------------------------------------------

// A malformed entry: where (as a path into the file) and what is wrong.
struct Malformed {
  std::string where;
  std::string what;
};

// One object of the file, read field by field; every complaint names its path.
class Entry {
 public:
  Entry(const json& j, std::string path) : j_(j), path_(std::move(path)) {
    if (!j_.is_object()) throw Malformed{path_, "expected an object"};
  }

  const json& at(const char* field) const {
    static const json kNull;
    auto it = j_.find(field);
    return it == j_.end() ? kNull : *it;
  }
  [[noreturn]] void fail(const char* field, const std::string& what) const {
    throw Malformed{path_ + "." + field, what};
  }
  std::string text(const char* field) const {
    const json& v = at(field);
    if (v.is_null()) return "";
    if (!v.is_string()) fail(field, "expected text");
    return v.get<std::string>();
  }
  bool flag(const char* field) const {
    const json& v = at(field);
    if (v.is_null()) return false;
    if (!v.is_boolean()) fail(field, "expected true or false");
    return v.get<bool>();
  }
  double number(const char* field) const {
    const json& v = at(field);
    if (v.is_null()) return 0;
    if (!v.is_number()) fail(field, "expected a number");
    return v.get<double>();
  }
  std::optional<double> opt_number(const char* field) const {
    if (at(field).is_null()) return std::nullopt;
    return number(field);
  }
  long long integer(const char* field) const {
    const json& v = at(field);
    if (v.is_null()) return 0;
    if (!v.is_number_integer()) fail(field, "expected a whole number");
    return v.get<long long>();
  }
  Id id() const {
    Id v = integer("id");
    if (v <= 0) fail("id", "expected a positive id");
    return v;
  }
  std::optional<Id> opt_id(const char* field) const {
    if (at(field).is_null()) return std::nullopt;
    return integer(field);
  }
  std::optional<Date> date(const char* field) const {
    std::string t = text(field);
    if (t.empty()) return std::nullopt;
    auto d = parse_date(t);
    if (!d) fail(field, "'" + t + "' is not a date (YYYY-MM-DD)");
    return d;
  }
  Instant instant(const char* field) const {
    std::string t = text(field);
    auto i = parse_instant(t);
    if (!i) fail(field, "'" + t + "' is not a time (YYYY-MM-DDTHH:MM:SSZ)");
    return *i;
  }
  std::optional<GeoPoint> point(const char* field) const {
    const json& v = at(field);
    if (v.is_null()) return std::nullopt;
    Entry p(v, path_ + "." + field);
    return GeoPoint{p.number("latitude"), p.number("longitude")};
  }
  std::vector<std::string> texts(const char* field) const {
    const json& v = at(field);
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (!v.is_array()) fail(field, "expected a list of text");
    for (const json& e : v) {
      if (!e.is_string()) fail(field, "expected a list of text");
      out.push_back(e.get<std::string>());
    }
    return out;
  }
  template <typename E>
  E choice(const char* field, std::optional<E> (*parse)(std::string_view), const std::string& names) const {
    std::string t = text(field);
    auto v = parse(t);
    if (!v) fail(field, "'" + t + "' is not one of " + names);
    return *v;
  }
  const std::string& path() const { return path_; }

 private:
  const json& j_;
  std::string path_;
};

// Each list of the file, entry by entry.
template <typename F>
void each(const json& file, const char* list, F&& read) {
  auto it = file.find(list);
  if (it == file.end() || it->is_null()) return;
  if (!it->is_array()) throw Malformed{list, "expected a list"};
  for (std::size_t i = 0; i < it->size(); ++i) read(Entry((*it)[i], std::string(list) + "[" + std::to_string(i) + "]"));
}

// Everything in a file, read and checked, with the file's own ids.
struct Contents {
  Workspace workspace;
  Settings settings;
  std::vector<User> users;
  std::vector<Account> accounts;
  std::vector<ImportBatch> imports;
  std::vector<Contact> contacts;
  std::vector<QueuedCall> queue;
  std::vector<Thread> threads;
  std::vector<Objection> objections;
  std::vector<Material> materials;
  std::vector<Commitment> commitments;
  std::vector<Referral> referrals;
  std::vector<Appointment> appointments;
  std::vector<Attempt> attempts;
  std::vector<Reason> reasons;
  std::vector<Change> changes;
  std::vector<BrainstormRound> rounds;
  std::vector<BrainstormSubmission> submissions;
  std::vector<BrainstormScore> scores;
};

Contents read_contents(const json& file) {
  Contents c;
  Entry top(file, "file");
  long long version = top.integer("nextcall_workspace");
  if (version <= 0) throw Malformed{"file", "not a nextcall workspace file (no \"nextcall_workspace\" version)"};
  if (version > kWorkspaceFileVersion)
    throw Malformed{"file", "written by a newer nextcall (format " + std::to_string(version) +
                                ", this one reads up to " + std::to_string(kWorkspaceFileVersion) +
                                "): upgrade nextcall here first"};
  Entry w(top.at("workspace"), "workspace");
  c.workspace.name = w.text("name");
  c.workspace.default_region = w.text("default_region");
  if (c.workspace.name.empty()) w.fail("name", "a workspace needs a name");
  if (c.workspace.default_region.empty()) c.workspace.default_region = "US";
  if (!top.at("settings").is_null()) {
    auto s = settings_from_json(top.at("settings").dump());
    if (!s.ok()) throw Malformed{"settings", s.status().message()};
    c.settings = *s;
  }
  each(file, "users", [&](const Entry& e) {
    User u;
    u.id = e.id();
    u.name = e.text("name");
    u.email = e.text("email");
    if (u.email.empty()) e.fail("email", "a user needs an e-mail address");
    u.role = e.choice("role", parse_user_role, "rep|manager|admin");
    u.timezone = e.text("timezone");
    u.phone_e164 = e.text("phone");
    u.password_hash = e.text("password_hash");
    c.users.push_back(std::move(u));
  });
  each(file, "accounts", [&](const Entry& e) {
    Account a;
    a.id = e.id();
    a.name = e.text("name");
    a.industry = e.text("industry");
    a.city = e.text("city");
    a.region = e.text("region");
    a.country = e.text("country");
    a.location = e.point("location");
    a.notes = e.text("notes");
    c.accounts.push_back(std::move(a));
  });
  // Absent from files written before imports were kept (as is each contact's import_id).
  each(file, "imports", [&](const Entry& e) {
    ImportBatch b;
    b.id = e.id();
    b.file_name = e.text("file_name");
    b.user_id = e.opt_id("user_id");
    b.contacts_added = static_cast<long>(e.integer("contacts_added"));
    b.created_at = e.instant("created_at");
    c.imports.push_back(std::move(b));
  });
  each(file, "contacts", [&](const Entry& e) {
    Contact k;
    k.id = e.id();
    k.account_id = e.opt_id("account_id");
    k.owner_id = e.opt_id("owner_id");
    k.first_name = e.text("first_name");
    k.last_name = e.text("last_name");
    k.title = e.text("title");
    k.role = e.choice("role", parse_role, names_of_roles());
    k.stage = e.choice("stage", parse_stage, "prospect|customer");
    k.email = e.text("email");
    const json& phones = e.at("phones");
    if (!phones.is_null() && !phones.is_array()) e.fail("phones", "expected a list");
    for (std::size_t i = 0; phones.is_array() && i < phones.size(); ++i) {
      Entry p(phones[i], e.path() + ".phones[" + std::to_string(i) + "]");
      k.phones.push_back({p.text("e164"), p.text("kind")});
    }
    k.timezone = e.text("timezone");
    k.city = e.text("city");
    k.region = e.text("region");
    k.country = e.text("country");
    k.location = e.point("location");
    k.hot_button = e.text("hot_button");
    std::string cadence = e.text("cadence");
    auto parsed = parse_cadence(cadence.empty() ? "none" : cadence);
    if (!parsed) e.fail("cadence", "'" + cadence + "' is not a cadence");
    k.cadence = *parsed;
    k.deal_value = e.number("deal_value");
    k.do_not_call = e.flag("do_not_call");
    k.do_not_call_since = e.date("do_not_call_since");
    k.do_not_call_reason = e.text("do_not_call_reason");
    k.snoozed_until = e.date("snoozed_until");
    k.snooze_reason = e.text("snooze_reason");
    k.gatekeeper_id = e.opt_id("gatekeeper_id");
    k.import_id = e.opt_id("import_id");
    k.created_at = e.instant("created_at");
    k.updated_at = e.instant("updated_at");
    c.contacts.push_back(std::move(k));
  });
  // Absent from files written before the call queue was kept.
  each(file, "call_queue", [&](const Entry& e) {
    QueuedCall q;
    q.contact_id = e.integer("contact_id");
    q.rep_id = e.integer("rep_id");
    q.priority = e.choice("priority", parse_queue_priority, names_of_queue_priorities());
    q.added_by = e.opt_id("added_by");
    q.added_at = e.instant("added_at");
    c.queue.push_back(q);
  });
  each(file, "threads", [&](const Entry& e) {
    Thread t;
    t.id = e.id();
    t.contact_id = e.integer("contact_id");
    t.topic = e.text("topic");
    t.kind = e.choice("kind", parse_thread_kind, "business|personal");
    t.open = e.flag("open");
    t.mentioned_on = e.date("mentioned_on");
    t.detail = e.text("detail");
    c.threads.push_back(std::move(t));
  });
  each(file, "objections", [&](const Entry& e) {
    Objection o;
    o.id = e.id();
    o.contact_id = e.integer("contact_id");
    o.code = e.text("code");
    o.detail = e.text("detail");
    o.amount = e.opt_number("amount");
    o.status = e.choice("status", parse_objection_status, "open|answered");
    o.answered_by_change_id = e.opt_id("answered_by_change_id");
    o.recorded_on = e.date("recorded_on");
    c.objections.push_back(std::move(o));
  });
  each(file, "materials", [&](const Entry& e) {
    Material m;
    m.id = e.id();
    m.contact_id = e.integer("contact_id");
    m.title = e.text("title");
    m.sent_on = e.date("sent_on");
    m.link = e.text("link");
    const json& pointers = e.at("pointers");
    if (!pointers.is_null() && !pointers.is_array()) e.fail("pointers", "expected a list");
    for (std::size_t i = 0; pointers.is_array() && i < pointers.size(); ++i) {
      Entry p(pointers[i], e.path() + ".pointers[" + std::to_string(i) + "]");
      m.pointers.push_back({p.text("location"), p.text("hot_button")});
    }
    c.materials.push_back(std::move(m));
  });
  each(file, "commitments", [&](const Entry& e) {
    Commitment k;
    k.id = e.id();
    k.contact_id = e.integer("contact_id");
    k.owner = e.choice("owner", parse_party, "contact|rep");
    k.what = e.text("what");
    k.due_on = e.date("due_on");
    k.status = e.choice("status", parse_commitment_status, "open|kept|broken");
    k.material_id = e.opt_id("material_id");
    k.created_on = e.date("created_on");
    c.commitments.push_back(std::move(k));
  });
  each(file, "referrals", [&](const Entry& e) {
    Referral r;
    r.id = e.id();
    r.referred_contact_id = e.integer("referred_contact_id");
    r.referrer_contact_id = e.opt_id("referrer_contact_id");
    r.referrer_name = e.text("referrer_name");
    r.introduced = e.flag("introduced");
    r.introduced_on = e.date("introduced_on");
    c.referrals.push_back(std::move(r));
  });
  each(file, "appointments", [&](const Entry& e) {
    Appointment a;
    a.id = e.id();
    a.contact_id = e.integer("contact_id");
    a.rep_id = e.opt_id("rep_id");
    a.starts_at = e.instant("starts_at");
    a.duration_minutes = static_cast<int>(e.integer("duration_minutes"));
    a.status = e.choice("status", parse_appointment_status, "proposed|confirmed|cancelled|done");
    a.place = e.text("place");
    a.location = e.point("location");
    a.is_callback = e.flag("is_callback");
    c.appointments.push_back(std::move(a));
  });
  each(file, "calls", [&](const Entry& e) {
    Attempt a;
    a.id = e.id();
    a.contact_id = e.integer("contact_id");
    a.rep_id = e.opt_id("rep_id");
    a.at = e.instant("at");
    a.outcome = e.choice("outcome", parse_outcome, "connected|voicemail|gatekeeper|no_answer|wrong_number");
    a.rung = e.text("rung");
    a.ladder = e.text("ladder");
    if (a.ladder.empty()) a.ladder = "contact";
    a.reason = e.text("reason");
    a.reason_id = e.opt_id("reason_id");
    a.note = e.text("note");
    a.next_on = e.date("next_on");
    a.duration_seconds = static_cast<int>(e.integer("duration_seconds"));
    a.approach = e.text("approach");
    c.attempts.push_back(std::move(a));
  });
  each(file, "reasons", [&](const Entry& e) {
    Reason r;
    r.id = e.id();
    r.text = e.text("text");
    r.category = e.choice("category", parse_reason_category,
                          "you_first|industry_news|new_policy|new_regime|new_capability|new_you");
    r.industries = e.texts("industries");
    r.stages = e.texts("stages");
    r.roles = e.texts("roles");
    r.hot_buttons = e.texts("hot_buttons");
    r.objections = e.texts("objections");
    r.expires_on = e.date("expires_on");
    r.author_id = e.opt_id("author_id");
    r.author_name = e.text("author_name");
    r.retired = e.flag("retired");
    r.forced = e.flag("forced");
    r.change_id = e.opt_id("change_id");
    r.created_at = e.instant("created_at");
    c.reasons.push_back(std::move(r));
  });
  each(file, "changes", [&](const Entry& e) {
    Change ch;
    ch.id = e.id();
    ch.kind = e.choice("kind", parse_change_kind, "new_policy|new_regime|new_capability|industry_news");
    ch.title = e.text("title");
    ch.description = e.text("description");
    const json& resolves = e.at("resolves");
    if (!resolves.is_null() && !resolves.is_array()) e.fail("resolves", "expected a list");
    for (std::size_t i = 0; resolves.is_array() && i < resolves.size(); ++i) {
      Entry r(resolves[i], e.path() + ".resolves[" + std::to_string(i) + "]");
      ch.resolves.push_back({r.text("code"), r.text("condition")});
    }
    ch.serves = e.texts("serves");
    ch.industries = e.texts("industries");
    ch.effective_on = e.date("effective_on");
    ch.created_at = e.instant("created_at");
    c.changes.push_back(std::move(ch));
  });
  each(file, "brainstorm_rounds", [&](const Entry& e) {
    BrainstormRound r;
    r.id = e.id();
    r.title = e.text("title");
    r.open = e.flag("open");
    r.opened_by = e.opt_id("opened_by");
    r.created_at = e.instant("created_at");
    c.rounds.push_back(std::move(r));
  });
  each(file, "brainstorm_submissions", [&](const Entry& e) {
    BrainstormSubmission s;
    s.id = e.id();
    s.round_id = e.integer("round_id");
    s.text = e.text("text");
    s.category = e.choice("category", parse_reason_category,
                          "you_first|industry_news|new_policy|new_regime|new_capability|new_you");
    s.author_id = e.opt_id("author_id");
    s.author_name = e.text("author_name");
    s.reason_id = e.opt_id("reason_id");
    s.created_at = e.instant("created_at");
    c.submissions.push_back(std::move(s));
  });
  each(file, "brainstorm_scores", [&](const Entry& e) {
    BrainstormScore s;
    s.submission_id = e.integer("submission_id");
    s.user_id = e.integer("user_id");
    s.score = static_cast<int>(e.integer("score"));
    c.scores.push_back(s);
  });
  return c;
}

// The file's ids to the database's, one map per kind; an id the file does not define is
// an error naming where it was used.
class IdMap {
 public:
  explicit IdMap(const char* kind) : kind_(kind) {}
  void define(Id from, Id to) { map_[from] = to; }
  bool defines(Id from) const { return map_.count(from) != 0; }
  Id operator()(Id from, const std::string& where) const {
    auto it = map_.find(from);
    if (it == map_.end()) throw Malformed{where, "no " + std::string(kind_) + " with id " + std::to_string(from) + " in the file"};
    return it->second;
  }
  std::optional<Id> operator()(const std::optional<Id>& from, const std::string& where) const {
    if (!from) return std::nullopt;
    return (*this)(*from, where);
  }

 private:
  const char* kind_;
  std::unordered_map<Id, Id> map_;
};

// Every reference in the file points at something in the file (checked before writing,
// with the file's own ids mapped to themselves).
void check_references(const Contents& c) {
  IdMap users("user"), accounts("account"), contacts("contact"), materials("material"), reasons("reason"),
      changes("change"), rounds("brainstorm round"), submissions("brainstorm submission"), imports("import");
  for (const auto& u : c.users) users.define(u.id, u.id);
  for (const auto& b : c.imports) imports.define(b.id, b.id);
  for (const auto& a : c.accounts) accounts.define(a.id, a.id);
  for (const auto& k : c.contacts) contacts.define(k.id, k.id);
  for (const auto& m : c.materials) materials.define(m.id, m.id);
  for (const auto& r : c.reasons) reasons.define(r.id, r.id);
  for (const auto& ch : c.changes) changes.define(ch.id, ch.id);
  for (const auto& r : c.rounds) rounds.define(r.id, r.id);
  for (const auto& s : c.submissions) submissions.define(s.id, s.id);
  auto at = [](const char* list, std::size_t i, const char* field) {
    return std::string(list) + "[" + std::to_string(i) + "]." + field;
  };
  for (std::size_t i = 0; i < c.contacts.size(); ++i) {
    accounts(c.contacts[i].account_id, at("contacts", i, "account_id"));
    users(c.contacts[i].owner_id, at("contacts", i, "owner_id"));
    contacts(c.contacts[i].gatekeeper_id, at("contacts", i, "gatekeeper_id"));
    imports(c.contacts[i].import_id, at("contacts", i, "import_id"));
  }
  for (std::size_t i = 0; i < c.imports.size(); ++i) users(c.imports[i].user_id, at("imports", i, "user_id"));
  for (std::size_t i = 0; i < c.queue.size(); ++i) {
    contacts(c.queue[i].contact_id, at("call_queue", i, "contact_id"));
    users(c.queue[i].rep_id, at("call_queue", i, "rep_id"));
    users(c.queue[i].added_by, at("call_queue", i, "added_by"));
  }
  for (std::size_t i = 0; i < c.threads.size(); ++i) contacts(c.threads[i].contact_id, at("threads", i, "contact_id"));
  for (std::size_t i = 0; i < c.objections.size(); ++i) {
    contacts(c.objections[i].contact_id, at("objections", i, "contact_id"));
    changes(c.objections[i].answered_by_change_id, at("objections", i, "answered_by_change_id"));
  }
  for (std::size_t i = 0; i < c.materials.size(); ++i) contacts(c.materials[i].contact_id, at("materials", i, "contact_id"));
  for (std::size_t i = 0; i < c.commitments.size(); ++i) {
    contacts(c.commitments[i].contact_id, at("commitments", i, "contact_id"));
    materials(c.commitments[i].material_id, at("commitments", i, "material_id"));
  }
  for (std::size_t i = 0; i < c.referrals.size(); ++i) {
    contacts(c.referrals[i].referred_contact_id, at("referrals", i, "referred_contact_id"));
    contacts(c.referrals[i].referrer_contact_id, at("referrals", i, "referrer_contact_id"));
  }
  for (std::size_t i = 0; i < c.appointments.size(); ++i) {
    contacts(c.appointments[i].contact_id, at("appointments", i, "contact_id"));
    users(c.appointments[i].rep_id, at("appointments", i, "rep_id"));
  }
  for (std::size_t i = 0; i < c.attempts.size(); ++i) {
    contacts(c.attempts[i].contact_id, at("calls", i, "contact_id"));
    users(c.attempts[i].rep_id, at("calls", i, "rep_id"));
    reasons(c.attempts[i].reason_id, at("calls", i, "reason_id"));
  }
  for (std::size_t i = 0; i < c.reasons.size(); ++i) {
    users(c.reasons[i].author_id, at("reasons", i, "author_id"));
    changes(c.reasons[i].change_id, at("reasons", i, "change_id"));
  }
  for (std::size_t i = 0; i < c.rounds.size(); ++i) users(c.rounds[i].opened_by, at("brainstorm_rounds", i, "opened_by"));
  for (std::size_t i = 0; i < c.submissions.size(); ++i) {
    rounds(c.submissions[i].round_id, at("brainstorm_submissions", i, "round_id"));
    users(c.submissions[i].author_id, at("brainstorm_submissions", i, "author_id"));
    reasons(c.submissions[i].reason_id, at("brainstorm_submissions", i, "reason_id"));
  }
  for (std::size_t i = 0; i < c.scores.size(); ++i) {
    submissions(c.scores[i].submission_id, at("brainstorm_scores", i, "submission_id"));
    users(c.scores[i].user_id, at("brainstorm_scores", i, "user_id"));
  }
}

template <typename T>
Status must(Result<T> r, T* into) {
  if (!r.ok()) return r.status();
  *into = std::move(r.value());
  return Status::Ok();
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// What stops the file from going in, all of it, before anything is written.
Status find_conflicts(Store& store, const Contents& c, const std::optional<Workspace>& target,
                      const std::string& new_name, std::vector<std::string>* conflicts,
                      std::unordered_map<Id, Id>* merged_users) {
  if (!target) {
    auto taken = store.find_workspace_by_name(new_name);
    if (!taken.ok()) return taken.status();
    if (*taken)
      conflicts->push_back("workspace '" + new_name +
                           "' already exists (give the new one another name with --name, or load into it with --into)");
  }
  for (const User& u : c.users) {
    auto found = store.find_user_by_email(u.email);
    if (!found.ok()) return found.status();
    if (!*found) continue;
    if (target && (*found)->workspace_id == target->id)
      (*merged_users)[u.id] = (*found)->id;  // the same person, already on this team
    else
      conflicts->push_back("user " + u.email + " belongs to another workspace of this database");
  }
  if (!target) return Status::Ok();
  for (const Contact& k : c.contacts) {
    for (const Phone& p : k.phones) {
      auto found = store.find_contact_by_phone(target->id, p.e164);
      if (!found.ok()) return found.status();
      if (*found)
        conflicts->push_back("contact " + k.full_name() + ": phone " + p.e164 + " is already #" +
                             std::to_string((*found)->id) + " " + (*found)->full_name() + " in '" + target->name + "'");
    }
    if (!k.email.empty()) {
      auto found = store.find_contact_by_email(target->id, k.email);
      if (!found.ok()) return found.status();
      if (*found)
        conflicts->push_back("contact " + k.full_name() + ": e-mail " + k.email + " is already #" +
                             std::to_string((*found)->id) + " " + (*found)->full_name() + " in '" + target->name + "'");
    }
  }
  return Status::Ok();
}

// Writes the contents into workspace `ws` (inside the caller's transaction).
Status write_contents(Store& store, Id ws, const Contents& c, const std::unordered_map<Id, Id>& merged_users,
                      WorkspaceImportReport* report) {
  IdMap users("user"), accounts("account"), contacts("contact"), materials("material"), reasons("reason"),
      changes("change"), rounds("brainstorm round"), submissions("brainstorm submission"), imports("import");
  for (User u : c.users) {
    if (auto it = merged_users.find(u.id); it != merged_users.end()) {
      users.define(u.id, it->second);
      ++report->users_merged;
      continue;
    }
    Id from = u.id;
    u.id = 0;
    u.workspace_id = ws;
    Id to = 0;
    NEXTCALL_RETURN_IF_ERROR(must(store.create_user(u), &to));
    users.define(from, to);
    ++report->users_added;
  }
  for (Account a : c.accounts) {
    Id from = a.id, to = 0;
    a.id = 0;
    a.workspace_id = ws;
    NEXTCALL_RETURN_IF_ERROR(must(store.create_account(a), &to));
    accounts.define(from, to);
    ++report->accounts;
  }
  for (ImportBatch b : c.imports) {
    Id from = b.id, to = 0;
    b.id = 0;
    b.workspace_id = ws;
    b.user_id = users(b.user_id, "imports.user_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_import(b), &to));
    imports.define(from, to);
  }
  // Contacts in the file's order, then their screeners, who are contacts too.
  std::vector<std::pair<Contact, Id>> with_screener;
  for (Contact k : c.contacts) {
    Id from = k.id, to = 0;
    k.id = 0;
    k.workspace_id = ws;
    k.account_id = accounts(k.account_id, "contacts.account_id");
    k.owner_id = users(k.owner_id, "contacts.owner_id");
    k.import_id = imports(k.import_id, "contacts.import_id");
    std::optional<Id> screener = k.gatekeeper_id;
    k.gatekeeper_id.reset();
    NEXTCALL_RETURN_IF_ERROR(must(store.create_contact(k), &to));
    contacts.define(from, to);
    k.id = to;
    if (screener) with_screener.emplace_back(std::move(k), *screener);
    ++report->contacts;
  }
  for (auto& [k, screener] : with_screener) {
    k.gatekeeper_id = contacts(screener, "contacts.gatekeeper_id");
    NEXTCALL_RETURN_IF_ERROR(store.update_contact(k));
  }
  for (Change ch : c.changes) {
    Id from = ch.id, to = 0;
    ch.id = 0;
    ch.workspace_id = ws;
    NEXTCALL_RETURN_IF_ERROR(must(store.add_change(ch), &to));
    changes.define(from, to);
  }
  for (Reason r : c.reasons) {
    Id from = r.id, to = 0;
    r.id = 0;
    r.workspace_id = ws;
    r.author_id = users(r.author_id, "reasons.author_id");
    r.change_id = changes(r.change_id, "reasons.change_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_reason(r), &to));
    reasons.define(from, to);
  }
  Id ignored = 0;
  for (Thread t : c.threads) {
    t.id = 0, t.workspace_id = ws, t.contact_id = contacts(t.contact_id, "threads.contact_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_thread(t), &ignored));
  }
  for (Objection o : c.objections) {
    o.id = 0, o.workspace_id = ws, o.contact_id = contacts(o.contact_id, "objections.contact_id");
    o.answered_by_change_id = changes(o.answered_by_change_id, "objections.answered_by_change_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_objection(o), &ignored));
  }
  for (Material m : c.materials) {
    Id from = m.id, to = 0;
    m.id = 0, m.workspace_id = ws, m.contact_id = contacts(m.contact_id, "materials.contact_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_material(m), &to));
    materials.define(from, to);
  }
  for (Commitment k : c.commitments) {
    k.id = 0, k.workspace_id = ws, k.contact_id = contacts(k.contact_id, "commitments.contact_id");
    k.material_id = materials(k.material_id, "commitments.material_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_commitment(k), &ignored));
  }
  for (Referral r : c.referrals) {
    r.id = 0, r.workspace_id = ws;
    r.referred_contact_id = contacts(r.referred_contact_id, "referrals.referred_contact_id");
    r.referrer_contact_id = contacts(r.referrer_contact_id, "referrals.referrer_contact_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_referral(r), &ignored));
  }
  for (Appointment a : c.appointments) {
    a.id = 0, a.workspace_id = ws, a.contact_id = contacts(a.contact_id, "appointments.contact_id");
    a.rep_id = users(a.rep_id, "appointments.rep_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_appointment(a), &ignored));
  }
  // The calls in the order they were logged (their ids): each is folded into its
  // contact's history, the calls per minute and its reason's record, as when it was.
  std::vector<const Attempt*> calls;
  for (const Attempt& a : c.attempts) calls.push_back(&a);
  std::stable_sort(calls.begin(), calls.end(), [](const Attempt* x, const Attempt* y) { return x->id < y->id; });
  for (const Attempt* original : calls) {
    Attempt a = *original;
    a.id = 0, a.workspace_id = ws, a.contact_id = contacts(a.contact_id, "calls.contact_id");
    a.rep_id = users(a.rep_id, "calls.rep_id");
    a.reason_id = reasons(a.reason_id, "calls.reason_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_attempt(a), &ignored));
    ++report->calls;
  }
  // The queue after the calls: it holds what is still to be called, whatever they were.
  for (QueuedCall q : c.queue) {
    q.workspace_id = ws;
    q.contact_id = contacts(q.contact_id, "call_queue.contact_id");
    q.rep_id = users(q.rep_id, "call_queue.rep_id");
    q.added_by = users(q.added_by, "call_queue.added_by");
    NEXTCALL_RETURN_IF_ERROR(store.queue_call(q));
  }
  for (BrainstormRound r : c.rounds) {
    Id from = r.id, to = 0;
    r.id = 0, r.workspace_id = ws, r.opened_by = users(r.opened_by, "brainstorm_rounds.opened_by");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_round(r), &to));
    rounds.define(from, to);
  }
  for (BrainstormSubmission s : c.submissions) {
    Id from = s.id, to = 0;
    s.id = 0, s.workspace_id = ws, s.round_id = rounds(s.round_id, "brainstorm_submissions.round_id");
    s.author_id = users(s.author_id, "brainstorm_submissions.author_id");
    s.reason_id = reasons(s.reason_id, "brainstorm_submissions.reason_id");
    NEXTCALL_RETURN_IF_ERROR(must(store.add_submission(s), &to));
    submissions.define(from, to);
  }
  for (BrainstormScore s : c.scores) {
    s.submission_id = submissions(s.submission_id, "brainstorm_scores.submission_id");
    s.user_id = users(s.user_id, "brainstorm_scores.user_id");
    NEXTCALL_RETURN_IF_ERROR(store.put_score(ws, s));
  }
  report->other_rows = static_cast<long>(c.threads.size() + c.objections.size() + c.materials.size() +
                                         c.commitments.size() + c.referrals.size() + c.appointments.size() +
                                         c.reasons.size() + c.changes.size() + c.rounds.size() +
                                         c.submissions.size() + c.scores.size() + c.imports.size() +
                                         c.queue.size());
  return Status::Ok();
}

}  // namespace

Status export_workspace(Store& store, Id ws, std::ostream& out) {
  auto workspace = store.get_workspace(ws);
  if (!workspace.ok()) return workspace.status();
  auto settings = store.get_settings(ws);
  if (!settings.ok()) return settings.status();
  json file = {{"nextcall_workspace", kWorkspaceFileVersion},
               {"workspace", {{"name", workspace->name}, {"default_region", workspace->default_region}}},
               {"settings", json::parse(settings_to_json(*settings))}};
  Filter all;
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_users(ws), user_json, &file["users"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_accounts(ws, all), account_json, &file["accounts"]));
  auto imports = store.list_imports(ws);
  if (!imports.ok()) return imports.status();
  std::set<Id> batches;
  for (const ImportBatch& b : *imports) batches.insert(b.id);
  NEXTCALL_RETURN_IF_ERROR(add_all(std::move(imports), import_json, &file["imports"]));
  auto contacts = store.list_contacts(ws, all);
  if (!contacts.ok()) return contacts.status();
  // An import id of no batch (the store does not check it) is left out: the file must load.
  for (Contact& k : *contacts)
    if (k.import_id && !batches.count(*k.import_id)) k.import_id.reset();
  NEXTCALL_RETURN_IF_ERROR(add_all(std::move(contacts), contact_json, &file["contacts"]));
  auto queue = store.list_queued_calls(ws, all);
  if (!queue.ok()) return queue.status();
  json& queued = file["call_queue"] = json::array();
  for (const QueuedCall& q : *queue) queued.push_back(queued_call_json(q));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_threads(ws, all), thread_json, &file["threads"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_objections(ws, all), objection_json, &file["objections"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_materials(ws, all), material_json, &file["materials"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_commitments(ws, all), commitment_json, &file["commitments"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_referrals(ws, all), referral_json, &file["referrals"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_appointments(ws, all), appointment_json, &file["appointments"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_attempts(ws, all), attempt_json, &file["calls"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_reasons(ws), reason_json, &file["reasons"]));
  NEXTCALL_RETURN_IF_ERROR(add_all(store.list_changes(ws), change_json, &file["changes"]));
  auto rounds = store.list_rounds(ws);
  if (!rounds.ok()) return rounds.status();
  std::sort(rounds->begin(), rounds->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  json& r = file["brainstorm_rounds"] = json::array();
  json& subs = file["brainstorm_submissions"] = json::array();
  json& scores = file["brainstorm_scores"] = json::array();
  for (const BrainstormRound& round : *rounds) {
    r.push_back({{"id", round.id}, {"title", round.title}, {"open", round.open},
                 {"opened_by", id_json(round.opened_by)}, {"created_at", format_instant(round.created_at)}});
    auto s = store.list_submissions(ws, round.id);
    if (!s.ok()) return s.status();
    std::sort(s->begin(), s->end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const BrainstormSubmission& sub : *s)
      subs.push_back({{"id", sub.id}, {"round_id", sub.round_id}, {"text", sub.text},
                      {"category", to_text(sub.category)}, {"author_id", id_json(sub.author_id)},
                      {"author_name", sub.author_name}, {"reason_id", id_json(sub.reason_id)},
                      {"created_at", format_instant(sub.created_at)}});
    auto sc = store.list_scores(ws, round.id);
    if (!sc.ok()) return sc.status();
    for (const BrainstormScore& one : *sc)
      scores.push_back({{"submission_id", one.submission_id}, {"user_id", one.user_id}, {"score", one.score}});
  }
  out << file.dump(1) << "\n";
  return out ? Status::Ok() : Status::Io("cannot write the workspace file");
}

Result<WorkspaceImportReport> import_workspace(Store& store, const std::string& file_name, const std::string& text,
                                               const WorkspaceImportOptions& options) {
  Contents contents;
  try {
    json file = json::parse(text);
    contents = read_contents(file);
    check_references(contents);
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument(file_name + ": not JSON (" + std::string(e.what()) +
                                   "): is it a file written by nextcall workspace export?");
  } catch (const Malformed& m) {
    return Status::InvalidArgument(file_name + ": " + m.where + ": " + m.what);
  } catch (const json::exception& e) {
    // Valid JSON that nlohmann cannot hold, e.g. a number beyond a double (1e9999): out_of_range.
    return Status::InvalidArgument(file_name + ": cannot be read (" + std::string(e.what()) +
                                   "): is it a file written by nextcall workspace export?");
  }
  WorkspaceImportReport report;
  std::optional<Workspace> target;
  if (!options.into.empty()) {
    auto found = store.find_workspace_by_name(options.into);
    if (!found.ok()) return found.status();
    if (!*found) return Status::NotFound("no workspace '" + options.into + "' to load into (see: nextcall workspace list)");
    target = **found;
  }
  std::string name = options.name.empty() ? contents.workspace.name : options.name;
  std::unordered_map<Id, Id> merged_users;
  // Same e-mail twice in the file is a conflict too.
  std::set<std::string> emails;
  for (const User& u : contents.users)
    if (!emails.insert(lower(u.email)).second) report.conflicts.push_back("user " + u.email + " is in the file twice");
  Status s = store.transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(find_conflicts(store, contents, target, name, &report.conflicts, &merged_users));
    if (!report.conflicts.empty() || options.dry_run) {
      report.workspace = target ? *target : Workspace{0, name, contents.workspace.default_region};
      report.created = !target;
      report.users_merged = static_cast<long>(merged_users.size());
      report.users_added = static_cast<long>(contents.users.size()) - report.users_merged;
      report.accounts = static_cast<long>(contents.accounts.size());
      report.contacts = static_cast<long>(contents.contacts.size());
      report.calls = static_cast<long>(contents.attempts.size());
      return Status::Ok();
    }
    if (target) {
      report.workspace = *target;
    } else {
      Workspace w{0, name, contents.workspace.default_region};
      NEXTCALL_RETURN_IF_ERROR(must(store.create_workspace(w), &w.id));
      NEXTCALL_RETURN_IF_ERROR(store.put_settings(w.id, contents.settings));
      report.workspace = w;
      report.created = true;
    }
    try {
      return write_contents(store, report.workspace.id, contents, merged_users, &report);
    } catch (const Malformed& m) {
      return Status::InvalidArgument(file_name + ": " + m.where + ": " + m.what);
    }
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace nextcall
