#include "io/model_json.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "core/model_text.h"
#include "io/phone_numbers.h"

namespace nextcall {

using nlohmann::json;

namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(format_date(*d)) : json(); }
template <typename T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json();
}
json point(const std::optional<GeoPoint>& p) {
  if (!p) return json();
  return {{"latitude", p->latitude}, {"longitude", p->longitude}};
}

}  // namespace

void to_json(json& j, const Workspace& v) {
  j = {{"id", v.id}, {"name", v.name}, {"default_region", v.default_region}};
}

void to_json(json& j, const User& v) {
  j = {{"id", v.id},       {"workspace_id", v.workspace_id}, {"name", v.name},
       {"email", v.email}, {"role", to_text(v.role)},       {"timezone", v.timezone},
       {"phone", v.phone_e164}};
}

void to_json(json& j, const Account& v) {
  j = {{"id", v.id},         {"name", v.name},       {"industry", v.industry},
       {"city", v.city},     {"region", v.region},   {"country", v.country},
       {"location", point(v.location)}, {"notes", v.notes}};
}

void to_json(json& j, const Contact& v) {
  json phones = json::array();
  for (const Phone& p : v.phones)
    phones.push_back(
        {{"e164", p.e164}, {"kind", p.kind}, {"display", format_phone_national(p.e164)}});
  j = {{"id", v.id},
       {"account_id", or_null(v.account_id)},
       {"owner_id", or_null(v.owner_id)},
       {"first_name", v.first_name},
       {"last_name", v.last_name},
       {"name", v.full_name()},
       {"title", v.title},
       {"role", to_text(v.role)},
       {"stage", to_text(v.stage)},
       {"email", v.email},
       {"phones", phones},
       {"timezone", v.timezone.empty() ? json() : json(v.timezone)},
       {"city", v.city},
       {"region", v.region},
       {"country", v.country},
       {"location", point(v.location)},
       {"hot_button", v.hot_button},
       {"cadence", to_text(v.cadence)},
       {"deal_value", v.deal_value},
       {"do_not_call", v.do_not_call},
       {"do_not_call_since", date_or_null(v.do_not_call_since)},
       {"do_not_call_reason", v.do_not_call_reason},
       {"snoozed_until", date_or_null(v.snoozed_until)},
       {"import_id", or_null(v.import_id)},
       {"snooze_reason", v.snooze_reason},
       {"gatekeeper_id", or_null(v.gatekeeper_id)},
       {"created_at", format_instant(v.created_at)},
       {"updated_at", format_instant(v.updated_at)}};
}

void to_json(json& j, const Thread& v) {
  j = {{"id", v.id},         {"contact_id", v.contact_id},
       {"topic", v.topic},   {"kind", to_text(v.kind)},
       {"open", v.open},     {"mentioned_on", date_or_null(v.mentioned_on)},
       {"detail", v.detail}};
}

void to_json(json& j, const Objection& v) {
  j = {{"id", v.id},
       {"contact_id", v.contact_id},
       {"code", v.code},
       {"detail", v.detail},
       {"amount", or_null(v.amount)},
       {"status", to_text(v.status)},
       {"answered_by_change_id", or_null(v.answered_by_change_id)},
       {"recorded_on", date_or_null(v.recorded_on)}};
}

void to_json(json& j, const Material& v) {
  json pointers = json::array();
  for (const Pointer& p : v.pointers)
    pointers.push_back({{"location", p.location}, {"hot_button", p.hot_button}});
  j = {{"id", v.id},       {"contact_id", v.contact_id},
       {"title", v.title}, {"sent_on", date_or_null(v.sent_on)},
       {"link", v.link},   {"pointers", pointers}};
}

void to_json(json& j, const Commitment& v) {
  j = {{"id", v.id},
       {"contact_id", v.contact_id},
       {"owner", to_text(v.owner)},
       {"what", v.what},
       {"due_on", date_or_null(v.due_on)},
       {"status", to_text(v.status)},
       {"material_id", or_null(v.material_id)},
       {"created_on", date_or_null(v.created_on)}};
}

void to_json(json& j, const Referral& v) {
  j = {{"id", v.id},
       {"referred_contact_id", v.referred_contact_id},
       {"referrer_contact_id", or_null(v.referrer_contact_id)},
       {"referrer_name", v.referrer_name},
       {"introduced", v.introduced},
       {"introduced_on", date_or_null(v.introduced_on)}};
}

void to_json(json& j, const Appointment& v) {
  j = {{"id", v.id},
       {"contact_id", v.contact_id},
       {"rep_id", or_null(v.rep_id)},
       {"starts_at", format_instant(v.starts_at)},
       {"duration_minutes", v.duration_minutes},
       {"status", to_text(v.status)},
       {"place", v.place},
       {"location", point(v.location)},
       {"is_callback", v.is_callback}};
}

void to_json(json& j, const Attempt& v) {
  j = {{"id", v.id},
       {"contact_id", v.contact_id},
       {"rep_id", or_null(v.rep_id)},
       {"at", format_instant(v.at)},
       {"outcome", to_text(v.outcome)},
       {"rung", v.rung.empty() ? json() : json(v.rung)},
       {"ladder", v.ladder},
       {"reason", v.reason},
       {"reason_id", or_null(v.reason_id)},
       {"note", v.note},
       {"next_on", date_or_null(v.next_on)},
       {"duration_seconds", v.duration_seconds},
       {"approach", v.approach}};
}

void to_json(json& j, const Reason& v) {
  j = {{"id", v.id},
       {"text", v.text},
       {"category", to_text(v.category)},
       {"industries", v.industries},
       {"stages", v.stages},
       {"roles", v.roles},
       {"hot_buttons", v.hot_buttons},
       {"objections", v.objections},
       {"expires_on", date_or_null(v.expires_on)},
       {"author_id", or_null(v.author_id)},
       {"author_name", v.author_name},
       {"retired", v.retired},
       {"forced", v.forced},
       {"change_id", or_null(v.change_id)},
       {"created_at", format_instant(v.created_at)}};
}

void to_json(json& j, const Change& v) {
  json resolves = json::array();
  for (const auto& c : v.resolves) resolves.push_back({{"code", c.code}, {"condition", c.condition}});
  j = {{"id", v.id},
       {"kind", to_text(v.kind)},
       {"title", v.title},
       {"description", v.description},
       {"resolves", resolves},
       {"serves", v.serves},
       {"industries", v.industries},
       {"effective_on", date_or_null(v.effective_on)},
       {"created_at", format_instant(v.created_at)}};
}

}  // namespace nextcall
