#ifdef NEXTCALL_HAVE_POSTGRES
#include "store/postgres/pg_conn.h"

#include <gtest/gtest.h>

#include "store/postgres/pg_test_server_test_util.h"

namespace nextcall::pg {
namespace {

TEST(PgConnOptionsTest, PreparedStatementsOffIsTakenOutOfEveryUrlForm) {
  struct Case {
    const char* given;
    const char* passed;
    bool prepared;
  };
  for (const Case& c : {
           Case{"postgres://u@h/db", "postgres://u@h/db", true},
           Case{"postgres://u@h/db?prepared_statements=off", "postgres://u@h/db", false},
           Case{"postgres://u@h/db?prepared_statements=off&sslmode=require", "postgres://u@h/db?sslmode=require", false},
           Case{"postgres://u@h/db?sslmode=require&prepared_statements=off", "postgres://u@h/db?sslmode=require", false},
           Case{"host=h dbname=db prepared_statements=off", "host=h dbname=db", false},
       }) {
    bool prepared = !c.prepared;
    EXPECT_EQ(without_nextcall_options(c.given, &prepared), c.passed) << c.given;
    EXPECT_EQ(prepared, c.prepared) << c.given;
  }
}

// Statements are prepared once per connection and run by name; inside a transaction the
// writes nobody reads wait in the pipeline. Both must give what plain statements give,
// also when a statement fails halfway through a pipeline.
TEST(PgConnTest, PreparedAndPipelinedStatementsAnswerAsPlainOnes) {
  auto url = pgtest::fresh_database_url(/*migrated=*/false);
  if (!url.ok()) GTEST_SKIP() << url.status().message();
  for (const std::string& u : {*url, *url + "?prepared_statements=off"}) {
    SCOPED_TRACE(u);
    auto conn = Conn::open(u);
    ASSERT_TRUE(conn.ok()) << conn.status().message();
    Conn& db = **conn;
    ASSERT_TRUE(db.exec("DROP TABLE IF EXISTS t; CREATE TABLE t(k int PRIMARY KEY, v text)").ok());
    for (int round = 0; round < 3; ++round) {  // the first prepares, the next ones reuse
      ASSERT_TRUE(db.exec("BEGIN").ok());
      for (int k = 0; k < 600; ++k)  // more than one pipeline's worth
        ASSERT_TRUE(db.send("INSERT INTO t(k, v) VALUES($1,$2)", Params().add(round * 1000 + k).add("x")).ok());
      auto both = db.query_both("SELECT count(*) FROM t WHERE k >= $1", Params().add(round * 1000),
                                "SELECT v FROM t WHERE k=$1", Params().add(round * 1000 + 599));
      ASSERT_TRUE(both.ok()) << both.status().message();
      EXPECT_EQ(both->first.row(0).i64(0), 600);
      EXPECT_EQ(both->second.row(0).text(0), "x");
      ASSERT_TRUE(db.exec("COMMIT").ok());
    }
    // A duplicate key in the middle of a pipeline: the next statement that waits reports
    // it, and the transaction writes nothing.
    ASSERT_TRUE(db.exec("BEGIN").ok());
    ASSERT_TRUE(db.send("INSERT INTO t(k, v) VALUES($1,$2)", Params().add(5000).add("y")).ok());
    ASSERT_TRUE(db.send("INSERT INTO t(k, v) VALUES($1,$2)", Params().add(0).add("dup")).ok());
    ASSERT_TRUE(db.send("INSERT INTO t(k, v) VALUES($1,$2)", Params().add(5001).add("y")).ok());
    auto after = db.query("SELECT count(*) FROM t");
    EXPECT_EQ(after.status().code(), Code::kAlreadyExists) << after.status().message();
    EXPECT_EQ(db.last_sqlstate(), "23505");
    ASSERT_TRUE(db.exec("ROLLBACK").ok());
    auto count = db.query("SELECT count(*) FROM t");
    ASSERT_TRUE(count.ok()) << count.status().message();
    EXPECT_EQ(count->row(0).i64(0), 1800);
    // A statement the server refuses to prepare is an error, and the next one works.
    EXPECT_FALSE(db.query("SELECT no_such_column FROM t").ok());
    EXPECT_TRUE(db.query("SELECT count(*) FROM t").ok());
  }
}

}  // namespace
}  // namespace nextcall::pg
#endif
