#include "core/reason_choice.h"

#include <algorithm>
#include <cctype>

#include "core/model_text.h"
#include "core/recall.h"

namespace nextcall {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool loosely_equal(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::string x = lower(a), y = lower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

std::string sentence(const std::string& text) {
  std::string t = text;
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  return "The reason I'm calling is " + t + ".";
}

}  // namespace

double reason_fit(const Reason& r, const Contact& c, const Account* account,
                  std::span<const Objection> objections, Date day) {
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
            facet(r.hot_buttons, [&](const std::string& h) { return loosely_equal(h, c.hot_button); }, 3) &&
            facet(r.industries,
                  [&](const std::string& i) { return account && lower(i) == lower(account->industry); }, 1) &&
            facet(r.stages, [&](const std::string& st) { return st == to_text(c.stage); }, 1) &&
            facet(r.roles, [&](const std::string& ro) { return ro == to_text(c.role); }, 1);
  if (!ok) return -1;
  return score;
}

std::optional<ReasonChoice> choose_reason(const Snapshot& s, std::size_t i,
                                          const std::optional<MaterialPointer>& page) {
  const Contact& c = s.contacts[i];
  const Account* account = s.account_of(i);
  auto objections = s.objections_of(i);
  auto attempts = s.attempts_of(i);
  std::string industry = account ? account->industry : "";

  // 1. A change made since we last spoke that resolves their objection or serves their
  //    hot button: the strongest reason there is (seed 001, "call them again").
  for (auto it = s.changes.rbegin(); it != s.changes.rend(); ++it) {
    const Change& ch = *it;
    if (ch.effective_on && *ch.effective_on > s.day) continue;
    ChangeFit fit = change_fit(ch, c, objections, industry);
    if (!fit.fits) continue;
    bool told = std::any_of(attempts.begin(), attempts.end(), [&](const Attempt& a) {
      return a.outcome == Outcome::kConnected && a.at >= ch.created_at;
    });
    if (told) continue;
    ReasonChoice r;
    r.source = "change";
    r.change_id = ch.id;
    r.category = std::string(to_text(ch.kind));
    r.text = fit.drafted_reason;
    r.sentence = sentence(r.text);
    r.why = "change #" + std::to_string(ch.id) + " \"" + ch.title + "\" " + fit.why;
    return r;
  }

  // 2. The team's library: the best-fitting reason not used on the last conversation.
  std::optional<Id> last_used;
  for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
    if (it->outcome == Outcome::kConnected) {
      last_used = it->reason_id;
      break;
    }
  const Reason* best = nullptr;
  double best_score = -1;
  for (const Reason& r : s.reasons) {
    double fit = reason_fit(r, c, account, objections, s.day);
    if (fit < 0) continue;
    if (last_used && *last_used == r.id) fit -= 2.5;  // say something new each time
    if (fit > best_score || (fit == best_score && best && r.id < best->id)) {
      best = &r;
      best_score = fit;
    }
  }
  if (best && best_score > 0) {
    ReasonChoice r;
    r.source = "library";
    r.reason_id = best->id;
    r.category = std::string(to_text(best->category));
    r.text = best->text;
    r.sentence = sentence(r.text);
    r.why = "library reason #" + std::to_string(best->id) + " fits their " +
            (best->objections.empty() ? (best->hot_buttons.empty() ? "profile" : "hot button")
                                      : "open objection");
    return r;
  }

  // 3. A commitment that is due: theirs (go through it together) or ours (deliver it).
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.status == CommitmentStatus::kKept || !k.due_on || *k.due_on > s.day) continue;
    ReasonChoice r;
    r.source = "commitment";
    r.category = "you_first";
    if (k.owner == Party::kRep) {
      r.text = "I have " + k.what.substr(k.what.rfind("send ", 0) == 0 ? 5 : 0) +
               " I promised you" + (c.hot_button.empty() ? "" : ", and it bears on " + c.hot_button);
    } else {
      r.text = "to go through " + (page ? "the " + page->title : std::string("what I sent")) +
               " with you" + (page ? " — " + page->location + " shows how it helps with " + page->serves
                                   : std::string());
    }
    r.sentence = sentence(r.text);
    r.why = std::string(k.owner == Party::kRep ? "your" : "their") + " commitment #" +
            std::to_string(k.id) + " (\"" + k.what + "\") is due";
    return r;
  }

  // 4. A generic library reason (no audience) still carries value.
  if (best && best_score >= 0) {
    ReasonChoice r;
    r.source = "library";
    r.reason_id = best->id;
    r.category = std::string(to_text(best->category));
    r.text = best->text;
    r.sentence = sentence(r.text);
    r.why = "library reason #" + std::to_string(best->id) + " (for any contact)";
    return r;
  }

  // 5. An open business thread: caring about what matters to them (seed 000).
  for (const Thread& t : s.threads_of(i)) {
    if (!t.open || t.kind != ThreadKind::kBusiness) continue;
    ReasonChoice r;
    r.source = "thread";
    r.category = "you_first";
    r.text = "I've been thinking about " + t.topic + " since we spoke, and I have an idea that could help";
    r.sentence = sentence(r.text);
    r.why = "open thread #" + std::to_string(t.id) + "; add a library reason for a stronger one";
    return r;
  }
  return std::nullopt;
}

}  // namespace nextcall
