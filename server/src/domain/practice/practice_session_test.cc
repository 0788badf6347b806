#include "domain/practice/practice_session.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kDay = 24 * 60 * 60 * kSecond;
const Instant kNow{1'800'000'000'000};  // 2027-01-15T08:00:00Z

std::vector<Practice> Catalogue() {
  std::vector<Practice> all(2);
  all[0].id = "resonance-breathing";
  all[1].id = "box-breathing";
  return all;
}

PracticeSessionDraft Valid() {
  PracticeSessionDraft d;
  d.id = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";
  d.practice_id = "resonance-breathing";
  d.started_at = Instant{kNow.millis - 600 * kSecond};
  d.duration_seconds = 300;
  d.distress_before = 7;
  d.distress_after = 4;
  return d;
}

std::vector<std::string> Fields(const PracticeSessionDraft& d) {
  std::vector<std::string> out;
  for (const auto& e : CheckPracticeSession(d, Catalogue(), kNow)) out.push_back(e.field);
  return out;
}

using Fieldnames = std::vector<std::string>;

TEST(PracticeSession, AValidDraftPasses) {
  EXPECT_TRUE(Fields(Valid()).empty());
  PracticeSessionDraft skipped = Valid();
  skipped.distress_before.reset();
  skipped.distress_after.reset();
  EXPECT_TRUE(Fields(skipped).empty());
}

TEST(PracticeSession, IdsAreUuidsInEitherCase) {
  EXPECT_TRUE(IsPracticeSessionId("3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"));
  EXPECT_TRUE(IsPracticeSessionId("3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B"));
  EXPECT_FALSE(IsPracticeSessionId(""));
  EXPECT_FALSE(IsPracticeSessionId("3f2b8c1e5d4a4e6f9a7b1c2d3e4f5a6b"));       // no dashes
  EXPECT_FALSE(IsPracticeSessionId("3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6"));    // one short
  EXPECT_FALSE(IsPracticeSessionId("3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6bb"));  // one long
  EXPECT_FALSE(IsPracticeSessionId("3f2b8c1g-5d4a-4e6f-9a7b-1c2d3e4f5a6b"));   // not hex
  EXPECT_FALSE(IsPracticeSessionId("3f2b8c1e-5d4a4-e6f-9a7b-1c2d3e4f5a6b"));   // dash moved
  EXPECT_FALSE(IsPracticeSessionId("{3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6}"));

  PracticeSessionDraft d = Valid();
  d.id = "";
  EXPECT_EQ(Fields(d), Fieldnames{"id"});
  d.id = "session-1";
  EXPECT_EQ(Fields(d), Fieldnames{"id"});
}

TEST(PracticeSession, ThePracticeMustBeInTheCatalogue) {
  PracticeSessionDraft d = Valid();
  d.practice_id = "";
  EXPECT_EQ(Fields(d), Fieldnames{"practice_id"});
  d.practice_id = "underwater-breathing";
  const auto errors = CheckPracticeSession(d, Catalogue(), kNow);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "practice_id");
  EXPECT_EQ(errors[0].message, "is not a practice on this site");
}

TEST(PracticeSession, DurationIsOneSecondToFourHours) {
  PracticeSessionDraft d = Valid();
  d.started_at = Instant{kNow.millis - kDay};
  for (std::int64_t ok : {1, 300, 14400}) {
    d.duration_seconds = ok;
    EXPECT_TRUE(Fields(d).empty()) << ok;
  }
  for (std::int64_t bad :
       {std::int64_t{0}, std::int64_t{-300}, std::int64_t{14401}, std::int64_t{1} << 40}) {
    d.duration_seconds = bad;
    EXPECT_EQ(Fields(d), Fieldnames{"duration_seconds"}) << bad;
  }
  d.duration_seconds.reset();
  EXPECT_EQ(Fields(d), Fieldnames{"duration_seconds"});
}

TEST(PracticeSession, DistressIsZeroToTenOrSkipped) {
  PracticeSessionDraft d = Valid();
  d.distress_before = 0;
  d.distress_after = 10;
  EXPECT_TRUE(Fields(d).empty());
  d.distress_before = -1;
  EXPECT_EQ(Fields(d), Fieldnames{"distress_before"});
  d.distress_before = 3;
  d.distress_after = 11;
  EXPECT_EQ(Fields(d), Fieldnames{"distress_after"});
}

TEST(PracticeSession, TheStartIsInThePastYearAndTheEndNotInTheFuture) {
  PracticeSessionDraft d = Valid();
  const std::int64_t skew = 5 * 60 * kSecond;
  d.duration_seconds = 300;
  // Ending exactly five minutes ahead of our clock: a device running fast.
  d.started_at = Instant{kNow.millis + skew - 300 * kSecond};
  EXPECT_TRUE(Fields(d).empty());
  d.started_at = Instant{kNow.millis + skew - 299 * kSecond};
  EXPECT_EQ(Fields(d), Fieldnames{"started_at"});
  // A start beyond the skew is in the future whatever the duration.
  d.started_at = Instant{kNow.millis + skew + kSecond};
  d.duration_seconds = 1;
  auto errors = CheckPracticeSession(d, Catalogue(), kNow);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "started_at");
  EXPECT_NE(errors[0].message.find("future"), std::string::npos);
  // 366 days back is the limit.
  d.started_at = Instant{kNow.millis - 366 * kDay};
  EXPECT_TRUE(Fields(d).empty());
  d.started_at = Instant{kNow.millis - 366 * kDay - kSecond};
  errors = CheckPracticeSession(d, Catalogue(), kNow);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("366 days"), std::string::npos);
  d.started_at.reset();
  EXPECT_EQ(Fields(d), Fieldnames{"started_at"});
}

TEST(PracticeSession, EveryBrokenRuleIsNamedOnce) {
  PracticeSessionDraft d;
  d.id = "x";
  d.practice_id = "nope";
  d.duration_seconds = 0;
  d.distress_before = 12;
  d.distress_after = -2;
  EXPECT_EQ(Fields(d), (Fieldnames{"id", "practice_id", "started_at", "duration_seconds",
                                   "distress_before", "distress_after"}));
  for (const auto& e : CheckPracticeSession(d, Catalogue(), kNow)) {
    EXPECT_FALSE(e.message.empty());
    // Each message follows its field name in a sentence the service ends.
    EXPECT_NE(e.message.back(), '.') << e.message;
  }
}

TEST(PracticeSession, FromDraftLowersTheIdAndKeepsWholeSeconds) {
  PracticeSessionDraft d = Valid();
  d.id = "3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B";
  d.started_at = Instant{kNow.millis - 600 * kSecond + 750};
  d.distress_before.reset();
  const PracticeSession s = SessionFromDraft(d, "u1", kNow);
  EXPECT_EQ(s.id, "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b");
  EXPECT_EQ(s.user_id, "u1");
  EXPECT_EQ(s.practice_id, "resonance-breathing");
  EXPECT_EQ(s.started_at, Instant{kNow.millis - 600 * kSecond});
  EXPECT_EQ(s.duration_seconds, 300);
  EXPECT_FALSE(s.distress_before);
  EXPECT_EQ(s.distress_after, 4);
  EXPECT_EQ(s.recorded_at, kNow);
}

TEST(PracticeSession, SameContentsIgnoresOwnerAndRecordingTime) {
  const PracticeSession a = SessionFromDraft(Valid(), "u1", kNow);
  PracticeSession b = SessionFromDraft(Valid(), "u2", Instant{kNow.millis + kDay});
  EXPECT_TRUE(SameContents(a, b));
  b.distress_after.reset();
  EXPECT_FALSE(SameContents(a, b));
  b = a;
  b.duration_seconds = 301;
  EXPECT_FALSE(SameContents(a, b));
  b = a;
  b.started_at = Instant{a.started_at.millis + kSecond};
  EXPECT_FALSE(SameContents(a, b));
  b = a;
  b.practice_id = "box-breathing";
  EXPECT_FALSE(SameContents(a, b));
}

}  // namespace
}  // namespace securebase::domain
