#include "core/reason_choice.h"

#include <algorithm>
#include <cctype>

#include "core/call_scripts.h"
#include "core/model_text.h"
#include "core/recall.h"
#include "core/thompson.h"

#include <cmath>

namespace nextcall {
namespace {

// True when `needle` occurs in `hay`, ignoring ASCII case (no copies: the planner asks
// this for every library reason and every due contact).
bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + k])) ==
                                    std::tolower(static_cast<unsigned char>(needle[k])))
      ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool loosely_equal(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return contains_folded(a, b) || contains_folded(b, a);
}

bool equal_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() && contains_folded(a, b);
}

}  // namespace

std::string reason_sentence(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  return "The reason I'm calling is " + t + ".";
}

double reason_fit(const Reason& r, const Contact& c, const Account* account,
                  std::span<const Objection> objections, Date day, bool* guessed) {
  if (guessed) *guessed = false;
  if (r.retired) return -1;
  if (r.expires_on && *r.expires_on < day) return -1;
  double score = 0;
  auto facet = [&](const std::vector<std::string>& wanted, auto matches, double weight) {
    if (wanted.empty()) return true;
    for (const std::string& w : wanted)
      if (matches(w)) {
        score += weight;
        return true;
      }
    return false;
  };
  bool ok = facet(r.objections,
                  [&](const std::string& code) {
                    return std::any_of(objections.begin(), objections.end(), [&](const Objection& o) {
                      return o.status == ObjectionStatus::kOpen && o.code == code;
                    });
                  },
                  4) &&
            (c.hot_button.empty() && !r.hot_buttons.empty()
                 ? (guessed && (*guessed = true), true)
                 : facet(r.hot_buttons, [&](const std::string& h) { return loosely_equal(h, c.hot_button); }, 3)) &&
            facet(r.industries,
                  [&](const std::string& i) { return account && equal_folded(i, account->industry); }, 1) &&
            facet(r.stages, [&](const std::string& st) { return st == to_text(c.stage); }, 1) &&
            facet(r.roles, [&](const std::string& ro) { return ro == to_text(c.role); }, 1);
  if (!ok) return -1;
  return score;
}

namespace {

// Seed 002: the rep's promise that is due (deliver it), else what the contact owes (go
// through it together): the first such commitment, rep's first.
const Commitment* due_commitment(const Snapshot& s, std::size_t i, Party owner) {
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.owner != owner || k.status == CommitmentStatus::kKept) continue;
    if (k.due_on && *k.due_on <= s.day) return &k;
    // Material they said they would review, without a date, is owed all the same.
    if (owner == Party::kContact && !k.due_on && k.material_id) return &k;
  }
  return nullptr;
}

// A referral whose introduction has not been followed by a conversation yet.
const Referral* fresh_referral(const Snapshot& s, std::size_t i, const CallHistory& h) {
  for (const Referral& r : s.referrals_of(i)) {
    if (r.referrer_name.empty()) continue;
    if (!h.last_connect_at) return &r;
    if (r.introduced_on && *r.introduced_on > Date{std::chrono::floor<std::chrono::days>(*h.last_connect_at)}) return &r;
  }
  return nullptr;
}

const Material* material_of(const Snapshot& s, std::size_t i, const Commitment& k) {
  if (!k.material_id) return nullptr;
  for (const Material& m : s.materials_of(i))
    if (m.id == *k.material_id) return &m;
  return nullptr;
}

}  // namespace

std::optional<ReasonChoice> choose_reason(const Snapshot& s, std::size_t i,
                                          const std::optional<MaterialPointer>& page) {
  const Contact& c = s.contacts[i];
  const Account* account = s.account_of(i);
  auto objections = s.objections_of(i);
  const CallHistory& history = s.history_of(i);
  std::string industry = account ? account->industry : "";

  // 1. The rep's own promise that is due: deliver it ("I have the pricing for the 200
  //    kits I promised you"). Nothing says more about the rep than a promise kept.
  if (const Commitment* k = due_commitment(s, i, Party::kRep)) {
    ReasonChoice r;
    r.source = "commitment";
    r.category = "you_first";
    r.text = promise_kept_text(k->what, said_to_them(c.hot_button));
    r.kept_promise = true;
    r.sentence = reason_sentence(r.text);
    r.why = "your promise #" + std::to_string(k->id) + " (\"" + k->what + "\") is due: deliver it";
    return r;
  }

  // 2. What the contact owes: go through the material together, at the page that serves
  //    their hot button (seed 002).
  if (const Commitment* k = due_commitment(s, i, Party::kContact)) {
    const Material* m = material_of(s, i, *k);
    ReasonChoice r;
    r.source = "commitment";
    r.category = "you_first";
    std::string title = m ? m->title : page ? page->title : std::string();
    if (!title.empty()) {
      r.text = "to go through the " + title + " with you";
      if (page && (!m || page->material_id == m->id) && !page->serves.empty())
        r.text += ": " + page->location + " shows how it helps with " + said_to_them(page->serves);
    } else {
      r.text = "to follow up on " + said_to_them(k->what) + ", as we agreed";
    }
    r.sentence = reason_sentence(r.text);
    r.why = "their commitment #" + std::to_string(k->id) + " (\"" + k->what + "\") is " +
            (k->due_on ? "due" : "open") + ": go through it together";
    return r;
  }

  // 3. A change made since we last spoke that resolves their objection or serves their
  //    hot button: the strongest news there is (seed 001, "call them again").
  for (auto it = s.changes.rbegin(); it != s.changes.rend(); ++it) {
    const Change& ch = *it;
    if (ch.effective_on && *ch.effective_on > s.day) continue;
    ChangeFit fit = change_fit(ch, c, objections, industry);
    if (!fit.fits) continue;
    bool told = history.last_connect_at && *history.last_connect_at >= ch.created_at;
    if (told) continue;
    ReasonChoice r;
    r.source = "change";
    r.change_id = ch.id;
    r.category = std::string(to_text(ch.kind));
    r.text = fit.drafted_reason;
    r.sentence = reason_sentence(r.text);
    r.why = "change #" + std::to_string(ch.id) + " \"" + ch.title + "\" " + fit.why;
    return r;
  }

  // 4. Who referred us (seed 003: prospects return calls to people they know).
  if (const Referral* ref = fresh_referral(s, i, history)) {
    ReasonChoice r;
    r.source = "referral";
    r.category = "you_first";
    r.text = ref->referrer_name + (ref->introduced ? " introduced us" : " suggested I call you");
    if (!c.hot_button.empty()) r.text += ", about " + said_to_them(c.hot_button);
    r.sentence = reason_sentence(r.text);
    r.why = "referred by " + ref->referrer_name + (ref->introduced ? ", who made the introduction" : "");
    return r;
  }

  // 5. The team's library: the best-fitting reason not used on the last conversation.
  std::optional<Id> last_used = history.last_connect_reason_id;
  const Reason* best = nullptr;
  double best_score = -1;
  std::vector<const Reason*> tier;  // the reasons that fit best, equally
  bool best_guessed = false;        // fits only because their hot button is not known
  bool has_thread = false;
  for (const Thread& t : s.threads_of(i)) has_thread |= t.open && t.kind == ThreadKind::kBusiness;
  for (const Reason& r : s.reasons) {
    bool guessed = false;
    double fit = reason_fit(r, c, account, objections, s.day, &guessed);
    if (fit < 0) continue;
    // Their own open thread says more than a reason aimed at someone else's hot button.
    if (guessed && has_thread) continue;
    if (guessed) fit -= 0.5;  // below a reason for anyone, when the library has one
    if (last_used && *last_used == r.id) fit -= 2.5;  // say something new each time
    if (fit > best_score + 1e-9) {
      best = &r;
      best_score = fit;
      best_guessed = guessed;
      tier.assign(1, &r);
    } else if (std::abs(fit - best_score) <= 1e-9) {
      tier.push_back(&r);
    }
  }
  std::string sampled;
  if (tier.size() > 1) {
    // Several reasons fit as well: let their record decide, by Thompson sampling over the
    // Beta posterior of their advance rate — seeded by the day and the contact, so the
    // plan is the same every time it is made that day.
    std::vector<Arm> arms;
    for (const Reason* r : tier) {
      auto it = s.reason_record.find(r->id);
      arms.push_back(it == s.reason_record.end() ? Arm{} : Arm{it->second.first, it->second.second});
    }
    std::uint64_t seed = static_cast<std::uint64_t>(s.day.time_since_epoch().count()) * 1000003u +
                         static_cast<std::uint64_t>(c.id);
    ThompsonPick pick = thompson_pick(arms, seed);
    best = tier[pick.index];
    sampled = "; chosen among " + std::to_string(tier.size()) + " that fit as well, by their record on the team's calls";
  }
  if (best && (best_guessed || best_score >= 0)) {
    ReasonChoice r;
    r.source = "library";
    r.reason_id = best->id;
    r.category = std::string(to_text(best->category));
    r.text = best->text;
    r.sentence = reason_sentence(r.text);
    const std::string which = "library reason #" + std::to_string(best->id);
    if (best_guessed)
      r.why = which + ": their hot button is not known yet, and this one speaks to " + best->hot_buttons.front() +
              "; the qualifying questions find theirs" + sampled;
    else if (best_score > 0)
      r.why = which + " fits their " +
              (best->objections.empty() ? (best->hot_buttons.empty() ? "profile" : "hot button") : "open objection") +
              sampled;
    else
      r.why = which + " (for any contact)" + sampled;
    return r;
  }

  // 6. An open business thread: caring about what matters to them (seed 000).
  for (const Thread& t : s.threads_of(i)) {
    if (!t.open || t.kind != ThreadKind::kBusiness) continue;
    ReasonChoice r;
    r.source = "thread";
    r.category = "you_first";
    r.text = "I've been thinking about " + t.topic + " since we spoke, and I have an idea that could help";
    r.sentence = reason_sentence(r.text);
    r.why = "open thread #" + std::to_string(t.id) + "; add a library reason for a stronger one";
    return r;
  }
  return std::nullopt;
}

ReasonSource reason_source(const Snapshot& s, std::size_t i) {
  const Contact& c = s.contacts[i];
  const CallHistory& history = s.history_of(i);
  // The same sources in the same order as choose_reason, stopping at the first that gives one.
  if (due_commitment(s, i, Party::kRep) || due_commitment(s, i, Party::kContact)) return ReasonSource::kOther;
  const Account* account = s.account_of(i);
  auto objections = s.objections_of(i);
  for (const Change& ch : s.changes) {
    if (ch.effective_on && *ch.effective_on > s.day) continue;
    if (history.last_connect_at && *history.last_connect_at >= ch.created_at) continue;
    if (change_fit(ch, c, objections, account ? account->industry : "").fits) return ReasonSource::kChange;
  }
  if (fresh_referral(s, i, history)) return ReasonSource::kOther;
  for (const Reason& r : s.reasons)
    if (reason_fit(r, c, account, objections, s.day) >= 0) return ReasonSource::kOther;
  for (const Thread& t : s.threads_of(i))
    if (t.open && t.kind == ThreadKind::kBusiness) return ReasonSource::kOther;
  return ReasonSource::kNone;
}

}  // namespace nextcall
