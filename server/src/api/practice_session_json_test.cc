#include "api/practice_session_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

namespace securebase::api {
namespace {

namespace json = boost::json;

// 2026-11-29T08:00:00Z
constexpr std::int64_t kMorning = 1'795'939'200'000;

std::vector<std::string> Fields(const DecodedPracticeSession& d) {
  std::vector<std::string> out;
  for (const auto& e : d.errors) out.push_back(e.field);
  return out;
}

TEST(PracticeSessionJson, DecodesAWholeBody) {
  const auto body = json::parse(R"({"id": "3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B",
    "practice_id": "resonance-breathing", "started_at": "2026-11-29T08:00:00Z",
    "duration_seconds": 300.0, "distress_before": 7, "distress_after": null})")
                        .as_object();
  const auto d = DecodePracticeSession(body);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.draft.id, "3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B");  // the domain lowers it
  EXPECT_EQ(d.draft.practice_id, "resonance-breathing");
  EXPECT_EQ(d.draft.started_at, Instant{kMorning});
  EXPECT_EQ(d.draft.duration_seconds, 300);
  EXPECT_EQ(d.draft.distress_before, 7);
  EXPECT_FALSE(d.draft.distress_after);
}

TEST(PracticeSessionJson, NamesFieldsOfTheWrongTypeOrForm) {
  const auto body = json::parse(R"({"id": 5, "practice_id": ["x"], "started_at": "now",
    "duration_seconds": 30.5, "distress_before": "4", "distress_after": 4.5})")
                        .as_object();
  const auto d = DecodePracticeSession(body);
  auto fields = Fields(d);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields,
            (std::vector<std::string>{"distress_after", "distress_before", "duration_seconds", "id",
                                      "practice_id", "started_at"}));
  EXPECT_FALSE(d.draft.started_at);
  EXPECT_FALSE(d.draft.duration_seconds);
}

TEST(PracticeSessionJson, KeepsHugeNumbersHugeForTheRulesToRefuse) {
  const auto body =
      json::parse(R"({"duration_seconds": 1e300, "distress_before": -18446744073709551615})")
          .as_object();
  const auto d = DecodePracticeSession(body);
  EXPECT_TRUE(d.errors.empty());
  ASSERT_TRUE(d.draft.duration_seconds);
  EXPECT_GT(*d.draft.duration_seconds, 1'000'000);
  ASSERT_TRUE(d.draft.distress_before);
  EXPECT_LT(*d.draft.distress_before, -1'000'000);
}

TEST(PracticeSessionJson, EncodesASessionWithNullForSkippedRatings) {
  domain::PracticeSession s;
  s.id = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";
  s.practice_id = "box-breathing";
  s.started_at = Instant{kMorning};
  s.duration_seconds = 240;
  s.distress_before = 0;
  s.recorded_at = Instant{kMorning + 241'500};
  EXPECT_EQ(json::serialize(EncodePracticeSession(s)),
            R"({"id":"3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b","practice_id":"box-breathing",)"
            R"("started_at":"2026-11-29T08:00:00Z","duration_seconds":240,"distress_before":0,)"
            R"("distress_after":null,"recorded_at":"2026-11-29T08:04:01Z"})");
}

TEST(PracticeSessionJson, EncodesStatsWithWholeNumbersAsIntegers) {
  domain::PracticeStats stats;
  stats.time_zone = "Europe/London";
  stats.weeks = {{"2026-11-23", 3, 870, 14.5}, {"2026-11-30", 0, 0, 0}};
  domain::PracticeTally t;
  t.practice_id = "body-scan";
  t.title = "A gentle body scan";
  t.sessions = 3;
  t.seconds = 870;
  t.minutes = 14.5;
  t.distress = {3, -2.0};
  stats.practices = {t};
  stats.total_sessions = 3;
  stats.total_minutes = 14.5;
  stats.distress = {3, 6.0, 3.5};
  const json::value v = EncodePracticeStats(stats);
  EXPECT_EQ(v.at("weeks").at(1).at("minutes"), json::value(0));
  EXPECT_TRUE(v.at("weeks").at(1).at("minutes").is_int64());
  EXPECT_EQ(v.at("weeks").at(0).at("minutes").as_double(), 14.5);
  EXPECT_TRUE(v.at("practices").at(0).at("distress").at("mean_change").is_int64());
  EXPECT_EQ(v.at("practices").at(0).at("distress").at("n"), json::value(3));
  EXPECT_EQ(v.at("totals"),
            (json::value{{"sessions", 3},
                         {"minutes", 14.5},
                         {"distress", {{"n", 3}, {"mean_before", 6}, {"mean_after", 3.5}}}}));
  EXPECT_TRUE(v.at("totals").at("distress").at("mean_before").is_int64());
  stats.distress = {2, std::nullopt, std::nullopt};
  EXPECT_TRUE(EncodePracticeStats(stats).at("totals").at("distress").at("mean_after").is_null());
  t.distress = {2, std::nullopt};
  stats.practices = {t};
  EXPECT_TRUE(
      EncodePracticeStats(stats).at("practices").at(0).at("distress").at("mean_change").is_null());
}

}  // namespace
}  // namespace securebase::api
