#include "store/phones_text.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

std::vector<Phone> phones(std::initializer_list<std::pair<const char*, const char*>> items) {
  std::vector<Phone> out;
  for (const auto& [e164, kind] : items) {
    Phone& p = out.emplace_back();
    p.e164 = e164;
    p.kind = kind;
  }
  return out;
}

TEST(PhonesTextTest, RoundTripsInOrder) {
  std::vector<Phone> in = phones({{"+13125550148", "work"}, {"+13125550199", "mobile"}, {"+442079460958", ""}});
  std::string text = phones_text(in);
  EXPECT_EQ(text, "+13125550148 work;+13125550199 mobile;+442079460958 ");
  std::vector<Phone> out = phones_from_text(text);
  ASSERT_EQ(out.size(), 3u);
  for (std::size_t k = 0; k < in.size(); ++k) {
    EXPECT_EQ(out[k].e164, in[k].e164);
    EXPECT_EQ(out[k].kind, in[k].kind);
  }
}

TEST(PhonesTextTest, AnExtensionStaysWithItsNumber) {
  std::vector<Phone> out = phones_from_text("+13125550148;ext=204 work;+13125550199 mobile");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].e164, "+13125550148;ext=204");
  EXPECT_EQ(out[0].kind, "work");
  EXPECT_EQ(out[1].e164, "+13125550199");
}

TEST(PhonesTextTest, EmptyTextAndItemsWithoutANumberGiveNoPhone) {
  EXPECT_TRUE(phones_from_text("").empty());
  EXPECT_TRUE(phones_text({}).empty());
  std::vector<Phone> out = phones_from_text(" work;+13125550148");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].e164, "+13125550148");
  EXPECT_EQ(out[0].kind, "work");  // no kind stored: a phone's default
}

}  // namespace
}  // namespace nextcall
