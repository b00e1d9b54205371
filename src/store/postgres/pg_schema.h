// The PostgreSQL schema as numbered migrations, the same tables and columns as SQLite's.
// Migration N is applied once, in a transaction, and recorded in schema_migrations;
// never edit a released migration, add the next one (to both backends).
#pragma once

#include <vector>

namespace nextcall::pg {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

const std::vector<Migration>& migrations();

}  // namespace nextcall::pg
