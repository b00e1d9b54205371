#include "core/lint_rules.h"

#include <cctype>

namespace nextcall {

std::string_view to_text(TextKind k) {
  switch (k) {
    case TextKind::kScript: return "script";
    case TextKind::kVoicemail: return "voicemail";
    case TextKind::kNote: return "note";
    case TextKind::kEmail: return "email";
  }
  return "script";
}

bool parse_text_kind(std::string_view s, TextKind* out) {
  for (TextKind k : {TextKind::kScript, TextKind::kVoicemail, TextKind::kNote, TextKind::kEmail})
    if (s == to_text(k)) {
      *out = k;
      return true;
    }
  return false;
}

namespace {

// 'text' — built by appending, which keeps GCC 12's -Wrestrict false positive away.
std::string quoted(std::string_view text) {
  std::string q;
  q.reserve(text.size() + 2);
  q.push_back('\'');
  q.append(text);
  q.push_back('\'');
  return q;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<LintRule>> parse_lint_rules(std::string_view text, const std::string& name) {
  std::vector<LintRule> rules;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    ++line_no;
    pos = end + 1;
    if (line.empty() || line.front() == '#') {
      if (end == text.size()) break;
      continue;
    }
    auto where = [&](const std::string& what) {
      return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": " + what);
    };
    std::size_t sp = line.find_first_of(" \t");
    std::string_view key = line.substr(0, sp);
    std::string_view value = sp == std::string_view::npos ? std::string_view() : trim(line.substr(sp));
    if (key == "rule") {
      if (value.empty()) return where("'rule' needs an id, e.g. rule touch_base");
      for (char c : value)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
          return where("rule id " + quoted(value) + " may only hold letters, digits and _");
      rules.push_back({});
      rules.back().id = std::string(value);
    } else {
      if (rules.empty()) return where(quoted(key) + " before any 'rule ID' line");
      LintRule& r = rules.back();
      if (value.empty()) return where(quoted(key) + " needs a value");
      if (key == "applies") {
        std::size_t p = 0;
        while (p < value.size()) {
          std::size_t q = value.find(' ', p);
          if (q == std::string_view::npos) q = value.size();
          std::string_view k = value.substr(p, q - p);
          if (!k.empty() && k != "any") {
            TextKind kind;
            if (!parse_text_kind(k, &kind))
              return where(quoted(k) + " is not script, voicemail, note, email or any");
            r.applies.push_back(kind);
          }
          p = q + 1;
        }
      } else if (key == "why") {
        r.why = std::string(value);
      } else if (key == "instead") {
        r.instead = std::string(value);
      } else if (key == "phrase") {
        r.phrases.emplace_back(value);
      } else if (key == "exclude") {
        r.excludes.emplace_back(value);
      } else if (key == "after") {
        r.after.emplace_back(value);
      } else {
        return where("unknown key " + quoted(key) +
                     " (use rule, applies, why, instead, phrase, exclude, after)");
      }
    }
    if (end == text.size()) break;
  }
  for (const LintRule& r : rules)
    if (r.phrases.empty())
      return Status::InvalidArgument(name + ": rule '" + r.id + "' has no phrase");
  return rules;
}

}  // namespace nextcall
