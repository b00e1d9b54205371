// The Store: everything nextcall remembers, behind one interface with two backends
// (store/sqlite: the embedded default; store/postgres: the team server). Start here to
// see what is stored.
//
// Contract for every method:
// - Every call is scoped to a workspace: a row of another workspace is never returned,
//   updated or counted; asking for it by id gives NotFound, exactly as a missing row.
// - Every write is atomic. Several writes are made atomic together with transaction().
// - Errors come back as Status: NotFound, AlreadyExists (a unique key), InvalidArgument
//   (a reference to a missing row), Io/Corruption (the database itself).
// - A Store is used from one thread at a time; servers open one per worker (open_store).
#pragma once

#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/call_history.h"
#include "core/due_window.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/status.h"

namespace nextcall {

// Which rows a list call returns. Empty optionals mean "any".
struct Filter {
  std::optional<Id> id;          // memory rows and attempts: just this row
  std::optional<Id> contact_id;
  std::optional<Id> owner_id;    // contacts owned by this rep (and the rows about them)
  std::optional<Id> account_id;  // contacts of this account
  std::optional<Instant> since;  // attempts at or after
  std::optional<Instant> until;  // attempts before
  std::string text;              // contacts: case-insensitive match on name, company, e-mail, phone
  bool missing_timezone = false; // contacts whose time zone is unknown
  std::string stage;             // contacts in this stage (its stored name, e.g. "prospect")
  std::optional<bool> do_not_call;  // contacts on (true) or off (false) the do-not-call list
  bool never_called = false;     // contacts with no call logged
  std::optional<Id> import_id;   // contacts added by this import (ImportBatch)
  // Contacts: the order. "name" (last, first), "company", "stage", "created"; empty: by id.
  // Ties go by id, so that pages neither repeat nor skip a contact.
  std::string sort;
  bool descending = false;
  int limit = 0;                 // 0: no limit
  int offset = 0;
  // contacts, threads, objections, materials, commitments, call histories: a backend may
  // leave out the rows of contacts not in this sorted list (not owned: the caller keeps it
  // alive). SQLite does; PostgreSQL returns them all and the caller sorts them out.
  const std::vector<Id>* contact_ids = nullptr;
};

// A request kept under its Idempotency-Key: what it was and, once done, its answer.
struct IdempotentRequest {
  std::string fingerprint;  // a hash of its method, path and body
  int status = 0;           // its HTTP status; 0: still in flight
  std::string body;         // its answer
  Instant created{};
};

// The contact ids from `first` to `last`, both included: a part of the work split over
// connections. Parts that meet (one's last + 1 is the next one's first) miss no contact,
// even one added meanwhile.
struct IdSpan {
  Id first = 0;
  Id last = std::numeric_limits<Id>::max();
};

// Failed sign-ins under one key: how many, when the last was, and when the one before it
// was (the epoch when it is the first).
struct SignInFailures {
  long failures = 0;
  Instant last{};
  Instant previous{};
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgres".
  virtual std::string backend() const = 0;
  // Runs a trivial query: Ok when the database answers (a readiness probe).
  virtual Status ping() { return Status::Ok(); }
  // True once this store's connection to its database server is gone for good (it was
  // restarted, the backend terminated, the connection timed out): open another. A
  // file-backed store never loses its connection.
  virtual bool connection_lost() const { return false; }
  // The schema version the database is at (0: it has no nextcall tables yet).
  virtual int schema_version() = 0;
  // Applies the migrations the database lacks, all in one transaction (on PostgreSQL under
  // one advisory lock, so that two at once take turns), and returns the version it was at.
  // Refuses a database newer than this nextcall. `nextcall db migrate` and `nextcall demo`.
  virtual Result<int> migrate() = 0;

  // Runs body inside one transaction: commits iff body returns ok, otherwise rolls back
  // and returns body's status. Nested calls join the outermost transaction.
  virtual Status transaction(const std::function<Status()>& body) = 0;

  // --- workspaces, users, settings -------------------------------------------------
  virtual Result<Id> create_workspace(const Workspace& w) = 0;
  virtual Result<Workspace> get_workspace(Id id) = 0;
  virtual Result<std::optional<Workspace>> find_workspace_by_name(const std::string& name) = 0;
  virtual Result<std::vector<Workspace>> list_workspaces() = 0;

  virtual Result<Id> create_user(const User& u) = 0;
  virtual Status update_user(const User& u) = 0;
  virtual Result<User> get_user(Id ws, Id id) = 0;
  // E-mail is unique across all workspaces (it is the sign-in name).
  virtual Result<std::optional<User>> find_user_by_email(const std::string& email) = 0;
  virtual Result<std::vector<User>> list_users(Id ws) = 0;

  // Settings absent from the database read as the defaults of core/settings.h.
  virtual Result<Settings> get_settings(Id ws) = 0;
  virtual Status put_settings(Id ws, const Settings& s) = 0;

  // --- accounts and contacts ------------------------------------------------------
  virtual Result<Id> create_account(const Account& a) = 0;
  virtual Status update_account(const Account& a) = 0;
  virtual Result<Account> get_account(Id ws, Id id) = 0;
  // Case-insensitive exact name.
  virtual Result<std::optional<Account>> find_account_by_name(Id ws, const std::string& name) = 0;
  virtual Result<std::vector<Account>> list_accounts(Id ws, const Filter& f) = 0;

  virtual Result<Id> create_contact(const Contact& c) = 0;
  // Many new contacts at once (an import), all or none; their ids in the same order. A
  // backend may send them in batches; the default creates them one by one.
  virtual Result<std::vector<Id>> create_contacts(const std::vector<Contact>& contacts) {
    std::vector<Id> ids;
    ids.reserve(contacts.size());
    Status s = transaction([&]() -> Status {
      for (const Contact& c : contacts) {
        auto id = create_contact(c);
        if (!id.ok()) return id.status();
        ids.push_back(*id);
      }
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return ids;
  }
  virtual Status update_contact(const Contact& c) = 0;
  virtual Result<Contact> get_contact(Id ws, Id id) = 0;
  virtual Result<std::vector<Contact>> list_contacts(Id ws, const Filter& f) = 0;
  // The contacts list_contacts gives, in its order, handed to `take` one by one as they
  // are read rather than gathered in one list: a team plan deals 400,000 contacts to their
  // reps as they come. This default reads the list and hands it over.
  virtual Status each_contact(Id ws, const Filter& f, const std::function<void(Contact&&)>& take) {
    auto all = list_contacts(ws, f);
    if (!all.ok()) return all.status();
    for (Contact& c : *all) take(std::move(c));
    return Status::Ok();
  }
  virtual Result<std::optional<Contact>> find_contact_by_phone(Id ws, const std::string& e164) = 0;
  virtual Result<std::optional<Contact>> find_contact_by_email(Id ws, const std::string& email) = 0;
  virtual Result<long> count_contacts(Id ws) = 0;
  // How many contacts list_contacts would give for `f` without its limit and offset.
  // Both backends count in the database; this default (for fakes) counts the list.
  virtual Result<long> count_matching_contacts(Id ws, const Filter& f) {
    Filter all = f;
    all.limit = 0;
    all.offset = 0;
    auto list = list_contacts(ws, all);
    if (!list.ok()) return list.status();
    return static_cast<long>(list->size());
  }
  // The ids (ascending) of the contacts in `span` that may be due in the window
  // (core/due_window.h), or nullopt when this backend does not narrow (then every contact
  // may be due). The team plan checks two halves on two connections at once.
  virtual Result<std::optional<std::vector<Id>>> contacts_that_may_be_due(Id /*ws*/, const DueWindow& /*w*/,
                                                                          IdSpan /*span*/) {
    return std::optional<std::vector<Id>>();
  }
  Result<std::optional<std::vector<Id>>> contacts_that_may_be_due(Id ws, const DueWindow& w) {
    return contacts_that_may_be_due(ws, w, IdSpan{});
  }
  // The lowest and highest contact id in the store (any workspace: it is cheap), where work
  // is split by id; nullopt when there are none or this backend does not narrow.
  virtual Result<std::optional<IdSpan>> contact_ids_in_use() { return std::optional<IdSpan>(); }

  // --- the memory of each contact ------------------------------------------------
  // add_* returns the new id; update_* replaces the row with the same id; list_* honours
  // contact_id and owner_id of the filter.
  virtual Result<Id> add_thread(const Thread& t) = 0;
  virtual Status update_thread(const Thread& t) = 0;
  virtual Result<std::vector<Thread>> list_threads(Id ws, const Filter& f) = 0;

  virtual Result<Id> add_objection(const Objection& o) = 0;
  virtual Status update_objection(const Objection& o) = 0;
  virtual Result<std::vector<Objection>> list_objections(Id ws, const Filter& f) = 0;

  virtual Result<Id> add_material(const Material& m) = 0;
  virtual Status update_material(const Material& m) = 0;
  virtual Result<std::vector<Material>> list_materials(Id ws, const Filter& f) = 0;

  virtual Result<Id> add_commitment(const Commitment& c) = 0;
  virtual Status update_commitment(const Commitment& c) = 0;
  virtual Result<std::vector<Commitment>> list_commitments(Id ws, const Filter& f) = 0;

  virtual Result<Id> add_referral(const Referral& r) = 0;
  virtual Status update_referral(const Referral& r) = 0;
  virtual Result<std::vector<Referral>> list_referrals(Id ws, const Filter& f) = 0;

  virtual Result<Id> add_appointment(const Appointment& a) = 0;
  virtual Status update_appointment(const Appointment& a) = 0;
  virtual Result<std::vector<Appointment>> list_appointments(Id ws, const Filter& f) = 0;

  // --- calls ----------------------------------------------------------------------
  virtual Result<Id> add_attempt(const Attempt& a) = 0;
  // Ordered by time, oldest first.
  virtual Result<std::vector<Attempt>> list_attempts(Id ws, const Filter& f) = 0;

  // Streams the workspace's calls (f: contact_id) ordered by contact, then time, without
  // holding them all in memory.
  virtual Status for_each_attempt(Id ws, const Filter& f,
                                  const std::function<Status(const Attempt&)>& fn) = 0;

  // --- call histories: each contact's calls summed up (core/call_history.h) -------------
  // add_attempt and update_contact keep them current (store/call_histories.h); the planner
  // reads these instead of every call. f: contact_id or owner_id. Ordered by contact.
  virtual Result<std::vector<ContactHistory>> list_call_histories(Id ws, const Filter& f) = 0;
  virtual Status put_call_history(Id ws, Id contact_id, const CallHistory& h) = 0;
  // Per library reason: calls that used it and how many of them advanced the contact.
  virtual Result<std::vector<ReasonRecord>> list_reason_results(Id ws) = 0;
  virtual Status add_reason_result(Id ws, Id reason_id, long tries, long advances) = 0;
  virtual Status clear_reason_results(Id ws) = 0;
  // The workspace's calls and connects per local minute of the contact's clock (the
  // planner's prior for each window). add_minute_counts adds (or, negative, takes away).
  virtual Result<std::vector<MinuteCount>> list_minute_counts(Id ws) = 0;
  virtual Status add_minute_counts(Id ws, const std::vector<MinuteCount>& counts) = 0;
  virtual Status clear_minute_counts(Id ws) = 0;

  // --- the team library: reasons and changes --------------------------------------
  virtual Result<Id> add_reason(const Reason& r) = 0;
  virtual Status update_reason(const Reason& r) = 0;
  virtual Result<Reason> get_reason(Id ws, Id id) = 0;
  virtual Result<std::vector<Reason>> list_reasons(Id ws) = 0;

  virtual Result<Id> add_change(const Change& c) = 0;
  virtual Result<Change> get_change(Id ws, Id id) = 0;
  virtual Result<std::vector<Change>> list_changes(Id ws) = 0;

  // --- imports and the call queue ------------------------------------------------
  // An import's record; its id goes into Contact::import_id of the contacts it adds.
  virtual Result<Id> add_import(const ImportBatch& b) = 0;
  // Newest first.
  virtual Result<std::vector<ImportBatch>> list_imports(Id ws) = 0;
  // Puts a contact on a rep's calls, replacing the contact's entry if there is one.
  // InvalidArgument when the contact or the rep is not in the workspace.
  virtual Status queue_call(const QueuedCall& q) = 0;
  // Takes the contact off the queue; Ok when it was not on it.
  virtual Status unqueue_call(Id ws, Id contact_id) = 0;
  // f: owner_id (the entry's rep), contact_id. Ordered by added_at, then contact id.
  virtual Result<std::vector<QueuedCall>> list_queued_calls(Id ws, const Filter& f) = 0;

  // --- the brainstorm --------------------------------------------------------------
  virtual Result<Id> add_round(const BrainstormRound& r) = 0;
  virtual Status update_round(const BrainstormRound& r) = 0;
  virtual Result<std::vector<BrainstormRound>> list_rounds(Id ws) = 0;
  virtual Result<Id> add_submission(const BrainstormSubmission& s) = 0;
  virtual Status update_submission(const BrainstormSubmission& s) = 0;
  virtual Result<std::vector<BrainstormSubmission>> list_submissions(Id ws, Id round_id) = 0;
  // One score per user and submission: a second score replaces the first.
  virtual Status put_score(Id ws, const BrainstormScore& s) = 0;
  virtual Result<std::vector<BrainstormScore>> list_scores(Id ws, Id round_id) = 0;

  // --- sign-in: browser sessions and API tokens -------------------------------------
  // Looked up by the hash of the secret the client holds, across workspaces (the secret
  // is what names the workspace). Expiry is the caller's to judge: the store has no clock.
  virtual Status create_session(const Session& s) = 0;
  virtual Result<std::optional<Session>> find_session(const std::string& token_hash) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  // Signs a user out everywhere (password changed, user removed).
  virtual Status delete_sessions_of_user(Id ws, Id user_id) = 0;

  virtual Result<Id> add_api_token(const ApiToken& t) = 0;
  virtual Result<std::optional<ApiToken>> find_api_token(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> list_api_tokens(Id ws, Id user_id) = 0;
  virtual Status revoke_api_token(Id ws, Id token_id) = 0;

  // --- sign-in failures, counted per key and shared by every server on the database ------
  // (web/sign_in_limiter.h). The only rows of no workspace: a sign-in comes before one.
  // A key with no failure counted for `window` has none.
  virtual Result<SignInFailures> get_sign_in_failures(const std::string& key, Instant now,
                                                      std::chrono::seconds window) = 0;
  // Atomically counts one failure at `now` (from one again when the last is `window` old)
  // and returns the count with it: tries made at the same time get 1, 2, 3...
  virtual Result<SignInFailures> add_sign_in_failure(const std::string& key, Instant now,
                                                     std::chrono::seconds window) = 0;
  // Takes one failure back (a try counted before its check that was right), or all of them.
  virtual Status remove_sign_in_failures(const std::string& key, bool all) = 0;
  // Forgets the keys whose last failure is before `before`.
  virtual Status purge_sign_in_failures(Instant before) = 0;

  // --- the answers of requests sent with an Idempotency-Key (web/idempotency.h) -----------
  // Keyed by workspace, user and the client's key. Both backends keep them; this default
  // (for fakes) keeps none.
  //
  // Claims `key` for a request whose method, path and body hash to `fingerprint`: adds the
  // key in flight (status 0) and returns nullopt, or returns the request already under it.
  // A key still in flight since before `stale` (its request died with its server: a
  // finished one is finished in its own transaction) or made before `expired` is claimed
  // anew. One statement: of requests at once with one key, one claims it.
  virtual Result<std::optional<IdempotentRequest>> claim_idempotency_key(Id /*ws*/, Id /*user*/,
                                                                         const std::string& /*key*/,
                                                                         const std::string& /*fingerprint*/,
                                                                         Instant /*now*/, Instant /*stale*/,
                                                                         Instant /*expired*/) {
    return Status::Unavailable("this store keeps no idempotency keys");
  }
  // Records the answer of the request that claimed `key` (in the transaction of its write).
  virtual Status finish_idempotency_key(Id /*ws*/, Id /*user*/, const std::string& /*key*/, int /*status*/,
                                        const std::string& /*body*/) {
    return Status::Unavailable("this store keeps no idempotency keys");
  }
  // Gives up a claim still in flight (its request failed, nothing was written).
  virtual Status release_idempotency_key(Id /*ws*/, Id /*user*/, const std::string& /*key*/) {
    return Status::Unavailable("this store keeps no idempotency keys");
  }
  // Forgets the keys made before `before`.
  virtual Status purge_idempotency_keys(Instant /*before*/) { return Status::Ok(); }
};

// The schema version this nextcall reads and writes (the last migration of each backend).
constexpr int kSchemaVersion = 9;

// What opening a store does with the database's schema.
enum class SchemaUse {
  // Reads the version (one query, no lock, no DDL) and refuses a database at another one
  // with what to run; only a new, empty SQLite database is created at the current version.
  kCheck,
  // Applies the migrations the database lacks (Store::migrate).
  kMigrate,
  // Neither: `nextcall db migrate` opens the database so, to migrate and report.
  kAsIs,
};

// Opens the store named by `url`: "postgres://…" / "postgresql://…" for PostgreSQL,
// "sqlite:PATH", ":memory:" or a plain file path for SQLite (created on first use).
Result<std::unique_ptr<Store>> open_store(const std::string& url, SchemaUse use = SchemaUse::kCheck);

// Ok when `found` is kSchemaVersion; otherwise the one line that says what to do: run
// `nextcall db migrate --db URL` (an older or new database) or upgrade nextcall (a newer
// one). Code kInternal: waiting does not cure it, and HTTP clients get a generic 500.
Status check_schema_version(int found, const std::string& url);

// The URL as it may be shown or logged: every password form in it (user information,
// "?password=", a conninfo "password=") is replaced by "***" (store/db_secrets.h).
std::string redact_db_url(const std::string& url);

}  // namespace nextcall
