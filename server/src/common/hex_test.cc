#include "common/hex.h"

#include <gtest/gtest.h>

namespace securebase {
namespace {

TEST(Hex, RoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const std::string hex = ToHex(all);
  EXPECT_EQ(hex.size(), 512u);
  EXPECT_EQ(hex.substr(0, 6), "000102");
  EXPECT_EQ(FromHex(hex), all);
}

TEST(Hex, ReadsEitherCase) {
  EXPECT_EQ(FromHex("ABcd"), std::string("\xab\xcd"));
}

TEST(Hex, RefusesWhatIsNotHex) {
  EXPECT_FALSE(FromHex("abc"));
  EXPECT_FALSE(FromHex("zz"));
  EXPECT_FALSE(FromHex("00 1"));
  EXPECT_FALSE(FromHex("0g"));
  EXPECT_FALSE(FromHex(std::string("0\0", 2)));
  EXPECT_EQ(FromHex(""), std::string());
}

}  // namespace
}  // namespace securebase
