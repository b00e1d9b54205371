#include "io/transcript_text.h"

#include <cctype>
#include <string>

namespace nextcall {

namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Removes surrounding straight or curly quotes from a turn's text.
std::string unquote(std::string s) {
  auto strip_front = [&](std::string_view q) {
    if (s.rfind(q, 0) == 0) s.erase(0, q.size());
  };
  auto strip_back = [&](std::string_view q) {
    if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0)
      s.erase(s.size() - q.size());
  };
  strip_front("\xE2\x80\x9C");
  strip_front("\"");
  strip_back("\xE2\x80\x9D");
  strip_back("\"");
  return trim(s);
}

bool is_role_word(const std::string& label) {
  std::string l;
  for (char c : label) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const char* w : {"rep", "salesperson", "prospect", "customer", "agent", "sales", "client",
                        "contact", "caller", "gatekeeper", "receptionist", "buyer", "voicemail"}) {
    if (l == w) return true;
  }
  return false;
}

// A speaker label: 1-4 words, at most 40 bytes, starting with a letter, no sentence
// punctuation, followed by ':' (or, for role words, by a quote mark).
bool split_label(const std::string& line, std::string* label, std::string* rest) {
  size_t colon = line.find(':');
  size_t quote = line.find("\xE2\x80\x9C");
  if (quote == std::string::npos) quote = line.find('"');
  size_t cut = colon;
  bool by_quote = false;
  if (quote != std::string::npos && (colon == std::string::npos || quote < colon)) {
    cut = quote;
    by_quote = true;
  }
  if (cut == std::string::npos || cut == 0 || cut > 40) return false;
  std::string l = trim(line.substr(0, cut));
  if (l.empty() || !std::isalpha(static_cast<unsigned char>(l[0]))) return false;
  int words = 1;
  for (char c : l) {
    if (c == ' ') ++words;
    if (c == ',' || c == '?' || c == '!' || c == '"') return false;  // "Ms. Grant" is a label
  }
  if (words > 4) return false;
  if (by_quote && !is_role_word(l)) return false;
  *label = l;
  *rest = by_quote ? line.substr(cut) : line.substr(cut + 1);
  return true;
}

// Strips a leading timestamp; returns it in *t.
std::string strip_time(const std::string& line, std::optional<double>* t) {
  std::string s = line;
  if (!s.empty() && (s[0] == '[' || s[0] == '(')) {
    char close = s[0] == '[' ? ']' : ')';
    size_t e = s.find(close);
    if (e != std::string::npos && e < 16) {
      auto ts = parse_timestamp(trim(s.substr(1, e - 1)));
      if (ts) {
        *t = ts;
        return trim(s.substr(e + 1));
      }
    }
    return s;
  }
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    size_t e = 0;
    while (e < s.size() && (std::isdigit(static_cast<unsigned char>(s[e])) || s[e] == ':' ||
                            s[e] == '.' || s[e] == ','))
      ++e;
    auto ts = parse_timestamp(s.substr(0, e));
    if (ts && e < s.size() && (s[e] == ' ' || s[e] == '\t')) {
      *t = ts;
      std::string rest = trim(s.substr(e));
      if (rest.rfind("- ", 0) == 0) rest = trim(rest.substr(2));
      return rest;
    }
  }
  return s;
}

}  // namespace

std::optional<double> parse_timestamp(std::string_view s) {
  double parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (n >= 3) return std::nullopt;
    size_t b = i;
    double v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) v = v * 10 + (s[i++] - '0');
    if (i == b || i - b > 3) return std::nullopt;
    if (i < s.size() && (s[i] == '.' || s[i] == ',') && n >= 1) {
      ++i;
      double scale = 0.1;
      size_t fb = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        v += (s[i++] - '0') * scale;
        scale /= 10;
      }
      if (i == fb || i != s.size()) return std::nullopt;
    }
    parts[n++] = v;
    if (i < s.size()) {
      if (s[i] != ':') return std::nullopt;
      ++i;
      if (i == s.size()) return std::nullopt;
    }
  }
  if (n < 2) return std::nullopt;
  if (n == 2) return parts[0] * 60 + parts[1];
  return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

Status check_text_input(std::string_view data, std::string_view source) {
  int line = 1;
  for (unsigned char c : data) {
    if (c == '\n') ++line;
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
      return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line) +
                                     ": binary data (control byte " + std::to_string(c) +
                                     "); expected a text transcript");
  }
  return Status::Ok();
}

Result<Transcript> parse_transcript_text(std::string_view data, std::string_view source) {
  NEXTCALL_RETURN_IF_ERROR(check_text_input(data, source));
  Transcript t;
  t.format = "text";
  int line_no = 0;
  size_t pos = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos <= data.size()) {
    size_t e = data.find('\n', pos);
    if (e == std::string_view::npos) e = data.size();
    std::string line = trim(data.substr(pos, e - pos));
    pos = e + 1;
    ++line_no;
    if (line.empty()) {
      if (e == data.size()) break;
      continue;
    }
    std::optional<double> ts;
    std::string body = strip_time(line, &ts);
    std::string label, rest;
    if (split_label(body, &label, &rest)) {
      Turn turn;
      turn.speaker = label;
      turn.start = ts;
      turn.text = unquote(trim(rest));
      turn.line = line_no;
      if (ts && !t.turns.empty() && t.turns.back().start && !t.turns.back().end)
        t.turns.back().end = ts;
      t.turns.push_back(std::move(turn));
    } else if (!t.turns.empty()) {
      std::string& txt = t.turns.back().text;
      if (!txt.empty()) txt += ' ';
      txt += unquote(body);
    } else {
      return Status::InvalidArgument(
          std::string(source) + ":" + std::to_string(line_no) +
          ": expected a speaker label such as 'Rep:' or 'Prospect:' before the first words; "
          "label each turn as 'Speaker: text'");
    }
    if (e == data.size()) break;
  }
  if (t.turns.empty())
    return Status::InvalidArgument(std::string(source) +
                                   ":1: empty transcript: no 'Speaker: text' turn found");
  // The last timed turn has no end: estimate it from its words at 150 words a minute.
  if (t.turns.back().start && !t.turns.back().end) {
    int words = 1;
    for (char c : t.turns.back().text) words += c == ' ';
    t.turns.back().end = *t.turns.back().start + words * 0.4;
  }
  return t;
}

}  // namespace nextcall
