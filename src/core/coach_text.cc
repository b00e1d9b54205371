#include "core/coach_text.h"

#include <cctype>

namespace nextcall::coach_text {

std::string normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // U+2018/2019 (’) and U+201C/201D (”) are E2 80 98..9D in UTF-8.
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) { out.push_back('\''); i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { out.push_back('"'); i += 2; continue; }
      if (d == 0x93 || d == 0x94) { out.push_back('-'); i += 2; continue; }
    }
    if (std::isspace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view find_any(std::string_view norm, std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases) {
    if (norm.find(p) != std::string_view::npos) return p;
  }
  return {};
}

bool has_any(std::string_view norm, std::initializer_list<std::string_view> phrases) {
  return !find_any(norm, phrases).empty();
}

bool has_word(std::string_view norm, std::string_view word) {
  size_t pos = 0;
  while ((pos = norm.find(word, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !std::isalpha(static_cast<unsigned char>(norm[pos - 1]));
    size_t e = pos + word.size();
    bool right = e >= norm.size() || !std::isalpha(static_cast<unsigned char>(norm[e]));
    if (left && right) return true;
    pos = e;
  }
  return false;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> sentences(std::string_view s) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') {
      // keep "3.5" and "p.m." together: split only before a space or the end
      if (i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '"') continue;
      std::string t = trim(s.substr(b, i + 1 - b));
      if (!t.empty()) out.push_back(t);
      b = i + 1;
    }
  }
  std::string t = trim(s.substr(b));
  if (!t.empty()) out.push_back(t);
  return out;
}

int word_count(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = std::isspace(static_cast<unsigned char>(c));
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

}  // namespace nextcall::coach_text
