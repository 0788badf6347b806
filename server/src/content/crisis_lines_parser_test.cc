#include "content/crisis_lines_parser.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "content/content_loader.h"
#include "support/source_dir.h"

namespace securebase::content {
namespace {

constexpr const char* kValid = R"(country = "GB"
name = "United Kingdom"
emergency = "999"
last_verified = 2026-11-29

[[lines]]
id = "samaritans"
name = "Samaritans"
description = "Someone to talk to, any time."
phone = "116 123"
url = "https://www.samaritans.org"
hours = "24 hours, every day"
last_verified = 2026-11-29

[[lines]]
id = "shout"
name = "Shout"
description = "Text support."
sms = "85258"
sms_keyword = "SHOUT"
hours = "24 hours, every day"
last_verified = 2026-11-20
)";

TEST(CrisisLinesParser, ReadsAValidFile) {
  std::vector<Problem> problems;
  const auto c = ParseCrisisLines(kValid, "crisis/gb.toml", problems);
  ASSERT_TRUE(c) << (problems.empty() ? "" : problems[0].ToString());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(c->country, "GB");
  EXPECT_EQ(c->emergency, "999");
  EXPECT_EQ(c->last_verified, "2026-11-29");
  ASSERT_EQ(c->lines.size(), 2u);
  EXPECT_EQ(c->lines[0].phone, "116 123");
  EXPECT_EQ(c->lines[1].sms, "85258");
  EXPECT_EQ(c->lines[1].sms_keyword, "SHOUT");
  EXPECT_EQ(c->lines[1].last_verified, "2026-11-20");
}

struct BadCase {
  const char* name;
  std::string from;
  std::string to;
  int line;
  const char* message_part;
};

TEST(CrisisLinesParser, NamesTheLineOfEachProblem) {
  const std::string valid = kValid;
  const std::vector<BadCase> cases = {
      {"quoted date", "last_verified = 2026-11-29\n\n[[lines]]",
       "last_verified = \"2026-11-29\"\n\n[[lines]]", 4, "must be a date"},
      {"http url", "https://www.samaritans.org", "http://www.samaritans.org", 11, "https://"},
      {"no number", "phone = \"116 123\"\n", "", 6, "needs a phone or an sms"},
      {"keyword without sms", "sms = \"85258\"\n", "phone = \"0800 123 456\"\n", 20,
       "needs an 'sms' number"},
      {"duplicate id", "id = \"shout\"", "id = \"samaritans\"", 16, "used twice"},
      {"lower-case country", "country = \"GB\"", "country = \"gb\"", 1, "upper-case"},
      {"missing emergency", "emergency = \"999\"\n", "", 0, "'emergency' is required"},
      {"broken TOML", "name = \"United Kingdom\"", "name = \"United Kingdom", 2, "not valid TOML"},
  };
  for (const auto& c : cases) {
    std::string text = valid;
    const auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.name;
    text.replace(at, c.from.size(), c.to);
    std::vector<Problem> problems;
    const auto parsed = ParseCrisisLines(text, "crisis/gb.toml", problems);
    EXPECT_FALSE(parsed) << c.name;
    ASSERT_FALSE(problems.empty()) << c.name;
    EXPECT_EQ(problems[0].file, "crisis/gb.toml") << c.name;
    if (c.line > 0) {
      EXPECT_EQ(problems[0].line, c.line) << c.name << ": " << problems[0].ToString();
    }
    EXPECT_NE(problems[0].message.find(c.message_part), std::string::npos)
        << c.name << ": " << problems[0].ToString();
  }
}

TEST(CrisisLinesParser, TheFileMustBeNamedAfterItsCountry) {
  std::vector<Problem> problems;
  EXPECT_FALSE(ParseCrisisLines(kValid, "crisis/ie.toml", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message.find("gb.toml"), std::string::npos);
}

// The shipped data: the countries the practice serves are all there, each
// with an emergency number and lines that can be dialled or texted.
TEST(CrisisLinesContent, CoversTheUkIrelandTheUsAndEveryEuCountry) {
  const auto set = LoadContent(securebase::testing::SourceDir() / "content");
  ASSERT_TRUE(set.ok()) << set.problems[0].ToString();
  const domain::CrisisDirectory dir(set.crisis_lines);
  for (const char* code :
       {"GB", "IE", "US", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
        "HU", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}) {
    const auto c = dir.Find(code);
    ASSERT_TRUE(c) << code << " is missing";
    EXPECT_FALSE((*c)->emergency.empty()) << code;
    if (std::string(code) != "GB" && std::string(code) != "US") {
      EXPECT_NE((*c)->emergency.find("112"), std::string::npos)
          << code << ": 112 works across the EU";
    }
  }
  for (const char* code : {"GB", "IE", "US"})
    EXPECT_GE((*dir.Find(code))->lines.size(), 2u) << code;
  const auto gb = dir.Find("GB");
  std::string numbers;
  for (const auto& l : (*gb)->lines) numbers += l.phone + "|" + l.sms + "|";
  EXPECT_NE(numbers.find("116 123"), std::string::npos);
  EXPECT_NE(numbers.find("85258"), std::string::npos);
  EXPECT_NE(numbers.find("111"), std::string::npos);
  EXPECT_EQ((*gb)->emergency.find("999"), 0u);
  const auto us = dir.Find("US");
  std::string us_numbers;
  for (const auto& l : (*us)->lines) us_numbers += l.phone + "|" + l.sms + "|";
  EXPECT_NE(us_numbers.find("988"), std::string::npos);
  EXPECT_NE(us_numbers.find("741741"), std::string::npos);
  EXPECT_EQ((*us)->emergency, "911");
}

}  // namespace
}  // namespace securebase::content
