// Text renderings shared by the commands that show a contact.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "app/contact_json.h"
#include "app/contacts.h"

namespace nextcall::cli {

// "Ann Lee, VP Operations, Acme Corp"
std::string contact_line(const Contact& c, const std::optional<Account>& account);
// The whole memory, sections in the order a rep reads them before a call.
void print_memory(std::ostream& out, const ContactMemory& m);

}  // namespace nextcall::cli
