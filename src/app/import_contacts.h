// Importing contacts from a CRM export: map the columns, validate every row, find
// duplicates in the file and in the store, and write all of it in one transaction — or
// nothing, with a report that names each bad row by line, column and reason.
#pragma once

#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

enum class OnDuplicate { kFail, kSkip, kUpdate };

struct ImportOptions {
  std::string path;
  // The file's name as the rep knows it, in every message and the import's record (an
  // upload is read from a temporary file); empty: the path's last part.
  std::string display_name;
  std::vector<std::string> mappings;  // "Column=field"
  bool dry_run = false;               // validate and preview; write nothing
  std::string skip_bad_path;          // import good rows, write bad ones here with a reason
  OnDuplicate on_duplicate = OnDuplicate::kFail;
  int preview_rows = 5;
};

struct ImportProblem {
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
};

struct ImportReport {
  std::vector<std::pair<std::string, std::string>> mapping;  // header -> field
  std::vector<std::string> unmapped;
  long read = 0, created = 0, updated = 0, skipped = 0, rejected = 0;
  std::vector<ImportProblem> problems;     // rows not imported, in line order
  std::vector<std::string> duplicates;     // what --on-duplicate skip|update did
  std::vector<std::string> warnings;       // rows imported that need a look (no phone number)
  std::vector<Contact> preview;            // dry run: the first rows as they will be stored
  bool written = false;                    // true when the store was changed
  std::optional<Id> import_id;             // the import's record, when it added contacts
  std::string encoding = "UTF-8";          // as read: UTF-8, UTF-16LE/BE or Windows-1252
  char delimiter = ',';                    // ',' ';' or '\t', from the header line
};

// "contacts.csv:14:3: phone: '555-12' is not a valid phone number for region US"
std::string describe(const ImportProblem& p, const std::string& file);

// Imports ImportOptions::path. Returns an error only when the file itself is unusable
// (unreadable, empty, no header, an unterminated quote without --skip-bad) or the store
// fails; bad rows come back in the report with written == false unless skip_bad_path
// is set.
Result<ImportReport> import_contacts(Store& store, const Actor& actor, const ImportOptions& o,
                                     Instant now);

}  // namespace nextcall
