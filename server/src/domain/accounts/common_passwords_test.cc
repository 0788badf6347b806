#include "domain/accounts/common_passwords.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "domain/accounts/account_rules.h"
#include "domain/accounts/common_passwords_text.h"

namespace securebase::domain {
namespace {

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

TEST(IsCommonPassword, RefusesWellKnownOnesWhateverTheCase) {
  for (const char* p : {"password", "PASSWORD", "Password", "password123", "PassWord123",
                        "12345678", "qwertyuiop", "QwErTyUiOp", "iloveyou", "ILoveYou", "sunshine",
                        "1qaz2wsx", "trustno1", "p@ssw0rd", "P@SSW0RD"}) {
    EXPECT_TRUE(IsCommonPassword(p)) << p;
  }
}

TEST(IsCommonPassword, AcceptsWhatIsNotOnTheList) {
  for (const char* p : {"lantern orbit marmalade quietly", "heron-cobalt-pivot-9", "pass word",
                        // Nothing is trimmed: these are not "password".
                        " password", "password ", "password\t"}) {
    EXPECT_FALSE(IsCommonPassword(p)) << p;
  }
  EXPECT_FALSE(IsCommonPassword(""));
  EXPECT_FALSE(IsCommonPassword(std::string(10'000, 'a')));
}

TEST(IsCommonPassword, AcceptsOtherScriptsUnlessListed) {
  // Only ASCII letters are folded, and the list holds no look-alikes.
  for (const char* p : {"пароль123", "pässword", "PÄSSWORD", "パスワードです!",
                        "🙂🙂🙂🙂🙂🙂🙂🙂", "contraseña"}) {
    EXPECT_FALSE(IsCommonPassword(p)) << p;
  }
}

TEST(CommonPasswords, HoldsAtLeastTenThousandUsableEntries) {
  const auto list = CommonPasswords();
  EXPECT_GE(list.size(), 10'000u);
  for (const std::string_view entry : list) {
    const long length = Utf8Length(entry);
    // Shorter ones are refused by the length rule already and are left out.
    ASSERT_GE(length, 8) << entry;
    ASSERT_LE(length, 256) << entry;
    ASSERT_TRUE(std::none_of(entry.begin(), entry.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    })) << entry;
    ASSERT_TRUE(IsCommonPassword(entry)) << entry;
    ASSERT_TRUE(IsCommonPassword(AsciiUpper(entry))) << entry;
  }
}

TEST(CommonPasswords, IsSortedUniqueAndTheShippedFileHasNoDuplicates) {
  const auto list = CommonPasswords();
  EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
  EXPECT_EQ(std::adjacent_find(list.begin(), list.end()), list.end());
  // One entry per line of the embedded file: none was dropped as a repeat or
  // an empty line, and no Windows line ending slipped in (its '\r' would make
  // every entry unmatchable).
  const std::string_view text = CommonPasswordsText();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\r'), std::string_view::npos);
  EXPECT_EQ(text.find("\n\n"), std::string_view::npos);
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), list.size());
  // The file keeps the source's order, most common first.
  EXPECT_EQ(text.substr(0, text.find('\n')), "password");
}

}  // namespace
}  // namespace securebase::domain
