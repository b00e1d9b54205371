// The domain model: a salesperson's memory of each contact, in the vocabulary of
// docs/methodology.md (and shared/DESIGN.md). Plain value types, no behaviour beyond
// the enum <-> text conversions in model_text.h. Every stored entity carries the
// workspace it belongs to.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nextcall {

using Id = std::int64_t;
using Instant = std::chrono::sys_seconds;  // a UTC instant
using Date = std::chrono::sys_days;        // a civil date, in the zone the field names

// kUnknown: nothing said who they are (an import with no role column and a title that
// does not tell); the first call finds out. Planned as a decision maker would be.
enum class Role { kDecisionMaker, kInfluencer, kGatekeeper, kUnknown };
enum class Stage { kProspect, kCustomer };
enum class ThreadKind { kBusiness, kPersonal };
enum class Party { kContact, kRep };  // who owes a commitment
enum class CommitmentStatus { kOpen, kKept, kBroken };
enum class ObjectionStatus { kOpen, kAnswered };
enum class AppointmentStatus { kProposed, kConfirmed, kCancelled, kDone };
enum class Outcome { kConnected, kVoicemail, kGatekeeper, kNoAnswer, kWrongNumber };
enum class UserRole { kRep, kManager, kAdmin };
enum class ReasonCategory { kYouFirst, kIndustryNews, kNewPolicy, kNewRegime, kNewCapability, kNewYou };
enum class ChangeKind { kNewPolicy, kNewRegime, kNewCapability, kIndustryNews };
// Where a contact put on a rep's calls by hand goes in the day: ahead of every other call,
// with the callbacks, or with the follow-ups.
enum class QueuePriority { kTop, kHigh, kNormal };

struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

struct Workspace {
  Id id = 0;
  std::string name;
  std::string default_region = "US";  // ISO 3166 region for numbers without a country code
};

struct User {
  Id id = 0;
  Id workspace_id = 0;
  std::string name;
  std::string email;
  UserRole role = UserRole::kRep;
  std::string timezone;       // the rep's own IANA zone
  std::string phone_e164;     // the callback number said in voicemails
  std::string password_hash;  // argon2id (libsodium string form); empty: cannot sign in
};

struct Account {
  Id id = 0;
  Id workspace_id = 0;
  std::string name;
  std::string industry;
  std::string city;
  std::string region;
  std::string country;
  std::optional<GeoPoint> location;
  std::string notes;
};

// How often a customer is called. kNone: no cadence.
struct Cadence {
  enum class Kind { kNone, kDaily, kWeekly, kEveryNDays, kMonthly };
  Kind kind = Kind::kNone;
  int every_days = 0;  // for kEveryNDays

  // Days between calls (a month counts as 30); 0 for kNone.
  int days() const {
    switch (kind) {
      case Kind::kNone: return 0;
      case Kind::kDaily: return 1;
      case Kind::kWeekly: return 7;
      case Kind::kMonthly: return 30;
      case Kind::kEveryNDays: break;
    }
    return every_days > 1 ? every_days : 1;
  }
};

struct Phone {
  std::string e164;          // "+14155550123"
  std::string kind = "work";  // work | mobile | direct | other
};

struct Contact {
  Id id = 0;
  Id workspace_id = 0;
  std::optional<Id> account_id;
  std::optional<Id> owner_id;  // the rep who calls this contact
  std::string first_name;
  std::string last_name;
  std::string title;
  Role role = Role::kDecisionMaker;
  Stage stage = Stage::kProspect;
  std::string email;
  std::vector<Phone> phones;  // first is primary
  std::string timezone;       // IANA name; empty when unknown
  std::string city;
  std::string region;
  std::string country;
  std::optional<GeoPoint> location;
  std::string hot_button;  // the primary interest; empty when unknown
  Cadence cadence;
  double deal_value = 0;  // expected value of the open opportunity, workspace currency
  bool do_not_call = false;
  std::optional<Date> do_not_call_since;
  std::string do_not_call_reason;
  std::optional<Date> snoozed_until;
  std::string snooze_reason;
  std::optional<Id> gatekeeper_id;  // the screener in front of this contact, if known
  std::optional<Id> import_id;      // the import that added this contact (ImportBatch)
  Instant created_at{};
  Instant updated_at{};

  std::string full_name() const {
    if (last_name.empty()) return first_name;
    if (first_name.empty()) return last_name;
    // Sized once: `first_name + " "` would make a string only to grow it again.
    std::string name;
    name.reserve(first_name.size() + 1 + last_name.size());
    name.append(first_name).append(1, ' ').append(last_name);
    return name;
  }
};

// One import of a contacts file: the batch the Contacts screen filters by.
struct ImportBatch {
  Id id = 0;
  Id workspace_id = 0;
  std::string file_name;       // as the rep knows it, not a temporary upload's name
  std::optional<Id> user_id;   // who imported it
  long contacts_added = 0;     // the new contacts it made (merged rows are not counted)
  Instant created_at{};
};

// A contact put on a rep's calls by hand ("add to today's calls" on the Contacts screen).
// The planner makes it due from the day it was added until a call to it is logged (which
// takes it off) or the rep takes it off. One entry a contact.
struct QueuedCall {
  Id workspace_id = 0;
  Id contact_id = 0;
  Id rep_id = 0;                // whose sheet: the contact's owner
  QueuePriority priority = QueuePriority::kNormal;
  std::optional<Id> added_by;   // the rep or manager who added it
  Instant added_at{};
};

// Something the contact talked about that is worth asking about next time (seed 000).
struct Thread {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  std::string topic;  // "setting up the new manufacturing line"
  ThreadKind kind = ThreadKind::kBusiness;
  bool open = true;
  std::optional<Date> mentioned_on;
  std::string detail;  // "worried about getting it going on schedule"
};

// A coded reason they have not bought (seed 001: policies, regimes, capabilities answer them).
struct Objection {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  std::string code;  // min_order_size, credit_terms, missing_product_line, quality, price, ...
  std::string detail;
  std::optional<double> amount;  // e.g. the order size they need
  ObjectionStatus status = ObjectionStatus::kOpen;
  std::optional<Id> answered_by_change_id;
  std::optional<Date> recorded_on;
};

// Where in a material the rep points the contact (seed 002: "direct them to a page").
struct Pointer {
  std::string location;    // "page 4", "section 2.3"
  std::string hot_button;  // what it serves
};

struct Material {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  std::string title;
  std::optional<Date> sent_on;
  std::string link;  // URL or file name
  std::vector<Pointer> pointers;
};

struct Commitment {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  Party owner = Party::kContact;
  std::string what;  // "review the specs"
  std::optional<Date> due_on;
  CommitmentStatus status = CommitmentStatus::kOpen;
  std::optional<Id> material_id;  // the material the promise is about
  std::optional<Date> created_on;
};

struct Referral {
  Id id = 0;
  Id workspace_id = 0;
  Id referred_contact_id = 0;              // who we were referred to
  std::optional<Id> referrer_contact_id;   // when the referrer is a contact too
  std::string referrer_name;               // "John Doe"
  bool introduced = false;                 // the referrer made the introduction
  std::optional<Date> introduced_on;
};

struct Appointment {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  std::optional<Id> rep_id;
  Instant starts_at{};
  int duration_minutes = 30;
  AppointmentStatus status = AppointmentStatus::kProposed;
  std::string place;  // address or "phone"
  std::optional<GeoPoint> location;
  bool is_callback = false;  // a proposed callback time rather than a meeting
};

// One dial and what came of it.
struct Attempt {
  Id id = 0;
  Id workspace_id = 0;
  Id contact_id = 0;
  std::optional<Id> rep_id;
  Instant at{};
  Outcome outcome = Outcome::kNoAnswer;
  std::string rung;  // the highest rung agreed on this call; empty: none
  std::string ladder = "contact";  // "contact" or "gatekeeper"
  std::string reason;  // the reason used, as said
  std::optional<Id> reason_id;
  std::string note;
  std::optional<Date> next_on;  // follow-up date set when the call was logged
  int duration_seconds = 0;
  std::string approach;  // direct | voicemail | gatekeeper | referral | email | linkedin
};

// The ordered rungs of a close ladder, highest first (seed 004's flow chart).
struct Ladder {
  std::string name;  // "contact" or "gatekeeper"
  std::vector<std::string> rungs;
};

struct Reason {
  Id id = 0;
  Id workspace_id = 0;
  std::string text;  // completes "The reason I'm calling is ..."
  ReasonCategory category = ReasonCategory::kYouFirst;
  std::vector<std::string> industries;
  std::vector<std::string> stages;
  std::vector<std::string> roles;
  std::vector<std::string> hot_buttons;
  std::vector<std::string> objections;
  std::optional<Date> expires_on;
  std::optional<Id> author_id;
  std::string author_name;
  bool retired = false;
  bool forced = false;  // kept despite linter findings
  std::optional<Id> change_id;
  Instant created_at{};
};

// A condition on an objection a change resolves, e.g. min_order_size with "<=50".
struct ObjectionCondition {
  std::string code;
  std::string condition;  // empty: any; see core/change_condition.h
};

struct Change {
  Id id = 0;
  Id workspace_id = 0;
  ChangeKind kind = ChangeKind::kNewPolicy;
  std::string title;
  std::string description;
  std::vector<ObjectionCondition> resolves;
  std::vector<std::string> serves;  // hot buttons
  std::vector<std::string> industries;
  std::optional<Date> effective_on;
  Instant created_at{};
};

// The brainstorm (seed 001's action step, made a game): a round in which the team fills in
// "The reason I'm calling is ___" and scores each other's answers for value to the listener.
struct BrainstormRound {
  Id id = 0;
  Id workspace_id = 0;
  std::string title;
  bool open = true;
  std::optional<Id> opened_by;
  Instant created_at{};
};

struct BrainstormSubmission {
  Id id = 0;
  Id workspace_id = 0;
  Id round_id = 0;
  std::string text;
  ReasonCategory category = ReasonCategory::kYouFirst;
  std::optional<Id> author_id;
  std::string author_name;
  std::optional<Id> reason_id;  // set when the round closed and it went into the library
  Instant created_at{};
};

struct BrainstormScore {
  Id submission_id = 0;
  Id user_id = 0;
  int score = 0;  // 1..5, value to the listener
};

// A signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
// database does not hand out sessions.
struct Session {
  std::string token_hash;  // hex SHA-256 of the cookie value
  Id user_id = 0;
  Id workspace_id = 0;
  std::string csrf_token;  // sent back in X-CSRF-Token on every state-changing request
  Instant created_at{};
  Instant expires_at{};
};

// A long-lived token for scripts (Authorization: Bearer …); stored hashed, shown once.
struct ApiToken {
  Id id = 0;
  Id workspace_id = 0;
  Id user_id = 0;
  std::string name;
  std::string token_hash;  // hex SHA-256 of the token
  Instant created_at{};
  bool revoked = false;
};

}  // namespace nextcall
