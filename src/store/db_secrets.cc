#include "store/db_secrets.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace nextcall {
namespace {

constexpr std::string_view kMask = "***";

bool is_space(char ch) { return std::isspace(static_cast<unsigned char>(ch)) != 0; }

// Where the URL that starts at `from` ends: at white space or a quote.
std::size_t url_end(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && !is_space(s[i]) && s[i] != '"' && s[i] != '\'' && s[i] != '<' && s[i] != '>') ++i;
  return i;
}

// The password in each URL's user information: [begin, end) of each, in order.
std::vector<std::pair<std::size_t, std::size_t>> url_passwords(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t pos = 0;
  while ((pos = s.find("://", pos)) != std::string_view::npos) {
    std::size_t start = pos + 3;
    std::size_t end = url_end(s, start);
    std::size_t at = s.substr(start, end - start).rfind('@');
    if (at != std::string_view::npos) {
      at += start;
      std::size_t colon = s.substr(start, at - start).find(':');
      if (colon != std::string_view::npos) out.emplace_back(start + colon + 1, at);
    }
    pos = end;
  }
  return out;
}

bool ends_with_password(std::string_view key) {
  constexpr std::string_view kWord = "password";
  if (key.size() < kWord.size()) return false;
  std::string_view tail = key.substr(key.size() - kWord.size());
  for (std::size_t i = 0; i < kWord.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) != kWord[i]) return false;
  return true;
}

// The value of each "…password = value" pair: [begin, end) of each, in order. A value in
// single quotes runs to the closing quote (backslash escapes one), otherwise to white
// space, '&' or the end.
std::vector<std::pair<std::size_t, std::size_t>> keyed_passwords(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t eq = s.find('='); eq != std::string_view::npos; eq = s.find('=', eq + 1)) {
    std::size_t k = eq;
    while (k > 0 && is_space(s[k - 1])) --k;
    std::size_t key_end = k;
    while (k > 0 && (std::isalnum(static_cast<unsigned char>(s[k - 1])) || s[k - 1] == '_')) --k;
    if (!ends_with_password(s.substr(k, key_end - k))) continue;
    std::size_t v = eq + 1;
    while (v < s.size() && is_space(s[v])) ++v;
    std::size_t end = v;
    if (v < s.size() && s[v] == '\'') {
      end = v + 1;
      while (end < s.size() && s[end] != '\'') end += s[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, s.size());
    } else {
      while (end < s.size() && !is_space(s[end]) && s[end] != '&') ++end;
    }
    if (end > v) out.emplace_back(v, end);
  }
  return out;
}

// Quoted strings with an '@' in them: [begin, last '@') of each.
std::vector<std::pair<std::size_t, std::size_t>> quoted_user_parts(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t pos = 0;
  while ((pos = s.find('"', pos)) != std::string_view::npos) {
    std::size_t close = s.find('"', pos + 1);
    if (close == std::string_view::npos) break;
    std::size_t at = s.substr(pos + 1, close - pos - 1).rfind('@');
    if (at != std::string_view::npos && at > 0) out.emplace_back(pos + 1, pos + 1 + at);
    pos = close + 1;
  }
  return out;
}

// s with each of the (possibly overlapping) ranges replaced by the mask.
std::string replace_ranges(std::string_view s, std::vector<std::pair<std::size_t, std::size_t>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  std::size_t at = 0;
  for (auto [b, e] : ranges) {
    if (e <= at) continue;
    if (b < at) b = at;
    out.append(s.substr(at, b - at));
    out.append(kMask);
    at = e;
  }
  out.append(s.substr(at));
  return out;
}

void mask_every(std::string& text, std::string_view secret) {
  if (secret.empty() || secret == kMask) return;
  std::size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), kMask);
    pos += kMask.size();
  }
}

}  // namespace

std::string mask_db_secrets(std::string_view text, std::string_view url) {
  std::string out = replace_ranges(text, url_passwords(text));
  out = replace_ranges(out, keyed_passwords(out));
  out = replace_ranges(out, quoted_user_parts(out));
  if (url.empty()) return out;
  std::vector<std::string> secrets;
  for (auto [b, e] : url_passwords(url)) secrets.emplace_back(url.substr(b, e - b));
  for (auto [b, e] : keyed_passwords(url)) {
    std::string_view v = url.substr(b, e - b);
    if (v.size() >= 2 && v.front() == '\'') v = v.substr(1, v.size() - 2);
    secrets.emplace_back(v);
  }
  // Longest first, so that a piece does not break up the whole.
  std::vector<std::string> all = secrets;
  for (const std::string& s : secrets) {
    std::size_t start = 0;
    while (start <= s.size()) {
      std::size_t at = s.find('@', start);
      std::string piece = s.substr(start, at == std::string::npos ? std::string::npos : at - start);
      if (piece.size() >= 3 && piece != s) all.push_back(piece);
      if (at == std::string::npos) break;
      start = at + 1;
    }
  }
  std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& s : all) mask_every(out, s);
  return out;
}

}  // namespace nextcall
