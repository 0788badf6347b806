#include "domain/accounts/recovery_codes.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>

#include "common/random.h"
#include "common/token_hash.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

class RecoveryCodesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
};

TEST_F(RecoveryCodesTest, TenDistinctCodesInTwoGroupsOfFive) {
  const auto codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  for (const std::string& code : codes) {
    ASSERT_EQ(code.size(), 11u) << code;
    EXPECT_EQ(code[5], '-') << code;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (i == 5) continue;
      EXPECT_NE(kAlphabet.find(code[i]), std::string_view::npos) << code;
    }
  }
}

TEST_F(RecoveryCodesTest, AlphabetHasNoLookAlikes) {
  EXPECT_EQ(kAlphabet.size(), 31u);
  for (char c : std::string_view("01ilo")) EXPECT_EQ(kAlphabet.find(c), std::string_view::npos);
}

TEST_F(RecoveryCodesTest, HonoursTheCountAsked) {
  EXPECT_TRUE(NewRecoveryCodes(0).empty());
  EXPECT_TRUE(NewRecoveryCodes(-1).empty());
  EXPECT_EQ(NewRecoveryCodes(1).size(), 1u);
  EXPECT_EQ(NewRecoveryCodes(25).size(), 25u);
}

TEST_F(RecoveryCodesTest, EveryCharacterOfTheAlphabetTurnsUpInEveryPosition) {
  // 3000 codes give each (position, character) pair ~97 expected hits; a
  // missing one would mean a biased or stuck generator.
  std::map<std::pair<std::size_t, char>, int> seen;
  for (int round = 0; round < 300; ++round) {
    for (const std::string& code : NewRecoveryCodes()) {
      for (std::size_t i = 0; i < code.size(); ++i) {
        if (i != 5) ++seen[{i, code[i]}];
      }
    }
  }
  EXPECT_EQ(seen.size(), 10u * kAlphabet.size());
}

TEST_F(RecoveryCodesTest, NormalizingMakesWhatPeopleTypeMatch) {
  EXPECT_EQ(NormalizeRecoveryCode("7kq4m-x2p9r"), "7kq4mx2p9r");
  EXPECT_EQ(NormalizeRecoveryCode("7KQ4M-X2P9R"), "7kq4mx2p9r");
  EXPECT_EQ(NormalizeRecoveryCode(" 7kq4m x2p9r\n"), "7kq4mx2p9r");
  EXPECT_EQ(NormalizeRecoveryCode("7kq4m--x2p9r\t"), "7kq4mx2p9r");
  EXPECT_EQ(NormalizeRecoveryCode("7kq4mx2p9r"), "7kq4mx2p9r");
  EXPECT_EQ(NormalizeRecoveryCode(""), "");
  // Characters outside the alphabet are kept, so they match no code.
  EXPECT_EQ(NormalizeRecoveryCode("7kq4m_x2p9r"), "7kq4m_x2p9r");
  EXPECT_EQ(NormalizeRecoveryCode("ÄB"), "Äb");

  for (const std::string& code : NewRecoveryCodes()) {
    std::string typed;
    for (char c : code) {
      if (c == '-') {
        typed += "  ";
      } else {
        typed += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    EXPECT_EQ(HashToken(NormalizeRecoveryCode(typed)), HashToken(NormalizeRecoveryCode(code)))
        << code;
  }
}

}  // namespace
}  // namespace securebase::domain
