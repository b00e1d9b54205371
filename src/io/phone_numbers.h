// Phone numbers through libphonenumber: parse what people type (national or
// international, with spaces, dots, dashes, parentheses, "ext.") into E.164, validate it,
// and format it for display in the national form of its own country.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace nextcall {

struct ParsedPhone {
  std::string e164;      // "+14155550123"
  std::string region;    // "US"
};

// National format of a parsed number ("(415) 555-0123"); kept apart from parse_phone
// because formatting costs as much as validating and an import needs only E.164.
std::string national_of(const ParsedPhone& p);

// Parses `text` with `default_region` (ISO 3166 alpha-2) for numbers without a country
// code. InvalidArgument ("'555-12' is not a valid phone number for region US") when it
// cannot be parsed or is not a valid number. Thread-safe.
Result<ParsedPhone> parse_phone(std::string_view text, std::string_view default_region);

// National format of an E.164 number ("+442079460000" -> "020 7946 0000"); the input
// unchanged when it cannot be parsed.
std::string format_phone_national(const std::string& e164);

// International format for a caller abroad ("+44 20 7946 0000").
std::string format_phone_international(const std::string& e164);

// True when `region` is a region code libphonenumber knows ("US", "GB", ...).
bool is_known_region(std::string_view region);

// Where a number is, from its area code (libphonenumber's offline geocoder, in English):
// "Chicago, IL", "California", "Ontario", "Sydney"; "" when the code is not tied to a place.
std::string phone_place(const std::string& e164);

}  // namespace nextcall
