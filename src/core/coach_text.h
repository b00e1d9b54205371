// Small text helpers shared by the coach's rule groups: normalisation (lower case, straight
// quotes) and phrase lookup. Matching is by substring over normalised text, which is fast
// enough for a one-hour call (see docs/performance.md) and easy to read.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace nextcall::coach_text {

// Lower case, curly quotes and apostrophes made straight, runs of spaces collapsed.
std::string normalize(std::string_view s);
// The first phrase of `phrases` found in `norm` (already normalised); empty if none.
std::string_view find_any(std::string_view norm, std::initializer_list<std::string_view> phrases);
bool has_any(std::string_view norm, std::initializer_list<std::string_view> phrases);
// True iff `word` occurs in `norm` bounded by non-letters.
bool has_word(std::string_view norm, std::string_view word);
// Splits on . ! ? keeping the terminator; trims spaces.
std::vector<std::string> sentences(std::string_view s);
int word_count(std::string_view s);
std::string trim(std::string_view s);

}  // namespace nextcall::coach_text
