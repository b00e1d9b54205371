// The store contract: every backend passes these same cases. SQLite runs them in memory
// and on a file; PostgreSQL, when built, on a private server the tests start themselves
// (store/postgres/pg_test_server_test_util.h).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <latch>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

#include "core/civil_time.h"
#include "core/model_text.h"
#include "store/call_histories.h"
#include "store/store.h"
#ifdef NEXTCALL_HAVE_POSTGRES
#include <libpq-fe.h>

#include "store/postgres/pg_test_server_test_util.h"
#endif

namespace nextcall {
namespace {

struct Backend {
  std::string name;
  std::function<std::string()> url;  // a fresh, empty database each call ("" when none)
};

// Names the backend in test output (instead of the object's bytes).
void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

bool is_file(const std::string& url) {
  return url != ":memory:" && url.rfind("postgres", 0) != 0;
}

// Runs SQL on the database behind url with the backend's own client library, bypassing
// the store (to put a database back into an older shape).
bool exec_raw(const std::string& url, const std::string& sql) {
#ifdef NEXTCALL_HAVE_POSTGRES
  if (url.rfind("postgres", 0) == 0) {
    PGconn* c = PQconnectdb(url.c_str());
    bool ok = PQstatus(c) == CONNECTION_OK;
    if (ok) {
      PGresult* r = PQexec(c, sql.c_str());
      ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      if (!ok) ADD_FAILURE() << PQerrorMessage(c);
      PQclear(r);
    }
    PQfinish(c);
    return ok;
  }
#endif
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(url.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  if (!ok) ADD_FAILURE() << sqlite3_errmsg(db);
  sqlite3_close(db);
  return ok;
}

std::string temp_file() {
  static int n = 0;
  return (std::filesystem::temp_directory_path() /
          ("nextcall-contract-" + std::to_string(getpid()) + "-" + std::to_string(++n) + ".db"))
      .string();
}

class StoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    url_ = GetParam().url();
    ASSERT_FALSE(url_.empty()) << "no database for backend " << GetParam().name;
    auto s = open_store(url_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s.value());
    ws_ = make_workspace("Alpha");
    other_ws_ = make_workspace("Beta");
  }
  void TearDown() override {
    store_.reset();
    if (is_file(url_))
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(url_ + ext);
  }
  Id make_workspace(const std::string& name) {
    Workspace w;
    w.name = name;
    return *store_->create_workspace(w);
  }
  Contact contact(Id ws, const std::string& first, const std::string& phone) {
    Contact c;
    c.workspace_id = ws;
    c.first_name = first;
    c.last_name = "Tester";
    c.phones = {{phone, "work"}};
    c.created_at = c.updated_at = *parse_instant("2026-11-24T10:00:00Z");
    return c;
  }
  Id add(const Contact& c) {
    auto id = store_->create_contact(c);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  std::string url_;
  std::unique_ptr<Store> store_;
  Id ws_ = 0, other_ws_ = 0;
};

TEST_P(StoreContractTest, ContactRoundTripsEveryField) {
  Account a;
  a.workspace_id = ws_;
  a.name = "Acme";
  a.location = GeoPoint{41.5, -87.25};
  Id account = *store_->create_account(a);
  Contact c = contact(ws_, "Zoë", "+14155552671");
  c.account_id = account;
  c.title = "VP Operations";
  c.role = Role::kInfluencer;
  c.stage = Stage::kCustomer;
  c.email = "zoe@acme.example";
  c.phones.push_back({"+14155550000", "mobile"});
  c.timezone = "America/Los_Angeles";
  c.location = GeoPoint{37.5, -122.25};
  c.hot_button = "cutting the cost of unscheduled maintenance";
  c.cadence = {Cadence::Kind::kEveryNDays, 10};
  c.deal_value = 1234.5;
  c.do_not_call = true;
  c.do_not_call_since = parse_date("2026-11-01");
  c.do_not_call_reason = "asked";
  c.snoozed_until = parse_date("2026-12-01");
  Id id = add(c);
  auto got = store_->get_contact(ws_, id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->first_name, "Zoë");
  EXPECT_EQ(got->account_id, account);
  EXPECT_EQ(got->role, Role::kInfluencer);
  EXPECT_EQ(got->stage, Stage::kCustomer);
  ASSERT_EQ(got->phones.size(), 2u);
  EXPECT_EQ(got->phones[1].e164, "+14155550000");
  EXPECT_EQ(got->phones[1].kind, "mobile");
  EXPECT_EQ(got->timezone, "America/Los_Angeles");
  ASSERT_TRUE(got->location);
  EXPECT_DOUBLE_EQ(got->location->longitude, -122.25);
  EXPECT_EQ(got->cadence.kind, Cadence::Kind::kEveryNDays);
  EXPECT_EQ(got->cadence.every_days, 10);
  EXPECT_DOUBLE_EQ(got->deal_value, 1234.5);
  EXPECT_TRUE(got->do_not_call);
  EXPECT_EQ(format_date(*got->do_not_call_since), "2026-11-01");
  EXPECT_EQ(format_date(*got->snoozed_until), "2026-12-01");
  EXPECT_EQ(got->created_at, c.created_at);
}

TEST_P(StoreContractTest, PhoneBelongsToOneContactPerWorkspace) {
  add(contact(ws_, "Ann", "+14155552671"));
  auto dup = store_->create_contact(contact(ws_, "Bob", "+14155552671"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Code::kAlreadyExists);
  // The same number in another workspace is another team's contact.
  EXPECT_TRUE(store_->create_contact(contact(other_ws_, "Bob", "+14155552671")).ok());
  auto found = store_->find_contact_by_phone(ws_, "+14155552671");
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->first_name, "Ann");
}

TEST_P(StoreContractTest, AnotherWorkspacesRowsAreNotFound) {
  Id mine = add(contact(ws_, "Ann", "+14155552671"));
  EXPECT_EQ(store_->get_contact(other_ws_, mine).status().code(), Code::kNotFound);
  Contact c = *store_->get_contact(ws_, mine);
  c.workspace_id = other_ws_;
  EXPECT_EQ(store_->update_contact(c).code(), Code::kNotFound);
  Thread t;
  t.workspace_id = other_ws_;
  t.contact_id = mine;
  t.topic = "sneaky";
  EXPECT_EQ(store_->add_thread(t).status().code(), Code::kNotFound);
  EXPECT_TRUE(store_->list_contacts(other_ws_, {})->empty());
  EXPECT_EQ(*store_->count_contacts(ws_), 1);
}

TEST_P(StoreContractTest, MemoryRowsRoundTripAndFilterByContact) {
  Id ann = add(contact(ws_, "Ann", "+14155552671"));
  Id bob = add(contact(ws_, "Bob", "+14155552672"));
  Thread t;
  t.workspace_id = ws_;
  t.contact_id = ann;
  t.topic = "the new line";
  t.kind = ThreadKind::kPersonal;
  t.mentioned_on = parse_date("2026-11-20");
  Id tid = *store_->add_thread(t);
  Objection o;
  o.workspace_id = ws_;
  o.contact_id = bob;
  o.code = "min_order_size";
  o.amount = 50;
  Id oid = *store_->add_objection(o);
  Material m;
  m.workspace_id = ws_;
  m.contact_id = ann;
  m.title = "Spec sheet";
  m.pointers = {{"page 4", "maintenance"}};
  Id mid = *store_->add_material(m);
  Commitment k;
  k.workspace_id = ws_;
  k.contact_id = ann;
  k.what = "review the specs";
  k.material_id = mid;
  k.due_on = parse_date("2026-11-27");
  *store_->add_commitment(k);
  Referral r;
  r.workspace_id = ws_;
  r.referred_contact_id = bob;
  r.referrer_name = "John Doe";
  r.introduced = true;
  *store_->add_referral(r);
  Appointment ap;
  ap.workspace_id = ws_;
  ap.contact_id = ann;
  ap.starts_at = *parse_instant("2026-12-03T18:00:00Z");
  ap.status = AppointmentStatus::kConfirmed;
  ap.location = GeoPoint{1, 2};
  *store_->add_appointment(ap);

  Filter for_ann;
  for_ann.contact_id = ann;
  auto threads = *store_->list_threads(ws_, for_ann);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0].id, tid);
  EXPECT_EQ(threads[0].kind, ThreadKind::kPersonal);
  EXPECT_EQ(format_date(*threads[0].mentioned_on), "2026-11-20");
  EXPECT_TRUE(store_->list_objections(ws_, for_ann)->empty());
  auto objections = *store_->list_objections(ws_, {});
  ASSERT_EQ(objections.size(), 1u);
  EXPECT_EQ(objections[0].id, oid);
  EXPECT_DOUBLE_EQ(*objections[0].amount, 50);
  auto materials = *store_->list_materials(ws_, for_ann);
  ASSERT_EQ(materials.size(), 1u);
  ASSERT_EQ(materials[0].pointers.size(), 1u);
  EXPECT_EQ(materials[0].pointers[0].location, "page 4");
  auto commitments = *store_->list_commitments(ws_, for_ann);
  ASSERT_EQ(commitments.size(), 1u);
  EXPECT_EQ(commitments[0].material_id, mid);
  EXPECT_EQ(store_->list_referrals(ws_, {})->at(0).referrer_name, "John Doe");
  auto appts = *store_->list_appointments(ws_, for_ann);
  ASSERT_EQ(appts.size(), 1u);
  EXPECT_EQ(appts[0].status, AppointmentStatus::kConfirmed);
  EXPECT_EQ(format_instant(appts[0].starts_at), "2026-12-03T18:00:00Z");

  threads[0].open = false;
  ASSERT_TRUE(store_->update_thread(threads[0]).ok());
  EXPECT_FALSE(store_->list_threads(ws_, for_ann)->at(0).open);
  Filter by_id;
  by_id.id = tid;
  EXPECT_EQ(store_->list_threads(ws_, by_id)->size(), 1u);
}

TEST_P(StoreContractTest, AttemptsComeBackInTimeOrderWithinTheRange) {
  Id ann = add(contact(ws_, "Ann", "+14155552671"));
  for (const char* at : {"2026-11-20T15:00:00Z", "2026-11-18T15:00:00Z", "2026-11-22T15:00:00Z"}) {
    Attempt a;
    a.workspace_id = ws_;
    a.contact_id = ann;
    a.at = *parse_instant(at);
    a.outcome = Outcome::kVoicemail;
    a.next_on = parse_date("2026-11-30");
    ASSERT_TRUE(store_->add_attempt(a).ok());
  }
  auto all = *store_->list_attempts(ws_, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(format_instant(all[0].at), "2026-11-18T15:00:00Z");
  EXPECT_EQ(all[0].outcome, Outcome::kVoicemail);
  EXPECT_EQ(format_date(*all[0].next_on), "2026-11-30");
  Filter f;
  f.since = *parse_instant("2026-11-19T00:00:00Z");
  f.until = *parse_instant("2026-11-21T00:00:00Z");
  EXPECT_EQ(store_->list_attempts(ws_, f)->size(), 1u);
}

// The history the store keeps, call by call, is what summing up all the calls gives.
std::string summed_up(Store& store, Id ws, Id contact_id, const std::string& zone) {
  Filter f;
  f.contact_id = contact_id;
  auto calls = store.list_attempts(ws, f);
  return encode_call_history(summarize_calls(*calls, zone, *store.get_settings(ws)));
}

// The team's calls per minute, as the store keeps them and as the histories sum them.
std::string minutes_kept(Store& store, Id ws) {
  std::string out;
  auto kept = store.list_minute_counts(ws);
  if (!kept.ok()) return kept.status().message();
  for (const MinuteCount& m : *kept)
    out += std::to_string(m.minute) + ":" + std::to_string(m.attempts) + ":" + std::to_string(m.connects) + " ";
  return out;
}

std::string minutes_summed(Store& store, Id ws) {
  std::map<int, std::pair<int, int>> sum;
  auto histories = store.list_call_histories(ws, {});
  if (!histories.ok()) return histories.status().message();
  for (const ContactHistory& h : *histories)
    for (const MinuteCount& m : h.history.minutes) {
      sum[m.minute].first += m.attempts;
      sum[m.minute].second += m.connects;
    }
  std::string out;
  for (const auto& [minute, c] : sum)
    out += std::to_string(minute) + ":" + std::to_string(c.first) + ":" + std::to_string(c.second) + " ";
  return out;
}

std::string stored(Store& store, Id ws, Id contact_id) {
  Filter f;
  f.contact_id = contact_id;
  auto h = store.list_call_histories(ws, f);
  if (!h.ok() || h->size() != 1) return "(none)";
  return encode_call_history(h->front().history);
}

TEST_P(StoreContractTest, CallHistoriesFollowEveryLoggedCall) {
  Contact c = contact(ws_, "Ann", "+14155552671");
  c.timezone = "America/Los_Angeles";
  Id ann = add(c);
  Id bob = add(contact(ws_, "Bob", "+14155552672"));
  Reason r;
  r.workspace_id = ws_;
  r.text = "rush orders now ship in 3 days";
  Id reason = *store_->add_reason(r);
  struct Call {
    Id who;
    const char* at;
    Outcome outcome;
    const char* rung;
  };
  // In time order, then one logged late (older than the latest): the store sums Ann up again.
  for (const Call& k : {Call{ann, "2026-11-16T16:00:00Z", Outcome::kVoicemail, ""},
                        Call{ann, "2026-11-17T16:30:00Z", Outcome::kConnected, "send_info"},
                        Call{bob, "2026-11-17T17:00:00Z", Outcome::kNoAnswer, ""},
                        Call{ann, "2026-11-20T01:00:00Z", Outcome::kConnected, "meeting"},
                        Call{ann, "2026-11-18T16:00:00Z", Outcome::kConnected, "review_together"}}) {
    Attempt a;
    a.workspace_id = ws_;
    a.contact_id = k.who;
    a.at = *parse_instant(k.at);
    a.outcome = k.outcome;
    a.rung = k.rung;
    a.reason_id = reason;
    ASSERT_TRUE(store_->add_attempt(a).ok());
  }
  EXPECT_EQ(stored(*store_, ws_, ann), summed_up(*store_, ws_, ann, "America/Los_Angeles"));
  EXPECT_EQ(stored(*store_, ws_, bob), summed_up(*store_, ws_, bob, ""));
  EXPECT_FALSE(minutes_kept(*store_, ws_).empty());
  EXPECT_EQ(minutes_kept(*store_, ws_), minutes_summed(*store_, ws_));
  Filter f;
  f.contact_id = ann;
  auto h = store_->list_call_histories(ws_, f)->front().history;
  EXPECT_EQ(h.calls, 4);
  EXPECT_EQ(format_instant(*h.last_at), "2026-11-20T01:00:00Z");
  EXPECT_EQ(h.minutes.front().minute, 8 * 60);  // 16:00 UTC is 8:00 in Los Angeles
  // The reason's record: five calls used it; three advanced Ann (send_info, then
  // review_together — logged late, counted against the calls before it — then meeting).
  auto results = *store_->list_reason_results(ws_);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].reason_id, reason);
  EXPECT_EQ(results[0].tries, 5);
  EXPECT_EQ(results[0].advances, 3);
  // Summing up the whole workspace again gives the same histories and record.
  std::string before = stored(*store_, ws_, ann);
  ASSERT_TRUE(rebuild_call_histories(*store_, ws_).ok());
  EXPECT_EQ(stored(*store_, ws_, ann), before);
  EXPECT_EQ(minutes_kept(*store_, ws_), minutes_summed(*store_, ws_));
  results = *store_->list_reason_results(ws_);
  EXPECT_EQ(results.at(0).tries, 5);
  EXPECT_EQ(results.at(0).advances, 3);
  // Another workspace sees none of it.
  EXPECT_TRUE(store_->list_call_histories(other_ws_, {})->empty());
  EXPECT_TRUE(store_->list_reason_results(other_ws_)->empty());
  EXPECT_TRUE(store_->list_minute_counts(other_ws_)->empty());
}

TEST_P(StoreContractTest, MovingAContactToAnotherZoneMovesItsCallMinutes) {
  Contact c = contact(ws_, "Ann", "+14155552671");
  c.timezone = "America/New_York";
  Id ann = add(c);
  Attempt a;
  a.workspace_id = ws_;
  a.contact_id = ann;
  a.at = *parse_instant("2026-11-17T13:00:00Z");
  a.outcome = Outcome::kConnected;
  ASSERT_TRUE(store_->add_attempt(a).ok());
  Filter f;
  f.contact_id = ann;
  EXPECT_EQ(store_->list_call_histories(ws_, f)->front().history.minutes.front().minute, 8 * 60);
  c = *store_->get_contact(ws_, ann);
  c.timezone = "Europe/Berlin";
  ASSERT_TRUE(store_->update_contact(c).ok());
  EXPECT_EQ(store_->list_call_histories(ws_, f)->front().history.minutes.front().minute, 14 * 60);
  // The team's count moved with her: 14:00 has the call, 8:00 no longer.
  EXPECT_EQ(minutes_kept(*store_, ws_), "840:1:1 ");
}

TEST_P(StoreContractTest, HistoriesOfARepsContactsOnly) {
  User u;
  u.workspace_id = ws_;
  u.name = "Sam";
  u.email = "sam@example.com";
  u.timezone = "America/Chicago";
  Id sam = *store_->create_user(u);
  Contact mine = contact(ws_, "Ann", "+14155552671");
  mine.owner_id = sam;  // no zone of her own: Sam's clock
  Id ann = add(mine);
  Id bob = add(contact(ws_, "Bob", "+14155552672"));
  for (Id who : {ann, bob}) {
    Attempt a;
    a.workspace_id = ws_;
    a.contact_id = who;
    a.at = *parse_instant("2026-11-17T14:00:00Z");
    ASSERT_TRUE(store_->add_attempt(a).ok());
  }
  Filter f;
  f.owner_id = sam;
  auto h = *store_->list_call_histories(ws_, f);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].contact_id, ann);
  EXPECT_EQ(h[0].history.minutes.front().minute, 8 * 60);  // 14:00 UTC is 8:00 in Chicago
  EXPECT_EQ(store_->list_call_histories(ws_, {})->size(), 2u);
}

// each_contact hands over what list_contacts lists, in the same order, for every filter a
// caller uses (the team plan deals contacts as they come instead of listing them).
TEST_P(StoreContractTest, EachContactHandsOverWhatListContactsLists) {
  std::vector<Id> all;
  for (int k = 0; k < 7; ++k)
    all.push_back(add(contact(ws_, "C" + std::to_string(k), "+1415555260" + std::to_string(k))));
  std::vector<Id> some = {all[1], all[2], all[5]};
  Filter by_ids;
  by_ids.contact_ids = &some;
  Filter text;
  text.text = "C3";
  for (const Filter& f : {Filter{}, by_ids, text}) {
    auto listed = store_->list_contacts(ws_, f);
    ASSERT_TRUE(listed.ok());
    std::vector<Id> handed;
    std::vector<std::string> names;
    ASSERT_TRUE(store_->each_contact(ws_, f, [&](Contact&& c) {
      handed.push_back(c.id);
      names.push_back(c.first_name);
    }).ok());
    ASSERT_EQ(handed.size(), listed->size());
    for (std::size_t k = 0; k < handed.size(); ++k) {
      EXPECT_EQ(handed[k], (*listed)[k].id);
      EXPECT_EQ(names[k], (*listed)[k].first_name);
    }
  }
  // Listed contacts are never left out (a backend may hand over the others too).
  std::vector<Id> handed;
  ASSERT_TRUE(store_->each_contact(ws_, by_ids, [&](Contact&& c) { handed.push_back(c.id); }).ok());
  for (Id id : some) EXPECT_NE(std::find(handed.begin(), handed.end(), id), handed.end()) << id;
}

// The Contacts screen's list: filters narrow, sorts order with ties by id, a page is a
// slice of the whole order, and the count is of every match whatever the page.
TEST_P(StoreContractTest, ContactListsFilterSortPageAndCount) {
  Account zeta;
  zeta.workspace_id = ws_;
  zeta.name = "Zeta Foods";
  Id zeta_id = *store_->create_account(zeta);
  Account acme = zeta;
  acme.name = "acme Mills";
  Id acme_id = *store_->create_account(acme);
  Contact ann = contact(ws_, "Ann", "+14155552601");
  ann.last_name = "Young";
  ann.account_id = zeta_id;
  ann.timezone = "America/Chicago";
  Contact bob = contact(ws_, "Bob", "+14155552602");
  bob.last_name = "adams";
  bob.account_id = acme_id;
  bob.stage = Stage::kCustomer;
  bob.timezone = "America/Chicago";
  Contact cy = contact(ws_, "Cy", "+14155552603");
  cy.last_name = "Moss";
  cy.do_not_call = true;
  cy.do_not_call_reason = "asked";
  Contact dee = contact(ws_, "Dee", "+14155552604");
  dee.last_name = "Moss";
  dee.account_id = acme_id;
  dee.timezone = "America/Denver";
  Id a = add(ann), b = add(bob), c = add(cy), d = add(dee);
  add(contact(other_ws_, "Eve", "+14155552605"));
  Attempt called;
  called.workspace_id = ws_;
  called.contact_id = a;
  called.at = *parse_instant("2026-11-20T15:00:00Z");
  called.outcome = Outcome::kVoicemail;
  ASSERT_TRUE(store_->add_attempt(called).ok());

  auto ids = [&](const Filter& f) {
    std::vector<Id> out;
    auto list = store_->list_contacts(ws_, f);
    EXPECT_TRUE(list.ok()) << list.status().message();
    if (list.ok())
      for (const Contact& x : *list) out.push_back(x.id);
    auto n = store_->count_matching_contacts(ws_, f);
    EXPECT_TRUE(n.ok()) << n.status().message();
    if (n.ok() && f.limit == 0) {
      EXPECT_EQ(*n, static_cast<long>(out.size()));
    }
    return out;
  };
  using V = std::vector<Id>;
  Filter f;
  EXPECT_EQ(ids(f), (V{a, b, c, d}));
  f.sort = "name";  // adams, Moss (Cy), Moss (Dee), Young: case does not matter
  EXPECT_EQ(ids(f), (V{b, c, d, a}));
  f.descending = true;
  EXPECT_EQ(ids(f), (V{a, d, c, b}));
  f = Filter{};
  f.sort = "company";  // acme (Bob, Dee by id), Zeta, then no company
  EXPECT_EQ(ids(f), (V{b, d, a, c}));
  f.sort = "stage";
  EXPECT_EQ(ids(f), (V{b, a, c, d}));
  f = Filter{};
  f.stage = "customer";
  EXPECT_EQ(ids(f), (V{b}));
  f = Filter{};
  f.do_not_call = true;
  EXPECT_EQ(ids(f), (V{c}));
  f.do_not_call = false;
  EXPECT_EQ(ids(f), (V{a, b, d}));
  f = Filter{};
  f.never_called = true;
  EXPECT_EQ(ids(f), (V{b, c, d}));
  f.missing_timezone = true;
  EXPECT_EQ(ids(f), (V{c}));
  f = Filter{};
  f.text = "ACME";  // the company, whatever the case
  f.sort = "name";
  EXPECT_EQ(ids(f), (V{b, d}));
  f.text = "2604";  // digits of a phone
  EXPECT_EQ(ids(f), (V{d}));
  // Pages: a slice of the order; the count is of all matches.
  f = Filter{};
  f.sort = "name";
  f.limit = 2;
  f.offset = 1;
  EXPECT_EQ(ids(f), (V{c, d}));
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 4);
  f.offset = 3;
  EXPECT_EQ(ids(f), (V{a}));
  f.never_called = true;
  f.offset = 0;
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 3);
}

// Every row list narrowed to a list of contacts (a team plan reads only who may be due):
// the listed contacts' rows, all of them, in contact order; SQLite leaves out the others
// in the query itself. The same statement serves the next list, and a list of none.
TEST_P(StoreContractTest, RowListsNarrowToTheListedContacts) {
  std::vector<Id> all;
  for (int k = 0; k < 6; ++k)
    all.push_back(add(contact(ws_, "C" + std::to_string(k), "+1415555270" + std::to_string(k))));
  // Rows added out of contact order, two threads for some contacts.
  for (int k : {4, 1, 0, 5, 1, 3, 2, 4}) {
    Thread t;
    t.workspace_id = ws_;
    t.contact_id = all[static_cast<std::size_t>(k)];
    t.topic = "topic of C" + std::to_string(k);
    ASSERT_TRUE(store_->add_thread(t).ok());
    Commitment c;
    c.workspace_id = ws_;
    c.contact_id = all[static_cast<std::size_t>(k)];
    c.what = "promise of C" + std::to_string(k);
    c.due_on = parse_date("2026-11-30");
    ASSERT_TRUE(store_->add_commitment(c).ok());
    Objection o;
    o.workspace_id = ws_;
    o.contact_id = all[static_cast<std::size_t>(k)];
    o.code = "price";
    ASSERT_TRUE(store_->add_objection(o).ok());
    Attempt a;
    a.workspace_id = ws_;
    a.contact_id = all[static_cast<std::size_t>(k)];
    a.at = *parse_instant("2026-11-17T14:00:00Z");
    ASSERT_TRUE(store_->add_attempt(a).ok());
  }
  auto check = [&](const std::vector<Id>& listed) {
    SCOPED_TRACE(::testing::PrintToString(listed));
    Filter f;
    f.contact_ids = &listed;
    auto is_listed = [&](Id id) { return std::binary_search(listed.begin(), listed.end(), id); };
    std::vector<Id> want_threads, got_threads, got_commitments, got_objections, got_histories, got_contacts;
    auto every_thread = store_->list_threads(ws_, {});
    auto threads = store_->list_threads(ws_, f);
    auto commitments = store_->list_commitments(ws_, f);
    auto objections = store_->list_objections(ws_, f);
    auto histories = store_->list_call_histories(ws_, f);
    auto contacts = store_->list_contacts(ws_, f);
    ASSERT_TRUE(every_thread.ok() && threads.ok() && commitments.ok() && objections.ok() && histories.ok() &&
                contacts.ok());
    for (const Thread& t : every_thread.value())
      if (is_listed(t.contact_id)) want_threads.push_back(t.contact_id);
    for (const Thread& t : threads.value()) got_threads.push_back(t.contact_id);
    for (const Commitment& c : commitments.value()) got_commitments.push_back(c.contact_id);
    for (const Objection& o : objections.value()) got_objections.push_back(o.contact_id);
    for (const ContactHistory& h : histories.value()) got_histories.push_back(h.contact_id);
    for (const Contact& c : contacts.value()) got_contacts.push_back(c.id);
    if (GetParam().name == "postgres") {  // may hand over the others too; never leaves one out
      for (Id id : want_threads) EXPECT_NE(std::find(got_threads.begin(), got_threads.end(), id), got_threads.end());
      return;
    }
    EXPECT_EQ(got_threads, want_threads);
    EXPECT_EQ(got_commitments, want_threads);  // one of each row per thread above
    EXPECT_EQ(got_objections, want_threads);
    std::vector<Id> once = want_threads;
    once.erase(std::unique(once.begin(), once.end()), once.end());
    EXPECT_EQ(got_histories, once);
    std::vector<Id> want_contacts;
    for (Id id : listed)
      if (std::find(all.begin(), all.end(), id) != all.end()) want_contacts.push_back(id);
    EXPECT_EQ(got_contacts, want_contacts);
  };
  check({all[1], all[4]});
  check({all[0], all[2], all[3], all[5]});
  check({all[0], all[5]});  // the first and the last: the rows between them are passed over
  check({all[2]});
  check(all);
  check({});
  check({all[5] + 1000});  // an id with no rows at all
}

TEST_P(StoreContractTest, FailedTransactionWritesNothingAndNestedJoinsTheOuter) {
  Status s = store_->transaction([&]() -> Status {
    add(contact(ws_, "Ann", "+14155552671"));
    return store_->transaction([&]() -> Status {
      add(contact(ws_, "Bob", "+14155552672"));
      return Status::InvalidArgument("row 3 is bad");
    });
  });
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(*store_->count_contacts(ws_), 0);
  ASSERT_TRUE(store_->transaction([&]() -> Status {
                      add(contact(ws_, "Ann", "+14155552671"));
                      return store_->transaction([] { return Status::Ok(); });
                    }).ok());
  EXPECT_EQ(*store_->count_contacts(ws_), 1);
}

// The writes of a long transaction (a demo, an import, a workspace moved in) are the
// batched ones on PostgreSQL: each check still refuses, each failure still rolls all back.
TEST_P(StoreContractTest, ChecksAndFailuresInsideALongTransactionStillRollItAllBack) {
  Account theirs;
  theirs.workspace_id = other_ws_;
  theirs.name = "Theirs";
  Id their_account = *store_->create_account(theirs);
  Id their_contact = *store_->create_contact(contact(other_ws_, "Tess", "+14155550100"));
  for (int step = 0; step < 4; ++step) {
    Status s = store_->transaction([&]() -> Status {
      Id ann = add(contact(ws_, "Ann", "+14155552671"));
      for (int i = 0; i < 300; ++i) {  // more than one batch of queued writes
        Attempt a;
        a.workspace_id = ws_;
        a.contact_id = ann;
        a.at = *parse_instant("2026-11-20T15:00:00Z") + std::chrono::minutes(i);
        a.outcome = i % 3 == 0 ? Outcome::kConnected : Outcome::kNoAnswer;
        NEXTCALL_RETURN_IF_ERROR(store_->add_attempt(a).status());
      }
      if (step == 0) {
        Contact c = contact(ws_, "Bob", "+14155552672");
        c.account_id = their_account;
        return store_->create_contact(c).status();
      }
      if (step == 1) return store_->create_contact(contact(ws_, "Cat", "+14155552671")).status();
      Thread t;
      t.workspace_id = ws_;
      t.contact_id = step == 2 ? their_contact : 999999;
      t.topic = "not ours";
      return store_->add_thread(t).status();
    });
    SCOPED_TRACE(step);
    EXPECT_EQ(s.code(), step == 1 ? Code::kAlreadyExists : Code::kNotFound) << s.message();
    if (step == 1) {
      EXPECT_NE(s.message().find("+14155552671"), std::string::npos) << s.message();
    }
    EXPECT_EQ(*store_->count_contacts(ws_), 0);
    EXPECT_TRUE(store_->list_attempts(ws_, {})->empty());
    EXPECT_TRUE(store_->list_call_histories(ws_, {})->empty());
    EXPECT_TRUE(store_->list_minute_counts(ws_)->empty());
  }
  // And the same writes, with nothing wrong, are all kept.
  ASSERT_TRUE(store_->transaction([&]() -> Status {
                      Id ann = add(contact(ws_, "Ann", "+14155552671"));
                      for (int i = 0; i < 300; ++i) {
                        Attempt a;
                        a.workspace_id = ws_;
                        a.contact_id = ann;
                        a.at = *parse_instant("2026-11-20T15:00:00Z") + std::chrono::minutes(i);
                        a.outcome = Outcome::kNoAnswer;
                        NEXTCALL_RETURN_IF_ERROR(store_->add_attempt(a).status());
                      }
                      return Status::Ok();
                    }).ok());
  EXPECT_EQ(store_->list_attempts(ws_, {})->size(), 300u);
  auto histories = *store_->list_call_histories(ws_, {});
  ASSERT_EQ(histories.size(), 1u);
  EXPECT_EQ(histories[0].history.calls, 300);
  long minutes = 0;
  auto counts = *store_->list_minute_counts(ws_);
  for (const MinuteCount& m : counts) minutes += m.attempts;
  EXPECT_EQ(minutes, 300);
}

TEST_P(StoreContractTest, ManyContactsAtOnceComeBackInOrderWithTheirPhonesOrNotAtAll) {
  Account mine;
  mine.workspace_id = ws_;
  mine.name = "Mine";
  Id my_account = *store_->create_account(mine);
  std::vector<Contact> batch;
  for (int i = 0; i < 1500; ++i) {  // more than one batch
    char phone[20];
    std::snprintf(phone, sizeof phone, "+1415555%04d", i);
    Contact c = contact(ws_, "C" + std::to_string(i), phone);
    if (i % 2 == 0) c.account_id = my_account;
    batch.push_back(c);
  }
  auto ids = store_->create_contacts(batch);
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  ASSERT_EQ(ids->size(), 1500u);
  for (int i : {0, 999, 1000, 1499}) {
    Contact got = *store_->get_contact(ws_, (*ids)[static_cast<std::size_t>(i)]);
    EXPECT_EQ(got.first_name, "C" + std::to_string(i));
    EXPECT_EQ(got.account_id.has_value(), i % 2 == 0);
    auto by_phone = *store_->find_contact_by_phone(ws_, got.phones.at(0).e164);
    ASSERT_TRUE(by_phone.has_value());
    EXPECT_EQ(by_phone->id, got.id);
  }
  // A phone already stored, or an account of another workspace: none of the batch is kept.
  Account theirs;
  theirs.workspace_id = other_ws_;
  theirs.name = "Theirs";
  Id their_account = *store_->create_account(theirs);
  std::vector<Contact> clash{contact(ws_, "New", "+14155559998"), contact(ws_, "Dup", "+14155550007")};
  Status taken = store_->create_contacts(clash).status();
  EXPECT_EQ(taken.code(), Code::kAlreadyExists);
  EXPECT_EQ(taken.message(), "phone +14155550007 already belongs to another contact") << "names the phone taken";
  std::vector<Contact> foreign{contact(ws_, "New", "+14155559998")};
  foreign[0].account_id = their_account;
  EXPECT_EQ(store_->create_contacts(foreign).status().code(), Code::kNotFound);
  EXPECT_EQ(*store_->count_contacts(ws_), 1500);
  EXPECT_FALSE(store_->find_contact_by_phone(ws_, "+14155559998")->has_value());
}

TEST_P(StoreContractTest, SettingsDefaultThenRoundTrip) {
  Settings s = *store_->get_settings(ws_);
  EXPECT_EQ(s.daily_capacity, 60);
  EXPECT_EQ(s.contact_ladder.rungs.front(), "sale");
  s.daily_capacity = 40;
  s.holidays = {*parse_date("2026-12-25")};
  s.gatekeeper_ladder.rungs = {"direct_line", "referral"};
  ASSERT_TRUE(store_->put_settings(ws_, s).ok());
  Settings t = *store_->get_settings(ws_);
  EXPECT_EQ(t.daily_capacity, 40);
  ASSERT_EQ(t.holidays.size(), 1u);
  EXPECT_EQ(t.gatekeeper_ladder.rungs.size(), 2u);
  EXPECT_EQ(store_->get_settings(other_ws_)->daily_capacity, 60);
}

TEST_P(StoreContractTest, UserEmailIsUniqueAndFindsItsWorkspace) {
  User u;
  u.workspace_id = ws_;
  u.name = "Sam";
  u.email = "sam@example.com";
  u.role = UserRole::kManager;
  Id id = *store_->create_user(u);
  u.workspace_id = other_ws_;
  EXPECT_EQ(store_->create_user(u).status().code(), Code::kAlreadyExists);
  auto found = *store_->find_user_by_email("SAM@example.com");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->role, UserRole::kManager);
  EXPECT_EQ(store_->get_user(other_ws_, id).status().code(), Code::kNotFound);
}

TEST_P(StoreContractTest, PhonesWithExtensionsRoundTripAndStayDistinct) {
  Contact c = contact(ws_, "Di", "+13125550148;ext=204");
  c.phones.push_back({"+13125550149", "mobile"});
  Id id = add(c);
  auto back = *store_->get_contact(ws_, id);
  ASSERT_EQ(back.phones.size(), 2u);
  EXPECT_EQ(back.phones[0].e164, "+13125550148;ext=204");
  EXPECT_EQ(back.phones[1].e164, "+13125550149");
  EXPECT_EQ(back.phones[1].kind, "mobile");
  // Another extension of the same switchboard is another person.
  add(contact(ws_, "Ed", "+13125550148;ext=205"));
  EXPECT_EQ((*store_->find_contact_by_phone(ws_, "+13125550148;ext=204"))->id, id);
}

TEST_P(StoreContractTest, SessionsAndTokensAreFoundByHashAndScopedToTheirUser) {
  User u;
  u.workspace_id = ws_;
  u.name = "Sam";
  u.email = "sam@example.com";
  Id uid = *store_->create_user(u);
  Session s;
  s.token_hash = "h1";
  s.user_id = uid;
  s.workspace_id = ws_;
  s.csrf_token = "c1";
  s.created_at = *parse_instant("2026-11-24T10:00:00Z");
  s.expires_at = *parse_instant("2026-11-25T10:00:00Z");
  ASSERT_TRUE(store_->create_session(s).ok());
  auto found = *store_->find_session("h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, uid);
  EXPECT_EQ(found->csrf_token, "c1");
  EXPECT_EQ(found->expires_at, s.expires_at);
  EXPECT_FALSE(*store_->find_session("h2"));
  // A session may not name a user of another workspace.
  Session forged = s;
  forged.token_hash = "h3";
  forged.workspace_id = other_ws_;
  EXPECT_EQ(store_->create_session(forged).code(), Code::kInvalidArgument);
  ASSERT_TRUE(store_->delete_sessions_of_user(ws_, uid).ok());
  EXPECT_FALSE(*store_->find_session("h1"));

  ApiToken t;
  t.workspace_id = ws_;
  t.user_id = uid;
  t.name = "nightly export";
  t.token_hash = "t1";
  t.created_at = s.created_at;
  Id tid = *store_->add_api_token(t);
  EXPECT_EQ(store_->add_api_token(t).status().code(), Code::kAlreadyExists);
  auto tok = *store_->find_api_token("t1");
  ASSERT_TRUE(tok);
  EXPECT_EQ(tok->name, "nightly export");
  EXPECT_FALSE(tok->revoked);
  EXPECT_EQ(store_->revoke_api_token(other_ws_, tid).code(), Code::kNotFound);
  ASSERT_TRUE(store_->revoke_api_token(ws_, tid).ok());
  EXPECT_TRUE((*store_->find_api_token("t1"))->revoked);
  EXPECT_EQ(store_->list_api_tokens(ws_, uid)->size(), 1u);
  EXPECT_TRUE(store_->list_api_tokens(other_ws_, uid)->empty());
}

// The sign-in limiter's counts (web/sign_in_limiter.h): atomic, aged out after the window,
// taken back one or all, and shared by every connection on the database.
TEST_P(StoreContractTest, SignInFailuresCountAtomicallyAndAgeOut) {
  const Instant t0 = *parse_instant("2026-11-24T10:00:00Z");
  const std::chrono::seconds window(600);
  const std::string key = "k-" + std::to_string(getpid()) + "-" + std::to_string(ws_);
  EXPECT_EQ(store_->get_sign_in_failures(key, t0, window)->failures, 0);
  auto one = store_->add_sign_in_failure(key, t0, window);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->failures, 1);
  EXPECT_EQ(one->last, t0);
  EXPECT_EQ(one->previous, Instant{});
  auto two = *store_->add_sign_in_failure(key, t0 + std::chrono::seconds(5), window);
  EXPECT_EQ(two.failures, 2);
  EXPECT_EQ(two.previous, t0);
  EXPECT_EQ(two.last, t0 + std::chrono::seconds(5));
  auto read = *store_->get_sign_in_failures(key, t0 + std::chrono::seconds(6), window);
  EXPECT_EQ(read.failures, 2);
  EXPECT_EQ(read.last, t0 + std::chrono::seconds(5));
  // Another key is counted apart.
  EXPECT_EQ(store_->add_sign_in_failure(key + "-other", t0, window)->failures, 1);
  // One taken back, then all.
  ASSERT_TRUE(store_->remove_sign_in_failures(key, false).ok());
  EXPECT_EQ(store_->get_sign_in_failures(key, t0 + std::chrono::seconds(6), window)->failures, 1);
  ASSERT_TRUE(store_->remove_sign_in_failures(key, true).ok());
  EXPECT_EQ(store_->get_sign_in_failures(key, t0 + std::chrono::seconds(6), window)->failures, 0);
  // A window after the last failure the count starts again.
  ASSERT_EQ(store_->add_sign_in_failure(key, t0, window)->failures, 1);
  ASSERT_EQ(store_->add_sign_in_failure(key, t0 + std::chrono::seconds(1), window)->failures, 2);
  const Instant later = t0 + std::chrono::seconds(1) + window;
  EXPECT_EQ(store_->get_sign_in_failures(key, later, window)->failures, 0);
  auto fresh = *store_->add_sign_in_failure(key, later, window);
  EXPECT_EQ(fresh.failures, 1);
  EXPECT_EQ(fresh.previous, Instant{});
  // Purging forgets the old keys only.
  ASSERT_TRUE(store_->purge_sign_in_failures(later).ok());
  EXPECT_EQ(store_->get_sign_in_failures(key + "-other", t0, window)->failures, 0);
  EXPECT_EQ(store_->get_sign_in_failures(key, later, window)->failures, 1);
  if (url_ == ":memory:") return;
  // Two connections (two servers) counting at once: every try gets a count of its own.
  const std::string shared = key + "-shared";
  std::vector<long> seen;
  std::mutex mu;
  std::vector<std::thread> servers;
  for (int k = 0; k < 2; ++k)
    servers.emplace_back([&] {
      auto own = open_store(url_);
      ASSERT_TRUE(own.ok()) << own.status().message();
      for (int i = 0; i < 20; ++i) {
        auto n = (*own)->add_sign_in_failure(shared, t0, window);
        ASSERT_TRUE(n.ok()) << n.status().message();
        std::lock_guard<std::mutex> lock(mu);
        seen.push_back(n->failures);
      }
    });
  for (auto& t : servers) t.join();
  std::sort(seen.begin(), seen.end());
  ASSERT_EQ(seen.size(), 40u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], static_cast<long>(i + 1));
  EXPECT_EQ(store_->get_sign_in_failures(shared, t0, window)->failures, 40);
}

TEST_P(StoreContractTest, CallsLoggedAtOnceToOneContactAreAllKeptInItsHistory) {
  if (url_ == ":memory:") return;  // one connection only
  // Several servers logging calls to the same few contacts at the same moment: each call
  // reads the contact's history, folds itself in and writes it back, so without a lock
  // one write overwrites another and the history forgets calls (issue 21, point 1).
  constexpr int kServers = 4, kContacts = 3, kCallsEach = 12;
  std::vector<Id> contacts;
  for (int c = 0; c < kContacts; ++c)
    contacts.push_back(add(contact(ws_, "Race" + std::to_string(c), "+1415555270" + std::to_string(c))));
  const Instant t0 = *parse_instant("2026-11-16T16:00:00Z");
  const Date follow_up = *parse_date("2026-12-01");
  std::mutex mu;
  std::vector<std::string> failures;
  std::vector<std::thread> servers;
  std::latch opened(kServers);  // every connection open before the first call
  for (int k = 0; k < kServers; ++k)
    servers.emplace_back([&, k] {
      auto own = open_store(url_);
      opened.arrive_and_wait();
      if (!own.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        failures.push_back(own.status().message());
        return;
      }
      for (int i = 0; i < kCallsEach; ++i)
        for (int c = 0; c < kContacts; ++c) {
          Attempt a;
          a.workspace_id = ws_;
          a.contact_id = contacts[static_cast<std::size_t>(c)];
          // One moment for all calls to a contact: each is the latest, folded into the
          // history as read (an older one would sum the contact up again from its calls).
          a.at = t0 + std::chrono::minutes(c);
          a.outcome = Outcome::kNoAnswer;
          if (k == 0 && i == 0) {  // the one conversation: a meeting agreed, a date set
            a.outcome = Outcome::kConnected;
            a.rung = "meeting";
            a.next_on = follow_up;
          }
          auto id = (*own)->add_attempt(a);
          if (!id.ok()) {
            std::lock_guard<std::mutex> lock(mu);
            failures.push_back(id.status().message());
          }
        }
    });
  for (auto& t : servers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " calls failed, the first: "
                                << (failures.empty() ? "" : failures.front());
  long minutes_total = 0;
  auto minutes = store_->list_minute_counts(ws_);
  ASSERT_TRUE(minutes.ok()) << minutes.status().message();
  for (const MinuteCount& m : minutes.value()) minutes_total += m.attempts;
  EXPECT_EQ(minutes_total, kServers * kContacts * kCallsEach);
  EXPECT_EQ(minutes_kept(*store_, ws_), minutes_summed(*store_, ws_));
  for (Id id : contacts) {
    Filter f;
    f.contact_id = id;
    auto calls = store_->list_attempts(ws_, f);
    ASSERT_TRUE(calls.ok());
    EXPECT_EQ(calls->size(), static_cast<std::size_t>(kServers * kCallsEach));
    auto histories = store_->list_call_histories(ws_, f);
    ASSERT_TRUE(histories.ok());
    ASSERT_EQ(histories->size(), 1u);
    const CallHistory& h = histories->front().history;
    EXPECT_EQ(h.calls, static_cast<int>(calls->size())) << "contact " << id << " lost calls";
    bool meeting = std::any_of(h.agreed.begin(), h.agreed.end(),
                               [](const LadderRung& r) { return r.ladder == "contact" && r.rung == "meeting"; });
    EXPECT_TRUE(meeting) << "contact " << id << " lost the meeting agreed";
    ASSERT_TRUE(h.follow_up_on.has_value()) << "contact " << id << " lost its follow-up date";
    EXPECT_EQ(format_date(*h.follow_up_on), "2026-12-01");
    EXPECT_EQ(stored(*store_, ws_, id), summed_up(*store_, ws_, id, ""));
  }
}

TEST_P(StoreContractTest, ReasonsAndChangesRoundTrip) {
  Reason r;
  r.workspace_id = ws_;
  r.text = "we dropped our minimum order to 50 units";
  r.category = ReasonCategory::kNewPolicy;
  r.objections = {"min_order_size"};
  r.expires_on = parse_date("2027-01-31");
  Id rid = *store_->add_reason(r);
  auto got = *store_->get_reason(ws_, rid);
  EXPECT_EQ(got.category, ReasonCategory::kNewPolicy);
  ASSERT_EQ(got.objections.size(), 1u);
  EXPECT_EQ(format_date(*got.expires_on), "2027-01-31");
  EXPECT_EQ(store_->get_reason(other_ws_, rid).status().code(), Code::kNotFound);
  Change c;
  c.workspace_id = ws_;
  c.kind = ChangeKind::kNewPolicy;
  c.title = "Minimum order 50";
  c.resolves = {{"min_order_size", ">=50"}};
  c.serves = {"lower inventory carrying cost"};
  Id cid = *store_->add_change(c);
  auto ch = *store_->get_change(ws_, cid);
  ASSERT_EQ(ch.resolves.size(), 1u);
  EXPECT_EQ(ch.resolves[0].condition, ">=50");
  EXPECT_EQ(ch.serves.at(0), "lower inventory carrying cost");
}

TEST_P(StoreContractTest, MigrationsAreRecordedAndReopeningIsIdempotent) {
  int version = store_->schema_version();
  EXPECT_GE(version, 1);
  if (url_ == ":memory:") return;
  add(contact(ws_, "Ann", "+14155552671"));
  store_.reset();
  auto again = open_store(url_);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ((*again)->schema_version(), version);
  EXPECT_EQ(*(*again)->count_contacts(ws_), 1);
}

// A database from before call histories (migration 4) is refused by an ordinary open, with
// what to run; migrating it sums up its calls.
TEST_P(StoreContractTest, MigratingAnOlderDatabaseSumsUpItsCalls) {
  if (url_ == ":memory:") return;
  Id ann = add(contact(ws_, "Ann", "+14155552671"));
  Attempt a;
  a.workspace_id = ws_;
  a.contact_id = ann;
  a.at = *parse_instant("2026-11-17T14:00:00Z");
  a.outcome = Outcome::kConnected;
  a.rung = "meeting";
  ASSERT_TRUE(store_->add_attempt(a).ok());
  std::string expected = stored(*store_, ws_, ann);
  // Back to version 3, as an older nextcall left it.
  store_.reset();
  ASSERT_TRUE(exec_raw(url_, "DROP TABLE call_histories; DROP TABLE reason_results; DROP TABLE minute_counts; "
                             "DELETE FROM schema_migrations WHERE version >= 4"));
  auto refused = open_store(url_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(), "the database is at schema version 3; this nextcall needs " +
                                            std::to_string(kSchemaVersion) + ": run `nextcall db migrate --db " +
                                            redact_db_url(url_) + "`");
  auto again = open_store(url_, SchemaUse::kMigrate);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ((*again)->schema_version(), kSchemaVersion);
  EXPECT_EQ(stored(**again, ws_, ann), expected);
}

// A database a newer nextcall migrated is refused by an ordinary open and by a migration,
// and left as it is.
TEST_P(StoreContractTest, ANewerSchemaIsRefusedWithWhatToDo) {
  if (url_ == ":memory:") return;
  store_.reset();
  ASSERT_TRUE(exec_raw(url_, "INSERT INTO schema_migrations(version, description) VALUES (" +
                                 std::to_string(kSchemaVersion + 2) + ", 'from a newer nextcall')"));
  const std::string newer = "the database is at schema version " + std::to_string(kSchemaVersion + 2) +
                            ", newer than this nextcall (" + std::to_string(kSchemaVersion) + "): upgrade nextcall";
  auto opened = open_store(url_);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().message(), newer);
  auto as_is = open_store(url_, SchemaUse::kAsIs);
  ASSERT_TRUE(as_is.ok()) << as_is.status().message();
  auto migrated = (*as_is)->migrate();
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.status().message(), newer);
  EXPECT_EQ((*as_is)->schema_version(), kSchemaVersion + 2);
}

// A team plan reads only the contacts that may be due: every reason to call keeps its
// contact in (SQLite narrows; PostgreSQL does not narrow at all, which is also correct).
TEST_P(StoreContractTest, ContactsThatMayBeDueKeepEveryReasonToCall) {
  Date today{std::chrono::year{2026} / 11 / 24};
  Instant now = *parse_instant("2026-11-24T13:00:00Z");
  int phone = 0;
  auto make = [&](const char* first, auto&& shape) {
    Contact c = contact(ws_, first, "+1415555" + std::to_string(2600 + ++phone));
    c.timezone = "America/New_York";
    shape(c);
    return add(c);
  };
  auto none = [](Contact&) {};
  auto call = [&](Id who, const char* at, Outcome outcome, std::optional<Date> next_on = std::nullopt) {
    Attempt a;
    a.workspace_id = ws_;
    a.contact_id = who;
    a.at = *parse_instant(at);
    a.outcome = outcome;
    a.next_on = next_on;
    ASSERT_TRUE(store_->add_attempt(a).ok());
  };
  auto weekly = [](Contact& c) {
    c.stage = Stage::kCustomer;
    c.cadence = Cadence{Cadence::Kind::kWeekly, 0};
  };
  std::map<std::string, Id> out, in;
  out["a prospect never called"] = make("Nadia", none);
  out["a prospect talked to on Friday"] = make("Otto", none);
  call(out["a prospect talked to on Friday"], "2026-11-20T15:00:00Z", Outcome::kConnected);
  out["a customer talked to two days ago"] = make("Cora", weekly);
  call(out["a customer talked to two days ago"], "2026-11-22T15:00:00Z", Outcome::kConnected);
  out["a miss six weeks ago"] = make("Milo", none);
  call(out["a miss six weeks ago"], "2026-10-01T15:00:00Z", Outcome::kConnected, Date{today + std::chrono::days{30}});
  call(out["a miss six weeks ago"], "2026-10-08T15:00:00Z", Outcome::kVoicemail);
  out["a promise due next week"] = make("Kit", none);
  out["a promise kept"] = make("Kay", none);
  in["a customer talked to two weeks ago"] = make("Cleo", weekly);
  call(in["a customer talked to two weeks ago"], "2026-11-10T15:00:00Z", Outcome::kConnected);
  in["a customer never reached"] = make("Cy", weekly);
  in["a follow-up set for today"] = make("Fay", none);
  call(in["a follow-up set for today"], "2026-11-17T15:00:00Z", Outcome::kConnected, today);
  in["a miss yesterday"] = make("Mia", none);
  call(in["a miss yesterday"], "2026-11-10T15:00:00Z", Outcome::kConnected, Date{today + std::chrono::days{30}});
  call(in["a miss yesterday"], "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  in["their promise due today"] = make("Tess", none);
  in["an appointment tomorrow"] = make("Abe", none);
  in["an introduction"] = make("Ivy", none);
  in["do not call"] = make("Dee", [&](Contact& c) {
    c.do_not_call = true;
    c.do_not_call_since = today;
  });
  in["snoozed"] = make("Sam", [&](Contact& c) { c.snoozed_until = today + std::chrono::days{7}; });
  auto promise = [&](Id who, Date due, CommitmentStatus status) {
    Commitment k;
    k.workspace_id = ws_;
    k.contact_id = who;
    k.owner = Party::kContact;
    k.what = "review the specs";
    k.due_on = due;
    k.status = status;
    ASSERT_TRUE(store_->add_commitment(k).ok());
  };
  promise(out["a promise due next week"], today + std::chrono::days{7}, CommitmentStatus::kOpen);
  promise(out["a promise kept"], today - std::chrono::days{3}, CommitmentStatus::kKept);
  promise(in["their promise due today"], today, CommitmentStatus::kOpen);
  Appointment ap;
  ap.workspace_id = ws_;
  ap.contact_id = in["an appointment tomorrow"];
  ap.starts_at = now + std::chrono::hours{24};
  ap.duration_minutes = 30;
  ap.status = AppointmentStatus::kConfirmed;
  ASSERT_TRUE(store_->add_appointment(ap).ok());
  Referral r;
  r.workspace_id = ws_;
  r.referred_contact_id = in["an introduction"];
  r.referrer_name = "Jane Smith";
  r.introduced = true;
  r.introduced_on = today - std::chrono::days{2};
  ASSERT_TRUE(store_->add_referral(r).ok());
  add(contact(other_ws_, "Elsewhere", "+14155552999"));

  DueWindow w;
  w.first_day = w.last_day = today;
  w.calendar_from = now - std::chrono::days{1};
  // With new contacts planned (the default), whoever was never called may be due.
  auto with_new = store_->contacts_that_may_be_due(ws_, w);
  ASSERT_TRUE(with_new.ok()) << with_new.status().message();
  if (GetParam().name != "postgres") {
    ASSERT_TRUE(with_new->has_value());
    for (const char* never : {"a prospect never called", "a promise due next week", "a promise kept"})
      EXPECT_NE(std::find((*with_new)->begin(), (*with_new)->end(), out[never]), (*with_new)->end()) << never;
  }
  w.new_contacts_per_day = 0;  // the rest of the test: no first calls
  auto ids = store_->contacts_that_may_be_due(ws_, w);
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  if (GetParam().name == "postgres") {
    EXPECT_FALSE(ids->has_value());
    return;
  }
  ASSERT_TRUE(ids->has_value());
  std::vector<Id> listed_ids = **ids;
  // list_contacts reads just those.
  Filter f;
  f.contact_ids = &listed_ids;
  auto listed = store_->list_contacts(ws_, f);
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  ASSERT_EQ(listed->size(), listed_ids.size());
  for (std::size_t k = 0; k < listed->size(); ++k) EXPECT_EQ((*listed)[k].id, listed_ids[k]);
  auto has = [&](Id id) { return std::find(listed_ids.begin(), listed_ids.end(), id) != listed_ids.end(); };
  for (const auto& [what, id] : in) EXPECT_TRUE(has(id)) << what << " was left out";
  for (const auto& [what, id] : out) EXPECT_FALSE(has(id)) << what << " was read";
  EXPECT_EQ(listed_ids.size(), in.size());
  // Checked in two spans of ids split anywhere (the team plan checks two halves on two
  // connections at once): the same ids, the lower span's first.
  auto in_use = store_->contact_ids_in_use();
  ASSERT_TRUE(in_use.ok()) << in_use.status().message();
  ASSERT_TRUE(in_use->has_value());
  EXPECT_LE((*in_use)->first, listed_ids.front());
  EXPECT_GE((*in_use)->last, listed_ids.back());
  for (Id split = (*in_use)->first - 1; split <= (*in_use)->last; ++split) {
    auto lower = store_->contacts_that_may_be_due(ws_, w, IdSpan{0, split});
    auto upper = store_->contacts_that_may_be_due(ws_, w, IdSpan{split + 1, std::numeric_limits<Id>::max()});
    ASSERT_TRUE(lower.ok() && upper.ok());
    ASSERT_TRUE(lower->has_value() && upper->has_value());
    for (Id id : **lower) EXPECT_LE(id, split);
    std::vector<Id> joined = **lower;
    joined.insert(joined.end(), (*upper)->begin(), (*upper)->end());
    EXPECT_EQ(joined, listed_ids) << "split after id " << split;
  }

  // A week on, next week's promise is due and the customer's week has passed.
  DueWindow week = w;
  week.last_day = today + std::chrono::days{7};
  listed_ids = **store_->contacts_that_may_be_due(ws_, week);
  EXPECT_TRUE(has(out["a promise due next week"]));
  EXPECT_TRUE(has(out["a customer talked to two days ago"]));
  EXPECT_FALSE(has(out["a prospect never called"]));

  // A change on the recall list: whoever has not talked since it was made may fit it.
  DueWindow recall = w;
  recall.change_cutoff = *parse_instant("2026-11-21T00:00:00Z");
  listed_ids = **store_->contacts_that_may_be_due(ws_, recall);
  EXPECT_TRUE(has(out["a prospect never called"]));
  EXPECT_FALSE(has(out["a customer talked to two days ago"]));

  // The rows about contacts can be narrowed to a list of them.
  Filter rows;
  std::vector<Id> only = {in["a miss yesterday"], in["their promise due today"]};
  std::sort(only.begin(), only.end());
  rows.contact_ids = &only;
  auto histories = *store_->list_call_histories(ws_, rows);
  ASSERT_EQ(histories.size(), 1u);
  EXPECT_EQ(histories[0].contact_id, in["a miss yesterday"]);
  auto commitments = *store_->list_commitments(ws_, rows);
  ASSERT_EQ(commitments.size(), 1u);
  EXPECT_EQ(commitments[0].contact_id, in["their promise due today"]);

  // A history whose dates were never copied out (an older file) keeps its contact in.
  if (!is_file(url_)) return;
  store_.reset();
  ASSERT_TRUE(exec_raw(url_, "UPDATE call_histories SET dates_filled = 0"));
  auto again = open_store(url_);
  ASSERT_TRUE(again.ok());
  listed_ids = **(*again)->contacts_that_may_be_due(ws_, w);
  EXPECT_TRUE(has(out["a prospect talked to on Friday"]));
  EXPECT_FALSE(has(out["a prospect never called"]));
  // Opening a database from before the dates (migration 5) copies them out again.
  again->reset();
  ASSERT_TRUE(exec_raw(url_, "DROP INDEX call_histories_dates; "
                             "ALTER TABLE call_histories DROP COLUMN dates_filled; "
                             "ALTER TABLE call_histories DROP COLUMN last_at; "
                             "ALTER TABLE call_histories DROP COLUMN last_connect_at; "
                             "ALTER TABLE call_histories DROP COLUMN follow_up_on; "
                             "ALTER TABLE call_histories DROP COLUMN retry_ok; "
                             "DELETE FROM schema_migrations WHERE version >= 5"));
  again = open_store(url_, SchemaUse::kMigrate);
  ASSERT_TRUE(again.ok()) << again.status().message();
  listed_ids = **(*again)->contacts_that_may_be_due(ws_, w);
  for (const auto& [what, id] : in) EXPECT_TRUE(has(id)) << what << " was left out after migration 5";
  for (const auto& [what, id] : out) EXPECT_FALSE(has(id)) << what << " was read after migration 5";
  store_ = std::move(again.value());
}

std::vector<Backend> backends() {
  std::vector<Backend> out = {Backend{"sqlite_memory", [] { return std::string(":memory:"); }},
                              Backend{"sqlite_file", [] { return temp_file(); }}};
#ifdef NEXTCALL_HAVE_POSTGRES
  // Built with PostgreSQL: its cases fail (never skip) when the test server cannot start.
  out.push_back(Backend{"postgres", []() -> std::string {
                          auto url = pgtest::fresh_database_url();
                          if (!url.ok()) {
                            ADD_FAILURE() << url.status().message();
                            return "";
                          }
                          return *url;
                        }});
#endif
  return out;
}

// Idempotency keys (web/idempotency.h): claimed once, the answer kept with the write that
// made it, scoped to the workspace and the user, claimed anew when stale or a day old.
TEST_P(StoreContractTest, AnIdempotencyKeyIsClaimedOnceAndKeepsItsAnswer) {
  const Instant t = *parse_instant("2026-11-24T10:00:00Z");
  const auto stale = std::chrono::minutes(10);
  const auto day = std::chrono::hours(24);
  auto claim = [&](Id ws, Id user, const std::string& key, const std::string& fingerprint, Instant now) {
    auto r = store_->claim_idempotency_key(ws, user, key, fingerprint, now, now - stale, now - day);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::optional<IdempotentRequest>();
  };
  EXPECT_FALSE(claim(ws_, 1, "k", "f1", t));  // claimed
  auto again = claim(ws_, 1, "k", "f2", t);   // in flight: the first's
  ASSERT_TRUE(again);
  EXPECT_EQ(again->fingerprint, "f1");
  EXPECT_EQ(again->status, 0);
  // The answer is kept only if the transaction of the write commits.
  EXPECT_FALSE(store_->transaction([&]() -> Status {
                       EXPECT_TRUE(store_->finish_idempotency_key(ws_, 1, "k", 201, "{\"id\":1}").ok());
                       return Status::Conflict("the write failed");
                     }).ok());
  EXPECT_EQ(claim(ws_, 1, "k", "f1", t)->status, 0);
  ASSERT_TRUE(store_->transaction([&] { return store_->finish_idempotency_key(ws_, 1, "k", 201, "{\"id\":1}"); })
                  .ok());
  auto done = claim(ws_, 1, "k", "f1", t + std::chrono::hours(23));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 201);
  EXPECT_EQ(done->body, "{\"id\":1}");
  EXPECT_EQ(done->created, t);
  // A finished key is not given up; another user's or workspace's same key is theirs.
  ASSERT_TRUE(store_->release_idempotency_key(ws_, 1, "k").ok());
  EXPECT_EQ(claim(ws_, 1, "k", "f1", t)->status, 201);
  EXPECT_FALSE(claim(ws_, 2, "k", "f1", t));
  EXPECT_FALSE(claim(other_ws_, 1, "k", "f1", t));
  // One in flight and given up (its request failed) is free again.
  ASSERT_TRUE(store_->release_idempotency_key(ws_, 2, "k").ok());
  EXPECT_FALSE(claim(ws_, 2, "k", "f9", t));
  // One in flight for longer than `stale` died with its server; one a day old expired.
  EXPECT_TRUE(claim(other_ws_, 1, "k", "f1", t + std::chrono::minutes(9)));
  EXPECT_FALSE(claim(other_ws_, 1, "k", "f1", t + std::chrono::minutes(11)));
  EXPECT_FALSE(claim(ws_, 1, "k", "f1", t + std::chrono::hours(25)));
  // Purged: keys made before the time given are gone.
  ASSERT_TRUE(store_->finish_idempotency_key(ws_, 2, "k", 200, "{}").ok());
  ASSERT_TRUE(store_->purge_idempotency_keys(t + std::chrono::seconds(1)).ok());
  EXPECT_FALSE(claim(ws_, 2, "k", "f1", t + std::chrono::seconds(2)));
}

// Each import's record comes back newest first; its contacts are found by it (listed,
// handed over and counted), whether made one by one or many at once; another workspace's
// imports and contacts never show.
TEST_P(StoreContractTest, ImportBatchesRoundTripAndNarrowTheContactsToTheirs) {
  User u;
  u.workspace_id = ws_;
  u.name = "Sam";
  u.email = "sam@example.com";
  Id sam = *store_->create_user(u);
  u.workspace_id = other_ws_;
  u.email = "sam@other.example";
  Id their_user = *store_->create_user(u);
  ImportBatch b;
  b.workspace_id = ws_;
  b.file_name = "trade show leads.csv";
  b.user_id = sam;
  b.contacts_added = 2;
  b.created_at = *parse_instant("2026-11-24T10:00:00Z");
  auto first = store_->add_import(b);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ImportBatch later = b;
  later.file_name = "crm export.csv";
  later.user_id.reset();
  later.contacts_added = 1;
  later.created_at = *parse_instant("2026-11-25T09:00:00Z");
  Id second = *store_->add_import(later);
  ImportBatch theirs = b;
  theirs.workspace_id = other_ws_;
  theirs.user_id = their_user;
  Id their_batch = *store_->add_import(theirs);
  // The importer must be the workspace's own.
  ImportBatch foreign = b;
  foreign.user_id = their_user;
  EXPECT_EQ(store_->add_import(foreign).status().code(), Code::kInvalidArgument);

  auto listed = store_->list_imports(ws_);
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, second);
  EXPECT_EQ((*listed)[0].file_name, "crm export.csv");
  EXPECT_FALSE((*listed)[0].user_id.has_value());
  EXPECT_EQ((*listed)[1].id, *first);
  EXPECT_EQ((*listed)[1].workspace_id, ws_);
  EXPECT_EQ((*listed)[1].file_name, "trade show leads.csv");
  EXPECT_EQ((*listed)[1].user_id, sam);
  EXPECT_EQ((*listed)[1].contacts_added, 2);
  EXPECT_EQ((*listed)[1].created_at, b.created_at);
  auto other = *store_->list_imports(other_ws_);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].id, their_batch);

  Contact ann = contact(ws_, "Ann", "+14155552671");
  ann.import_id = *first;
  Id ann_id = add(ann);
  Contact bob = contact(ws_, "Bob", "+14155552672");
  Contact cat = contact(ws_, "Cat", "+14155552673");
  bob.import_id = *first;
  cat.import_id = second;
  auto many = store_->create_contacts({bob, cat});
  ASSERT_TRUE(many.ok()) << many.status().message();
  Id none = add(contact(ws_, "Dee", "+14155552674"));
  // Another workspace's contacts, of its own import and (wrongly) of this one's id.
  Contact x = contact(other_ws_, "Xan", "+14155552675");
  x.import_id = their_batch;
  add(x);
  x.phones = {{"+14155552676", "work"}};
  x.import_id = *first;
  add(x);

  EXPECT_EQ(store_->get_contact(ws_, ann_id)->import_id, *first);
  EXPECT_EQ(store_->get_contact(ws_, (*many)[1])->import_id, second);
  EXPECT_FALSE(store_->get_contact(ws_, none)->import_id.has_value());
  Filter f;
  f.import_id = *first;
  auto mine = *store_->list_contacts(ws_, f);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, ann_id);
  EXPECT_EQ(mine[1].id, (*many)[0]);
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 2);
  std::vector<Id> handed;
  ASSERT_TRUE(store_->each_contact(ws_, f, [&](Contact&& c) { handed.push_back(c.id); }).ok());
  EXPECT_EQ(handed, (std::vector<Id>{ann_id, (*many)[0]}));
  // With the other filters, and a page of it.
  f.text = "Bob";
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 1);
  f.text.clear();
  f.limit = 1;
  f.offset = 1;
  ASSERT_EQ(store_->list_contacts(ws_, f)->size(), 1u);
  EXPECT_EQ(store_->list_contacts(ws_, f)->at(0).id, (*many)[0]);
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 2);
  Filter theirs_f;
  theirs_f.import_id = their_batch;
  EXPECT_TRUE(store_->list_contacts(ws_, theirs_f)->empty());
  EXPECT_EQ(*store_->count_matching_contacts(ws_, theirs_f), 0);
  EXPECT_EQ(*store_->count_matching_contacts(other_ws_, theirs_f), 1);
  // An update keeps it, or changes it.
  Contact again = *store_->get_contact(ws_, ann_id);
  again.title = "Buyer";
  ASSERT_TRUE(store_->update_contact(again).ok());
  EXPECT_EQ(store_->get_contact(ws_, ann_id)->import_id, *first);
  again.import_id = second;
  ASSERT_TRUE(store_->update_contact(again).ok());
  f = Filter{};
  f.import_id = second;
  EXPECT_EQ(*store_->count_matching_contacts(ws_, f), 2);
}

// One entry a contact: queueing it again replaces it; taking it off twice is fine; the
// list narrows by rep and contact in the order they were added; nothing of another
// workspace is queued, listed or taken off.
TEST_P(StoreContractTest, TheCallQueueKeepsOneEntryAContactInTheOrderAdded) {
  auto user = [&](Id ws, const std::string& email) {
    User u;
    u.workspace_id = ws;
    u.name = email;
    u.email = email;
    return *store_->create_user(u);
  };
  Id sam = user(ws_, "sam@example.com"), kim = user(ws_, "kim@example.com");
  Id maria = user(ws_, "maria@example.com");
  Id their_rep = user(other_ws_, "rep@other.example");
  Id a = add(contact(ws_, "Ann", "+14155552671"));
  Id b = add(contact(ws_, "Bob", "+14155552672"));
  Id c = add(contact(ws_, "Cat", "+14155552673"));
  Id x = add(contact(other_ws_, "Xan", "+14155552674"));
  const Instant t = *parse_instant("2026-11-24T10:00:00Z");
  auto entry = [&](Id contact_id, Id rep, QueuePriority p, Instant at) {
    QueuedCall q;
    q.workspace_id = ws_;
    q.contact_id = contact_id;
    q.rep_id = rep;
    q.priority = p;
    q.added_by = maria;
    q.added_at = at;
    return q;
  };
  ASSERT_TRUE(store_->queue_call(entry(a, sam, QueuePriority::kTop, t + std::chrono::minutes(2))).ok());
  ASSERT_TRUE(store_->queue_call(entry(c, sam, QueuePriority::kHigh, t + std::chrono::minutes(1))).ok());
  ASSERT_TRUE(store_->queue_call(entry(b, kim, QueuePriority::kNormal, t + std::chrono::minutes(1))).ok());
  auto ids = [&](Id ws, const Filter& f) {
    std::vector<Id> out;
    auto listed = store_->list_queued_calls(ws, f);
    EXPECT_TRUE(listed.ok()) << listed.status().message();
    if (listed.ok())
      for (const QueuedCall& q : *listed) out.push_back(q.contact_id);
    return out;
  };
  EXPECT_EQ(ids(ws_, {}), (std::vector<Id>{b, c, a}));  // by time, then contact
  auto all = *store_->list_queued_calls(ws_, {});
  EXPECT_EQ(all[2].workspace_id, ws_);
  EXPECT_EQ(all[2].rep_id, sam);
  EXPECT_EQ(all[2].priority, QueuePriority::kTop);
  EXPECT_EQ(all[2].added_by, maria);
  EXPECT_EQ(all[2].added_at, t + std::chrono::minutes(2));
  EXPECT_EQ(all[1].priority, QueuePriority::kHigh);
  EXPECT_EQ(all[0].priority, QueuePriority::kNormal);

  // Again: the contact's entry is replaced, not added.
  QueuedCall moved = entry(a, kim, QueuePriority::kNormal, t);
  moved.added_by.reset();
  ASSERT_TRUE(store_->queue_call(moved).ok());
  all = *store_->list_queued_calls(ws_, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].contact_id, a);
  EXPECT_EQ(all[0].rep_id, kim);
  EXPECT_EQ(all[0].priority, QueuePriority::kNormal);
  EXPECT_FALSE(all[0].added_by.has_value());
  EXPECT_EQ(all[0].added_at, t);

  Filter by_rep;
  by_rep.owner_id = kim;
  EXPECT_EQ(ids(ws_, by_rep), (std::vector<Id>{a, b}));
  by_rep.owner_id = sam;
  EXPECT_EQ(ids(ws_, by_rep), (std::vector<Id>{c}));
  Filter by_contact;
  by_contact.contact_id = b;
  EXPECT_EQ(ids(ws_, by_contact), (std::vector<Id>{b}));
  by_contact.owner_id = sam;
  EXPECT_TRUE(ids(ws_, by_contact).empty());

  // Another workspace's contact, rep or adder: refused, nothing stored or changed.
  EXPECT_EQ(store_->queue_call(entry(x, sam, QueuePriority::kTop, t)).code(), Code::kInvalidArgument);
  EXPECT_EQ(store_->queue_call(entry(c, their_rep, QueuePriority::kTop, t)).code(), Code::kInvalidArgument);
  QueuedCall adder = entry(c, sam, QueuePriority::kTop, t);
  adder.added_by = their_rep;
  EXPECT_EQ(store_->queue_call(adder).code(), Code::kInvalidArgument);
  QueuedCall there = entry(a, their_rep, QueuePriority::kTop, t);
  there.workspace_id = other_ws_;  // this workspace's contact, queued in the other one
  there.added_by.reset();
  EXPECT_EQ(store_->queue_call(there).code(), Code::kInvalidArgument);
  EXPECT_EQ(store_->queue_call(entry(999999, sam, QueuePriority::kTop, t)).code(), Code::kInvalidArgument);
  all = *store_->list_queued_calls(ws_, {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].contact_id, a);
  EXPECT_EQ(all[0].rep_id, kim);
  EXPECT_EQ(all[2].contact_id, c);
  EXPECT_EQ(all[2].rep_id, sam);
  EXPECT_EQ(all[2].priority, QueuePriority::kHigh);
  EXPECT_TRUE(store_->list_queued_calls(other_ws_, {})->empty());

  // Off: once, twice (Ok), and never from another workspace.
  ASSERT_TRUE(store_->unqueue_call(ws_, b).ok());
  EXPECT_TRUE(store_->unqueue_call(ws_, b).ok());
  EXPECT_TRUE(store_->unqueue_call(other_ws_, a).ok());
  EXPECT_EQ(ids(ws_, {}), (std::vector<Id>{a, c}));
}

TEST_P(StoreContractTest, AnUnknownRoleRoundTrips) {
  EXPECT_EQ(to_text(Role::kUnknown), "unknown");
  Contact c = contact(ws_, "Ann", "+14155552671");
  c.role = Role::kUnknown;
  Id id = add(c);
  EXPECT_EQ(store_->get_contact(ws_, id)->role, Role::kUnknown);
  Contact d = contact(ws_, "Bob", "+14155552672");
  d.role = Role::kUnknown;
  auto many = store_->create_contacts({d});
  ASSERT_TRUE(many.ok()) << many.status().message();
  auto listed = store_->list_contacts(ws_, {});
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  ASSERT_EQ(listed->size(), 2u);
  for (const Contact& got : *listed) EXPECT_EQ(got.role, Role::kUnknown) << got.first_name;
  Contact e = *store_->get_contact(ws_, id);
  e.role = Role::kGatekeeper;
  ASSERT_TRUE(store_->update_contact(e).ok());
  EXPECT_EQ(store_->get_contact(ws_, id)->role, Role::kGatekeeper);
}

// Migration 9 may run again on a database an older nextcall rolled back (its record gone,
// its tables and column left): it finds them there and keeps their rows.
TEST_P(StoreContractTest, TheLastMigrationRunsAgainOnADatabaseRolledBack) {
  if (url_ == ":memory:") return;
  ImportBatch b;
  b.workspace_id = ws_;
  b.file_name = "leads.csv";
  Id batch = *store_->add_import(b);
  Contact c = contact(ws_, "Ann", "+14155552671");
  c.import_id = batch;
  Id ann = add(c);
  store_.reset();
  ASSERT_TRUE(exec_raw(url_, "DELETE FROM schema_migrations WHERE version >= 9"));
  auto again = open_store(url_, SchemaUse::kMigrate);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ((*again)->schema_version(), kSchemaVersion);
  EXPECT_EQ((*again)->get_contact(ws_, ann)->import_id, batch);
  EXPECT_EQ((*again)->list_imports(ws_)->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StoreContractTest, ::testing::ValuesIn(backends()),
    [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

TEST(OpenStoreTest, UnusableFileIsAClearError) {
  auto s = open_store("/nonexistent-dir/x.db");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("cannot open database"), std::string::npos);
}

TEST(OpenStoreTest, PasswordsAreRedactedFromShownUrls) {
  EXPECT_EQ(redact_db_url("postgres://sam:s3cret@db.example:5432/nextcall"),
            "postgres://sam:***@db.example:5432/nextcall");
  EXPECT_EQ(redact_db_url("postgres://sam@db.example/nextcall"), "postgres://sam@db.example/nextcall");
  EXPECT_EQ(redact_db_url("team.db"), "team.db");
}

#ifdef NEXTCALL_HAVE_POSTGRES
// Rows of one query as "a.b" strings, sorted, with the backend's own client library.
std::vector<std::string> pairs_sqlite(const std::string& path, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW)
      out.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + "." +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  else
    ADD_FAILURE() << sqlite3_errmsg(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> pairs_postgres(const std::string& url, const std::string& sql) {
  std::vector<std::string> out;
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  if (PQresultStatus(r) == PGRES_TUPLES_OK)
    for (int i = 0; i < PQntuples(r); ++i) out.push_back(std::string(PQgetvalue(r, i, 0)) + "." + PQgetvalue(r, i, 1));
  else
    ADD_FAILURE() << PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  std::sort(out.begin(), out.end());
  return out;
}

// The entries of `want` missing from `have`, for the failure message.
std::string missing(const std::vector<std::string>& want, const std::vector<std::string>& have) {
  std::string out;
  for (const std::string& w : want)
    if (!std::binary_search(have.begin(), have.end(), w)) out += w + " ";
  return out;
}

TEST(SchemaParityTest, BothBackendsAreAtOneVersionWithTheSameTablesColumnsAndIndexes) {
  // A migration added to one backend and not the other fails here (issue 21, point 7).
  const std::string file = temp_file();
  auto url = pgtest::fresh_database_url();
  ASSERT_TRUE(url.ok()) << url.status().message();
  {
    auto lite = open_store(file);
    auto pg = open_store(*url);
    ASSERT_TRUE(lite.ok() && pg.ok());
    EXPECT_EQ((*pg)->schema_version(), (*lite)->schema_version());
    EXPECT_EQ((*lite)->schema_version(), kSchemaVersion) << "kSchemaVersion (store.h) is the last migration's";
  }
  auto lite_columns = pairs_sqlite(
      file, "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
  auto pg_columns = pairs_postgres(
      *url, "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
  EXPECT_FALSE(lite_columns.empty());
  EXPECT_EQ(missing(lite_columns, pg_columns), "") << "in SQLite, not in PostgreSQL";
  EXPECT_EQ(missing(pg_columns, lite_columns), "") << "in PostgreSQL, not in SQLite";
  // Indexes by name (primary keys and unique constraints are named by each engine).
  auto lite_indexes = pairs_sqlite(
      file, "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'");
  auto pg_indexes = pairs_postgres(
      *url, "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public' "
            "AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'");
  EXPECT_EQ(missing(lite_indexes, pg_indexes), "") << "in SQLite, not in PostgreSQL";
  // SQLite's users.email is UNIQUE COLLATE NOCASE in its column: an index of no name there.
  pg_indexes.erase(std::remove(pg_indexes.begin(), pg_indexes.end(), "users.users_email"), pg_indexes.end());
  EXPECT_EQ(missing(pg_indexes, lite_indexes), "") << "in PostgreSQL, not in SQLite";
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(file + ext);
}

// Only `db migrate` (SchemaUse::kMigrate) changes a PostgreSQL database: an ordinary open
// of an empty one refuses it, creates nothing and says what to run.
TEST(OpenStoreTest, AnEmptyPostgresDatabaseWaitsForDbMigrate) {
  auto url = pgtest::fresh_database_url(/*migrated=*/false);
  ASSERT_TRUE(url.ok()) << url.status().message();
  auto opened = open_store(*url);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().message(), "the database has no nextcall tables yet (schema version 0); this nextcall needs " +
                                           std::to_string(kSchemaVersion) + ": run `nextcall db migrate --db " + *url +
                                           "`");
  EXPECT_TRUE(pairs_postgres(*url, "SELECT table_name, column_name FROM information_schema.columns "
                                   "WHERE table_schema = 'public'")
                  .empty());
  auto as_is = open_store(*url, SchemaUse::kAsIs);
  ASSERT_TRUE(as_is.ok()) << as_is.status().message();
  auto from = (*as_is)->migrate();
  ASSERT_TRUE(from.ok()) << from.status().message();
  EXPECT_EQ(*from, 0);
  EXPECT_EQ((*as_is)->schema_version(), kSchemaVersion);
  EXPECT_TRUE(open_store(*url).ok());
}

TEST(OpenStoreTest, UnreachablePostgresIsUnavailableWithoutThePassword) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto s = open_store("postgres://sam:s3cret@127.0.0.1:1/nextcall?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kUnavailable);
  EXPECT_NE(s.status().message().find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_EQ(s.status().message().find("s3cret"), std::string::npos);
  // A password with an unencoded '@', or given as a parameter, is not shown either.
  for (const char* url : {"postgresql://sam:hunter2@home@127.0.0.1:1/nextcall?connect_timeout=2",
                          "postgresql://sam@127.0.0.1:1/nextcall?password=hunter2home&connect_timeout=2"}) {
    auto t = open_store(url);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().message().find("hunter2"), std::string::npos) << t.status().message();
    EXPECT_EQ(t.status().message().find("home"), std::string::npos) << t.status().message();
  }
}
#endif

}  // namespace
}  // namespace nextcall
