#include "io/text_encoding.h"

#include <cstdint>

namespace nextcall {
namespace {

void put_utf8(std::uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string from_utf16(std::string_view d, bool little_endian) {
  std::string out;
  out.reserve(d.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto a = static_cast<unsigned char>(d[i]), b = static_cast<unsigned char>(d[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < d.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < d.size()) {
      std::uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo < 0xE000) {
        put_utf8(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;  // a lone surrogate
    put_utf8(u, &out);
  }
  return out;
}

// Windows-1252's 0x80–0x9F; the rest of the high half is Latin-1.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string from_cp1252(std::string_view d) {
  std::string out;
  out.reserve(d.size() + d.size() / 8);
  for (char ch : d) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out.push_back(ch);
    else if (c < 0xA0) put_utf8(kCp1252High[c - 0x80], &out);
    else put_utf8(c, &out);
  }
  return out;
}

}  // namespace

const char* encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kUtf8Bom: return "UTF-8 (with a byte-order mark)";
    case TextEncoding::kUtf16Le: return "UTF-16LE";
    case TextEncoding::kUtf16Be: return "UTF-16BE";
    case TextEncoding::kWindows1252: return "Windows-1252";
  }
  return "UTF-8";
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > n) return false;
    std::uint32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms and surrogates are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
      return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

std::string to_utf8(std::string_view d, TextEncoding* detected) {
  TextEncoding e = TextEncoding::kUtf8;
  std::string out;
  if (d.size() >= 2 && static_cast<unsigned char>(d[0]) == 0xFF && static_cast<unsigned char>(d[1]) == 0xFE) {
    e = TextEncoding::kUtf16Le;
    out = from_utf16(d.substr(2), true);
  } else if (d.size() >= 2 && static_cast<unsigned char>(d[0]) == 0xFE && static_cast<unsigned char>(d[1]) == 0xFF) {
    e = TextEncoding::kUtf16Be;
    out = from_utf16(d.substr(2), false);
  } else if (d.size() >= 3 && d.substr(0, 3) == "\xEF\xBB\xBF") {
    e = TextEncoding::kUtf8Bom;
    out = std::string(d.substr(3));
  } else if (is_valid_utf8(d)) {
    out = std::string(d);
  } else {
    e = TextEncoding::kWindows1252;
    out = from_cp1252(d);
  }
  if (detected) *detected = e;
  return out;
}

char sniff_delimiter(std::string_view d) {
  std::size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char ch : d) {
    if (ch == '"') quoted = !quoted;
    if (quoted) continue;
    if (ch == '\n' || ch == '\r') break;
    if (ch == ',') ++commas;
    else if (ch == ';') ++semicolons;
    else if (ch == '\t') ++tabs;
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

}  // namespace nextcall
