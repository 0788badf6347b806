#include "domain/course/pacing.h"

#include <gtest/gtest.h>

#include "support/sample_course.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kT0 = 1'700'000'000'000;

LessonProgress Opened(const std::string& lesson, std::int64_t at) {
  return LessonProgress{"u", lesson, Instant{at}, std::nullopt, 0, Instant{at}};
}

TEST(Pacing, OpenPacingOpensEveryModule) {
  const Course course = testing::SampleCourse(PacingMode::kOpen);
  for (const ModuleAccess& a : ModuleAccessFor(course, {}, Instant{kT0})) {
    EXPECT_EQ(a.state, ModuleState::kOpen);
  }
}

TEST(Pacing, GentlePacingOpensOnlyTheFirstModuleBeforeAnyReading) {
  const auto access = ModuleAccessFor(testing::SampleCourse(), {}, Instant{kT0});
  ASSERT_EQ(access.size(), 3u);
  EXPECT_EQ(access[0].state, ModuleState::kOpen);
  EXPECT_EQ(access[1].state, ModuleState::kNotStarted);
  EXPECT_EQ(access[2].state, ModuleState::kNotStarted);
  EXPECT_FALSE(access[1].opens_at);
}

TEST(Pacing, TheNextModuleOpensTheSetNumberOfDaysAfterThePreviousWasStarted) {
  const Course course = testing::SampleCourse(PacingMode::kGentle, 3);
  // a2 opened first, a1 later: the module started when a2 was opened.
  const std::vector<LessonProgress> progress = {Opened("a1", kT0 + kDay), Opened("a2", kT0)};
  auto access = ModuleAccessFor(course, progress, Instant{kT0 + 3 * kDay - 1});
  EXPECT_EQ(access[0].started_at, Instant{kT0});
  EXPECT_EQ(access[1].state, ModuleState::kWaiting);
  EXPECT_EQ(access[1].opens_at, Instant{kT0 + 3 * kDay});
  EXPECT_EQ(access[2].state, ModuleState::kNotStarted);

  access = ModuleAccessFor(course, progress, Instant{kT0 + 3 * kDay});
  EXPECT_EQ(access[1].state, ModuleState::kOpen);
  EXPECT_EQ(access[2].state, ModuleState::kNotStarted);
}

TEST(Pacing, AModuleAlreadyStartedStaysOpenWhateverCameBefore) {
  // b1 was read while pacing was open; the course turned gentle later.
  const auto access = ModuleAccessFor(testing::SampleCourse(), {Opened("b1", kT0)}, Instant{kT0});
  EXPECT_EQ(access[1].state, ModuleState::kOpen);
  EXPECT_EQ(access[2].state, ModuleState::kWaiting);
}

TEST(Pacing, ProgressOnRemovedLessonsIsIgnored) {
  const auto access =
      ModuleAccessFor(testing::SampleCourse(), {Opened("gone", kT0)}, Instant{kT0 + 30 * kDay});
  EXPECT_FALSE(access[0].started_at);
  EXPECT_EQ(access[1].state, ModuleState::kNotStarted);
}

}  // namespace
}  // namespace securebase::domain
