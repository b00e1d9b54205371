// The call sheet and briefs as text for a terminal: the sheet as a table in calling
// order, each brief as labelled sections in the order a rep reads them.
#pragma once

#include <iosfwd>

#include "core/brief.h"

namespace nextcall {

void write_brief_text(std::ostream& out, const Brief& b, const std::string& rep_zone);
void write_call_sheet_text(std::ostream& out, const CallSheet& s, bool with_briefs);

}  // namespace nextcall
