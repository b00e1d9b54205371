// The SQLite schema as numbered migrations. Migration N is applied once, in a
// transaction, and recorded in schema_migrations; never edit a released migration, add
// the next one.
#pragma once

#include <vector>

namespace nextcall::sqlite {

// A column a migration adds. SQLite has no ADD COLUMN IF NOT EXISTS: the migration adds it
// (before its SQL runs) only when the table lacks it, so that, as with the IF NOT EXISTS of
// its tables and indexes, it may run again on a database an older nextcall rolled back.
struct AddedColumn {
  const char* table;
  const char* column;
  const char* definition;  // its type and constraints, e.g. "INTEGER"
};

struct Migration {
  int version;
  const char* description;
  const char* sql;
  std::vector<AddedColumn> columns = {};
};

const std::vector<Migration>& migrations();

}  // namespace nextcall::sqlite
