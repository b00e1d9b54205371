#include "store/db_secrets.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(DbSecretsTest, UrlPasswordIsMaskedHostAndUserKept) {
  EXPECT_EQ(mask_db_secrets("postgresql://sam:s3cret@db.example:5432/nextcall"),
            "postgresql://sam:***@db.example:5432/nextcall");
  EXPECT_EQ(mask_db_secrets("postgres://:s3cret@db.example/nextcall"), "postgres://:***@db.example/nextcall");
}

TEST(DbSecretsTest, UrlWithoutPasswordIsUnchanged) {
  EXPECT_EQ(mask_db_secrets("postgres://sam@db.example/nextcall"), "postgres://sam@db.example/nextcall");
  EXPECT_EQ(mask_db_secrets("postgres://db.example:5432/nextcall"), "postgres://db.example:5432/nextcall");
  EXPECT_EQ(mask_db_secrets("team.db"), "team.db");
  EXPECT_EQ(mask_db_secrets("password authentication failed for user \"sam\""),
            "password authentication failed for user \"sam\"");
}

TEST(DbSecretsTest, PasswordWithAnUnencodedAtIsMaskedWhole) {
  EXPECT_EQ(mask_db_secrets("postgresql://sam:p@ss@db.example/nextcall"), "postgresql://sam:***@db.example/nextcall");
  EXPECT_EQ(mask_db_secrets("cannot connect to postgresql://sam:a@b@c@h:1/d: refused"),
            "cannot connect to postgresql://sam:***@h:1/d: refused");
}

TEST(DbSecretsTest, QueryParameterPasswordIsMasked) {
  EXPECT_EQ(mask_db_secrets("postgres://sam@db.example/nextcall?password=s3cret&sslmode=verify-full"),
            "postgres://sam@db.example/nextcall?password=***&sslmode=verify-full");
  EXPECT_EQ(mask_db_secrets("postgres://db.example/nextcall?sslmode=require&Password=p@ss"),
            "postgres://db.example/nextcall?sslmode=require&Password=***");
}

TEST(DbSecretsTest, ConninfoPasswordIsMaskedQuotedOrNot) {
  EXPECT_EQ(mask_db_secrets("host=db.example user=sam password=s3cret dbname=nextcall"),
            "host=db.example user=sam password=*** dbname=nextcall");
  EXPECT_EQ(mask_db_secrets("host=db user=sam password = 'se cr\\'et' dbname=x"),
            "host=db user=sam password = *** dbname=x");
  EXPECT_EQ(mask_db_secrets("PGPASSWORD=s3cret"), "PGPASSWORD=***");
}

TEST(DbSecretsTest, HostNameHoldingPartOfAPasswordIsMasked) {
  // libpq reads "postgresql://sam:hunter2@home@127.0.0.1/db" as host "home@127.0.0.1".
  EXPECT_EQ(mask_db_secrets("could not translate host name \"home@127.0.0.1\" to address"),
            "could not translate host name \"***@127.0.0.1\" to address");
}

TEST(DbSecretsTest, PiecesOfTheUrlsPasswordAreMaskedInItsErrors) {
  const std::string url = "postgresql://sam:hunter2@home@127.0.0.1:1/db?password=other";
  EXPECT_EQ(mask_db_secrets("bad: hunter2 and home, other; missing \"=\" after \"hunter2@home\"", url),
            "bad: *** and ***, ***; missing \"=\" after \"***@***\"");
  // Short pieces are left (they would mask ordinary words).
  EXPECT_EQ(mask_db_secrets("at home", "postgresql://sam:p@ss@h/db"), "at home");
}

}  // namespace
}  // namespace nextcall
