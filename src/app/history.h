// A contact's history as one timeline: calls and everything recorded about them, oldest
// first, each entry dated and said in words.
#pragma once

#include <string>
#include <vector>

#include "app/contacts.h"

namespace nextcall {

struct HistoryEntry {
  Instant when{};      // calls and appointments: the instant; others: midnight UTC of the date
  bool dated_only = false;  // true when only the date is known
  std::string kind;    // call, thread, objection, material, commitment, referral, appointment
  Id id = 0;
  std::string text;    // "voicemail", "agreed to review_together — 'loved page 4'"
};

std::vector<HistoryEntry> build_history(const ContactMemory& m);

}  // namespace nextcall
