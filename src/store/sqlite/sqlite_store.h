// The embedded store: one SQLite file (WAL, foreign keys on); a new, empty file is created
// at the current schema, an older one is migrated by `nextcall db migrate`.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace nextcall {

// Opens or creates the SQLite database at path (":memory:" for a private in-memory one),
// its schema treated as `use` says (store.h). Returns Io or Corruption when the file is
// unusable.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, SchemaUse use = SchemaUse::kCheck);

class SqliteStore : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<sqlite::Db> db) : db_(std::move(db)) {}
  Result<int> migrate() override;
  // The version recorded in schema_migrations; 0 when the file has tables but not that
  // one, -1 when it has no tables at all (a new file).
  Result<int> stored_schema_version();

  std::string backend() const override { return "sqlite"; }
  int schema_version() override;
  Status ping() override;
  Status transaction(const std::function<Status()>& body) override;

  Result<Id> create_workspace(const Workspace& w) override;
  Result<Workspace> get_workspace(Id id) override;
  Result<std::optional<Workspace>> find_workspace_by_name(const std::string& name) override;
  Result<std::vector<Workspace>> list_workspaces() override;
  Result<Id> create_user(const User& u) override;
  Status update_user(const User& u) override;
  Result<User> get_user(Id ws, Id id) override;
  Result<std::optional<User>> find_user_by_email(const std::string& email) override;
  Result<std::vector<User>> list_users(Id ws) override;
  Result<Settings> get_settings(Id ws) override;
  Status put_settings(Id ws, const Settings& s) override;

  Result<Id> create_account(const Account& a) override;
  Status update_account(const Account& a) override;
  Result<Account> get_account(Id ws, Id id) override;
  Result<std::optional<Account>> find_account_by_name(Id ws, const std::string& name) override;
  Result<std::vector<Account>> list_accounts(Id ws, const Filter& f) override;
  Result<Id> create_contact(const Contact& c) override;
  Status update_contact(const Contact& c) override;
  Result<Contact> get_contact(Id ws, Id id) override;
  Result<std::vector<Contact>> list_contacts(Id ws, const Filter& f) override;
  Status each_contact(Id ws, const Filter& f, const std::function<void(Contact&&)>& take) override;
  Result<std::optional<Contact>> find_contact_by_phone(Id ws, const std::string& e164) override;
  Result<std::optional<Contact>> find_contact_by_email(Id ws, const std::string& email) override;
  Result<long> count_contacts(Id ws) override;
  Result<long> count_matching_contacts(Id ws, const Filter& f) override;
  using Store::contacts_that_may_be_due;
  Result<std::optional<std::vector<Id>>> contacts_that_may_be_due(Id ws, const DueWindow& w, IdSpan span) override;
  Result<std::optional<IdSpan>> contact_ids_in_use() override;

  Result<Id> add_thread(const Thread& t) override;
  Status update_thread(const Thread& t) override;
  Result<std::vector<Thread>> list_threads(Id ws, const Filter& f) override;
  Result<Id> add_objection(const Objection& o) override;
  Status update_objection(const Objection& o) override;
  Result<std::vector<Objection>> list_objections(Id ws, const Filter& f) override;
  Result<Id> add_material(const Material& m) override;
  Status update_material(const Material& m) override;
  Result<std::vector<Material>> list_materials(Id ws, const Filter& f) override;
  Result<Id> add_commitment(const Commitment& c) override;
  Status update_commitment(const Commitment& c) override;
  Result<std::vector<Commitment>> list_commitments(Id ws, const Filter& f) override;
  Result<Id> add_referral(const Referral& r) override;
  Status update_referral(const Referral& r) override;
  Result<std::vector<Referral>> list_referrals(Id ws, const Filter& f) override;
  Result<Id> add_appointment(const Appointment& a) override;
  Status update_appointment(const Appointment& a) override;
  Result<std::vector<Appointment>> list_appointments(Id ws, const Filter& f) override;

  Result<Id> add_attempt(const Attempt& a) override;
  Result<std::vector<Attempt>> list_attempts(Id ws, const Filter& f) override;
  Status for_each_attempt(Id ws, const Filter& f, const std::function<Status(const Attempt&)>& fn) override;
  Result<std::vector<ContactHistory>> list_call_histories(Id ws, const Filter& f) override;
  Status put_call_history(Id ws, Id contact_id, const CallHistory& h) override;
  Result<std::vector<ReasonRecord>> list_reason_results(Id ws) override;
  Status add_reason_result(Id ws, Id reason_id, long tries, long advances) override;
  Status clear_reason_results(Id ws) override;
  Result<std::vector<MinuteCount>> list_minute_counts(Id ws) override;
  Status add_minute_counts(Id ws, const std::vector<MinuteCount>& counts) override;
  Status clear_minute_counts(Id ws) override;

  Result<Id> add_reason(const Reason& r) override;
  Status update_reason(const Reason& r) override;
  Result<Reason> get_reason(Id ws, Id id) override;
  Result<std::vector<Reason>> list_reasons(Id ws) override;
  Result<Id> add_change(const Change& c) override;
  Result<Change> get_change(Id ws, Id id) override;
  Result<std::vector<Change>> list_changes(Id ws) override;

  Result<Id> add_import(const ImportBatch& b) override;
  Result<std::vector<ImportBatch>> list_imports(Id ws) override;
  Status queue_call(const QueuedCall& q) override;
  Status unqueue_call(Id ws, Id contact_id) override;
  Result<std::vector<QueuedCall>> list_queued_calls(Id ws, const Filter& f) override;

  Result<Id> add_round(const BrainstormRound& r) override;
  Status update_round(const BrainstormRound& r) override;
  Result<std::vector<BrainstormRound>> list_rounds(Id ws) override;
  Result<Id> add_submission(const BrainstormSubmission& s) override;
  Status update_submission(const BrainstormSubmission& s) override;
  Result<std::vector<BrainstormSubmission>> list_submissions(Id ws, Id round_id) override;
  Status put_score(Id ws, const BrainstormScore& s) override;
  Result<std::vector<BrainstormScore>> list_scores(Id ws, Id round_id) override;

  Status create_session(const Session& s) override;
  Result<std::optional<Session>> find_session(const std::string& token_hash) override;
  Status delete_session(const std::string& token_hash) override;
  Status delete_sessions_of_user(Id ws, Id user_id) override;
  Result<Id> add_api_token(const ApiToken& t) override;
  Result<std::optional<ApiToken>> find_api_token(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> list_api_tokens(Id ws, Id user_id) override;
  Status revoke_api_token(Id ws, Id token_id) override;

  Result<SignInFailures> get_sign_in_failures(const std::string& key, Instant now,
                                              std::chrono::seconds window) override;
  Result<SignInFailures> add_sign_in_failure(const std::string& key, Instant now,
                                             std::chrono::seconds window) override;
  Status remove_sign_in_failures(const std::string& key, bool all) override;
  Status purge_sign_in_failures(Instant before) override;
  Result<std::optional<IdempotentRequest>> claim_idempotency_key(Id ws, Id user, const std::string& key,
                                                                 const std::string& fingerprint, Instant now,
                                                                 Instant stale, Instant expired) override;
  Status finish_idempotency_key(Id ws, Id user, const std::string& key, int status,
                                const std::string& body) override;
  Status release_idempotency_key(Id ws, Id user, const std::string& key) override;
  Status purge_idempotency_keys(Instant before) override;

  // The connection itself, for what the Store interface does not say (its settings).
  sqlite::Db& db() { return *db_; }

 private:
  // Migration 5's backfill: the date columns of a history already stored, its body as it is.
  Status fill_call_history_dates(Id ws, Id contact_id, const CallHistory& h);

  // The statement list_contacts and each_contact step through; *whole says it reads a
  // whole workspace (no filter but Filter::contact_ids, which the caller applies).
  Result<sqlite::Stmt> contacts_query(Id ws, const Filter& f, bool* whole);

  // Checks that contact `id` exists in workspace ws (memory rows may only hang off it).
  Status require_contact(Id ws, Id id);
  Status write_phones(const Contact& c);

  std::unique_ptr<sqlite::Db> db_;
  int tx_depth_ = 0;
  bool tx_failed_ = false;
};

}  // namespace nextcall
