#include "domain/safety/crisis_lines.h"

#include <gtest/gtest.h>

namespace securebase::domain {
namespace {

CrisisDirectory Sample() {
  return CrisisDirectory({
      {"US",
       "United States",
       "911",
       "2026-11-29",
       {{"988", "988 Lifeline", "d", "988", "988", "", "", "24/7", "2026-11-29"}}},
      {"GB",
       "United Kingdom",
       "999",
       "2026-11-29",
       {{"samaritans", "Samaritans", "d", "116 123", "", "", "", "24/7", "2026-11-29"}}},
      {"DE", "Germany", "112", "2026-11-29", {}},
  });
}

TEST(CrisisDirectory, FindsACountryByCodeInEitherCase) {
  const auto dir = Sample();
  const auto upper = dir.Find("GB");
  ASSERT_TRUE(upper);
  EXPECT_EQ((*upper)->emergency, "999");
  const auto lower = dir.Find("gb");
  ASSERT_TRUE(lower);
  EXPECT_EQ(*lower, *upper);
}

TEST(CrisisDirectory, AnUnknownCountryIsNotFoundAndPointsToEmergencyServices) {
  const auto found = Sample().Find("JP");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  EXPECT_NE(found.error().message.find("emergency number"), std::string::npos);
}

TEST(CrisisDirectory, AMalformedCodeIsInvalidAndNamesTheField) {
  for (const std::string_view code : {"", "G", "GBR", "G1", "é", "  "}) {
    const auto found = Sample().Find(code);
    ASSERT_FALSE(found) << code;
    EXPECT_EQ(found.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(found.error().fields.size(), 1u);
    EXPECT_EQ(found.error().fields[0].field, "country");
  }
}

TEST(CrisisDirectory, ListsCountriesSortedByName) {
  const auto dir = Sample();
  const auto& names = dir.Countries();
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0].code, "DE");
  EXPECT_EQ(names[1].code, "GB");
  EXPECT_EQ(names[2].code, "US");
}

}  // namespace
}  // namespace securebase::domain

namespace securebase::domain {
namespace {

TEST(NormalizeCountryCode, AcceptsAssignedCodesInAnyCaseAndRefusesOthers) {
  EXPECT_EQ(NormalizeCountryCode("gb"), "GB");
  EXPECT_EQ(NormalizeCountryCode("Ie"), "IE");
  EXPECT_EQ(NormalizeCountryCode("AX"), "AX");
  for (std::string_view bad : {"XX", "ZZ", "UK", "EU", "G", "GBR", "", "1A", "é"}) {
    auto r = NormalizeCountryCode(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields.at(0).field, "country");
  }
}

}  // namespace
}  // namespace securebase::domain
