#include "io/transcript_cues.h"

#include <cctype>

#include "io/transcript_text.h"

namespace nextcall::cues {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool looks_like_timing(std::string_view line) { return line.find("-->") != std::string_view::npos; }

std::optional<Timing> parse_timing(std::string_view line) {
  size_t arrow = line.find("-->");
  if (arrow == std::string_view::npos) return std::nullopt;
  std::string a = trim(line.substr(0, arrow));
  std::string rest = trim(line.substr(arrow + 3));
  size_t sp = rest.find(' ');
  std::string b = sp == std::string::npos ? rest : rest.substr(0, sp);
  auto s = parse_timestamp(a);
  auto e = parse_timestamp(b);
  if (!s || !e || *e < *s) return std::nullopt;
  return Timing{*s, *e};
}

bool split_speaker(const std::string& text, std::string* speaker, std::string* rest) {
  size_t c = text.find(':');
  if (c == std::string::npos || c == 0 || c > 40) return false;
  std::string l = trim(text.substr(0, c));
  if (l.empty() || !std::isalpha(static_cast<unsigned char>(l[0]))) return false;
  int words = 1;
  for (char ch : l) {
    if (ch == ' ') ++words;
    if (ch == ',' || ch == '?' || ch == '!') return false;
  }
  if (words > 4) return false;
  *speaker = l;
  *rest = trim(text.substr(c + 1));
  return true;
}

}  // namespace nextcall::cues
