#include "store/phones_text.h"

namespace nextcall {

std::string phones_text(const std::vector<Phone>& phones) {
  std::string out;
  for (const Phone& p : phones) {
    if (!out.empty()) out += ';';
    out.append(p.e164).append(1, ' ').append(p.kind);
  }
  return out;
}

std::vector<Phone> phones_from_text(std::string_view text) {
  // Split from the text in place: a team plan reads 400,000 contacts' phones at once.
  std::vector<Phone> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(";+", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(pos, end - pos);
    std::size_t sp = item.find(' ');
    if (!item.empty() && sp != 0) {
      Phone& p = out.emplace_back();
      p.e164 = item.substr(0, sp);
      if (sp != std::string_view::npos) p.kind = item.substr(sp + 1);
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace nextcall
