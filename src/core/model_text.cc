#include "core/model_text.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace nextcall {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Role, 4> kRoles{{{Role::kDecisionMaker, "decision_maker"},
                                 {Role::kInfluencer, "influencer"},
                                 {Role::kGatekeeper, "gatekeeper"},
                                 {Role::kUnknown, "unknown"}}};
constexpr Names<Stage, 2> kStages{{{Stage::kProspect, "prospect"}, {Stage::kCustomer, "customer"}}};
constexpr Names<ThreadKind, 2> kThreadKinds{
    {{ThreadKind::kBusiness, "business"}, {ThreadKind::kPersonal, "personal"}}};
constexpr Names<Party, 2> kParties{{{Party::kContact, "contact"}, {Party::kRep, "rep"}}};
constexpr Names<CommitmentStatus, 3> kCommitmentStatuses{{{CommitmentStatus::kOpen, "open"},
                                                          {CommitmentStatus::kKept, "kept"},
                                                          {CommitmentStatus::kBroken, "broken"}}};
constexpr Names<ObjectionStatus, 2> kObjectionStatuses{
    {{ObjectionStatus::kOpen, "open"}, {ObjectionStatus::kAnswered, "answered"}}};
constexpr Names<AppointmentStatus, 4> kAppointmentStatuses{
    {{AppointmentStatus::kProposed, "proposed"},
     {AppointmentStatus::kConfirmed, "confirmed"},
     {AppointmentStatus::kCancelled, "cancelled"},
     {AppointmentStatus::kDone, "done"}}};
constexpr Names<Outcome, 5> kOutcomes{{{Outcome::kConnected, "connected"},
                                       {Outcome::kVoicemail, "voicemail"},
                                       {Outcome::kGatekeeper, "gatekeeper"},
                                       {Outcome::kNoAnswer, "no_answer"},
                                       {Outcome::kWrongNumber, "wrong_number"}}};
constexpr Names<UserRole, 3> kUserRoles{
    {{UserRole::kRep, "rep"}, {UserRole::kManager, "manager"}, {UserRole::kAdmin, "admin"}}};
constexpr Names<ReasonCategory, 6> kReasonCategories{
    {{ReasonCategory::kYouFirst, "you_first"},
     {ReasonCategory::kIndustryNews, "industry_news"},
     {ReasonCategory::kNewPolicy, "new_policy"},
     {ReasonCategory::kNewRegime, "new_regime"},
     {ReasonCategory::kNewCapability, "new_capability"},
     {ReasonCategory::kNewYou, "new_you"}}};
constexpr Names<ChangeKind, 4> kChangeKinds{{{ChangeKind::kNewPolicy, "new_policy"},
                                             {ChangeKind::kNewRegime, "new_regime"},
                                             {ChangeKind::kNewCapability, "new_capability"},
                                             {ChangeKind::kIndustryNews, "industry_news"}}};
constexpr Names<QueuePriority, 3> kQueuePriorities{
    {{QueuePriority::kTop, "top"}, {QueuePriority::kHigh, "high"}, {QueuePriority::kNormal, "normal"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E v) {
  for (const auto& [e, n] : names)
    if (e == v) return n;
  return "unknown";
}

// Accepts the canonical name, any case, with '-' or ' ' for '_'.
template <typename E, std::size_t N>
std::optional<E> parse_name(const Names<E, N>& names, std::string_view s) {
  // The store writes the canonical names: those are found without a copy (the team plan
  // reads a role and a stage for each of 400,000 contacts).
  for (const auto& [e, n] : names)
    if (n == s) return e;
  std::string norm;
  norm.reserve(s.size());
  for (char c : s) {
    if (c == '-' || c == ' ') c = '_';
    norm.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (const auto& [e, n] : names)
    if (n == norm) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string list_names(const Names<E, N>& names) {
  std::string out;
  for (const auto& [e, n] : names) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

}  // namespace

std::string_view to_text(Role v) { return name_of(kRoles, v); }
std::string_view to_text(Stage v) { return name_of(kStages, v); }
std::string_view to_text(ThreadKind v) { return name_of(kThreadKinds, v); }
std::string_view to_text(Party v) { return name_of(kParties, v); }
std::string_view to_text(CommitmentStatus v) { return name_of(kCommitmentStatuses, v); }
std::string_view to_text(ObjectionStatus v) { return name_of(kObjectionStatuses, v); }
std::string_view to_text(AppointmentStatus v) { return name_of(kAppointmentStatuses, v); }
std::string_view to_text(Outcome v) { return name_of(kOutcomes, v); }
std::string_view to_text(UserRole v) { return name_of(kUserRoles, v); }
std::string_view to_text(ReasonCategory v) { return name_of(kReasonCategories, v); }
std::string_view to_text(ChangeKind v) { return name_of(kChangeKinds, v); }
std::string_view to_text(QueuePriority v) { return name_of(kQueuePriorities, v); }

std::string to_text(const Cadence& v) {
  switch (v.kind) {
    case Cadence::Kind::kNone: return "none";
    case Cadence::Kind::kDaily: return "daily";
    case Cadence::Kind::kWeekly: return "weekly";
    case Cadence::Kind::kMonthly: return "monthly";
    case Cadence::Kind::kEveryNDays: return "every " + std::to_string(v.every_days) + " days";
  }
  return "none";
}

std::optional<Role> parse_role(std::string_view s) { return parse_name(kRoles, s); }
std::optional<Stage> parse_stage(std::string_view s) { return parse_name(kStages, s); }
std::optional<ThreadKind> parse_thread_kind(std::string_view s) { return parse_name(kThreadKinds, s); }
std::optional<Party> parse_party(std::string_view s) { return parse_name(kParties, s); }
std::optional<CommitmentStatus> parse_commitment_status(std::string_view s) {
  return parse_name(kCommitmentStatuses, s);
}
std::optional<ObjectionStatus> parse_objection_status(std::string_view s) {
  return parse_name(kObjectionStatuses, s);
}
std::optional<AppointmentStatus> parse_appointment_status(std::string_view s) {
  return parse_name(kAppointmentStatuses, s);
}
std::optional<Outcome> parse_outcome(std::string_view s) { return parse_name(kOutcomes, s); }
std::optional<UserRole> parse_user_role(std::string_view s) { return parse_name(kUserRoles, s); }
std::optional<ReasonCategory> parse_reason_category(std::string_view s) {
  return parse_name(kReasonCategories, s);
}
std::optional<ChangeKind> parse_change_kind(std::string_view s) { return parse_name(kChangeKinds, s); }
std::optional<QueuePriority> parse_queue_priority(std::string_view s) { return parse_name(kQueuePriorities, s); }

std::optional<Cadence> parse_cadence(std::string_view s) {
  std::string t;
  for (char c : s) {
    if (c == '-' || c == '_') c = ' ';
    t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  Cadence c;
  if (t.empty() || t == "none") return c;
  if (t == "daily") { c.kind = Cadence::Kind::kDaily; return c; }
  if (t == "weekly") { c.kind = Cadence::Kind::kWeekly; return c; }
  if (t == "monthly") { c.kind = Cadence::Kind::kMonthly; return c; }
  std::string_view rest = t;
  if (rest.rfind("every ", 0) == 0) rest.remove_prefix(6);
  int n = 0;
  auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (ec != std::errc() || n <= 0 || n > 3650) return std::nullopt;
  std::string_view unit(p, rest.data() + rest.size() - p);
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit == "d" || unit == "day" || unit == "days") {
    c.kind = Cadence::Kind::kEveryNDays;
    c.every_days = n;
    return c;
  }
  if (unit == "w" || unit == "week" || unit == "weeks") {
    c.kind = Cadence::Kind::kEveryNDays;
    c.every_days = n * 7;
    return c;
  }
  return std::nullopt;
}

std::string names_of_roles() { return list_names(kRoles); }
std::string names_of_stages() { return list_names(kStages); }
std::string names_of_outcomes() { return list_names(kOutcomes); }
std::string names_of_reason_categories() { return list_names(kReasonCategories); }
std::string names_of_change_kinds() { return list_names(kChangeKinds); }
std::string names_of_queue_priorities() { return list_names(kQueuePriorities); }

}  // namespace nextcall
