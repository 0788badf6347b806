#include "domain/settings/settings_repository.h"

#include <gtest/gtest.h>

#include <string>

namespace securebase::domain {
namespace {

TEST(ValidateSettingKey, AcceptsTypicalKeys) {
  EXPECT_TRUE(ValidateSettingKey("site.name").has_value());
  EXPECT_TRUE(ValidateSettingKey("a").has_value());
  EXPECT_TRUE(ValidateSettingKey("setup.token_hash").has_value());
  EXPECT_TRUE(ValidateSettingKey("mail.from-address2").has_value());
}

TEST(ValidateSettingKey, RejectsEmpty) {
  const auto r = ValidateSettingKey("");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("1 to 64"), std::string::npos) << r.error().message;
}

TEST(ValidateSettingKey, AcceptsSixtyFourCharactersButNotSixtyFive) {
  const std::string k64 = "a" + std::string(63, 'b');
  const std::string k65 = "a" + std::string(64, 'b');
  ASSERT_EQ(k64.size(), 64u);
  EXPECT_TRUE(ValidateSettingKey(k64).has_value());
  const auto r = ValidateSettingKey(k65);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("1 to 64"), std::string::npos) << r.error().message;
}

TEST(ValidateSettingKey, RejectsUppercase) {
  for (const char* key : {"Site.name", "site.Name", "SITE"}) {
    const auto r = ValidateSettingKey(key);
    ASSERT_FALSE(r.has_value()) << key;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << key;
  }
}

TEST(ValidateSettingKey, MustStartWithALetter) {
  for (const char* key : {"1site", "9", ".site", "_site", "-site"}) {
    const auto r = ValidateSettingKey(key);
    ASSERT_FALSE(r.has_value()) << key;
    EXPECT_NE(r.error().message.find("start with a lowercase letter"), std::string::npos)
        << key << ": " << r.error().message;
  }
}

TEST(ValidateSettingKey, AllowsOnlyDotUnderscoreAndHyphenAsPunctuation) {
  EXPECT_TRUE(ValidateSettingKey("a.b_c-d.0").has_value());
  for (const char* key : {"a b", "a/b", "a:b", "a+b", "a@b", "a=b", "caf\xC3\xA9", "a\nb", "a*"}) {
    const auto r = ValidateSettingKey(key);
    ASSERT_FALSE(r.has_value()) << key;
    EXPECT_NE(r.error().message.find("may contain only"), std::string::npos)
        << key << ": " << r.error().message;
  }
}

}  // namespace
}  // namespace securebase::domain
