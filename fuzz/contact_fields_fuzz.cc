// Fuzzes what an import does with one row's text: phone parsing, zone names, cadence,
// dates and the change-condition language. Any input: a value or an error, no crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/contacts.h"
#include "core/change_condition.h"
#include "core/civil_time.h"
#include "core/model_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  nextcall::ContactFields f;
  f.first_name = text;
  f.phones = std::vector<std::string>{text};
  f.timezone = text;
  f.cadence = text;
  f.country = text;
  f.region = text;
  nextcall::Contact c;
  (void)nextcall::apply_contact_fields(f, "US", &c);
  (void)nextcall::parse_amount_condition(text);
  (void)nextcall::parse_relative_date(text, nextcall::Date{});
  (void)nextcall::parse_instant(text);
  (void)nextcall::parse_cadence(text);
  return 0;
}
