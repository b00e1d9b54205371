// How a contact's phones are kept in its row, the same on every backend: "e164 kind;e164
// kind". The row holds them whole so a contact reads in one go; contact_phones holds one
// row per number besides, for uniqueness and lookups by number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace nextcall {

// The phones as stored, in their order (the first is the primary).
std::string phones_text(const std::vector<Phone>& phones);

// Back from the stored text. A number may carry an extension ("+13125550148;ext=204"), so
// the text is split only at a ';' that starts another number ("+"); an item without a
// number is left out.
std::vector<Phone> phones_from_text(std::string_view text);

}  // namespace nextcall
