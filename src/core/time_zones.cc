#include "core/time_zones.h"

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <exception>

namespace nextcall {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool zone_exists(const std::string& name) {
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

// Names that CRM tools and calendars write instead of IANA names (Windows and
// Salesforce display names, US abbreviations). Abbreviations map to the zone most users
// of them mean; daylight variants ("EDT") mean the same place.
struct Alias {
  const char* alias;
  const char* zone;
};
constexpr Alias kAliases[] = {
    {"eastern time (us & canada)", "America/New_York"},
    {"eastern time", "America/New_York"},
    {"eastern standard time", "America/New_York"},
    {"eastern", "America/New_York"},
    {"est", "America/New_York"},
    {"edt", "America/New_York"},
    {"et", "America/New_York"},
    {"central time (us & canada)", "America/Chicago"},
    {"central time", "America/Chicago"},
    {"central standard time", "America/Chicago"},
    {"central", "America/Chicago"},
    {"cst", "America/Chicago"},
    {"cdt", "America/Chicago"},
    {"ct", "America/Chicago"},
    {"mountain time (us & canada)", "America/Denver"},
    {"mountain time", "America/Denver"},
    {"mountain standard time", "America/Denver"},
    {"mountain", "America/Denver"},
    {"mst", "America/Denver"},
    {"mdt", "America/Denver"},
    {"arizona", "America/Phoenix"},
    {"pacific time (us & canada)", "America/Los_Angeles"},
    {"pacific time", "America/Los_Angeles"},
    {"pacific standard time", "America/Los_Angeles"},
    {"pacific", "America/Los_Angeles"},
    {"pst", "America/Los_Angeles"},
    {"pdt", "America/Los_Angeles"},
    {"pt", "America/Los_Angeles"},
    {"alaska", "America/Anchorage"},
    {"akst", "America/Anchorage"},
    {"hawaii", "Pacific/Honolulu"},
    {"hst", "Pacific/Honolulu"},
    {"atlantic time (canada)", "America/Halifax"},
    {"newfoundland", "America/St_Johns"},
    {"london", "Europe/London"},
    {"gmt standard time", "Europe/London"},
    {"bst", "Europe/London"},
    {"cet", "Europe/Paris"},
    {"central european time", "Europe/Paris"},
    {"w. europe standard time", "Europe/Berlin"},
    {"romance standard time", "Europe/Paris"},
    {"eet", "Europe/Athens"},
    {"ist", "Asia/Kolkata"},
    {"india standard time", "Asia/Kolkata"},
    {"jst", "Asia/Tokyo"},
    {"tokyo standard time", "Asia/Tokyo"},
    {"aest", "Australia/Sydney"},
    {"aus eastern standard time", "Australia/Sydney"},
    {"sgt", "Asia/Singapore"},
    {"singapore standard time", "Asia/Singapore"},
    {"nzst", "Pacific/Auckland"},
    {"new zealand standard time", "Pacific/Auckland"},
    {"utc", "Etc/UTC"},
    {"gmt", "Etc/UTC"},
};

struct Subdivision {
  const char* code;
  const char* name;
  const char* zone;
};
// US states and Canadian provinces -> the zone most of their people use. States split
// across zones take the majority's (e.g. Florida, Kentucky, Tennessee -> the eastern or
// central zone of their larger part), which a rep corrects per contact when it is wrong.
constexpr Subdivision kStates[] = {
    {"AL", "alabama", "America/Chicago"},        {"AK", "alaska", "America/Anchorage"},
    {"AZ", "arizona", "America/Phoenix"},        {"AR", "arkansas", "America/Chicago"},
    {"CA", "california", "America/Los_Angeles"}, {"CO", "colorado", "America/Denver"},
    {"CT", "connecticut", "America/New_York"},   {"DE", "delaware", "America/New_York"},
    {"DC", "district of columbia", "America/New_York"},
    {"FL", "florida", "America/New_York"},       {"GA", "georgia", "America/New_York"},
    {"HI", "hawaii", "Pacific/Honolulu"},        {"ID", "idaho", "America/Boise"},
    {"IL", "illinois", "America/Chicago"},       {"IN", "indiana", "America/Indiana/Indianapolis"},
    {"IA", "iowa", "America/Chicago"},           {"KS", "kansas", "America/Chicago"},
    {"KY", "kentucky", "America/New_York"},      {"LA", "louisiana", "America/Chicago"},
    {"ME", "maine", "America/New_York"},         {"MD", "maryland", "America/New_York"},
    {"MA", "massachusetts", "America/New_York"}, {"MI", "michigan", "America/Detroit"},
    {"MN", "minnesota", "America/Chicago"},      {"MS", "mississippi", "America/Chicago"},
    {"MO", "missouri", "America/Chicago"},       {"MT", "montana", "America/Denver"},
    {"NE", "nebraska", "America/Chicago"},       {"NV", "nevada", "America/Los_Angeles"},
    {"NH", "new hampshire", "America/New_York"}, {"NJ", "new jersey", "America/New_York"},
    {"NM", "new mexico", "America/Denver"},      {"NY", "new york", "America/New_York"},
    {"NC", "north carolina", "America/New_York"},
    {"ND", "north dakota", "America/Chicago"},   {"OH", "ohio", "America/New_York"},
    {"OK", "oklahoma", "America/Chicago"},       {"OR", "oregon", "America/Los_Angeles"},
    {"PA", "pennsylvania", "America/New_York"},  {"RI", "rhode island", "America/New_York"},
    {"SC", "south carolina", "America/New_York"},
    {"SD", "south dakota", "America/Chicago"},   {"TN", "tennessee", "America/Chicago"},
    {"TX", "texas", "America/Chicago"},          {"UT", "utah", "America/Denver"},
    {"VT", "vermont", "America/New_York"},       {"VA", "virginia", "America/New_York"},
    {"WA", "washington", "America/Los_Angeles"}, {"WV", "west virginia", "America/New_York"},
    {"WI", "wisconsin", "America/Chicago"},      {"WY", "wyoming", "America/Denver"},
    {"PR", "puerto rico", "America/Puerto_Rico"},
    // Canada
    {"AB", "alberta", "America/Edmonton"},       {"BC", "british columbia", "America/Vancouver"},
    {"MB", "manitoba", "America/Winnipeg"},      {"NB", "new brunswick", "America/Moncton"},
    {"NL", "newfoundland and labrador", "America/St_Johns"},
    {"NS", "nova scotia", "America/Halifax"},    {"ON", "ontario", "America/Toronto"},
    {"PE", "prince edward island", "America/Halifax"},
    {"QC", "quebec", "America/Toronto"},         {"SK", "saskatchewan", "America/Regina"},
    {"NT", "northwest territories", "America/Yellowknife"},
    {"NU", "nunavut", "America/Iqaluit"},        {"YT", "yukon", "America/Whitehorse"},
    // Australia
    {"NSW", "new south wales", "Australia/Sydney"}, {"VIC", "victoria", "Australia/Melbourne"},
    {"QLD", "queensland", "Australia/Brisbane"},    {"WA", "western australia", "Australia/Perth"},
    {"SA", "south australia", "Australia/Adelaide"}, {"TAS", "tasmania", "Australia/Hobart"},
    {"ACT", "australian capital territory", "Australia/Sydney"},
    {"NT", "northern territory", "Australia/Darwin"},
};

struct Country {
  const char* code;
  const char* name;
};
constexpr Country kCountries[] = {
    {"US", "united states"}, {"US", "united states of america"}, {"US", "usa"},
    {"US", "u.s."},          {"US", "u.s.a."},                   {"CA", "canada"},
    {"GB", "united kingdom"}, {"GB", "uk"},                      {"GB", "great britain"},
    {"GB", "england"},       {"GB", "scotland"},                 {"GB", "wales"},
    {"IE", "ireland"},       {"DE", "germany"},                  {"DE", "deutschland"},
    {"FR", "france"},        {"ES", "spain"},                    {"IT", "italy"},
    {"NL", "netherlands"},   {"NL", "the netherlands"},          {"BE", "belgium"},
    {"CH", "switzerland"},   {"AT", "austria"},                  {"SE", "sweden"},
    {"NO", "norway"},        {"DK", "denmark"},                  {"FI", "finland"},
    {"PL", "poland"},        {"PT", "portugal"},                 {"CZ", "czech republic"},
    {"CZ", "czechia"},       {"AU", "australia"},                {"NZ", "new zealand"},
    {"JP", "japan"},         {"SG", "singapore"},                {"IN", "india"},
    {"CN", "china"},         {"HK", "hong kong"},                {"KR", "south korea"},
    {"NP", "nepal"},         {"MX", "mexico"},                   {"BR", "brazil"},
    {"ZA", "south africa"},  {"AE", "united arab emirates"},     {"IL", "israel"},
    // As people write them at home, and the other common English names.
    {"MX", "méxico"},        {"ES", "españa"},                   {"ES", "espana"},
    {"BR", "brasil"},        {"AT", "österreich"},               {"CH", "schweiz"},
    {"CH", "suisse"},        {"CH", "svizzera"},                 {"IT", "italia"},
    {"NL", "nederland"},     {"NL", "holland"},                  {"PL", "polska"},
    {"SE", "sverige"},       {"NO", "norge"},                    {"DK", "danmark"},
    {"FI", "suomi"},         {"BE", "belgique"},                 {"BE", "belgië"},
    {"CZ", "česko"},         {"AR", "argentina"},                {"CL", "chile"},
    {"CO", "colombia"},      {"PE", "peru"},                     {"AE", "uae"},
    {"KR", "korea"},         {"KR", "republic of korea"},        {"TW", "taiwan"},
    {"PH", "philippines"},   {"MY", "malaysia"},                 {"TH", "thailand"},
    {"VN", "vietnam"},       {"ID", "indonesia"},                {"TR", "turkey"},
    {"TR", "türkiye"},       {"SA", "saudi arabia"},             {"EG", "egypt"},
    {"NG", "nigeria"},       {"KE", "kenya"},                    {"GR", "greece"},
    {"HU", "hungary"},       {"RO", "romania"},                  {"UA", "ukraine"},
    {"RU", "russia"},        {"RU", "russian federation"},       {"CN", "people's republic of china"},
    {"IE", "republic of ireland"}, {"GB", "northern ireland"},  {"LU", "luxembourg"},
    {"EC", "ecuador"},       {"CY", "cyprus"},                   {"UZ", "uzbekistan"},
};

}  // namespace

std::optional<std::string> canonical_zone(std::string_view raw) {
  std::string name = trim(raw);
  if (name.empty()) return std::nullopt;
  std::string key = lower(name);
  for (const Alias& a : kAliases)
    if (key == a.alias) return std::string(a.zone);
  std::string underscored = name;
  std::replace(underscored.begin(), underscored.end(), ' ', '_');
  if (zone_exists(underscored)) return underscored;
  // Case-insensitive match against the database's own names ("america/new_york").
  const auto& db = date::get_tzdb();
  std::string want = lower(underscored);
  for (const auto& z : db.zones)
    if (lower(z.name()) == want) return std::string(z.name());
  return std::nullopt;
}

std::string country_code(std::string_view raw) {
  std::string key = lower(trim(raw));
  if (key.empty()) return "";
  for (const Country& c : kCountries)
    if (key == c.name) return c.code;
  if (key.size() == 2 && std::isalpha(static_cast<unsigned char>(key[0])) &&
      std::isalpha(static_cast<unsigned char>(key[1]))) {
    std::string up = key;
    for (char& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return up == "UK" ? "GB" : up;
  }
  return "";
}

// Countries whose tz table lists more than one zone but where one of them is the time of
// nearly everyone (islands, exclaves and one-city zones aside): a contact there is far
// more likely right than wrong with it. Large countries split by time (US, CA, AU, BR, RU,
// ID, MX without a state) stay unknown unless the state tells.
constexpr std::pair<const char*, const char*> kPrincipalZones[] = {
    {"DE", "Europe/Berlin"},       {"ES", "Europe/Madrid"},        {"PT", "Europe/Lisbon"},
    {"CN", "Asia/Shanghai"},       {"NZ", "Pacific/Auckland"},     {"CL", "America/Santiago"},
    {"EC", "America/Guayaquil"},   {"DK", "Europe/Copenhagen"},    {"UA", "Europe/Kyiv"},
    {"CY", "Asia/Nicosia"},        {"MY", "Asia/Kuala_Lumpur"},    {"UZ", "Asia/Tashkent"},
    {"AR", "America/Argentina/Buenos_Aires"}, {"NL", "Europe/Amsterdam"}, {"FR", "Europe/Paris"},
    {"GB", "Europe/London"},       {"NO", "Europe/Oslo"},          {"KR", "Asia/Seoul"},
    {"JP", "Asia/Tokyo"},          {"IN", "Asia/Kolkata"},         {"IT", "Europe/Rome"},
};

// Mexico by state: the states off central time; every other state keeps Mexico City's.
constexpr std::pair<const char*, const char*> kMexicanStates[] = {
    {"baja california", "America/Tijuana"},   {"bc", "America/Tijuana"},
    {"baja california sur", "America/Mazatlan"}, {"bcs", "America/Mazatlan"},
    {"sinaloa", "America/Mazatlan"},          {"nayarit", "America/Mazatlan"},
    {"sonora", "America/Hermosillo"},         {"quintana roo", "America/Cancun"},
    {"chihuahua", "America/Chihuahua"},
};

std::optional<std::string> derive_zone(std::string_view country, std::string_view state,
                                       const RegionZones& regions) {
  std::string code = country_code(country);
  std::string st = lower(trim(state));
  if (!st.empty() && (code.empty() || code == "US" || code == "CA" || code == "AU")) {
    for (const Subdivision& s : kStates) {
      bool matches = st == s.name || st == lower(s.code);
      if (!matches) continue;
      // "WA"/"NT" are both American/Canadian and Australian codes: the country decides.
      bool australian = std::string_view(s.zone).rfind("Australia/", 0) == 0;
      if (code == "AU" && !australian) continue;
      if (code != "AU" && australian && !code.empty()) continue;
      if (code.empty() && australian) continue;
      return std::string(s.zone);
    }
  }
  if (code.empty()) return std::nullopt;
  if (code == "MX" && !st.empty()) {
    for (const auto& [name, zone] : kMexicanStates)
      if (st == name) return std::string(zone);
    return std::string("America/Mexico_City");
  }
  auto it = regions.find(code);
  if (it != regions.end() && it->second.size() == 1) return it->second.front();
  for (const auto& [c, zone] : kPrincipalZones)
    if (code == c) return std::string(zone);
  return std::nullopt;
}

}  // namespace nextcall
