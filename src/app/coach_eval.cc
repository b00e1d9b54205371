#include "app/coach_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/coach_call.h"
#include "core/civil_time.h"
#include "core/coach_text.h"
#include "core/model_text.h"

namespace nextcall {

namespace {

struct Labels {
  Date date{};
  std::string rep;
  std::set<std::string> findings;
  std::vector<std::vector<std::string>> items;  // {kind, fields...}
};

Result<Labels> read_labels(const std::filesystem::path& p) {
  std::ifstream in(p);
  if (!in) return Status::Io(p.string() + ": cannot open");
  Labels l;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::istringstream ss(line);
    std::string kind;
    if (!(ss >> kind)) continue;
    std::string rest;
    std::getline(ss, rest);
    rest = coach_text::trim(rest);
    if (kind == "date") {
      auto d = parse_date(rest);
      if (!d) return Status::InvalidArgument(p.string() + ":" + std::to_string(n) + ": bad date");
      l.date = *d;
    } else if (kind == "rep") {
      l.rep = rest;
    } else if (kind == "finding") {
      l.findings.insert(rest);
    } else if (kind == "commitment") {
      std::istringstream rs(rest);
      std::string owner, due, words;
      rs >> owner >> due;
      std::getline(rs, words);
      l.items.push_back({kind, owner, due, coach_text::trim(words)});
    } else if (kind == "thread") {
      std::istringstream rs(rest);
      std::string k, words;
      rs >> k;
      std::getline(rs, words);
      l.items.push_back({kind, k, coach_text::trim(words)});
    } else if (kind == "hot_button" || kind == "objection" || kind == "rung") {
      l.items.push_back({kind, rest});
    } else {
      return Status::InvalidArgument(p.string() + ":" + std::to_string(n) + ": unknown label '" + kind + "'");
    }
  }
  return l;
}

bool contains(const std::string& hay, const std::string& needle) {
  return coach_text::normalize(hay).find(coach_text::normalize(needle)) != std::string::npos;
}

// Does the extracted item `got` ({kind, text...}) match the expected `want`?
bool matches(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  if (want[0] != got[0]) return false;
  if (want[0] == "commitment")
    return want[1] == got[1] && want[2] == got[2] && contains(got[3], want[3]);
  if (want[0] == "thread") return want[1] == got[1] && contains(got[2], want[2]);
  if (want[0] == "hot_button") return contains(got[1], want[1]);
  return want[1] == got[1];
}

}  // namespace

Result<EvalResult> evaluate_coach(const std::string& dir) {
  EvalResult out;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".labels") files.push_back(e.path());
  }
  if (ec) return Status::Io(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  const char* kRules[] = {"weak_opener", "no_reason", "missed_walk_through", "no_close",
                          "voicemail_too_long", "voicemail_no_benefit", "voicemail_no_time",
                          "voicemail_no_number"};
  for (const char* r : kRules) out.by_kind[std::string("finding:") + r];
  for (const auto& f : files) {
    auto lp = f;
    lp.replace_extension(".labels");
    if (!std::filesystem::exists(lp)) continue;
    auto labels = read_labels(lp);
    if (!labels.ok()) return labels.status();
    CoachOptions opt;
    opt.path = f.string();
    opt.call_date = labels->date;
    opt.rep_speaker = labels->rep;
    auto res = coach_file(opt);
    if (!res.ok()) return res.status();
    ++out.calls;
    std::string name = f.filename().string();
    std::set<std::string> got;
    for (const auto& fd : res->report.findings) got.insert(fd.rule);
    for (const char* r : kRules) {
      bool w = labels->findings.count(r) > 0, g = got.count(r) > 0;
      Tally& t = out.by_kind[std::string("finding:") + r];
      if (w && g) ++t.tp;
      if (!w && g) { ++t.fp; out.misses.push_back(name + ": unexpected finding " + r); }
      if (w && !g) { ++t.fn; out.misses.push_back(name + ": missed finding " + r); }
    }
    const CoachMemory& m = res->report.memory;
    std::vector<std::vector<std::string>> items;
    for (const auto& c : m.commitments)
      items.push_back({"commitment", std::string(to_text(c.owner)),
                       c.due_on ? format_date(*c.due_on) : "none", c.what});
    for (const auto& t : m.threads) items.push_back({"thread", std::string(to_text(t.kind)), t.topic});
    if (m.hot_button) items.push_back({"hot_button", *m.hot_button});
    for (const auto& o : m.objections) items.push_back({"objection", o.code});
    if (!m.rung_agreed.empty()) items.push_back({"rung", m.rung_agreed});
    std::vector<bool> used(items.size(), false);
    for (const auto& w : labels->items) {
      bool found = false;
      for (size_t i = 0; i < items.size() && !found; ++i) {
        if (!used[i] && matches(w, items[i])) used[i] = found = true;
      }
      Tally& t = out.by_kind[w[0]];
      if (found) ++t.tp;
      else {
        ++t.fn;
        std::string s;
        for (const auto& x : w) s += " " + x;
        out.misses.push_back(name + ": missed" + s);
      }
    }
    for (size_t i = 0; i < items.size(); ++i) {
      if (used[i]) continue;
      ++out.by_kind[items[i][0]].fp;
      std::string s;
      for (const auto& x : items[i]) s += " " + x;
      out.misses.push_back(name + ": unexpected" + s);
    }
  }
  return out;
}

std::string eval_table(const EvalResult& r) {
  std::ostringstream o;
  o << "| kind | tp | fp | fn | precision | recall |\n|---|---|---|---|---|---|\n";
  char buf[64];
  for (const auto& [k, t] : r.by_kind) {
    std::snprintf(buf, sizeof buf, "%.2f | %.2f", t.precision(), t.recall());
    o << "| " << k << " | " << t.tp << " | " << t.fp << " | " << t.fn << " | " << buf << " |\n";
  }
  return o.str();
}

}  // namespace nextcall
