// Writes a large planning workspace for bench/planner_bench: CONTACTS contacts owned by
// REPS reps, ATTEMPTS past calls spread over the last eight weeks, threads, commitments
// and a reason library. Direct SQL in one transaction (a generator, not the product path).
//   gen_workspace OUT.db [CONTACTS=1000000] [ATTEMPTS=10000000] [REPS=100]
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/civil_time.h"
#include "store/call_histories.h"
#include "store/store.h"

namespace {

std::uint64_t state = 1;
std::uint64_t next() {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_workspace OUT.db [CONTACTS] [ATTEMPTS] [REPS]\n");
    return 2;
  }
  std::string path = argv[1];
  long contacts = argc > 2 ? std::atol(argv[2]) : 1000000;
  long attempts = argc > 3 ? std::atol(argv[3]) : 10000000;
  long reps = argc > 4 ? std::atol(argv[4]) : 100;
  {
    auto store = nextcall::open_store(path, nextcall::SchemaUse::kMigrate);  // creates the schema
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().message().c_str());
      return 1;
    }
  }
  sqlite3* db;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr), db, "begin");
  check(sqlite3_exec(db, "INSERT INTO workspaces(id, name) VALUES(1, 'Bench')", nullptr, nullptr, nullptr), db, "ws");
  const char* zones[] = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                         "Europe/London", "Europe/Berlin", "Australia/Sydney", "Asia/Singapore"};
  sqlite3_stmt* st;
  check(sqlite3_prepare_v2(db, "INSERT INTO users(id, workspace_id, name, email, role, timezone, phone_e164) VALUES(?,1,?,?,'rep',?,?)", -1, &st, nullptr), db, "users");
  for (long r = 1; r <= reps; ++r) {
    std::string name = "Rep " + std::to_string(r), email = "rep" + std::to_string(r) + "@bench";
    sqlite3_bind_int64(st, 1, r);
    sqlite3_bind_text(st, 2, name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, email.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, zones[r % 4], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, "+13125550100", -1, SQLITE_STATIC);
    check(sqlite3_step(st), db, "user");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(sqlite3_prepare_v2(db, "INSERT INTO reasons(workspace_id, text, category, audience, created_at) VALUES(1, ?, 'new_capability', ?, 0)", -1, &st, nullptr), db, "reasons");
  for (int i = 0; i < 20; ++i) {
    std::string text = "you can now get rush orders in " + std::to_string(i + 1) + " days, so a breakdown no longer stops your line";
    std::string audience = i % 2 ? "{\"hot_buttons\":[\"shorter lead times\"]}" : "{}";
    sqlite3_bind_text(st, 1, text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, audience.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(st), db, "reason");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_stmt* cst;
  sqlite3_stmt* pst;
  sqlite3_stmt* kst;
  sqlite3_stmt* tst;
  check(sqlite3_prepare_v2(db, "INSERT INTO contacts(id, workspace_id, owner_id, first_name, last_name, role, stage, phones, timezone, hot_button, cadence_kind, cadence_days, deal_value, created_at, updated_at) VALUES(?,1,?,?,?,'decision_maker',?,?,?,?,?,0,?,0,0)", -1, &cst, nullptr), db, "contacts");
  check(sqlite3_prepare_v2(db, "INSERT INTO contact_phones(workspace_id, e164, contact_id) VALUES(1,?,?)", -1, &pst, nullptr), db, "phones");
  check(sqlite3_prepare_v2(db, "INSERT INTO commitments(workspace_id, contact_id, owner, what, due_on, status) VALUES(1,?,'contact','review the specs',?,'open')", -1, &kst, nullptr), db, "commitments");
  check(sqlite3_prepare_v2(db, "INSERT INTO threads(workspace_id, contact_id, topic, kind, open, mentioned_on) VALUES(1,?,'setting up the new line','business',1,'2026-11-10')", -1, &tst, nullptr), db, "threads");
  for (long c = 1; c <= contacts; ++c) {
    std::uint64_t r = next();
    std::string phone = "+1" + std::to_string(2000000000L + c);
    bool customer = r % 3 == 0;
    sqlite3_bind_int64(cst, 1, c);
    sqlite3_bind_int64(cst, 2, 1 + static_cast<long>(c % reps));
    sqlite3_bind_text(cst, 3, "Pat", -1, SQLITE_STATIC);
    sqlite3_bind_text(cst, 4, ("Contact" + std::to_string(c)).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(cst, 5, customer ? "customer" : "prospect", -1, SQLITE_STATIC);
    sqlite3_bind_text(cst, 6, (phone + " work").c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(cst, 7, zones[(r >> 8) % 8], -1, SQLITE_STATIC);
    sqlite3_bind_text(cst, 8, (r >> 12) % 5 ? "shorter lead times" : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(cst, 9, customer ? 2 : 0);
    sqlite3_bind_double(cst, 10, 1000.0 * ((r >> 20) % 50));
    check(sqlite3_step(cst), db, "contact");
    sqlite3_reset(cst);
    sqlite3_bind_text(pst, 1, phone.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(pst, 2, c);
    check(sqlite3_step(pst), db, "phone");
    sqlite3_reset(pst);
    if ((r >> 24) % 10 == 0) {
      sqlite3_bind_int64(kst, 1, c);
      sqlite3_bind_text(kst, 2, (r >> 28) % 2 ? "2026-11-23" : "2026-11-30", -1, SQLITE_STATIC);
      check(sqlite3_step(kst), db, "commitment");
      sqlite3_reset(kst);
    }
    if ((r >> 32) % 2 == 0) {
      sqlite3_bind_int64(tst, 1, c);
      check(sqlite3_step(tst), db, "thread");
      sqlite3_reset(tst);
    }
  }
  sqlite3_finalize(cst);
  sqlite3_finalize(pst);
  sqlite3_finalize(kst);
  sqlite3_finalize(tst);
  check(sqlite3_prepare_v2(db, "INSERT INTO attempts(workspace_id, contact_id, rep_id, at, outcome, rung, ladder, reason_id, next_on) VALUES(1,?,?,?,?,?,'contact',?,?)", -1, &st, nullptr), db, "attempts");
  const char* outcomes[] = {"connected", "voicemail", "no_answer", "voicemail", "gatekeeper"};
  const char* rungs[] = {"", "send_info", "referral", "review_together", "proposal_review"};
  std::int64_t now = nextcall::parse_instant("2026-11-24T12:00:00Z")->time_since_epoch().count();
  for (long a = 0; a < attempts; ++a) {
    std::uint64_t r = next();
    long contact = 1 + static_cast<long>(r % static_cast<std::uint64_t>(contacts));
    const char* outcome = outcomes[(r >> 20) % 5];
    sqlite3_bind_int64(st, 1, contact);
    sqlite3_bind_int64(st, 2, 1 + contact % reps);
    sqlite3_bind_int64(st, 3, now - static_cast<std::int64_t>((r >> 24) % (56 * 86400)));
    sqlite3_bind_text(st, 4, outcome, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, outcome[0] == 'c' ? rungs[(r >> 40) % 5] : "", -1, SQLITE_STATIC);
    if ((r >> 44) % 3 == 0)
      sqlite3_bind_int64(st, 6, 1 + static_cast<long>((r >> 46) % 20));
    else
      sqlite3_bind_null(st, 6);
    if ((r >> 50) % 50 == 0)
      sqlite3_bind_text(st, 7, "2026-11-24", -1, SQLITE_STATIC);
    else
      sqlite3_bind_null(st, 7);
    check(sqlite3_step(st), db, "attempt");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
  {
    // The calls went in by SQL, around add_attempt: sum up their histories as a
    // migration would.
    auto store = nextcall::open_store(path);
    nextcall::Status s = store.ok() ? nextcall::rebuild_call_histories(**store, 1) : store.status();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  }
  std::printf("wrote %s: %ld contacts, %ld attempts, %ld reps\n", path.c_str(), contacts, attempts, reps);
  return 0;
}
