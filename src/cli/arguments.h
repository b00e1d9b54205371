// The CLI's names for the shared parsers of typed dates and times (app/date_input.h).
#pragma once

#include "app/date_input.h"

namespace nextcall::cli {

using nextcall::parse_date_arg;
using nextcall::parse_time_arg;
using nextcall::today_for;

}  // namespace nextcall::cli
