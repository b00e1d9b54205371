#include "app/coach_call.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "core/civil_time.h"

namespace nextcall {
namespace {

// Records the memory writes; everything else is unavailable. transaction() restores the
// recorded rows when the body fails, as a real store rolls back.
class FakeStore : public Store {
 public:
  std::vector<Thread> threads;
  std::vector<Commitment> commitments;
  std::vector<Objection> objections;
  Contact contact;
  bool fail_objections = false;

  std::string backend() const override { return "fake"; }
  int schema_version() override { return 0; }
  Result<int> migrate() override { return 0; }
  Status transaction(const std::function<Status()>& body) override {
    auto t = threads;
    auto c = commitments;
    auto o = objections;
    auto k = contact;
    Status s = body();
    if (!s.ok()) {
      threads = t;
      commitments = c;
      objections = o;
      contact = k;
    }
    return s;
  }
  Result<Contact> get_contact(Id ws, Id id) override {
    if (ws != contact.workspace_id || id != contact.id) return Status::NotFound("contact " + std::to_string(id));
    return contact;
  }
  Status update_contact(const Contact& c) override {
    contact = c;
    return Status::Ok();
  }
  Result<Id> add_thread(const Thread& t) override {
    threads.push_back(t);
    return static_cast<Id>(threads.size());
  }
  Result<Id> add_commitment(const Commitment& c) override {
    commitments.push_back(c);
    return static_cast<Id>(commitments.size());
  }
  Result<Id> add_objection(const Objection& o) override {
    if (fail_objections) return Status::Io("disk full");
    objections.push_back(o);
    return static_cast<Id>(objections.size());
  }
  Result<Id> create_workspace(const Workspace&) override { return Status::Unavailable("not in this fake"); }
  Result<Workspace> get_workspace(Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<Workspace>> find_workspace_by_name(const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Workspace>> list_workspaces() override { return Status::Unavailable("not in this fake"); }
  Result<Id> create_user(const User&) override { return Status::Unavailable("not in this fake"); }
  Status update_user(const User&) override { return Status::Unavailable("not in this fake"); }
  Result<User> get_user(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<User>> find_user_by_email(const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<User>> list_users(Id) override { return Status::Unavailable("not in this fake"); }
  Result<Settings> get_settings(Id) override { return Status::Unavailable("not in this fake"); }
  Status put_settings(Id, const Settings&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> create_account(const Account&) override { return Status::Unavailable("not in this fake"); }
  Status update_account(const Account&) override { return Status::Unavailable("not in this fake"); }
  Result<Account> get_account(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<Account>> find_account_by_name(Id, const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Account>> list_accounts(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> create_contact(const Contact&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Contact>> list_contacts(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<Contact>> find_contact_by_phone(Id, const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<Contact>> find_contact_by_email(Id, const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<long> count_contacts(Id) override { return Status::Unavailable("not in this fake"); }
  Status create_session(const Session&) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<Session>> find_session(const std::string&) override { return Status::Unavailable("not in this fake"); }
  Status delete_session(const std::string&) override { return Status::Unavailable("not in this fake"); }
  Status delete_sessions_of_user(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_api_token(const ApiToken&) override { return Status::Unavailable("not in this fake"); }
  Result<std::optional<ApiToken>> find_api_token(const std::string&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<ApiToken>> list_api_tokens(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Status revoke_api_token(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<SignInFailures> get_sign_in_failures(const std::string&, Instant, std::chrono::seconds) override {
    return Status::Unavailable("not in this fake");
  }
  Result<SignInFailures> add_sign_in_failure(const std::string&, Instant, std::chrono::seconds) override {
    return Status::Unavailable("not in this fake");
  }
  Status remove_sign_in_failures(const std::string&, bool) override { return Status::Unavailable("not in this fake"); }
  Status purge_sign_in_failures(Instant) override { return Status::Unavailable("not in this fake"); }
  Status update_thread(const Thread&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Thread>> list_threads(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Status update_objection(const Objection&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Objection>> list_objections(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_material(const Material&) override { return Status::Unavailable("not in this fake"); }
  Status update_material(const Material&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Material>> list_materials(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Status update_commitment(const Commitment&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Commitment>> list_commitments(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_referral(const Referral&) override { return Status::Unavailable("not in this fake"); }
  Status update_referral(const Referral&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Referral>> list_referrals(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_appointment(const Appointment&) override { return Status::Unavailable("not in this fake"); }
  Status update_appointment(const Appointment&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Appointment>> list_appointments(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Status for_each_attempt(Id, const Filter&, const std::function<Status(const Attempt&)>&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<ContactHistory>> list_call_histories(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Status put_call_history(Id, Id, const CallHistory&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<ReasonRecord>> list_reason_results(Id) override { return Status::Unavailable("not in this fake"); }
  Status add_reason_result(Id, Id, long, long) override { return Status::Unavailable("not in this fake"); }
  Status clear_reason_results(Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<MinuteCount>> list_minute_counts(Id) override { return Status::Unavailable("not in this fake"); }
  Status add_minute_counts(Id, const std::vector<MinuteCount>&) override { return Status::Unavailable("not in this fake"); }
  Status clear_minute_counts(Id) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_attempt(const Attempt&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Attempt>> list_attempts(Id, const Filter&) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_reason(const Reason&) override { return Status::Unavailable("not in this fake"); }
  Status update_reason(const Reason&) override { return Status::Unavailable("not in this fake"); }
  Result<Reason> get_reason(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Reason>> list_reasons(Id) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_change(const Change&) override { return Status::Unavailable("not in this fake"); }
  Result<Change> get_change(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<Change>> list_changes(Id) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_import(const ImportBatch&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<ImportBatch>> list_imports(Id) override { return Status::Unavailable("not in this fake"); }
  Status queue_call(const QueuedCall&) override { return Status::Unavailable("not in this fake"); }
  Status unqueue_call(Id, Id) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<QueuedCall>> list_queued_calls(Id, const Filter&) override {
    return Status::Unavailable("not in this fake");
  }
  Result<Id> add_round(const BrainstormRound&) override { return Status::Unavailable("not in this fake"); }
  Status update_round(const BrainstormRound&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<BrainstormRound>> list_rounds(Id) override { return Status::Unavailable("not in this fake"); }
  Result<Id> add_submission(const BrainstormSubmission&) override { return Status::Unavailable("not in this fake"); }
  Status update_submission(const BrainstormSubmission&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<BrainstormSubmission>> list_submissions(Id, Id) override {
    return Status::Unavailable("not in this fake");
  }
  Status put_score(Id, const BrainstormScore&) override { return Status::Unavailable("not in this fake"); }
  Result<std::vector<BrainstormScore>> list_scores(Id, Id) override { return Status::Unavailable("not in this fake"); }
};

const std::string kCorpus = std::string(NEXTCALL_SOURCE_DIR) + "/tests/coach_corpus/";

CoachMemory SampleMemory() {
  CoachMemory m;
  m.call_date = *parse_date("2026-11-24");
  m.threads.push_back({ThreadKind::kBusiness, "setting up a new line in march", 1});
  m.commitments.push_back({Party::kContact, "look at the specs", parse_date("2026-11-27"), "by friday", 3});
  m.commitments.push_back({Party::kRep, "send you the pricing", parse_date("2026-11-25"), "tomorrow", 4});
  m.hot_button = "cut unscheduled maintenance";
  m.objections.push_back({"price", "Your price is too high.", 5});
  return m;
}

TEST(CoachCallTest, SeedTranscriptFileIsCoached) {
  CoachOptions opt;
  opt.path = kCorpus + "tune/t01_seed002.txt";
  opt.call_date = *parse_date("2026-11-24");
  auto r = coach_file(opt);
  ASSERT_TRUE(r.ok()) << r.status().message();
  bool walk = false;
  for (const auto& f : r->report.findings) walk = walk || f.rule == "missed_walk_through";
  EXPECT_TRUE(walk);
  EXPECT_TRUE(r->transcript.turns[0].is_rep);
}

TEST(CoachCallTest, MissingFileAndBadWavAreClearErrors) {
  CoachOptions opt;
  opt.path = "/nonexistent/call.txt";
  EXPECT_EQ(coach_file(opt).status().message(), "/nonexistent/call.txt: cannot open the file; check the path");
  std::string wav = ::testing::TempDir() + "nextcall_bad.wav";
  std::ofstream(wav) << "RIFF";
  opt.path = wav;
  EXPECT_EQ(coach_file(opt).status().message(),
            wav + ": not a WAV file (no RIFF/WAVE header); give a 16-bit PCM WAV recording or a transcript");
  std::remove(wav.c_str());
}

TEST(CoachCallTest, ApplyMemoryWritesOnlyTheKeptItems) {
  FakeStore store;
  store.contact.id = 7;
  store.contact.workspace_id = 1;
  CoachMemory m = SampleMemory();
  ASSERT_EQ(memory_item_count(m), 5u);
  // thread, contact commitment, rep commitment, hot button, objection
  ASSERT_TRUE(apply_memory(store, 1, 7, m, {true, false, true, true, false}).ok());
  ASSERT_EQ(store.threads.size(), 1u);
  EXPECT_EQ(store.threads[0].contact_id, 7);
  EXPECT_EQ(format_date(*store.threads[0].mentioned_on), "2026-11-24");
  ASSERT_EQ(store.commitments.size(), 1u);
  EXPECT_EQ(store.commitments[0].owner, Party::kRep);
  EXPECT_EQ(format_date(*store.commitments[0].due_on), "2026-11-25");
  EXPECT_EQ(store.contact.hot_button, "cut unscheduled maintenance");
  EXPECT_TRUE(store.objections.empty());
}

TEST(CoachCallTest, ApplyMemoryIsAllOrNothing) {
  FakeStore store;
  store.contact.id = 7;
  store.contact.workspace_id = 1;
  store.fail_objections = true;
  Status s = apply_memory(store, 1, 7, SampleMemory(), {});
  EXPECT_EQ(s.message(), "disk full");
  EXPECT_TRUE(store.threads.empty());
  EXPECT_TRUE(store.commitments.empty());
  EXPECT_EQ(store.contact.hot_button, "");
  EXPECT_EQ(apply_memory(store, 2, 7, SampleMemory(), {}).code(), Code::kNotFound);
}

}  // namespace
}  // namespace nextcall
