#include "cli/table.h"

#include <algorithm>
#include <ostream>

namespace nextcall::cli {
namespace {

// Cuts s to at most n code points, ending in "…" when cut.
std::string clip(const std::string& s, std::size_t n) {
  if (display_width(s) <= n) return s;
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (points + 1 == n) break;
      ++points;
    }
    out.push_back(s[i]);
  }
  return out + "…";
}

}  // namespace

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void Table::print(std::ostream& out, std::size_t max_width) const {
  std::vector<std::size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], std::min(display_width(row[i]), max_width));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < width.size(); ++i) {
      std::string cell = i < row.size() ? clip(row[i], max_width) : "";
      line += cell;
      if (i + 1 < width.size()) line.append(width[i] - display_width(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  emit(header_);
  for (const auto& r : rows_) emit(r);
}

}  // namespace nextcall::cli
