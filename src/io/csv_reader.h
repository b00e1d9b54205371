// An RFC 4180 CSV reader over text held in memory: quoted fields, doubled quotes, line
// breaks inside quotes, CRLF or LF records, a UTF-8 byte-order mark, empty fields.
// Every field knows where it started, so errors can say "contacts.csv:14:3".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nextcall {

class CsvReader {
 public:
  // `data` must outlive the reader. `name` is used in error messages. `delimiter` is
  // ',' for RFC 4180, ';' or '\t' for what spreadsheets write in some locales.
  CsvReader(std::string_view data, std::string name, char delimiter = ',');

  // Reads the next record into *fields (reusing their storage). Returns false at the end
  // of the input, or on malformed input with *error set to
  // "NAME:LINE:COLUMN: what is wrong (what to do)". A blank line is skipped.
  bool next(std::vector<std::string>* fields, Status* error);

  // After an error inside a record, skips to the start of the next line so reading can
  // go on (for --skip-bad). Returns false when nothing is left or the error cannot be
  // recovered from (an unterminated quote swallows the rest of the input).
  bool recover();

  // Where the record last returned starts (1-based line).
  int record_line() const { return record_line_; }
  // The 1-based line and column (in characters) where field i of the last record starts.
  int field_line(std::size_t i) const;
  int field_column(std::size_t i) const;

  // Where each field of the last record starts, kept by a caller that reads ahead and
  // reports problems later (column_of turns one into a column, in characters).
  struct FieldStart {
    std::size_t offset;
    std::size_t line_start;
    int line;
  };
  const std::vector<FieldStart>& field_starts() const { return starts_; }
  int column_of(const FieldStart& s) const { return column_at(s.offset, s.line_start); }
  const std::string& name() const { return name_; }

 private:
  int column_at(std::size_t offset, std::size_t line_start) const;
  Status error_at(std::size_t offset, const std::string& what) const;

  std::string_view data_;
  std::string name_;
  char delim_ = ',';
  std::size_t pos_ = 0;
  int line_ = 1;               // line of pos_
  std::size_t line_start_ = 0;  // offset where line_ starts
  int record_line_ = 0;
  std::vector<FieldStart> starts_;
};

// Quotes a field for writing when it holds a comma, a quote, a line break or leading or
// trailing spaces; doubles the quotes inside.
std::string csv_quote(std::string_view field);

// Whether a spreadsheet would run the cell as a formula: it starts with =, +, -, @, a tab
// or a carriage return (OWASP's list for CSV injection).
bool csv_starts_formula(std::string_view field);
// A cell for an export a spreadsheet will open: a field that would run as a formula gets
// a single quote in front (OWASP's advice), then csv_quote.
std::string csv_cell(std::string_view field);
// (A text that starts with quotes before such a character gets one more quote too.)
// Undoes csv_cell's quote on import: strips exactly one leading ' when the rest starts with
// one of those characters (after any quotes of its own), so an export reads back unchanged
// ("'=SUM" -> "=SUM", "''=x" -> "'=x", "'Neil" stays).
std::string csv_unguard(std::string_view field);

}  // namespace nextcall
