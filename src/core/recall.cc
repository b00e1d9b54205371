#include "core/recall.h"

#include <algorithm>
#include <cctype>

#include "core/change_condition.h"

namespace nextcall {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool mentions(const std::string& haystack, const std::string& needle) {
  if (haystack.empty() || needle.empty()) return false;
  std::string h = lower(haystack), n = lower(needle);
  return h.find(n) != std::string::npos || n.find(h) != std::string::npos;
}

std::string trimmed_title(const Change& c) {
  std::string t = c.description.empty() ? c.title : c.description;
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  if (t.size() > 1 && std::isupper(static_cast<unsigned char>(t[0])) &&
      std::islower(static_cast<unsigned char>(t[1])))
    t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
  return t;
}

// What the listener can do now, per objection code.
std::string result_for(const std::string& code) {
  if (code == "min_order_size") return "you can start with the quantity that suits you";
  if (code == "credit_terms") return "you can order now and pay on terms that fit your cash flow";
  if (code == "missing_product_line") return "you can get everything on one order";
  if (code == "quality") return "the problems you had are behind us";
  if (code == "price") return "the numbers may work for you now";
  if (code == "incumbent_vendor") return "it may be worth a second look next to your current supplier";
  if (code == "no_budget") return "it can fit this year's budget";
  return "what stopped you before may not stop you now";
}

}  // namespace

std::string objection_phrase(const std::string& code) {
  if (code == "min_order_size") return "the minimum order";
  if (code == "credit_terms") return "our credit terms";
  if (code == "missing_product_line") return "the product line we didn't carry";
  if (code == "quality") return "the quality problems you had with us";
  if (code == "price") return "the price";
  if (code == "incumbent_vendor") return "being happy with your current supplier";
  if (code == "no_budget") return "the budget";
  std::string s = code;
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

ChangeFit change_fit(const Change& change, const Contact& contact,
                     std::span<const Objection> objections, const std::string& industry) {
  ChangeFit fit;
  if (!change.industries.empty()) {
    bool any = std::any_of(change.industries.begin(), change.industries.end(),
                           [&](const std::string& i) { return lower(i) == lower(industry); });
    if (!any) return fit;
  }
  for (const Objection& o : objections) {
    if (o.status != ObjectionStatus::kOpen) continue;
    for (const ObjectionCondition& r : change.resolves) {
      if (r.code != o.code) continue;
      auto cond = parse_amount_condition(r.condition);
      if (!cond.ok() || !satisfies(*cond, o.amount)) continue;
      fit.fits = true;
      fit.objection_id = o.id;
      fit.why = "resolves their open objection " + o.code;
      if (o.amount) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " (they need %g; the change covers %s)", *o.amount,
                      describe(*cond).c_str());
        fit.why += buf;
      }
      std::string what = o.detail.empty() ? objection_phrase(o.code) : o.detail;
      fit.drafted_reason = "you mentioned " + what + " was what stopped you; " +
                           trimmed_title(change) + ", so " + result_for(o.code);
      return fit;
    }
  }
  for (const std::string& h : change.serves) {
    if (mentions(contact.hot_button, h)) {
      fit.fits = true;
      fit.serves_hot_button = true;
      fit.why = "serves their hot button (" + contact.hot_button + ")";
      fit.drafted_reason = trimmed_title(change) + ", which goes straight to " + contact.hot_button;
      return fit;
    }
  }
  return fit;
}

}  // namespace nextcall
