#include "io/phone_numbers.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

namespace nextcall {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<ParsedPhone> parse_phone(std::string_view text, std::string_view default_region) {
  std::string input(text);
  // Trim; treat "00" international prefix like "+", as many European exports do.
  while (!input.empty() && std::isspace(static_cast<unsigned char>(input.back()))) input.pop_back();
  std::size_t start = 0;
  while (start < input.size() && std::isspace(static_cast<unsigned char>(input[start]))) ++start;
  input = input.substr(start);
  if (input.empty()) return Status::InvalidArgument("empty phone number");
  if (input.rfind("00", 0) == 0 && input.size() > 6) input = "+" + input.substr(2);
  std::string region = upper(default_region);
  PhoneNumber number;
  auto err = util().Parse(input, region, &number);
  std::string where = input[0] == '+' ? std::string() : " for region " + region;
  if (err != PhoneNumberUtil::NO_PARSING_ERROR)
    return Status::InvalidArgument("'" + std::string(text) + "' is not a phone number" + where);
  // IsValidNumber would look the region up again: look it up once and check against it.
  ParsedPhone p;
  util().GetRegionCodeForNumber(number, &p.region);
  if (p.region == "ZZ" || !util().IsValidNumberForRegion(number, p.region))
    return Status::InvalidArgument("'" + std::string(text) + "' is not a valid phone number" + where);
  util().Format(number, PhoneNumberUtil::E164, &p.e164);
  // A switchboard with extensions is one E.164 number for many people: keep the extension
  // in the RFC 3966 form, which dialers and tel: links understand.
  if (number.has_extension() && !number.extension().empty()) p.e164 += ";ext=" + number.extension();
  return p;
}

std::string phone_place(const std::string& e164) {
  static std::mutex mu;
  static std::unique_ptr<i18n::phonenumbers::PhoneNumberOfflineGeocoder> geocoder;
  PhoneNumber number;
  if (util().Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return "";
  std::lock_guard<std::mutex> lock(mu);
  if (!geocoder) geocoder = std::make_unique<i18n::phonenumbers::PhoneNumberOfflineGeocoder>();
  return geocoder->GetDescriptionForNumber(number, icu::Locale("en"));
}

std::string format_national_uncached(const std::string& e164);

std::string national_of(const ParsedPhone& p) { return format_phone_national(p.e164); }

std::string format_phone_national(const std::string& e164) {
  // Every brief and sheet shows numbers: remember the few thousand a team dials rather
  // than run libphonenumber's regular expressions on each again (~2,000 instructions
  // instead of ~150,000).
  static std::mutex mu;
  static std::unordered_map<std::string, std::string> seen;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = seen.find(e164); it != seen.end()) return it->second;
  }
  std::string out = format_national_uncached(e164);
  std::lock_guard<std::mutex> lock(mu);
  if (seen.size() > 200000) seen.clear();
  seen.emplace(e164, out);
  return out;
}

std::string format_national_uncached(const std::string& e164) {
  PhoneNumber number;
  if (util().Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return e164;
  std::string out;
  util().Format(number, PhoneNumberUtil::NATIONAL, &out);
  return out;
}

std::string format_phone_international(const std::string& e164) {
  PhoneNumber number;
  if (util().Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return e164;
  std::string out;
  util().Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
  return out;
}

bool is_known_region(std::string_view region) {
  std::set<std::string> regions;
  util().GetSupportedRegions(&regions);
  return regions.count(upper(region)) > 0;
}

}  // namespace nextcall
