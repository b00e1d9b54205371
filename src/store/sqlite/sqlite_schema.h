// The SQLite schema as numbered migrations. Migration N is applied once, in a
// transaction, and recorded in schema_migrations; never edit a released migration, add
// the next one.
#pragma once

#include <vector>

namespace nextcall::sqlite {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

const std::vector<Migration>& migrations();

}  // namespace nextcall::sqlite
