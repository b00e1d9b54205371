#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace nextcall {
namespace {

std::int64_t pragma_value(sqlite::Db& db, const char* sql) {
  auto st = db.prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().message();
  if (!st.ok()) return -1;
  Status s;
  EXPECT_TRUE(st->step(&s)) << s.message();
  return st->i64(0);
}

// The largest memory map this SQLite allows: what a plain connection to a file (`path`)
// gets when it asks for more. (A database in memory has no map.)
std::int64_t library_map_limit(const std::string& path) {
  auto plain = sqlite::Db::open(path);
  EXPECT_TRUE(plain.ok()) << plain.status().message();
  return plain.ok() ? pragma_value(**plain, "PRAGMA mmap_size=1099511627776") : -1;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ec);
  }
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("nextcall-sqlite-store-" + std::to_string(getpid()) + ".db"))
                          .string();
};

// A team plan reads most of the file: pages past the map are copied into fresh memory one
// by one (docs/performance.md), so the store maps as much of the file as SQLite allows.
TEST_F(SqliteStoreTest, MapsAsMuchOfTheFileAsSqliteAllows) {
  auto store = open_sqlite_store(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto& sqlite_store = dynamic_cast<SqliteStore&>(**store);
  std::int64_t limit = library_map_limit(path_);
  ASSERT_GT(limit, 0) << "this SQLite is built without memory maps";
  EXPECT_EQ(pragma_value(sqlite_store.db(), "PRAGMA mmap_size"), limit);
  EXPECT_EQ(pragma_value(sqlite_store.db(), "PRAGMA foreign_keys"), 1);
}

TEST_F(SqliteStoreTest, AFileIsWrittenAheadSoReadersRunBesideAWriter) {
  auto store = open_sqlite_store(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto& sqlite_store = dynamic_cast<SqliteStore&>(**store);
  auto st = sqlite_store.db().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(st.ok());
  Status s;
  ASSERT_TRUE(st->step(&s));
  EXPECT_EQ(std::string(st->view(0)), "wal");
}

}  // namespace
}  // namespace nextcall
