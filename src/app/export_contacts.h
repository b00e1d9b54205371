// Exporting contacts: CSV with the headers import reads back (a round trip loses
// nothing import knows), or JSON of the model with the company name.
#pragma once

#include <iosfwd>

#include "app/workspace_session.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

enum class ExportFormat { kCsv, kJson };

Status export_contacts(Store& store, const Actor& actor, ExportFormat format, std::ostream& out);

}  // namespace nextcall
