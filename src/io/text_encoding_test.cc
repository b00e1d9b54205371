#include "io/text_encoding.h"

#include <gtest/gtest.h>

#include "io/csv_reader.h"

namespace nextcall {
namespace {

TEST(TextEncodingTest, Utf8PassesThroughAndItsBomIsDropped) {
  TextEncoding e;
  EXPECT_EQ(to_utf8("Müller,Zoë", &e), "Müller,Zoë");
  EXPECT_EQ(e, TextEncoding::kUtf8);
  EXPECT_EQ(to_utf8("\xEF\xBB\xBFName", &e), "Name");
  EXPECT_EQ(e, TextEncoding::kUtf8Bom);
}

TEST(TextEncodingTest, ExcelWindows1252BecomesUtf8) {
  TextEncoding e;
  // "Müller – €5" as Excel writes it on Windows.
  EXPECT_EQ(to_utf8("M\xFCller \x96 \x80" "5", &e), "Müller – €5");
  EXPECT_EQ(e, TextEncoding::kWindows1252);
}

TEST(TextEncodingTest, Utf16WithItsBomBecomesUtf8) {
  TextEncoding e;
  const std::string le("\xFF\xFE" "N\0a\0\xEF\0\n\0", 10);
  EXPECT_EQ(to_utf8(le, &e), "Naï\n");
  EXPECT_EQ(e, TextEncoding::kUtf16Le);
  const std::string be("\xFE\xFF\0N\xD8\x3D\xDE\x00", 8);  // N and U+1F600 as a surrogate pair
  EXPECT_EQ(to_utf8(be, &e), "N\xF0\x9F\x98\x80");
  EXPECT_EQ(e, TextEncoding::kUtf16Be);
}

TEST(TextEncodingTest, InvalidUtf8IsRecognised) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("日本語"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));        // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));    // a surrogate
  EXPECT_FALSE(is_valid_utf8("caf\xE9"));         // Latin-1
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));        // cut short
}

TEST(TextEncodingTest, TheDelimiterComesFromTheHeaderLine) {
  EXPECT_EQ(sniff_delimiter("First Name,Last Name,Phone\n"), ',');
  EXPECT_EQ(sniff_delimiter("Vorname;Nachname;Telefon\nA;B;\"1,5\"\n"), ';');
  EXPECT_EQ(sniff_delimiter("First\tLast\tPhone\n"), '\t');
  EXPECT_EQ(sniff_delimiter("\"Name; with semicolons\",Phone\n"), ',');  // inside quotes it does not count
  EXPECT_EQ(sniff_delimiter("Name\n"), ',');
}

TEST(CsvReaderDelimiterTest, SemicolonsAndTabsSplitFieldsAndQuotesStillProtect) {
  std::string data = "a;\"b;c\";d\n1;2;3\n";
  CsvReader r(data, "x.csv", ';');
  std::vector<std::string> f;
  Status s;
  ASSERT_TRUE(r.next(&f, &s));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b;c", "d"}));
  ASSERT_TRUE(r.next(&f, &s));
  EXPECT_EQ(f, (std::vector<std::string>{"1", "2", "3"}));
  std::string tsv = "a\tb, c\n";
  CsvReader t(tsv, "x.tsv", '\t');
  ASSERT_TRUE(t.next(&f, &s));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b, c"}));
}

}  // namespace
}  // namespace nextcall
