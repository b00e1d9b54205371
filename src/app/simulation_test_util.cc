#include "app/simulation_test_util.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "core/call_windows.h"
#include "core/local_time.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

using std::chrono::days;
using std::chrono::minutes;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(static_cast<std::mt19937::result_type>(seed)) {}
  int below(int n) { return static_cast<int>(g_() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[static_cast<std::size_t>(below(static_cast<int>(N)))];
  }

 private:
  std::mt19937 g_;
};

struct SimCity {
  const char* name;
  const char* region;
  const char* country;
  const char* zone;
  double lat, lon;
  const char* phone;  // printf pattern: one %d (or two for kTwoParts), filled from a serial
  bool two_parts;
};

const std::array<SimCity, 18> kUsCities = {{
    {"New York", "NY", "US", "America/New_York", 40.7128, -74.0060, "+1 212 555 %04d", false},
    {"Boston", "MA", "US", "America/New_York", 42.3601, -71.0589, "+1 617 555 %04d", false},
    {"Atlanta", "GA", "US", "America/New_York", 33.7490, -84.3880, "+1 404 555 %04d", false},
    {"Miami", "FL", "US", "America/New_York", 25.7617, -80.1918, "+1 305 555 %04d", false},
    {"Detroit", "MI", "US", "America/Detroit", 42.3314, -83.0458, "+1 313 555 %04d", false},
    {"Indianapolis", "IN", "US", "America/Indiana/Indianapolis", 39.7684, -86.1581,
     "+1 317 555 %04d", false},
    {"Chicago", "IL", "US", "America/Chicago", 41.8781, -87.6298, "+1 312 555 %04d", false},
    {"Milwaukee", "WI", "US", "America/Chicago", 43.0389, -87.9065, "+1 414 555 %04d", false},
    {"Dallas", "TX", "US", "America/Chicago", 32.7767, -96.7970, "+1 214 555 %04d", false},
    {"Houston", "TX", "US", "America/Chicago", 29.7604, -95.3698, "+1 713 555 %04d", false},
    {"Minneapolis", "MN", "US", "America/Chicago", 44.9778, -93.2650, "+1 612 555 %04d", false},
    {"Denver", "CO", "US", "America/Denver", 39.7392, -104.9903, "+1 303 555 %04d", false},
    {"Salt Lake City", "UT", "US", "America/Denver", 40.7608, -111.8910, "+1 801 555 %04d", false},
    {"Phoenix", "AZ", "US", "America/Phoenix", 33.4484, -112.0740, "+1 602 555 %04d", false},
    {"Los Angeles", "CA", "US", "America/Los_Angeles", 34.0522, -118.2437, "+1 213 555 %04d",
     false},
    {"Seattle", "WA", "US", "America/Los_Angeles", 47.6062, -122.3321, "+1 206 555 %04d", false},
    {"Anchorage", "AK", "US", "America/Anchorage", 61.2181, -149.9003, "+1 907 555 %04d", false},
    {"Honolulu", "HI", "US", "Pacific/Honolulu", 21.3069, -157.8583, "+1 808 555 %04d", false},
}};

const std::array<SimCity, 4> kAbroad = {{
    {"Toronto", "ON", "CA", "America/Toronto", 43.6532, -79.3832, "+1 416 555 %04d", false},
    {"London", "", "GB", "Europe/London", 51.5074, -0.1278, "+44 20 7946 %04d", false},
    {"Berlin", "", "DE", "Europe/Berlin", 52.5200, 13.4050, "+49 30 %08d", false},
    {"Sydney", "NSW", "AU", "Australia/Sydney", -33.8688, 151.2093, "+61 2 9%03d %04d", true},
}};

const std::array<const char*, 36> kFirst = {
    "Ann",    "Bob",   "Carla", "Dev",    "Elena", "Frank",  "Grace", "Hiro",  "Ines",
    "Jamal",  "Kate",  "Luis",  "Mei",    "Nils",  "Olga",   "Pat",   "Quinn", "Rosa",
    "Sanjay", "Tara",  "Uma",   "Victor", "Wendy", "Xavier", "Yuki",  "Zoë",   "Diego",
    "Emma",   "Farid", "Greta", "Hannah", "Ivan",  "Julia",  "Kofi",  "Lena",  "Omar"};
const std::array<const char*, 30> kLast = {
    "Lee",    "Stone",  "Garcia", "Patel",   "Novak",    "Müller",  "Okafor",  "Tanaka",
    "Rossi",  "Khan",   "Murphy", "Silva",   "Chen",     "Larsen",  "Brennan", "Dubois",
    "Nguyen", "Sharma", "Walsh",  "Schmidt", "Kowalski", "O'Brien", "Fischer", "Moreau",
    "Kim",    "Lopez",  "Hughes", "Berg",    "Costa",    "Reyes"};

struct SimCompany {
  const char* name;
  const char* industry;
};
const std::array<SimCompany, 20> kCompanies = {{
    {"Acme Fabrication", "manufacturing"},   {"Northgate Plastics", "manufacturing"},
    {"Harbor Foods", "food processing"},     {"Summit Logistics", "logistics"},
    {"Keystone Machining", "manufacturing"}, {"Riverbend Hospital", "healthcare"},
    {"Cobalt Print Works", "printing"},      {"Granite Supply", "construction"},
    {"Pioneer Packaging", "packaging"},      {"Evergreen Dairy", "food processing"},
    {"Lakeside Hotels", "hospitality"},      {"Ironclad Tools", "manufacturing"},
    {"Sunrise Bakeries", "food processing"}, {"Metro Transit Parts", "transportation"},
    {"Atlas Chemicals", "chemicals"},        {"Orion Electronics", "electronics"},
    {"Cascade Water", "utilities"},          {"Maple Furniture", "manufacturing"},
    {"Vertex Labs", "laboratories"},         {"Harvest Wholesale", "wholesale"},
}};

const std::array<const char*, 10> kHotButtons = {"cutting the cost of unscheduled maintenance",
                                                 "shorter lead times on rush orders",
                                                 "fewer defects reaching their customers",
                                                 "keeping the new line on schedule",
                                                 "simpler waste-disposal reporting",
                                                 "lower inventory carrying cost",
                                                 "faster service response after hours",
                                                 "consolidating suppliers",
                                                 "predictable monthly spend",
                                                 "training new operators quickly"};

const std::array<const char*, 8> kBusinessThreads = {"setting up the new manufacturing line",
                                                     "moving into the new warehouse",
                                                     "the ERP migration",
                                                     "hiring a second-shift supervisor",
                                                     "the ISO audit",
                                                     "opening a second location",
                                                     "renegotiating the freight contract",
                                                     "the plant expansion"};
const std::array<const char*, 6> kPersonalThreads = {
    "daughter's Little League season", "son's first year at college",
    "training for the marathon",       "the kitchen remodel",
    "the family trip to Japan",        "coaching the under-10 soccer team"};

const std::array<const char*, 6> kTitles = {
    "VP Operations", "Plant Manager", "Purchasing Manager", "Maintenance Lead", "COO", "Buyer"};

const std::array<const char*, 7> kObjectionCodes = {
    "min_order_size",   "credit_terms", "missing_product_line", "quality", "price",
    "incumbent_vendor", "no_budget"};

// Local minutes the history's calls were made at (seed 003's windows and the day).
const std::array<int, 8> kCallMinutes = {7 * 60 + 40,  9 * 60 + 30,  10 * 60 + 45, 12 * 60 + 15,
                                         14 * 60 + 20, 15 * 60 + 40, 17 * 60 + 20, 18 * 60 + 10};

bool weekend(Date d) {
  std::chrono::weekday wd{d};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

// The weekday on or before `d`.
Date weekday_on_or_before(Date d) {
  while (weekend(d)) d -= days{1};
  return d;
}

// A rung of the contact ladder as history agreed it: mostly the middle, some last resorts.
std::string history_rung(Rng& rnd) {
  int r = rnd.below(100);
  if (r < 5) return "sale";
  if (r < 20) return "meeting";
  if (r < 35) return "proposal_review";
  if (r < 55) return "review_together";
  if (r < 70) return "referral";
  if (r < 90) return "send_info";
  return "linkedin";
}

}  // namespace

Date add_business_days(Date d, int n) {
  while (n > 0) {
    d += days{1};
    if (!weekend(d)) --n;
  }
  return d;
}

std::string window_name_at(const Settings& s, Instant t, const std::string& zone) {
  int w = window_at(s, local_minute_of_day(t, zone));
  return w < 0 ? std::string("none") : s.windows[static_cast<std::size_t>(w)].name;
}

std::string weekday_abbrev(Date d) {
  static const char* const kNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return kNames[std::chrono::weekday{d}.c_encoding()];
}

Result<SimWorkspace> build_sim_workspace(Store& store, const SimOptions& o) {
  if (std::chrono::weekday{o.start} != std::chrono::Monday)
    return Status::InvalidArgument("start: the simulation starts on a Monday");
  Rng rnd(o.seed);
  SimWorkspace out;
  const Date start = o.start;
  const Instant start_instant = zoned_instant(start, 0, "America/Chicago");
  Status status = store.transaction([&]() -> Status {
    Workspace w;
    w.name = "Simulation Team";
    w.default_region = "US";
    auto ws = store.create_workspace(w);
    if (!ws.ok()) return ws.status();
    w.id = *ws;
    out.settings.company_name = o.company_name;
    NEXTCALL_RETURN_IF_ERROR(store.put_settings(w.id, out.settings));

    User rep;
    rep.workspace_id = w.id;
    rep.name = "Dana Whitfield";
    rep.email = "dana@simulation.example";
    rep.role = UserRole::kRep;
    rep.timezone = "America/Chicago";
    rep.phone_e164 = "+13125550142";
    auto rep_id = store.create_user(rep);
    if (!rep_id.ok()) return rep_id.status();
    rep.id = *rep_id;
    out.actor = Actor{w, rep};

    // The reason library, with audiences (seed 001's categories).
    struct ReasonSeed {
      ReasonCategory cat;
      const char* text;
      std::vector<std::string> hot, objections, industries, stages, roles;
      int expires_in_days;  // 0: never; negative: already expired
      bool retired;
    };
    const std::vector<ReasonSeed> reasons = {
        {ReasonCategory::kYouFirst,
         "I was thinking of you when I read how plants your size cut unscheduled downtime by a "
         "third",
         {"cutting the cost of unscheduled maintenance"},
         {},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kIndustryNews,
         "the new waste-disposal reporting rules start in January, and we can make that report a "
         "ten-minute job for you",
         {"simpler waste-disposal reporting"},
         {},
         {"manufacturing", "chemicals", "food processing"},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewPolicy,
         "we dropped our minimum order to 50 units, so you can trial us without tying up cash",
         {},
         {"min_order_size"},
         {},
         {"prospect"},
         {},
         0,
         false},
        {ReasonCategory::kNewPolicy,
         "we now offer 60-day terms, so you can stock up before the busy season",
         {},
         {"credit_terms"},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewRegime,
         "our new quality team cut shipping errors by 80%, so the problems you had with us are "
         "behind you",
         {"fewer defects reaching their customers"},
         {"quality"},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewCapability,
         "you can now get same-day rush orders from our Chicago warehouse, so a breakdown no "
         "longer stops your line",
         {"shorter lead times on rush orders"},
         {},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewCapability,
         "we added the replacement-parts line you asked about, so everything comes on one order",
         {"consolidating suppliers"},
         {"missing_product_line"},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewYou,
         "I put together a maintenance-cost comparison for plants like yours that I think you will "
         "find useful",
         {"cutting the cost of unscheduled maintenance"},
         {},
         {"manufacturing"},
         {},
         {"decision_maker", "influencer"},
         0,
         false},
        {ReasonCategory::kYouFirst,
         "your reorder pattern suggests you could save on freight by consolidating two shipments a "
         "month",
         {"predictable monthly spend", "lower inventory carrying cost"},
         {},
         {},
         {"customer"},
         {},
         0,
         false},
        {ReasonCategory::kIndustryNews,
         "freight rates go up 12% next quarter, and you can lock in this year's price now",
         {"predictable monthly spend"},
         {},
         {},
         {},
         {},
         40,
         false},
        {ReasonCategory::kNewCapability,
         "our technicians now answer after-hours calls within two hours",
         {"faster service response after hours"},
         {},
         {},
         {},
         {},
         0,
         false},
        {ReasonCategory::kNewYou,
         "I now run a 20-minute operator training session on site, free for customers",
         {"training new operators quickly"},
         {},
         {},
         {"customer"},
         {},
         0,
         false},
        {ReasonCategory::kIndustryNews,
         "the holiday shipping cut-off moved to December 10 this year",
         {},
         {},
         {},
         {},
         {},
         -3,
         false},  // expired before the start
        {ReasonCategory::kYouFirst,
         "I wanted to see how the new line is going",
         {"keeping the new line on schedule"},
         {},
         {},
         {},
         {},
         0,
         true},  // retired
    };
    std::vector<Id> reason_ids;
    std::vector<std::string> reason_texts;
    for (const ReasonSeed& r : reasons) {
      Reason x;
      x.workspace_id = w.id;
      x.text = r.text;
      x.category = r.cat;
      x.hot_buttons = r.hot;
      x.objections = r.objections;
      x.industries = r.industries;
      x.stages = r.stages;
      x.roles = r.roles;
      if (r.expires_in_days != 0) x.expires_on = start + days{r.expires_in_days};
      x.retired = r.retired;
      x.author_id = rep.id;
      x.author_name = rep.name;
      x.created_at = start_instant - days{45};
      auto id = store.add_reason(x);
      if (!id.ok()) return id.status();
      if (!r.retired) {
        reason_ids.push_back(*id);
        reason_texts.push_back(r.text);
      }
      ++out.reasons;
    }

    // Company changes that resolve objections (seed 001): one long known, one new this week.
    {
      Change c;
      c.workspace_id = w.id;
      c.kind = ChangeKind::kNewPolicy;
      c.title = "Minimum order down to 50 units";
      c.description = "Orders of 50 units and up ship at list price.";
      c.resolves = {{"min_order_size", ">=50"}};
      c.effective_on = start - days{20};
      c.created_at = start_instant - days{21};
      NEXTCALL_RETURN_IF_ERROR(store.add_change(c).status());
      Change t;
      t.workspace_id = w.id;
      t.kind = ChangeKind::kNewPolicy;
      t.title = "60-day payment terms";
      t.description = "Every account in good standing can now pay in 60 days.";
      t.resolves = {{"credit_terms", ""}};
      t.effective_on = start;
      t.created_at = start_instant - days{2};
      NEXTCALL_RETURN_IF_ERROR(store.add_change(t).status());
      out.changes += 2;
    }

    // Accounts.
    struct AccountSeed {
      Id id;
      const SimCity* city;
      const SimCompany* company;
      std::optional<GeoPoint> location;
      std::vector<Id> unscreened_decision_makers;
    };
    std::vector<AccountSeed> accounts;
    int account_count = std::max(8, o.contacts / 4);
    for (int i = 0; i < account_count; ++i) {
      const SimCompany& co = kCompanies[static_cast<std::size_t>(i) % kCompanies.size()];
      const SimCity& city = rnd.chance(12) ? rnd.pick(kAbroad) : rnd.pick(kUsCities);
      Account a;
      a.workspace_id = w.id;
      a.name = co.name;
      if (i >= static_cast<int>(kCompanies.size()))
        a.name += std::string(" ") + city.name + " " + std::to_string(i);
      a.industry = co.industry;
      a.city = city.name;
      a.region = city.region;
      a.country = city.country;
      a.location = GeoPoint{city.lat + (rnd.below(200) - 100) / 2000.0,
                            city.lon + (rnd.below(200) - 100) / 2000.0};
      auto id = store.create_account(a);
      if (!id.ok()) return id.status();
      accounts.push_back({*id, &city, &co, a.location, {}});
      ++out.accounts;
    }

    int serial = 0;
    auto phone_for = [&](const SimCity& city) -> Result<std::string> {
      for (int tries = 0; tries < 20; ++tries) {
        ++serial;
        char buf[48];
        if (city.two_parts)
          std::snprintf(buf, sizeof buf, city.phone, 100 + serial % 900, 1000 + serial);
        else if (std::string(city.phone).find("%08d") != std::string::npos)
          std::snprintf(buf, sizeof buf, city.phone, 20000000 + serial * 37);
        else
          std::snprintf(buf, sizeof buf, city.phone, 1000 + serial);
        auto p = parse_phone(buf, city.country);
        if (p.ok()) return p->e164;
      }
      return Status::Internal(std::string("no valid phone number for ") + city.name);
    };

    std::vector<Id> customers;  // referrers to be
    // The rep's calendar as generated: no two appointments within 90 minutes (the rep
    // cannot be in two places; a voicemail's time is never left on a booked one).
    std::vector<Instant> booked;
    auto free_at = [&](Instant t) {
      for (Instant b : booked)
        if (t < b + minutes{90} && b < t + minutes{90}) return false;
      return true;
    };
    const Outcome outcomes[] = {Outcome::kConnected,  Outcome::kConnected, Outcome::kConnected,
                                Outcome::kVoicemail,  Outcome::kVoicemail, Outcome::kVoicemail,
                                Outcome::kGatekeeper, Outcome::kNoAnswer,  Outcome::kNoAnswer,
                                Outcome::kVoicemail};
    for (int i = 0; i < o.contacts; ++i) {
      // Every account's first contact is a decision maker; the rest are drawn.
      bool first_of_account = i < account_count;
      AccountSeed& acc = first_of_account
                             ? accounts[static_cast<std::size_t>(i)]
                             : accounts[static_cast<std::size_t>(rnd.below(account_count))];
      const SimCity& city = *acc.city;
      Contact c;
      c.workspace_id = w.id;
      c.account_id = acc.id;
      c.owner_id = rep.id;
      c.first_name = rnd.pick(kFirst);
      c.last_name = rnd.pick(kLast);
      int role_roll = rnd.below(100);
      c.role = first_of_account || role_roll < 60 ? Role::kDecisionMaker
               : role_roll < 82                   ? Role::kInfluencer
                                                  : Role::kGatekeeper;
      if (c.role == Role::kGatekeeper && acc.unscreened_decision_makers.empty())
        c.role = Role::kInfluencer;
      bool gatekeeper = c.role == Role::kGatekeeper;
      c.title = gatekeeper ? "Executive Assistant" : rnd.pick(kTitles);
      c.stage = !gatekeeper && rnd.chance(35) ? Stage::kCustomer : Stage::kProspect;
      c.city = city.name;
      c.region = city.region;
      c.country = city.country;
      // A few contacts whose zone nobody recorded (planned in the rep's zone).
      c.timezone = rnd.chance(1) ? "" : city.zone;
      c.location = GeoPoint{acc.location->latitude + (rnd.below(20) - 10) / 5000.0,
                            acc.location->longitude + (rnd.below(20) - 10) / 5000.0};
      c.email = "contact" + std::to_string(i + 1) + "@" + std::to_string(acc.id) + ".sim.example";
      auto phone = phone_for(city);
      if (!phone.ok()) return phone.status();
      c.phones.push_back({*phone, "work"});
      if (!gatekeeper && rnd.chance(85)) c.hot_button = rnd.pick(kHotButtons);
      if (c.stage == Stage::kCustomer) {
        int k = rnd.below(100);
        c.cadence = k < 40   ? Cadence{Cadence::Kind::kWeekly, 0}
                    : k < 85 ? Cadence{Cadence::Kind::kMonthly, 0}
                             : Cadence{Cadence::Kind::kEveryNDays, 14};
      }
      c.deal_value = 1000.0 * (1 + rnd.below(60));
      if (rnd.chance(2)) {
        c.do_not_call = true;
        c.do_not_call_since = start - days{rnd.below(60) + 1};
        c.do_not_call_reason = "asked not to be called again";
      } else if (rnd.chance(2)) {
        c.snoozed_until = start + days{3 + rnd.below(6)};
        c.snooze_reason = "on leave";
      }
      c.created_at = start_instant - days{60 + rnd.below(200)};
      c.updated_at = c.created_at;
      auto id = store.create_contact(c);
      if (!id.ok()) return id.status();
      c.id = *id;
      out.contacts.push_back(c.id);
      SimContactStart& started = out.start[c.id];
      if (c.role == Role::kDecisionMaker) acc.unscreened_decision_makers.push_back(c.id);
      if (gatekeeper) {
        // The screener in front of one of the account's decision makers.
        std::size_t k = static_cast<std::size_t>(
            rnd.below(static_cast<int>(acc.unscreened_decision_makers.size())));
        auto boss = store.get_contact(w.id, acc.unscreened_decision_makers[k]);
        if (!boss.ok()) return boss.status();
        boss->gatekeeper_id = c.id;
        NEXTCALL_RETURN_IF_ERROR(store.update_contact(*boss));
        acc.unscreened_decision_makers.erase(acc.unscreened_decision_makers.begin() +
                                             static_cast<std::ptrdiff_t>(k));
      }
      if (c.stage == Stage::kCustomer) customers.push_back(c.id);
      const std::string zone = c.timezone.empty() ? rep.timezone : c.timezone;

      // Threads (seed 000).
      int threads = gatekeeper ? 0 : rnd.below(3) + (rnd.chance(60) ? 1 : 0);
      for (int t = 0; t < threads; ++t) {
        Thread th;
        th.workspace_id = w.id;
        th.contact_id = c.id;
        bool personal = rnd.chance(35);
        th.kind = personal ? ThreadKind::kPersonal : ThreadKind::kBusiness;
        th.topic = personal ? rnd.pick(kPersonalThreads) : rnd.pick(kBusinessThreads);
        th.detail = !personal && rnd.chance(50) ? "worried about getting it going on schedule" : "";
        th.open = !rnd.chance(15);
        th.mentioned_on = start - days{rnd.below(40) + 3};
        NEXTCALL_RETURN_IF_ERROR(store.add_thread(th).status());
      }
      // Objections with codes (seed 001), for prospects.
      if (c.stage == Stage::kProspect && !gatekeeper && rnd.chance(45)) {
        Objection ob;
        ob.workspace_id = w.id;
        ob.contact_id = c.id;
        ob.code = rnd.pick(kObjectionCodes);
        if (ob.code == "min_order_size") {
          ob.amount = 25.0 * (1 + rnd.below(6));
          ob.detail = "can only commit to " + std::to_string(static_cast<int>(*ob.amount)) +
                      " units a month";
        } else if (ob.code == "credit_terms") {
          ob.detail = "needs 60-day terms";
        } else if (ob.code == "missing_product_line") {
          ob.detail = "wants replacement parts on the same order";
        } else if (ob.code == "quality") {
          ob.detail = "had shipping errors with us two years ago";
        }
        ob.recorded_on = start - days{rnd.below(90) + 5};
        NEXTCALL_RETURN_IF_ERROR(store.add_objection(ob).status());
        ++out.objections;
      }
      // Materials with page pointers (seed 002).
      std::optional<Id> material_id;
      if (!gatekeeper && rnd.chance(45)) {
        Material m;
        m.workspace_id = w.id;
        m.contact_id = c.id;
        bool specs = rnd.chance(50);
        m.title = specs ? "Model 40 spec sheet" : "Maintenance cost study";
        m.link = specs ? "model40-specs.pdf" : "maintenance-study.pdf";
        m.sent_on = start - days{rnd.below(14) + 2};
        if (!c.hot_button.empty())
          m.pointers.push_back({"page " + std::to_string(2 + rnd.below(6)), c.hot_button});
        m.pointers.push_back({"the price table on the last page", "predictable monthly spend"});
        auto mid = store.add_material(m);
        if (!mid.ok()) return mid.status();
        material_id = *mid;
        ++out.materials;
      }

      // A few weeks of calls before the start, in time order, on weekdays.
      int calls = c.do_not_call ? 1 : rnd.below(7);
      std::vector<Attempt> history;
      Date previous{};
      for (int k = 0; k < calls; ++k) {
        Date day = weekday_on_or_before(start - days{28 - k * 4 - rnd.below(3)});
        if (day >= start) day = weekday_on_or_before(start - days{1});
        if (k > 0 && day <= previous) continue;
        previous = day;
        Attempt a;
        a.workspace_id = w.id;
        a.contact_id = c.id;
        a.rep_id = rep.id;
        a.at = zoned_instant(day, rnd.pick(kCallMinutes), zone);
        a.outcome = outcomes[rnd.below(10)];
        if (gatekeeper && a.outcome == Outcome::kGatekeeper) a.outcome = Outcome::kConnected;
        a.ladder = a.outcome == Outcome::kGatekeeper || gatekeeper ? "gatekeeper" : "contact";
        if (a.outcome == Outcome::kConnected && a.ladder == "contact" && rnd.chance(75)) {
          a.rung = history_rung(rnd);
          a.duration_seconds = 120 + rnd.below(900);
        } else if (a.outcome == Outcome::kGatekeeper && rnd.chance(40)) {
          a.rung = rnd.chance(50) ? "pass_on_proposal" : "direct_line";
        } else if (a.outcome == Outcome::kConnected && gatekeeper && rnd.chance(50)) {
          a.rung = rnd.chance(50) ? "arrange_conversation" : "pass_on_proposal";
        }
        a.approach = a.outcome == Outcome::kVoicemail    ? "voicemail"
                     : a.outcome == Outcome::kGatekeeper ? "gatekeeper"
                                                         : "direct";
        if (a.outcome == Outcome::kConnected)
          a.note = rnd.chance(50) ? "good conversation" : "asked for numbers";
        if (rnd.chance(60)) {
          std::size_t r = static_cast<std::size_t>(rnd.below(static_cast<int>(reason_ids.size())));
          a.reason_id = reason_ids[r];
          a.reason = reason_texts[r];
        }
        history.push_back(a);
      }
      // The last call, when a conversation, may have set the next step.
      if (!history.empty() && history.back().outcome == Outcome::kConnected && rnd.chance(50))
        history.back().next_on = rnd.chance(30) ? start - days{1 + rnd.below(4)}
                                                : add_business_days(start, rnd.below(5));
      for (const Attempt& a : history) {
        NEXTCALL_RETURN_IF_ERROR(store.add_attempt(a).status());
        ++out.attempts;
        started.last_at = a.at;
        started.last_outcome = a.outcome;
        started.last_rung = a.rung;
        if (a.outcome == Outcome::kConnected) {
          started.last_connect_at = a.at;
          started.last_connect_rung = a.rung;
        }
      }
      if (!history.empty() && history.back().next_on) started.next_on = history.back().next_on;
      std::optional<Date> last_talk;
      if (started.last_connect_at) last_talk = local_date(*started.last_connect_at, zone);

      // Commitments of both sides, due around the start; what fell due before the last
      // conversation was settled on it, so an open one falls due after it.
      if (!gatekeeper && rnd.chance(45)) {
        int count = rnd.chance(25) ? 2 : 1;
        bool theirs = material_id && rnd.chance(70);
        for (int k = 0; k < count; ++k, theirs = !theirs) {
          Commitment m;
          m.workspace_id = w.id;
          m.contact_id = c.id;
          m.owner = theirs ? Party::kContact : Party::kRep;
          if (theirs) {
            m.what = material_id
                         ? "review the " + std::string(rnd.chance(50) ? "spec sheet" : "cost study")
                         : "send last quarter's order volumes";
            m.material_id = material_id;
          } else {
            m.what = rnd.chance(50) ? "send the pricing for 100 units"
                                    : "find a reference customer in their industry";
          }
          m.due_on = start + days{rnd.below(11) - 4};
          m.created_on = start - days{rnd.below(10) + 5};
          m.status = rnd.chance(10) ? CommitmentStatus::kBroken : CommitmentStatus::kOpen;
          if (m.status == CommitmentStatus::kOpen && last_talk && *m.due_on <= *last_talk)
            m.due_on = std::max(*last_talk + days{1}, start - days{2}) + days{rnd.below(5)};
          NEXTCALL_RETURN_IF_ERROR(store.add_commitment(m).status());
          ++out.commitments;
        }
      }
      // Referrals (seed 003): some introduced, some not, some from a customer of ours.
      if (c.stage == Stage::kProspect && !gatekeeper && rnd.chance(10)) {
        Referral r;
        r.workspace_id = w.id;
        r.referred_contact_id = c.id;
        if (!customers.empty() && rnd.chance(50)) {
          Id referrer =
              customers[static_cast<std::size_t>(rnd.below(static_cast<int>(customers.size())))];
          auto who = store.get_contact(w.id, referrer);
          if (!who.ok()) return who.status();
          r.referrer_contact_id = referrer;
          r.referrer_name = who->full_name();
        } else {
          r.referrer_name = std::string(rnd.pick(kFirst)) + " " + rnd.pick(kLast);
        }
        r.introduced = rnd.chance(60);
        if (r.introduced) r.introduced_on = start - days{rnd.below(5) + 1};
        NEXTCALL_RETURN_IF_ERROR(store.add_referral(r).status());
        ++out.referrals;
      }
      // A confirmed visit ahead, at the contact's site; or the time a voicemail before the
      // start proposed, still held.
      // A visit booked on the last call, a conversation that set no date.
      if (c.role == Role::kDecisionMaker && !history.empty() &&
          history.back().outcome == Outcome::kConnected && !started.next_on && rnd.chance(15)) {
        Appointment ap;
        ap.workspace_id = w.id;
        ap.contact_id = c.id;
        ap.rep_id = rep.id;
        ap.starts_at = zoned_instant(add_business_days(start, 2 + rnd.below(9)),
                                     (9 + rnd.below(7)) * 60, zone);
        for (int tries = 0; tries < 20 && !free_at(ap.starts_at); ++tries)
          ap.starts_at = zoned_instant(add_business_days(start, 2 + rnd.below(9)),
                                       (9 + rnd.below(7)) * 60, zone);
        ap.duration_minutes = 60;
        ap.status = AppointmentStatus::kConfirmed;
        ap.place = std::string(acc.company->name) + ", " + city.name;
        ap.location = c.location;
        if (free_at(ap.starts_at)) {
          NEXTCALL_RETURN_IF_ERROR(store.add_appointment(ap).status());
          booked.push_back(ap.starts_at);
          started.meeting_at = ap.starts_at;
          ++out.appointments;
        }
      } else if (started.last_outcome == Outcome::kVoicemail && started.last_at &&
                 !started.next_on && rnd.chance(25)) {
        Appointment ap;
        ap.workspace_id = w.id;
        ap.contact_id = c.id;
        ap.rep_id = rep.id;
        ap.starts_at = zoned_instant(add_business_days(start, 1 + rnd.below(3)),
                                     rnd.chance(50) ? 600 : 840, zone);
        ap.duration_minutes = 30;
        ap.status = AppointmentStatus::kProposed;
        ap.place = "phone";
        if (free_at(ap.starts_at)) {
          NEXTCALL_RETURN_IF_ERROR(store.add_appointment(ap).status());
          booked.push_back(ap.starts_at);
          ++out.appointments;
        }
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace nextcall
