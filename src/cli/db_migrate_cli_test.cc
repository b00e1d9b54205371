// `nextcall db migrate` and the schema check of every other command, through the real
// binary: an older or newer schema is refused in one line saying what to run; only `db
// migrate` (and `demo`) change the schema, so on PostgreSQL a role with only the rights to
// read and write rows, and a read-only one, run the day's commands.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"
#include "store/postgres/pg_test_server_test_util.h"
#include "store/store.h"

#ifdef NEXTCALL_HAVE_POSTGRES
#endif

namespace nextcall::testing {
namespace {

void sqlite_exec(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::string v(int n) { return std::to_string(n); }

// Undoes the last migration (9 adds imports, contacts.import_id and call_queue), as an
// older nextcall left the database; the same SQL on SQLite and PostgreSQL.
std::string before_last_migration() {
  return "DROP TABLE call_queue; DROP TABLE imports; DROP INDEX contacts_ws_import; "
         "ALTER TABLE contacts DROP COLUMN import_id; DELETE FROM schema_migrations WHERE version >= " +
         v(kSchemaVersion);
}

// The contact first on the demo's plan.
std::string first_planned(const std::string& db) {
  RunResult plan = run_on(db, {"--rep", "sam@demo.nextcall", "plan", "--format", "json"});  // the manager has no sheet
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  auto sheet = nlohmann::json::parse(plan.out, nullptr, false);
  if (!sheet.is_object() || sheet["calls"].empty()) return "";
  return std::to_string(sheet["calls"][0]["contact_id"].get<long>());
}

TEST(DbMigrateCliTest, AnOlderSqliteFileIsRefusedUntilMigratedAndANewerOneAlways) {
  TempDir dir;
  const std::string db = dir.file("t.db");
  ASSERT_EQ(run_on(db, {"demo", "--contacts", "20"}).exit_code, 0);
  // Back to the schema before the last migration, as an older nextcall left it.
  sqlite_exec(db, before_last_migration());

  RunResult refused = run_on(db, {"plan"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err, "nextcall: error: the database is at schema version " + v(kSchemaVersion - 1) +
                             "; this nextcall needs " + v(kSchemaVersion) + ": run `nextcall db migrate --db " + db +
                             "`\n");
  // serve too, at once, before it listens.
  RunResult serve = run_on(db, {"serve", "--port", "0", "--db-wait", "0"});
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_EQ(serve.out, "");
  EXPECT_EQ(serve.err, refused.err);
  RunResult version = run_on(db, {"version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("schema " + v(kSchemaVersion - 1) + "; this nextcall needs " + v(kSchemaVersion)),
            std::string::npos)
      << version.out;

  RunResult migrated = run_on(db, {"db", "migrate"});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_EQ(migrated.out, "Migrated the database from schema version " + v(kSchemaVersion - 1) + " to " +
                              v(kSchemaVersion) + ".\n");
  EXPECT_EQ(run_on(db, {"plan"}).exit_code, 0);
  RunResult again = run_on(db, {"db", "migrate", "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["from"], kSchemaVersion);
  EXPECT_EQ(j["applied"], 0);

  // A newer nextcall migrated it: this one neither reads nor migrates it.
  sqlite_exec(db, "INSERT INTO schema_migrations(version, description) VALUES (" + v(kSchemaVersion + 2) +
                      ", 'from a newer nextcall')");
  const std::string newer = "nextcall: error: the database is at schema version " + v(kSchemaVersion + 2) +
                            ", newer than this nextcall (" + v(kSchemaVersion) + "): upgrade nextcall\n";
  for (std::vector<std::string> args : {std::vector<std::string>{"plan"}, {"contact", "list"}, {"db", "migrate"}}) {
    RunResult r = run_on(db, args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_EQ(r.err, newer) << args[0];
  }
}

TEST(DbMigrateCliTest, ANewSqliteFileJustWorks) {
  TempDir dir;
  RunResult r = run_on(dir.file("new.db"), {"workspace", "list"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(run_on(dir.file("new.db"), {"version"}).out.find("sqlite schema " + v(kSchemaVersion) + ")"),
            std::string::npos);
}

#ifdef NEXTCALL_HAVE_POSTGRES
// Runs sql as the test database's owner.
void pg_exec(const std::string& url, const std::string& sql) {
  auto r = pgtest::exec(url, sql);
  ASSERT_TRUE(r.ok()) << r.status().message();
}

using pgtest::as_role;

TEST(DbMigrateCliTest, PostgresWaitsForDbMigrateThenItsRolesNeedNoDdlRights) {
  auto url = pgtest::fresh_database_url(/*migrated=*/false);
  if (!url.ok()) GTEST_SKIP() << url.status().message();
  // An empty database: the administrator runs `db migrate` first.
  RunResult refused = run_on(*url, {"workspace", "list"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "nextcall: error: the database has no nextcall tables yet (schema version 0); this "
                         "nextcall needs " + v(kSchemaVersion) + ": run `nextcall db migrate --db " + *url + "`\n");
  RunResult migrated = run_on(*url, {"db", "migrate"});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.err;
  EXPECT_EQ(migrated.out, "Migrated the database from schema version 0 to " + v(kSchemaVersion) + ".\n");
  ASSERT_EQ(run_on(*url, {"demo", "--contacts", "20"}).exit_code, 0);

  // Roles are the server's, not the database's: named after the database.
  const std::string dbname = url->substr(url->rfind('/') + 1);
  const std::string writer = "writer_" + dbname, reader = "reader_" + dbname;
  pg_exec(*url, "REVOKE CREATE ON SCHEMA public FROM PUBLIC; "
                "CREATE ROLE " + writer + " LOGIN; GRANT USAGE ON SCHEMA public TO " + writer + "; "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + writer + "; "
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + writer + "; "
                "CREATE ROLE " + reader + " LOGIN; GRANT USAGE ON SCHEMA public TO " + reader + "; "
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader + "; "
                "ALTER ROLE " + reader + " SET default_transaction_read_only = on");

  // Rows only: plan, log a call, plan again.
  const std::string as_writer = as_role(*url, writer);
  const std::string id = first_planned(as_writer);
  ASSERT_FALSE(id.empty());
  RunResult logged = run_on(as_writer, {"--rep", "sam@demo.nextcall", "log", id, "--outcome", "voicemail"});
  EXPECT_EQ(logged.exit_code, 0) << logged.err;
  EXPECT_FALSE(first_planned(as_writer).empty());
  // On a current database db migrate has nothing to do, and needs no right to do it.
  RunResult current = run_on(as_writer, {"db", "migrate"});
  EXPECT_EQ(current.exit_code, 0) << current.err;
  EXPECT_NE(current.out.find("nothing to do"), std::string::npos) << current.out;

  // Read only (a replica's role): plan, brief, contact show.
  const std::string as_reader = as_role(*url, reader);
  EXPECT_FALSE(first_planned(as_reader).empty());
  for (std::vector<std::string> args : {std::vector<std::string>{"brief", id}, {"contact", "show", id}}) {
    RunResult r = run_on(as_reader, args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << args[0];
  }
  // A write is the database's refusal, not nextcall's.
  RunResult write = run_on(as_reader, {"--rep", "sam@demo.nextcall", "log", id, "--outcome", "voicemail"});
  EXPECT_EQ(write.exit_code, 1);
  EXPECT_NE(write.err.find("read-only"), std::string::npos) << write.err;

  // An older schema (before the last migration): refused in one line until migrated (by
  // the owner).
  pg_exec(*url, before_last_migration());
  RunResult older = run_on(as_reader, {"plan"});
  EXPECT_EQ(older.exit_code, 1);
  EXPECT_EQ(older.err, "nextcall: error: the database is at schema version " + v(kSchemaVersion - 1) +
                           "; this nextcall needs " + v(kSchemaVersion) + ": run `nextcall db migrate --db " +
                           as_reader + "`\n");
  // The row-only role cannot migrate it, and says why.
  RunResult no_ddl = run_on(as_writer, {"db", "migrate"});
  EXPECT_EQ(no_ddl.exit_code, 1);
  EXPECT_NE(no_ddl.err.find("permission denied"), std::string::npos) << no_ddl.err;
  RunResult up = run_on(*url, {"db", "migrate"});
  EXPECT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(up.out, "Migrated the database from schema version " + v(kSchemaVersion - 1) + " to " +
                        v(kSchemaVersion) + ".\n");
  // A table made by the migration is the owner's: granted again, as docs/team-server.md says.
  pg_exec(*url, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader);
  EXPECT_FALSE(first_planned(as_reader).empty());

  // A newer schema: refused.
  pg_exec(*url, "INSERT INTO schema_migrations(version, description) VALUES (" + v(kSchemaVersion + 2) + ", 'newer')");
  RunResult newer = run_on(as_writer, {"plan"});
  EXPECT_EQ(newer.exit_code, 1);
  EXPECT_EQ(newer.err, "nextcall: error: the database is at schema version " + v(kSchemaVersion + 2) +
                           ", newer than this nextcall (" + v(kSchemaVersion) + "): upgrade nextcall\n");
}
#endif

}  // namespace
}  // namespace nextcall::testing
