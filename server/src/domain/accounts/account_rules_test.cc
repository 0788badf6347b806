#include "domain/accounts/account_rules.h"

#include <gtest/gtest.h>

namespace securebase::domain {
namespace {

TEST(NormalizeEmail, TrimsAndLowerCases) {
  EXPECT_EQ(NormalizeEmail("  Zoe.O@Example.ORG \n"), "zoe.o@example.org");
  EXPECT_EQ(NormalizeEmail("a+tag@sub.example.co.uk"), "a+tag@sub.example.co.uk");
}

TEST(NormalizeEmail, RefusesWhatCannotBeAnAddress) {
  const std::string long_local(65, 'a');
  const std::string long_total = std::string(64, 'a') + "@" + std::string(186, 'b') + ".org";
  for (const std::string& bad :
       {std::string(""), std::string("   "), std::string("no-at.example.org"),
        std::string("two@@example.org"), std::string("a@b@example.org"),
        std::string("@example.org"), std::string("a@"), std::string("a@localhost"),
        std::string("a@.org"), std::string("a@example."), std::string("a@exa..mple.org"),
        std::string("sp ace@example.org"), std::string("ctl\x01@example.org"),
        long_local + "@example.org", long_total, std::string("bad\xff@example.org")}) {
    const auto r = NormalizeEmail(bad);
    ASSERT_FALSE(r) << "accepted: " << bad;
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "email");
  }
  EXPECT_EQ(long_total.size(), 255u);
}

TEST(CheckPasswordLength, CountsCharactersNotBytesAtBothLimits) {
  EXPECT_FALSE(CheckPasswordLength("1234567"));
  EXPECT_TRUE(CheckPasswordLength("12345678"));
  // Eight characters in other scripts: more than eight bytes, still eight characters.
  EXPECT_TRUE(CheckPasswordLength("пароль12"));
  EXPECT_TRUE(CheckPasswordLength("パスワードです!"));
  EXPECT_TRUE(CheckPasswordLength("🙂🙂🙂🙂🙂🙂🙂🙂"));
  EXPECT_FALSE(CheckPasswordLength("🙂🙂🙂🙂🙂🙂🙂"));
  std::string at_limit;
  for (int i = 0; i < 256; ++i) at_limit += "é";
  EXPECT_TRUE(CheckPasswordLength(at_limit));
  EXPECT_FALSE(CheckPasswordLength(at_limit + "e"));
  EXPECT_TRUE(CheckPasswordLength("spaces are fine   "));
}

TEST(CheckPasswordLength, RefusesTextThatIsNotUtf8) {
  const auto r = CheckPasswordLength("abcdefgh\xc3");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "password");
  EXPECT_FALSE(CheckPasswordLength("abcdefgh\xed\xa0\x80"));  // a UTF-16 surrogate
  EXPECT_FALSE(CheckPasswordLength("abcdefgh\xc0\xaf"));      // an overlong '/'
}

TEST(CheckNewPassword, AddsTheCommonPasswordRuleToTheLengthRule) {
  EXPECT_TRUE(CheckNewPassword("lantern orbit marmalade"));
  EXPECT_TRUE(CheckNewPassword("пароль12"));
  // The length rule still comes first, with its own message.
  const auto too_short = CheckNewPassword("qwerty");
  ASSERT_FALSE(too_short);
  EXPECT_EQ(too_short.error().fields[0].message, "must be at least 8 characters");
  EXPECT_FALSE(CheckNewPassword("abcdefgh\xc3"));
  for (const char* common : {"password", "Password123", "ILOVEYOU", "qwertyuiop"}) {
    const auto r = CheckNewPassword(common);
    ASSERT_FALSE(r) << common;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "password");
    EXPECT_NE(r.error().fields[0].message.find("easy to guess"), std::string::npos);
    // Log-in checks only the length: a listed password can still be typed there.
    EXPECT_TRUE(CheckPasswordLength(common)) << common;
  }
}

TEST(NormalizeDisplayName, TrimsAndLimits) {
  EXPECT_EQ(NormalizeDisplayName("  Síle Ní Bhriain "), "Síle Ní Bhriain");
  EXPECT_FALSE(NormalizeDisplayName("   "));
  EXPECT_FALSE(NormalizeDisplayName(std::string(81, 'a')));
  EXPECT_TRUE(NormalizeDisplayName(std::string(80, 'a')));
  EXPECT_FALSE(NormalizeDisplayName("tab\tname"));
}

TEST(CheckTimeZone, KnowsIanaNamesOnly) {
  for (const char* zone : {"Europe/London", "America/New_York", "Europe/Dublin", "UTC"}) {
    EXPECT_TRUE(CheckTimeZone(zone)) << zone;
  }
  // "localtime" is in the OS database as a link to the server's own zone.
  for (const char* zone :
       {"", "Europe/Londn", "GMT+25", "London", "../../etc/passwd", "localtime"}) {
    const auto r = CheckTimeZone(zone);
    ASSERT_FALSE(r) << zone;
    EXPECT_EQ(r.error().fields[0].field, "time_zone");
  }
}

}  // namespace
}  // namespace securebase::domain

namespace securebase::domain {
namespace {

// Found by clang-tidy (use after move): the message once lost its reason.
TEST(NormalizeEmail, TheMessageSaysWhatIsWrong) {
  const auto r = NormalizeEmail("no-at-sign.example.org");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Please check your email address: it needs exactly one @.");
  EXPECT_EQ(r.error().fields[0].message, "it needs exactly one @.");
}

}  // namespace
}  // namespace securebase::domain
