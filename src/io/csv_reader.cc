#include "io/csv_reader.h"

#include <cstring>

namespace nextcall {

CsvReader::CsvReader(std::string_view data, std::string name, char delimiter)
    : data_(data), name_(std::move(name)), delim_(delimiter) {
  if (data_.size() >= 3 && std::memcmp(data_.data(), "\xEF\xBB\xBF", 3) == 0) {
    pos_ = 3;
    line_start_ = 3;
  }
}

int CsvReader::column_at(std::size_t offset, std::size_t line_start) const {
  int col = 1;
  for (std::size_t i = line_start; i < offset && i < data_.size(); ++i)
    if ((static_cast<unsigned char>(data_[i]) & 0xC0) != 0x80) ++col;
  return col;
}

int CsvReader::field_line(std::size_t i) const {
  return i < starts_.size() ? starts_[i].line : record_line_;
}

int CsvReader::field_column(std::size_t i) const {
  if (i >= starts_.size()) return 1;
  return column_at(starts_[i].offset, starts_[i].line_start);
}

Status CsvReader::error_at(std::size_t offset, const std::string& what) const {
  std::size_t ls = line_start_ <= offset ? line_start_ : 0;
  return Status::InvalidArgument(name_ + ":" + std::to_string(line_) + ":" +
                                 std::to_string(column_at(offset, ls)) + ": " + what);
}

bool CsvReader::next(std::vector<std::string>* fields, Status* error) {
  const char* d = data_.data();
  const std::size_t n = data_.size();
  // Skip blank lines between records.
  while (pos_ < n && (d[pos_] == '\n' || d[pos_] == '\r')) {
    if (d[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }
  if (pos_ >= n) return false;
  record_line_ = line_;
  std::size_t count = 0;
  starts_.clear();
  while (true) {
    if (fields->size() <= count) fields->emplace_back();
    std::string& f = (*fields)[count];
    f.clear();
    starts_.push_back({pos_, line_start_, line_});
    if (pos_ < n && d[pos_] == '"') {
      std::size_t open = pos_;
      int open_line = line_;
      std::size_t open_line_start = line_start_;
      ++pos_;
      while (true) {
        const void* q = std::memchr(d + pos_, '"', n - pos_);
        std::size_t end = q ? static_cast<std::size_t>(static_cast<const char*>(q) - d) : n;
        for (std::size_t i = pos_; i < end; ++i) {
          if (d[i] == '\n') {
            ++line_;
            line_start_ = i + 1;
          }
        }
        f.append(d + pos_, end - pos_);
        if (!q) {
          line_ = open_line;
          line_start_ = open_line_start;
          *error = error_at(open, "unterminated quoted field (the quote opened here is never "
                                  "closed; close it or double the quotes inside it)");
          pos_ = n;
          return false;
        }
        pos_ = end + 1;
        if (pos_ < n && d[pos_] == '"') {  // a doubled quote is one quote
          f.push_back('"');
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < n && d[pos_] != delim_ && d[pos_] != '\n' && d[pos_] != '\r') {
        *error = error_at(pos_, "unexpected text after a closing quote (quote the whole field "
                                "and write a quote inside it as two quotes \"\")");
        return false;
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < n && d[pos_] != delim_ && d[pos_] != '\n' && d[pos_] != '\r') {
        if (d[pos_] == '"') {
          *error = error_at(pos_, "a quote inside an unquoted field (quote the whole field and "
                                  "write the quote as two quotes \"\")");
          return false;
        }
        ++pos_;
      }
      f.assign(d + start, pos_ - start);
    }
    ++count;
    if (pos_ >= n) break;
    if (d[pos_] == delim_) {
      ++pos_;
      continue;
    }
    // End of record: CRLF, LF or a lone CR.
    if (d[pos_] == '\r') ++pos_;
    if (pos_ < n && d[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
    break;
  }
  fields->resize(count);
  return true;
}

bool CsvReader::recover() {
  if (pos_ >= data_.size()) return false;
  while (pos_ < data_.size() && data_[pos_] != '\n') ++pos_;
  if (pos_ < data_.size()) {
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  return pos_ < data_.size();
}

std::string csv_quote(std::string_view field) {
  bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool csv_starts_formula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

namespace {
// A formula character after any number of quotes: "=x", "'=x", "''=x"... csv_cell puts one
// more quote in front of each, so csv_unguard's one-quote strip gives every text back.
bool needs_guard(std::string_view field) {
  std::size_t quotes = field.find_first_not_of('\'');
  return quotes != std::string_view::npos && csv_starts_formula(field.substr(quotes));
}
}  // namespace

std::string csv_cell(std::string_view field) {
  if (!needs_guard(field)) return csv_quote(field);
  std::string guarded = "'";
  guarded += field;
  return csv_quote(guarded);
}

std::string csv_unguard(std::string_view field) {
  if (field.size() >= 2 && field.front() == '\'' && needs_guard(field.substr(1))) return std::string(field.substr(1));
  return std::string(field);
}

}  // namespace nextcall
