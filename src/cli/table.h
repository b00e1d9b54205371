// A plain text table for terminal output: columns padded to the widest cell (counting
// UTF-8 code points, so accented names line up), a header, no borders.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nextcall::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Writes the header and the rows; cells longer than `max_width` code points are cut with "…".
  void print(std::ostream& out, std::size_t max_width = 60) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of UTF-8 code points in s.
std::size_t display_width(const std::string& s);

}  // namespace nextcall::cli
