#include "app/demo_workspace.h"

#include <array>
#include <cstdio>

#include "app/auth.h"
#include "core/local_time.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

// splitmix64: small, fast and the same on every platform, so a seed means the same data.
class Random {
 public:
  explicit Random(std::uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(N))]; }

 private:
  std::uint64_t s_;
};

struct City {
  const char* name;
  const char* state;
  const char* country;
  const char* zone;
  double lat, lon;
  const char* phone;  // printf pattern with one %0Nd
  int digits;         // how many random digits the pattern takes
  int owner;          // index of the rep who covers it
};

const std::array<City, 16> kCities = {{
    {"San Francisco", "CA", "US", "America/Los_Angeles", 37.7749, -122.4194, "+1 415 555 %04d", 4, 1},
    {"Oakland", "CA", "US", "America/Los_Angeles", 37.8044, -122.2712, "+1 510 555 %04d", 4, 1},
    {"Denver", "CO", "US", "America/Denver", 39.7392, -104.9903, "+1 303 555 %04d", 4, 1},
    {"Phoenix", "AZ", "US", "America/Phoenix", 33.4484, -112.0740, "+1 602 555 %04d", 4, 1},
    {"Chicago", "IL", "US", "America/Chicago", 41.8781, -87.6298, "+1 312 555 %04d", 4, 0},
    {"Milwaukee", "WI", "US", "America/Chicago", 43.0389, -87.9065, "+1 414 555 %04d", 4, 0},
    {"New York", "NY", "US", "America/New_York", 40.7128, -74.0060, "+1 212 555 %04d", 4, 0},
    {"Toronto", "ON", "CA", "America/Toronto", 43.6532, -79.3832, "+1 416 555 %04d", 4, 0},
    {"London", "", "GB", "Europe/London", 51.5074, -0.1278, "+44 20 7946 %04d", 4, 2},
    {"Berlin", "", "DE", "Europe/Berlin", 52.5200, 13.4050, "+49 30 %08d", 8, 2},
    {"Paris", "", "FR", "Europe/Paris", 48.8566, 2.3522, "+33 1 42 %06d", 6, 2},
    {"Stockholm", "", "SE", "Europe/Stockholm", 59.3293, 18.0686, "+46 8 %08d", 8, 2},
    {"Sydney", "NSW", "AU", "Australia/Sydney", -33.8688, 151.2093, "+61 2 9%03d %04d", 7, 2},
    {"Singapore", "", "SG", "Asia/Singapore", 1.3521, 103.8198, "+65 6%03d %04d", 7, 2},
    {"Auckland", "", "NZ", "Pacific/Auckland", -36.8485, 174.7633, "+64 9 3%02d %04d", 6, 2},
    {"Kathmandu", "", "NP", "Asia/Kathmandu", 27.7172, 85.3240, "+977 1 44%05d", 5, 2},
}};

const std::array<const char*, 40> kFirst = {
    "Ann", "Bob", "Carla", "Dev", "Elena", "Frank", "Grace", "Hiro", "Ines", "Jamal",
    "Kate", "Luis", "Mei", "Nils", "Olga", "Pat", "Quinn", "Rosa", "Sanjay", "Tara",
    "Uma", "Victor", "Wendy", "Xavier", "Yuki", "Zoë", "Björn", "Chloé", "Diego", "Emma",
    "Farid", "Greta", "Hannah", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nora", "Omar"};
const std::array<const char*, 32> kLast = {
    "Lee", "Stone", "Garcia", "Patel", "Novak", "Müller", "Okafor", "Tanaka", "Rossi", "Khan",
    "Murphy", "Silva", "Chen", "Larsen", "Ivanova", "Brennan", "Dubois", "Nguyen", "Sharma",
    "Walsh", "Schmidt", "Kowalski", "Andersson", "O'Brien", "Fischer", "Moreau", "Kim", "Lopez",
    "Hughes", "Berg", "Costa", "Shrestha"};

struct Company {
  const char* name;
  const char* industry;
};
const std::array<Company, 24> kCompanies = {{
    {"Acme Fabrication", "manufacturing"}, {"Northwind Plastics", "manufacturing"},
    {"Harbor Foods", "food processing"},    {"Summit Logistics", "logistics"},
    {"Bluebird Florists", "floristry"},     {"Keystone Machining", "manufacturing"},
    {"Riverbend Hospital", "healthcare"},   {"Cobalt Print Works", "printing"},
    {"Granite Construction Supply", "construction"}, {"Pioneer Packaging", "packaging"},
    {"Evergreen Dairy", "food processing"}, {"Lakeside Hotels", "hospitality"},
    {"Ironclad Tools", "manufacturing"},    {"Sunrise Bakeries", "food processing"},
    {"Metro Transit Parts", "transportation"}, {"Atlas Chemicals", "chemicals"},
    {"Willow Schools", "education"},        {"Orion Electronics", "electronics"},
    {"Cascade Water", "utilities"},         {"Maple Furniture", "manufacturing"},
    {"Vertex Labs", "laboratories"},        {"Harvest Wholesale", "wholesale"},
    {"Beacon Marine", "marine"},            {"Crescent Textiles", "textiles"},
}};

const std::array<const char*, 10> kHotButtons = {
    "cutting the cost of unscheduled maintenance", "shorter lead times on rush orders",
    "fewer defects reaching their customers",      "keeping the new line on schedule",
    "simpler waste-disposal reporting",            "lower inventory carrying cost",
    "faster service response after hours",         "consolidating suppliers",
    "predictable monthly spend",                   "training new operators quickly"};

const std::array<const char*, 10> kBusinessThreads = {
    "setting up the new manufacturing line", "moving into the new warehouse",
    "the ERP migration",                     "hiring a second-shift supervisor",
    "the ISO audit",                         "opening a second location",
    "the trade show in Chicago",             "renegotiating the freight contract",
    "the plant expansion",                   "the new quality program"};
const std::array<const char*, 8> kPersonalThreads = {
    "daughter's Little League season", "son's first year at college",
    "training for the marathon",       "the kitchen remodel",
    "the family trip to Japan",        "new puppy",
    "coaching the under-10 soccer team", "restoring a '67 Mustang"};

const std::array<const char*, 6> kTitles = {"VP Operations", "Plant Manager", "Purchasing Manager",
                                            "Maintenance Lead", "COO", "Buyer"};

}  // namespace

Result<DemoSummary> build_demo(Store& store, const DemoOptions& o, Instant now) {
  if (o.contacts < 1 || o.contacts > 1000000)
    return Status::InvalidArgument("contacts: between 1 and 1000000");
  auto existing = store.find_workspace_by_name(o.workspace_name);
  if (!existing.ok()) return existing.status();
  if (*existing)
    return Status::AlreadyExists("a workspace named '" + o.workspace_name +
                                 "' already exists in this database");
  Random rnd(o.seed);
  DemoSummary sum;
  Date today = local_date(now, "America/Chicago");
  Status status = store.transaction([&]() -> Status {
    Workspace w;
    w.name = o.workspace_name;
    w.default_region = "US";
    auto ws = store.create_workspace(w);
    if (!ws.ok()) return ws.status();
    sum.workspace_id = *ws;
    // The company the demo's reps call for, said in every voicemail.
    Settings settings;
    settings.company_name = "Lakeside Industrial Supply";
    NEXTCALL_RETURN_IF_ERROR(store.put_settings(*ws, settings));

    struct RepSeed { const char* name; const char* email; UserRole role; const char* zone; const char* phone; };
    const RepSeed reps[] = {
        {"Maria Alvarez", "maria@demo.nextcall", UserRole::kManager, "America/Chicago", "+13125550142"},
        {"Sam Carter", "sam@demo.nextcall", UserRole::kRep, "America/Denver", "+13035550187"},
        {"Priya Nair", "priya@demo.nextcall", UserRole::kRep, "Europe/London", "+442079460321"},
    };
    std::vector<Id> rep_ids;
    for (const RepSeed& r : reps) {
      User u;
      u.workspace_id = sum.workspace_id;
      u.name = r.name;
      u.email = o.workspace_name == "Demo Sales Team" ? r.email
                                                      : std::to_string(sum.workspace_id) + "." + r.email;
      u.role = r.role;
      u.timezone = r.zone;
      u.phone_e164 = r.phone;
      if (!o.password.empty()) {
        // Each user a salt of their own, so equal passwords do not show as equal hashes.
        auto h = hash_demo_password(o.password);
        if (!h.ok()) return h.status();
        u.password_hash = *h;
      }
      auto id = store.create_user(u);
      if (!id.ok()) return id.status();
      rep_ids.push_back(*id);
      ++sum.users;
    }

    // Accounts: each company in one or two cities.
    struct AccountSeed { Id id; const City* city; const Company* company; };
    std::vector<AccountSeed> accounts;
    int account_count = std::max(6, std::min<int>(o.contacts / 4, 2000));
    for (int i = 0; i < account_count; ++i) {
      const Company& co = kCompanies[static_cast<std::size_t>(i) % kCompanies.size()];
      const City& city = kCities[static_cast<std::size_t>(rnd.below(kCities.size()))];
      Account a;
      a.workspace_id = sum.workspace_id;
      a.name = co.name;
      if (i >= static_cast<int>(kCompanies.size()))
        a.name += std::string(" ") + city.name + (i >= 2 * static_cast<int>(kCompanies.size()) ? " " + std::to_string(i) : "");
      a.industry = co.industry;
      a.city = city.name;
      a.region = city.state;
      a.country = city.country;
      // Spread sites a few kilometres around the city centre.
      a.location = GeoPoint{city.lat + (rnd.below(200) - 100) / 2000.0,
                            city.lon + (rnd.below(200) - 100) / 2000.0};
      auto id = store.create_account(a);
      if (!id.ok()) return id.status();
      accounts.push_back({*id, &city, &co});
      ++sum.accounts;
    }

    // Reasons: the team's starter library, one or more per category (seed 001).
    struct ReasonSeed { ReasonCategory cat; const char* text; const char* hot; const char* objection; };
    const ReasonSeed reasons[] = {
        {ReasonCategory::kYouFirst, "I was thinking of you when I read how plants your size cut unscheduled downtime by a third", "cutting the cost of unscheduled maintenance", ""},
        {ReasonCategory::kIndustryNews, "the new waste-disposal reporting rules start in January, and we have a way to make that report a ten-minute job for you", "simpler waste-disposal reporting", ""},
        {ReasonCategory::kNewPolicy, "we dropped our minimum order to 50 units, so you can trial us without tying up cash", "", "min_order_size"},
        {ReasonCategory::kNewPolicy, "we now offer 60-day terms, so you can stock up before the busy season without straining cash flow", "", "credit_terms"},
        {ReasonCategory::kNewRegime, "our new quality team cut shipping errors by 80%, so the problems you had with us are behind you", "fewer defects reaching their customers", "quality"},
        {ReasonCategory::kNewCapability, "you can now get same-day rush orders from our Chicago warehouse, so a breakdown no longer stops your line", "shorter lead times on rush orders", ""},
        {ReasonCategory::kNewCapability, "we added the replacement-parts line you asked about, so you can get everything on one order", "consolidating suppliers", "missing_product_line"},
        {ReasonCategory::kNewYou, "I have put together a maintenance-cost comparison for plants like yours that I think you will find useful", "cutting the cost of unscheduled maintenance", ""},
        {ReasonCategory::kYouFirst, "when I saw the news about your plant expansion you immediately came to mind, and I have an idea that could keep it on schedule", "keeping the new line on schedule", ""},
        {ReasonCategory::kIndustryNews, "freight rates are going up 12% next quarter, and there is a way for you to lock in this year's price", "predictable monthly spend", ""},
    };
    std::vector<std::pair<Id, std::string>> reason_ids;
    for (const ReasonSeed& r : reasons) {
      Reason x;
      x.workspace_id = sum.workspace_id;
      x.text = r.text;
      x.category = r.cat;
      if (*r.hot) x.hot_buttons = {r.hot};
      if (*r.objection) x.objections = {r.objection};
      x.author_id = rep_ids[0];
      x.author_name = reps[0].name;
      x.created_at = now - std::chrono::days{30};
      auto id = store.add_reason(x);
      if (!id.ok()) return id.status();
      reason_ids.push_back({*id, x.text});
      ++sum.reasons;
    }

    const char* objection_codes[] = {"min_order_size", "credit_terms", "missing_product_line",
                                     "quality", "price", "incumbent_vendor", "no_budget"};
    const Outcome outcomes[] = {Outcome::kConnected, Outcome::kConnected, Outcome::kConnected,
                                Outcome::kVoicemail, Outcome::kVoicemail, Outcome::kVoicemail,
                                Outcome::kGatekeeper, Outcome::kNoAnswer, Outcome::kNoAnswer,
                                Outcome::kVoicemail};
    const char* rungs[] = {"linkedin", "send_info", "referral", "review_together",
                           "proposal_review", "meeting", "sale"};
    std::vector<Id> decision_makers_by_account(accounts.size(), 0);

    for (int i = 0; i < o.contacts; ++i) {
      const AccountSeed& acc = accounts[static_cast<std::size_t>(rnd.below(static_cast<int>(accounts.size())))];
      const City& city = *acc.city;
      Contact c;
      c.workspace_id = sum.workspace_id;
      c.account_id = acc.id;
      c.owner_id = rep_ids[static_cast<std::size_t>(city.owner)];
      c.first_name = rnd.pick(kFirst);
      c.last_name = rnd.pick(kLast);
      int role_roll = rnd.below(100);
      c.role = role_roll < 70 ? Role::kDecisionMaker : role_roll < 90 ? Role::kInfluencer : Role::kGatekeeper;
      c.title = c.role == Role::kGatekeeper ? "Executive Assistant" : rnd.pick(kTitles);
      c.stage = rnd.chance(35) ? Stage::kCustomer : Stage::kProspect;
      c.city = city.name;
      c.region = city.state;
      c.country = city.country;
      c.timezone = city.zone;
      c.location = GeoPoint{city.lat + (rnd.below(200) - 100) / 2000.0,
                            city.lon + (rnd.below(200) - 100) / 2000.0};
      std::string local = c.first_name;
      for (char& ch : local) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      c.email = local + "." + std::to_string(i + 1) + "@" +
                std::string(acc.company->name).substr(0, std::string(acc.company->name).find(' ')) + ".example";
      for (char& ch : c.email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      // A number of the city's own plan, unique per contact, checked by libphonenumber.
      for (int attempt = 0; attempt < 20 && c.phones.empty(); ++attempt) {
        char buf[40];
        int unique = (i * 7919 + attempt * 104729 + rnd.below(97)) % 9000 + 1000;
        int mod = 1;
        for (int d = 0; d < city.digits; ++d) mod *= 10;
        long value = (static_cast<long>(unique) * 1009 + i) % mod;
        bool two_parts = std::string(city.phone).find('%') != std::string(city.phone).rfind('%');
        if (two_parts)
          std::snprintf(buf, sizeof buf, city.phone, static_cast<int>(value / 10000),
                        static_cast<int>(value % 10000));
        else
          std::snprintf(buf, sizeof buf, city.phone, static_cast<int>(value));
        auto p = parse_phone(buf, city.country);
        if (!p.ok()) continue;
        auto taken = store.find_contact_by_phone(sum.workspace_id, p->e164);
        if (!taken.ok()) return taken.status();
        if (!*taken) c.phones.push_back({p->e164, "work"});
      }
      if (rnd.chance(80)) c.hot_button = rnd.pick(kHotButtons);
      if (c.stage == Stage::kCustomer) {
        int k = rnd.below(3);
        c.cadence = k == 0 ? Cadence{Cadence::Kind::kWeekly, 0}
                    : k == 1 ? Cadence{Cadence::Kind::kEveryNDays, 14}
                             : Cadence{Cadence::Kind::kMonthly, 0};
      }
      c.deal_value = 1000.0 * (1 + rnd.below(50));
      if (rnd.chance(3)) {
        c.do_not_call = true;
        c.do_not_call_since = today - std::chrono::days{rnd.below(60) + 1};
        c.do_not_call_reason = "asked not to be called again";
      }
      std::size_t acc_index = static_cast<std::size_t>(&acc - accounts.data());
      // A gatekeeper screens the account's first decision maker; without one, no gatekeeper.
      if (c.role == Role::kGatekeeper && decision_makers_by_account[acc_index] == 0) {
        c.role = Role::kDecisionMaker;
        c.title = rnd.pick(kTitles);
      }
      c.created_at = now - std::chrono::days{40 + rnd.below(200)};
      c.updated_at = c.created_at;
      auto id = store.create_contact(c);
      if (!id.ok()) return id.status();
      c.id = *id;
      ++sum.contacts;
      if (c.role == Role::kDecisionMaker && decision_makers_by_account[acc_index] == 0)
        decision_makers_by_account[acc_index] = c.id;
      if (c.role == Role::kGatekeeper) {
        auto boss = store.get_contact(sum.workspace_id, decision_makers_by_account[acc_index]);
        if (boss.ok() && !boss->gatekeeper_id) {
          boss->gatekeeper_id = c.id;
          NEXTCALL_RETURN_IF_ERROR(store.update_contact(*boss));
        }
      }

      // Threads (seed 000): most contacts mentioned something worth asking about.
      int threads = c.role == Role::kGatekeeper ? 0 : rnd.below(3) + (rnd.chance(70) ? 1 : 0);
      for (int t = 0; t < threads; ++t) {
        Thread th;
        th.workspace_id = sum.workspace_id;
        th.contact_id = c.id;
        bool personal = rnd.chance(35);
        th.kind = personal ? ThreadKind::kPersonal : ThreadKind::kBusiness;
        th.topic = personal ? rnd.pick(kPersonalThreads) : rnd.pick(kBusinessThreads);
        th.detail = personal ? "" : (rnd.chance(50) ? "worried about getting it going on schedule" : "");
        th.open = !rnd.chance(15);
        th.mentioned_on = today - std::chrono::days{rnd.below(40) + 3};
        NEXTCALL_RETURN_IF_ERROR(store.add_thread(th).status());
      }
      // Objections (seed 001) for prospects.
      if (c.stage == Stage::kProspect && c.role != Role::kGatekeeper && rnd.chance(45)) {
        Objection ob;
        ob.workspace_id = sum.workspace_id;
        ob.contact_id = c.id;
        ob.code = objection_codes[rnd.below(7)];
        if (ob.code == "min_order_size") {
          ob.amount = 25.0 * (1 + rnd.below(6));
          ob.detail = "can only commit to " + std::to_string(static_cast<int>(*ob.amount)) + " units a month";
        } else if (ob.code == "credit_terms") {
          ob.detail = "needs 60-day terms";
        } else if (ob.code == "missing_product_line") {
          ob.detail = "wants replacement parts on the same order";
        } else if (ob.code == "quality") {
          ob.detail = "had shipping errors with us two years ago";
        } else if (ob.code == "incumbent_vendor") {
          ob.detail = "happy with their current supplier";
        }
        ob.recorded_on = today - std::chrono::days{rnd.below(90) + 5};
        NEXTCALL_RETURN_IF_ERROR(store.add_objection(ob).status());
      }
      // Materials with page pointers (seed 002).
      std::optional<Id> material_id;
      if (c.role != Role::kGatekeeper && rnd.chance(50)) {
        Material m;
        m.workspace_id = sum.workspace_id;
        m.contact_id = c.id;
        m.title = rnd.chance(50) ? "Model 40 spec sheet" : "Maintenance cost study";
        m.sent_on = today - std::chrono::days{rnd.below(14) + 2};
        m.link = m.title == "Model 40 spec sheet" ? "model40-specs.pdf" : "maintenance-study.pdf";
        if (!c.hot_button.empty()) m.pointers.push_back({"page " + std::to_string(2 + rnd.below(6)), c.hot_button});
        m.pointers.push_back({"the price table on the last page", "predictable monthly spend"});
        auto mid = store.add_material(m);
        if (!mid.ok()) return mid.status();
        material_id = *mid;
      }
      // Commitments on both sides, some overdue, some broken.
      if (c.role != Role::kGatekeeper && rnd.chance(45)) {
        Commitment k;
        k.workspace_id = sum.workspace_id;
        k.contact_id = c.id;
        bool theirs = material_id && rnd.chance(75);
        k.owner = theirs ? Party::kContact : Party::kRep;
        k.what = theirs ? "review the " + std::string(rnd.chance(50) ? "spec sheet" : "cost study")
                        : std::string(rnd.chance(50) ? "send the pricing for 100 units" : "find a reference customer in their industry");
        if (theirs) k.material_id = material_id;
        k.due_on = today + std::chrono::days{rnd.below(10) - 5};
        k.created_on = today - std::chrono::days{rnd.below(10) + 5};
        k.status = rnd.chance(15) ? CommitmentStatus::kBroken : CommitmentStatus::kOpen;
        NEXTCALL_RETURN_IF_ERROR(store.add_commitment(k).status());
      }
      // Referrals (seed 003).
      if (c.stage == Stage::kProspect && rnd.chance(12)) {
        Referral r;
        r.workspace_id = sum.workspace_id;
        r.referred_contact_id = c.id;
        r.referrer_name = std::string(rnd.pick(kFirst)) + " " + rnd.pick(kLast);
        r.introduced = rnd.chance(60);
        if (r.introduced) r.introduced_on = today - std::chrono::days{rnd.below(5) + 1};
        NEXTCALL_RETURN_IF_ERROR(store.add_referral(r).status());
      }
      // Appointments: confirmed visits in the next two weeks, at the contact's site.
      if (c.role == Role::kDecisionMaker && rnd.chance(10)) {
        Appointment ap;
        ap.workspace_id = sum.workspace_id;
        ap.contact_id = c.id;
        ap.rep_id = c.owner_id;
        Date when = today + std::chrono::days{1 + rnd.below(14)};
        std::chrono::weekday wd{when};
        if (wd == std::chrono::Saturday) when += std::chrono::days{2};
        if (wd == std::chrono::Sunday) when += std::chrono::days{1};
        ap.starts_at = zoned_instant(when, (9 + rnd.below(7)) * 60, c.timezone);
        ap.duration_minutes = 60;
        ap.status = rnd.chance(70) ? AppointmentStatus::kConfirmed : AppointmentStatus::kProposed;
        ap.place = std::string(acc.company->name) + ", " + city.name;
        ap.location = c.location;
        NEXTCALL_RETURN_IF_ERROR(store.add_appointment(ap).status());
      }
      // A few weeks of calls at realistic local times.
      int calls = c.do_not_call ? 1 : rnd.below(7);
      int best_rung = -1;
      for (int k = 0; k < calls; ++k) {
        Attempt a;
        a.workspace_id = sum.workspace_id;
        a.contact_id = c.id;
        a.rep_id = c.owner_id;
        Date day = today - std::chrono::days{28 - k * 4 - rnd.below(3)};
        if (day >= today) day = today - std::chrono::days{1};
        static const int kMinutes[] = {7 * 60 + 40, 9 * 60 + 30, 10 * 60 + 45, 12 * 60 + 15,
                                       14 * 60 + 20, 16 * 60, 17 * 60 + 20};
        a.at = zoned_instant(day, kMinutes[rnd.below(7)], c.timezone);
        a.outcome = outcomes[rnd.below(10)];
        if (c.role == Role::kGatekeeper && a.outcome == Outcome::kGatekeeper) a.outcome = Outcome::kConnected;
        a.ladder = a.outcome == Outcome::kGatekeeper || c.role == Role::kGatekeeper ? "gatekeeper" : "contact";
        if (a.outcome == Outcome::kConnected && a.ladder == "contact" && rnd.chance(70)) {
          best_rung = std::min(6, best_rung + 1 + rnd.below(2));
          a.rung = rungs[best_rung];
          a.duration_seconds = 120 + rnd.below(900);
        } else if (a.outcome == Outcome::kGatekeeper && rnd.chance(40)) {
          a.rung = rnd.chance(50) ? "pass_on_proposal" : "direct_line";
        }
        a.approach = a.outcome == Outcome::kVoicemail ? "voicemail" : a.outcome == Outcome::kGatekeeper ? "gatekeeper" : "direct";
        if (a.outcome == Outcome::kConnected && k == calls - 1 && rnd.chance(50))
          a.next_on = today + std::chrono::days{rnd.below(4)};
        if (a.outcome == Outcome::kConnected) a.note = rnd.chance(50) ? "good conversation" : "asked for numbers";
        if (rnd.chance(60)) {
          const auto& [rid, text] = reason_ids[static_cast<std::size_t>(rnd.below(static_cast<int>(reason_ids.size())))];
          a.reason_id = rid;
          a.reason = text;
        }
        NEXTCALL_RETURN_IF_ERROR(store.add_attempt(a).status());
        ++sum.attempts;
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return sum;
}

}  // namespace nextcall
