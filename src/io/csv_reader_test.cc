#include "io/csv_reader.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, Status* error) {
  CsvReader r(text, "t.csv");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> f;
  while (r.next(&f, error)) rows.push_back(f);
  return rows;
}

TEST(CsvReaderTest, PlainRecordsWithLfAndCrlf) {
  Status e;
  auto rows = read_all("a,b,c\r\n1,2,3\n4,5,6", &e);
  ASSERT_TRUE(e.ok()) << e.message();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"4", "5", "6"}));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasDoubledQuotesAndNewlines) {
  Status e;
  auto rows = read_all("name,note\n\"Lee, Ann\",\"said \"\"hi\"\"\nthen left\"\n", &e);
  ASSERT_TRUE(e.ok()) << e.message();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "Lee, Ann");
  EXPECT_EQ(rows[1][1], "said \"hi\"\nthen left");
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingComma) {
  Status e;
  auto rows = read_all("a,,c,\n", &e);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "", "c", ""}));
}

TEST(CsvReaderTest, ByteOrderMarkIsSkipped) {
  Status e;
  auto rows = read_all("\xEF\xBB\xBF" "First Name\nZoë\n", &e);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "First Name");
  EXPECT_EQ(rows[1][0], "Zoë");
}

TEST(CsvReaderTest, FieldPositionsCountCharactersAndSpanningRecords) {
  CsvReader r("x,\"a\nb\",Zoë,d\nnext,é,z\n", "t.csv");
  std::vector<std::string> f;
  Status e;
  ASSERT_TRUE(r.next(&f, &e));
  EXPECT_EQ(r.record_line(), 1);
  EXPECT_EQ(r.field_column(1), 3);
  EXPECT_EQ(r.field_line(2), 2);
  EXPECT_EQ(r.field_column(3), 8);  // "b",Zoë, -> d at character 8 of line 2
  ASSERT_TRUE(r.next(&f, &e));
  EXPECT_EQ(r.record_line(), 3);
  EXPECT_EQ(r.field_column(2), 8);
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsAnError) {
  Status e;
  read_all("a,b\nx,ab\"c\n", &e);
  EXPECT_EQ(e.message(),
            "t.csv:2:5: a quote inside an unquoted field (quote the whole field and write the "
            "quote as two quotes \"\")");
}

TEST(CsvReaderTest, UnterminatedQuoteNamesWhereItOpened) {
  Status e;
  read_all("a,b\n1,\"never closed\n2,3\n", &e);
  EXPECT_EQ(e.message(),
            "t.csv:2:3: unterminated quoted field (the quote opened here is never closed; close "
            "it or double the quotes inside it)");
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  Status e;
  read_all("\"ab\"c,d\n", &e);
  EXPECT_EQ(e.message().substr(0, 10), "t.csv:1:5:");
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  Status e;
  EXPECT_TRUE(read_all("", &e).empty());
  EXPECT_TRUE(read_all("\n\r\n", &e).empty());
  EXPECT_TRUE(e.ok());
}

TEST(CsvReaderTest, QuoteOnlyWhenNeeded) {
  EXPECT_EQ(csv_quote("plain"), "plain");
  EXPECT_EQ(csv_quote("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_quote("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_quote("two\nlines"), "\"two\nlines\"");
}

}  // namespace
// OWASP CSV injection: a cell that would run as a formula gets a quote in front, and
// import takes exactly that quote away again, so every text round-trips.
TEST(CsvFormulaGuardTest, FormulasAreGuardedAndEveryTextRoundTrips) {
  EXPECT_EQ(csv_cell("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(csv_cell("+1"), "'+1");
  EXPECT_EQ(csv_cell("-1"), "'-1");
  EXPECT_EQ(csv_cell("@x"), "'@x");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_cell("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(csv_cell("Ann"), "Ann");
  EXPECT_EQ(csv_cell("'Neil"), "'Neil");
  EXPECT_EQ(csv_cell("'=x"), "''=x");  // typed with its quote: kept through the round trip
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("''=x"), "'''=x");
  for (std::string typed : {"=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx", "Ann", "'Neil", "'=x", "''=x", "'", "''", ""}) {
    std::string cell = csv_cell(typed);
    if (cell.size() >= 2 && cell.front() == '"') {  // unquote as the reader would
      std::string inner;
      for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
        inner += cell[i];
        if (cell[i] == '"') ++i;
      }
      cell = inner;
    }
    EXPECT_EQ(csv_unguard(cell), typed) << typed;
  }
  EXPECT_EQ(csv_unguard("'x"), "'x");
}

}  // namespace nextcall
