#include "domain/accounts/totp.h"

#include <gtest/gtest.h>
#include <oath.h>

#include <cstdlib>
#include <set>

#include "common/random.h"

namespace securebase::domain {
namespace {

// RFC 6238 appendix B uses this ASCII string as the SHA1 secret.
constexpr std::string_view kRfcSecret = "12345678901234567890";

Instant AtSeconds(std::int64_t seconds) {
  return Instant{seconds * 1000};
}

class TotpTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
};

TEST_F(TotpTest, MatchesRfc6238Sha1Vectors) {
  struct Vector {
    std::int64_t seconds;
    const char* code;
  };
  for (const Vector& v : {Vector{59, "94287082"}, Vector{1111111109, "07081804"},
                          Vector{1111111111, "14050471"}, Vector{1234567890, "89005924"},
                          Vector{2000000000, "69279037"}, Vector{20000000000, "65353130"}}) {
    EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(AtSeconds(v.seconds)), 8), v.code) << v.seconds;
  }
}

TEST_F(TotpTest, MatchesRfc4226HotpVectorsWithSixDigits) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (int counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(TotpCode(kRfcSecret, counter), expected[counter]) << counter;
  }
}

TEST_F(TotpTest, KeepsLeadingZeros) {
  // 07081804 with eight digits; its last six, 081804, with six.
  const std::int64_t step = TotpStep(AtSeconds(1111111109));
  EXPECT_EQ(TotpCode(kRfcSecret, step, 8), "07081804");
  EXPECT_EQ(TotpCode(kRfcSecret, step), "081804");
  EXPECT_EQ(TotpCode(kRfcSecret, step).size(), 6u);
  ASSERT_TRUE(MatchTotp(kRfcSecret, "081804", AtSeconds(1111111109), 0));
  EXPECT_FALSE(MatchTotp(kRfcSecret, "81804", AtSeconds(1111111109), 0));
}

TEST_F(TotpTest, RefusesDigitCountsHotpDoesNotDefineAndEmptySecrets) {
  EXPECT_EQ(TotpCode(kRfcSecret, 1, 5), "");
  EXPECT_EQ(TotpCode(kRfcSecret, 1, 9), "");
  EXPECT_EQ(TotpCode("", 1), "");
  EXPECT_EQ(TotpCode(kRfcSecret, 1, 7).size(), 7u);
  EXPECT_FALSE(MatchTotp("", "000000", AtSeconds(59), -1));
}

TEST_F(TotpTest, StepsAreThirtySecondsFromTheEpochAndFloorBeforeIt) {
  EXPECT_EQ(TotpStep(Instant{0}), 0);
  EXPECT_EQ(TotpStep(Instant{29'999}), 0);
  EXPECT_EQ(TotpStep(Instant{30'000}), 1);
  EXPECT_EQ(TotpStep(AtSeconds(59)), 1);
  EXPECT_EQ(TotpStep(AtSeconds(1111111109)), 37037036);
  EXPECT_EQ(TotpStep(Instant{-1}), -1);
  EXPECT_EQ(TotpStep(Instant{-30'000}), -1);
  EXPECT_EQ(TotpStep(Instant{-30'001}), -2);
}

TEST_F(TotpTest, AcceptsOneStepEitherSideAndNoFurther) {
  // A fixed secret keeps the test deterministic: with a random one, two steps
  // in the window could share a code once in a million runs.
  const std::string secret(kRfcSecret);
  const Instant now = AtSeconds(1'700'000'000);  // 20 s into its step
  const std::int64_t step = TotpStep(now);
  for (std::int64_t offset : {-1, 0, 1}) {
    const auto matched = MatchTotp(secret, TotpCode(secret, step + offset), now, 0);
    ASSERT_TRUE(matched) << offset;
    EXPECT_EQ(*matched, step + offset);
  }
  for (std::int64_t offset : {-3, -2, 2, 3}) {
    EXPECT_FALSE(MatchTotp(secret, TotpCode(secret, step + offset), now, 0)) << offset;
  }
}

TEST_F(TotpTest, WindowEdgesFollowTheClockToTheMillisecond) {
  const std::string secret(kRfcSecret);
  const std::string code = TotpCode(secret, 100);  // valid from 3000 s to 3029.999 s
  // Step 100 is "next" from the first millisecond of step 99 on...
  EXPECT_FALSE(MatchTotp(secret, code, Instant{99 * 30'000 - 1}, 0));
  EXPECT_EQ(MatchTotp(secret, code, Instant{99 * 30'000}, 0), 100);
  EXPECT_EQ(MatchTotp(secret, code, Instant{100 * 30'000}, 0), 100);
  // ...and "previous" until the last millisecond of step 101.
  EXPECT_EQ(MatchTotp(secret, code, Instant{102 * 30'000 - 1}, 0), 100);
  EXPECT_FALSE(MatchTotp(secret, code, Instant{102 * 30'000}, 0));
}

TEST_F(TotpTest, RefusesACodeAlreadyUsedOrOlderThanTheLastUsed) {
  const std::string secret(kRfcSecret);
  const Instant now = AtSeconds(1'700'000'000);
  const std::int64_t step = TotpStep(now);
  const std::string code = TotpCode(secret, step);

  const auto first = MatchTotp(secret, code, now, 0);
  ASSERT_EQ(first, step);
  EXPECT_FALSE(MatchTotp(secret, code, now, *first));
  EXPECT_FALSE(MatchTotp(secret, code, AtSeconds(1'700'000'029), *first));
  // Once a later step was used, the earlier code in the window is refused too.
  EXPECT_FALSE(MatchTotp(secret, TotpCode(secret, step - 1), now, step));
  // The next step's code still works.
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 1), now, step), step + 1);
}

TEST_F(TotpTest, IgnoresSpacesAndRefusesEverythingElseThatIsNotSixDigits) {
  const std::string secret(kRfcSecret);
  const Instant now = AtSeconds(59);
  const std::string code = TotpCode(secret, 1);
  ASSERT_EQ(code, "287082");
  EXPECT_EQ(MatchTotp(secret, "287082", now, -1), 1);
  EXPECT_EQ(MatchTotp(secret, "287 082", now, -1), 1);
  EXPECT_EQ(MatchTotp(secret, " 2 8 7 0 8 2 ", now, -1), 1);
  for (std::string_view bad : {"", "      ", "28708", "2870820", "28708a", "287-082", "287\t082",
                               "２８７０８２", "287082\n", "+287082", "94287082"}) {
    EXPECT_FALSE(MatchTotp(secret, bad, now, -1)) << bad;
  }
  EXPECT_FALSE(MatchTotp(secret, std::string_view("287082\0", 7), now, -1));
}

TEST_F(TotpTest, NewSecretsAreTwentyRandomBytes) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string s = NewTotpSecret();
    EXPECT_EQ(s.size(), 20u);
    seen.insert(s);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST_F(TotpTest, Base32MatchesRfc4648WithoutPadding) {
  EXPECT_EQ(Base32Encode(""), "");
  EXPECT_EQ(Base32Encode("f"), "MY");
  EXPECT_EQ(Base32Encode("fo"), "MZXQ");
  EXPECT_EQ(Base32Encode("foo"), "MZXW6");
  EXPECT_EQ(Base32Encode("foob"), "MZXW6YQ");
  EXPECT_EQ(Base32Encode("fooba"), "MZXW6YTB");
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(Base32Encode(std::string("\x00\xff", 2)), "AD7Q");
  EXPECT_EQ(Base32Encode(NewTotpSecret()).size(), 32u);
}

TEST_F(TotpTest, Base32AgreesWithLiboathForEveryLength) {
  ASSERT_EQ(oath_init(), OATH_OK);
  for (std::size_t length = 1; length <= 41; ++length) {
    std::string bytes = NewTotpSecret() + NewTotpSecret() + NewTotpSecret();
    bytes.resize(length);
    char* encoded = nullptr;
    std::size_t encoded_length = 0;
    ASSERT_EQ(oath_base32_encode(bytes.data(), bytes.size(), &encoded, &encoded_length), OATH_OK);
    std::string expected(encoded, encoded_length);
    std::free(encoded);
    expected.erase(expected.find_last_not_of('=') + 1);  // liboath pads; authenticators need not
    EXPECT_EQ(Base32Encode(bytes), expected) << length;
  }
}

TEST_F(TotpTest, OtpauthUriEncodesIssuerAndAccount) {
  EXPECT_EQ(OtpauthUri("Secure Base", "zoe@example.org", kRfcSecret),
            "otpauth://totp/Secure%20Base:zoe%40example.org"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Secure%20Base"
            "&algorithm=SHA1&digits=6&period=30");
  // Characters that would end the label or the query are encoded, and so is UTF-8.
  EXPECT_EQ(OtpauthUri("A:B&C", "x?y#z/é+", "f"),
            "otpauth://totp/A%3AB%26C:x%3Fy%23z%2F%C3%A9%2B?secret=MY&issuer=A%3AB%26C"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(
      OtpauthUri("a-b.c_d~e", "", "f"),
      "otpauth://totp/a-b.c_d~e:?secret=MY&issuer=a-b.c_d~e&algorithm=SHA1&digits=6&period=30");
}

TEST(LooksLikeTotpCode, SixDigitsSpacesAsideAndNothingElse) {
  for (const char* code : {"123456", "123 456", " 000000 "}) EXPECT_TRUE(LooksLikeTotpCode(code));
  for (const char* code : {"", "12345", "1234567", "12345a", "abcd-efgh-jkmn", "12-34-56"})
    EXPECT_FALSE(LooksLikeTotpCode(code)) << code;
}

}  // namespace
}  // namespace securebase::domain
