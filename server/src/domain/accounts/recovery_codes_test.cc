#include "domain/accounts/recovery_codes.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
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

// Dashes sit after every fourth character: "xxxx-xxxx-xxxx-xxxx-xxxx-xxxx".
bool IsDashPosition(std::size_t i) {
  return i % 5 == 4;
}

TEST_F(RecoveryCodesTest, TenDistinctCodesInSixGroupsOfFour) {
  const auto codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  for (const std::string& code : codes) {
    ASSERT_EQ(code.size(), 29u) << code;
    for (std::size_t i = 0; i < code.size(); ++i) {
      if (IsDashPosition(i)) {
        EXPECT_EQ(code[i], '-') << code;
      } else {
        EXPECT_NE(kAlphabet.find(code[i]), std::string_view::npos) << code;
      }
    }
  }
}

// ASVS 5.0 asks at least 112 bits of a lookup secret kept under a fast hash
// (the stored form is BLAKE2b): 24 characters of 31 give about 118.9.
TEST_F(RecoveryCodesTest, EachCodeCarriesAtLeast112BitsOfRandomness) {
  const int characters = kRecoveryCodeGroups * kRecoveryCodeGroupLength;
  EXPECT_EQ(characters, 24);
  const double bits = characters * std::log2(static_cast<double>(kAlphabet.size()));
  EXPECT_GE(bits, 112.0);
  EXPECT_NEAR(bits, 118.9, 0.05);
  for (const std::string& code : NewRecoveryCodes())
    EXPECT_EQ(NormalizeRecoveryCode(code).size(), static_cast<std::size_t>(characters)) << code;
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
  // missing one would mean a biased or stuck generator (or a position that
  // is not random at all).
  std::map<std::pair<std::size_t, char>, int> seen;
  for (int round = 0; round < 300; ++round) {
    for (const std::string& code : NewRecoveryCodes()) {
      for (std::size_t i = 0; i < code.size(); ++i) {
        if (!IsDashPosition(i)) ++seen[{i, code[i]}];
      }
    }
  }
  EXPECT_EQ(seen.size(), 24u * kAlphabet.size());
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
  EXPECT_EQ(NormalizeRecoveryCode(" 7KQ4 mx2p-9RBC\tt8wd - h3na 5fgy "),
            "7kq4mx2p9rbct8wdh3na5fgy");

  for (const std::string& code : NewRecoveryCodes()) {
    std::string typed;
    for (char c : code) {
      if (c == '-') {
        typed += "  ";
      } else {
        typed += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    EXPECT_EQ(RecoveryCodeHash("u1", typed), RecoveryCodeHash("u1", code)) << code;
  }
}

// The stored form that databases hold today, for old codes and new: the
// account's id, a colon, the normalised code, under HashToken. A code issued
// before (ten characters) keeps its hash.
TEST_F(RecoveryCodesTest, TheStoredHashFormIsUnchangedForCodesIssuedBefore) {
  EXPECT_EQ(RecoveryCodeHash("user-1", "7kq4m-x2p9r"), HashToken("user-1:7kq4mx2p9r"));
  EXPECT_EQ(RecoveryCodeHash("user-1", "7KQ4M X2P9R"), HashToken("user-1:7kq4mx2p9r"));
  EXPECT_NE(RecoveryCodeHash("user-2", "7kq4m-x2p9r"), RecoveryCodeHash("user-1", "7kq4m-x2p9r"))
      << "the account's id is mixed in";
  EXPECT_EQ(RecoveryCodeHash("u", "7kq4-mx2p-9rbc-t8wd-h3na-5fgy"),
            HashToken("u:7kq4mx2p9rbct8wdh3na5fgy"));
}

}  // namespace
}  // namespace securebase::domain
