// Text names of the model's enums, as used in the CLI, JSON, CSV and the database.
// parse_* return nullopt for an unknown name; callers turn that into an error that
// lists the accepted names (see `names_of_*`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace nextcall {

std::string_view to_text(Role v);
std::string_view to_text(Stage v);
std::string_view to_text(ThreadKind v);
std::string_view to_text(Party v);
std::string_view to_text(CommitmentStatus v);
std::string_view to_text(ObjectionStatus v);
std::string_view to_text(AppointmentStatus v);
std::string_view to_text(Outcome v);
std::string_view to_text(UserRole v);
std::string_view to_text(ReasonCategory v);
std::string_view to_text(ChangeKind v);
std::string_view to_text(QueuePriority v);
std::string to_text(const Cadence& v);  // "none", "daily", "weekly", "every 10 days", "monthly"

std::optional<Role> parse_role(std::string_view s);
std::optional<Stage> parse_stage(std::string_view s);
std::optional<ThreadKind> parse_thread_kind(std::string_view s);
std::optional<Party> parse_party(std::string_view s);
std::optional<CommitmentStatus> parse_commitment_status(std::string_view s);
std::optional<ObjectionStatus> parse_objection_status(std::string_view s);
std::optional<AppointmentStatus> parse_appointment_status(std::string_view s);
std::optional<Outcome> parse_outcome(std::string_view s);
std::optional<UserRole> parse_user_role(std::string_view s);
std::optional<ReasonCategory> parse_reason_category(std::string_view s);
std::optional<ChangeKind> parse_change_kind(std::string_view s);
std::optional<QueuePriority> parse_queue_priority(std::string_view s);
// Accepts "daily", "weekly", "monthly", "none", "every N days", "every-N-days", "Nd".
std::optional<Cadence> parse_cadence(std::string_view s);

// "a|b|c": the accepted names, for error messages and --help.
std::string names_of_roles();
std::string names_of_stages();
std::string names_of_outcomes();
std::string names_of_reason_categories();
std::string names_of_change_kinds();
std::string names_of_queue_priorities();

}  // namespace nextcall
