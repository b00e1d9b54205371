// The call sheet as one self-contained HTML page (printable; phone numbers as tel:
// links). Everything from the data is escaped.
#pragma once

#include <string>

#include "core/brief.h"

namespace nextcall {

std::string html_escape(const std::string& s);
std::string call_sheet_html(const CallSheet& s);
std::string brief_html(const Brief& b, const std::string& rep_zone);

}  // namespace nextcall
