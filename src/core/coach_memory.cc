// Memory extraction by cue phrases, one sentence at a time. Honest limits (docs/coach.md):
// no coreference ("it" stays "it"), no negation beyond a few fixed forms, one item per cue
// per sentence, English only.
#include "core/coach_memory.h"

#include <cctype>
#include <chrono>

#include "core/civil_time.h"
#include "core/coach_text.h"

namespace nextcall {

using coach_text::find_any;
using coach_text::has_any;
using coach_text::has_word;
using coach_text::normalize;
using namespace std::chrono;

namespace {

std::string strip_end(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ',' ||
                        s.back() == '"' || s.back() == ' '))
    s.pop_back();
  return s;
}

// Text after `cue` in `n`, up to the sentence end.
std::string after(const std::string& n, std::string_view cue) {
  size_t p = n.find(cue);
  if (p == std::string::npos) return {};
  return coach_text::trim(strip_end(n.substr(p + cue.size())));
}

std::string remove_due(std::string what, const std::string& due_text) {
  if (!due_text.empty()) {
    size_t p = what.find(due_text);
    if (p != std::string::npos) what.erase(p, due_text.size());
  }
  return coach_text::trim(strip_end(coach_text::trim(what)));
}

std::optional<MemoryThread> thread_in(const std::string& n) {
  std::string_view personal = find_any(
      n, {"my son", "my daughter", "my kid", "my wife", "my husband", "my family", "my dad",
          "my mom", "my mother", "my father", "vacation", "playoff", "wedding", "birthday",
          "honeymoon", "marathon", "my dog", "our new baby", "golf", "fishing trip", "on holiday",
          "holiday trip", "my kids", "our kids", "grandkids", "grandson", "granddaughter",
          "graduation", "graduating", "tournament", "finals", "championship", "recital",
          "little league", "soccer", "baseball", "hockey", "anniversary", "retirement party",
          "surgery", "new house", "my team"});
  if (!personal.empty()) {
    // A short sentence is the topic as said ("she's going to the state finals next month");
    // a long one is cut to start at the cue.
    std::size_t words = 1;
    for (char ch : n) words += ch == ' ';
    size_t p = words <= 16 ? 0 : n.find(personal);
    return MemoryThread{ThreadKind::kPersonal, coach_text::trim(strip_end(n.substr(p))), -1};
  }
  std::string_view business = find_any(
      n, {"we're setting up", "we are setting up", "we're launching", "we are launching",
          "we're opening", "we are opening", "we're moving", "we're expanding", "we are expanding",
          "we're building", "we're installing", "we're rolling out", "we're starting",
          "we're planning", "we are planning", "we're hiring", "we're adding", "we're replacing",
          "we're upgrading", "we're switching", "we just opened", "we just bought",
          "we just hired", "we're merging", "we're relocating", "we're bidding on"});
  if (!business.empty()) {
    std::string cue(business);
    std::string verb = cue.substr(cue.find(' ') + 1);
    if (verb.rfind("are ", 0) == 0) verb = verb.substr(4);
    if (verb.rfind("just ", 0) == 0) verb = verb.substr(5);
    return MemoryThread{ThreadKind::kBusiness, verb + " " + after(n, business), -1};
  }
  return std::nullopt;
}

const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday"};

}  // namespace

std::optional<Date> resolve_due(const std::string& n, Date call_date, std::string* due_text) {
  auto set = [&](std::string_view t) { if (due_text) *due_text = std::string(t); };
  for (const char* w : kWeekdays) {
    std::string wd(w);
    for (std::string prefix : {"by next ", "next ", "by end of day ", "by ", "on ", "this ", "until ", ""}) {
      std::string phrase = prefix + wd;
      if (prefix.empty() ? has_word(n, wd) : n.find(phrase) != std::string::npos) {
        set(phrase);
        // "next friday" is read as the coming Friday, as it is mostly meant in speech.
        auto d = parse_relative_date(wd, call_date);
        return d;
      }
    }
  }
  struct Rel { const char* phrase; int days; };
  static const Rel kRel[] = {{"end of day", 0}, {"today", 0}, {"tonight", 0},
                             {"this afternoon", 0}, {"this morning", 0}, {"this evening", 0},
                             {"close of business", 0}, {"after this call", 0}, {"right away", 0},
                             {"eod", 0},
                             {"tomorrow", 1}, {"in a couple of days", 2}, {"in a couple days", 2},
                             {"in a few days", 3}, {"in two weeks", 14}, {"in a couple of weeks", 14},
                             {"in a week", 7}, {"next month", 30}};
  for (const Rel& r : kRel) {
    if (n.find(r.phrase) != std::string::npos) {
      set(r.phrase);
      return call_date + days(r.days);
    }
  }
  for (const char* phrase : {"end of the week", "end of this week", "this week"}) {
    if (n.find(phrase) != std::string::npos) {
      set(phrase);
      return parse_relative_date("friday", call_date);
    }
  }
  if (n.find("next week") != std::string::npos) {
    set("next week");
    return parse_relative_date("monday", call_date);
  }
  if (n.find("end of the month") != std::string::npos) {
    set("end of the month");
    year_month_day ymd{call_date};
    return sys_days{ymd.year() / ymd.month() / last};
  }
  return std::nullopt;
}

CoachMemory extract_memory(const Transcript& t, Date call_date) {
  CoachMemory m;
  m.call_date = call_date;
  for (size_t i = 0; i < t.turns.size(); ++i) {
    const Turn& turn = t.turns[i];
    for (const std::string& sent : coach_text::sentences(turn.text)) {
      std::string n = normalize(sent);
      // Commitments, both sides: "I'll ...", "I will ...", "I'm going to ...", "let me ...".
      std::string_view c = find_any(n, {"i'll ", "i will ", "i'm going to ", "i am going to ",
                                        "let me ", "we'll ", "i can get you ", "i can send "});
      if (!c.empty() && !has_any(n, {"i'll be honest", "i'll tell you", "i'll let you go",
                                      "i'll think about", "i'll pass", "i'll be ", "if i'll",
                                      "let me think", "let me ask", "let me tell", "let me be",
                                      "let me know", "let me see", "we'll see", "let me look at my calendar",
                                      "let me check my calendar", "let me look", "let me check my", "i'll keep it",
                                      "i'll make it quick", "'ll need", "'ll have to"})) {
        std::string what = after(n, c);
        if (c == "i can get you " || c == "i can send ") what = std::string(c.substr(6)) + what;
        if (what.rfind("just ", 0) == 0) what = what.substr(5);
        // "send it today and call you thursday morning" is two promises with two dates.
        std::vector<std::string> parts;
        for (std::size_t from = 0;;) {
          std::size_t cut = std::string::npos;
          for (std::string_view verb : {" and call ", " and send ", " and email ", " and follow ", " and get ",
                                        " and check ", " and review ", " and talk ", " and look ",
                                        " and set up ", " and book "}) {
            std::size_t at = what.find(verb, from);
            if (at != std::string::npos && at < cut) cut = at;
          }
          if (cut == std::string::npos) {
            parts.push_back(what.substr(from));
            break;
          }
          parts.push_back(what.substr(from, cut - from));
          from = cut + 5;  // past " and "
        }
        for (const std::string& part : parts) {
          MemoryCommitment mc;
          mc.owner = turn.is_rep ? Party::kRep : Party::kContact;
          mc.due_on = resolve_due(part, call_date, &mc.due_text);
          mc.what = remove_due(part, mc.due_text);
          for (const char* tail : {" for you", " then", " ok", " okay", " morning", " afternoon"}) {
            std::string tl(tail);
            if (mc.what.size() > tl.size() && mc.what.compare(mc.what.size() - tl.size(), tl.size(), tl) == 0)
              mc.what.erase(mc.what.size() - tl.size());
          }
          mc.what = coach_text::trim(mc.what);
          mc.turn = static_cast<int>(i);
          if (!mc.what.empty()) m.commitments.push_back(std::move(mc));
        }
      }
      if (turn.is_rep) continue;
      if (auto th = thread_in(n)) {
        th->turn = static_cast<int>(i);
        m.threads.push_back(std::move(*th));
      }
      if (!m.hot_button) {
        std::string_view h = find_any(
            n, {"what we really need is to ", "what we really need is ", "what we need is to ",
                "what we need is ", "our biggest problem is ", "our biggest headache is ",
                "our biggest concern is ", "our biggest issue is ", "the biggest issue is ",
                "our main concern is ", "the main thing for us is ", "what matters most is ",
                "our priority is to ", "our priority is ", "we really need to ",
                "we're trying to ", "we are trying to ", "i'm trying to "});
        std::string flexible;
        if (h.empty()) {
          // "our biggest headache right now is ...", "the main challenge for us is ..."
          for (std::string_view lead : {"biggest headache", "biggest problem", "biggest challenge",
                                        "biggest concern", "biggest issue", "main challenge",
                                        "main concern", "top priority", "number one priority"}) {
            size_t p = n.find(lead);
            if (p == std::string::npos) continue;
            size_t is = n.find(" is ", p + lead.size());
            if (is != std::string::npos && is - p < lead.size() + 25) {
              flexible = n.substr(p, is + 4 - p);
              h = flexible;
              break;
            }
          }
        }
        if (!h.empty()) {
          std::string hb = after(n, h);
          if (!hb.empty()) {
            m.hot_button = hb;
            m.hot_button_turn = static_cast<int>(i);
          }
        }
      }
      struct Obj { const char* code; std::initializer_list<std::string_view> cues; };
      static const Obj kObj[] = {
          {"min_order_size", {"minimum order", "order minimum", "minimums are", "your minimum",
                              "minimum is too", "order size", "minimum quantity", "moq"}},
          {"credit_terms", {"payment terms", "net 30", "net 60", "net 90", "net thirty",
                            "net sixty", "credit terms", "your terms", "terms are", "credit limit",
                            "pay up front", "payment up front", "prepay"}},
          {"missing_product_line", {"you don't carry", "you don't have a", "you don't offer",
                                    "you don't make", "you don't sell", "don't carry the",
                                    "doesn't carry", "not in your line", "you guys don't have"}},
          {"quality", {"quality", "defect", "reliability", "kept breaking", "broke down",
                       "failure rate", "returns were"}},
          {"price", {"too expensive", "price is", "prices are", "your price", "cheaper",
                     "costs too much", "too pricey", "out of our price", "pricing is", "too high",
                     "more than we pay"}},
          {"incumbent_vendor", {"already have a supplier", "already have a vendor",
                                "current supplier", "current vendor", "happy with our",
                                "we already use", "we already work with", "under contract",
                                "existing supplier", "been with them", "we buy from",
                                "already buy from", "our supplier", "locked into",
                                "contract with", "in a contract"}},
          {"no_budget", {"no budget", "budget is", "budget's", "don't have the money",
                         "not in the budget", "no money", "budget for", "budget is frozen",
                         "out of budget", "spending freeze"}},
      };
      for (const Obj& o : kObj) {
        bool hit = false;
        for (std::string_view cue : o.cues) hit = hit || n.find(cue) != std::string::npos;
        if (!hit) continue;
        bool dup = false;
        for (const auto& e : m.objections) dup = dup || e.code == o.code;
        if (!dup) m.objections.push_back({o.code, coach_text::trim(sent), static_cast<int>(i)});
        break;
      }
    }
  }
  return m;
}

}  // namespace nextcall
