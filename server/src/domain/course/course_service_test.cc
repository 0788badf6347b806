#include "domain/course/course_service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "common/hex.h"
#include "fakes/memory_lesson_progress_repository.h"
#include "fakes/memory_prompt_answer_repository.h"
#include "support/account_world.h"
#include "support/sample_course.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kT0 = 1'700'000'000'000;

class CourseServiceTest : public ::testing::Test {
 protected:
  CourseServiceTest() : box_(testing::TestSecretBox()) { Publish(testing::SampleCourse()); }

  void Publish(Course course) {
    auto content = std::make_shared<PublishedContent>();
    content->courses.push_back(std::move(course));
    catalog_.Publish(std::move(content));
  }

  FakeClock clock_{Instant{kT0}};
  Catalog catalog_;
  fakes::MemoryLessonProgressRepository progress_;
  fakes::MemoryPromptAnswerRepository answers_;
  SecretBox box_;
  CourseService service_{catalog_, progress_, answers_, box_, clock_};
};

TEST_F(CourseServiceTest, OpeningALessonRecordsTheFirstOpeningAndPosition) {
  auto first = service_.Record("u", "a1", {});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->opened_at, Instant{kT0});
  clock_.Advance(1min);
  auto moved = service_.Record("u", "a1", {std::nullopt, 0.4});
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->opened_at, Instant{kT0});
  EXPECT_DOUBLE_EQ(moved->position, 0.4);
  EXPECT_FALSE(moved->completed_at);
  EXPECT_EQ(moved->updated_at, Instant{kT0 + 60'000});
}

TEST_F(CourseServiceTest, CompletionIsExplicitAndKeepsItsFirstTime) {
  ASSERT_TRUE(service_.Record("u", "a1", {}));
  clock_.Advance(1min);
  ASSERT_EQ(service_.Record("u", "a1", {true, std::nullopt})->completed_at, Instant{kT0 + 60'000});
  clock_.Advance(1min);
  EXPECT_EQ(service_.Record("u", "a1", {true, std::nullopt})->completed_at, Instant{kT0 + 60'000});
  EXPECT_FALSE(service_.Record("u", "a1", {false, std::nullopt})->completed_at);
}

TEST_F(CourseServiceTest, APositionOutsideZeroToOneIsRefused) {
  for (double bad : {-0.1, 1.01, std::nan("")}) {
    auto r = service_.Record("u", "a1", {std::nullopt, bad});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "position");
  }
  EXPECT_FALSE(progress_.Find("u", "a1")->has_value());
}

TEST_F(CourseServiceTest, AnUnknownLessonIsNotFound) {
  auto r = service_.Read("u", "nope");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Record("u", "nope", {}).error().code, ErrorCode::kNotFound);
}

TEST_F(CourseServiceTest, AClosedModuleCannotBeReadUntilItsDayComes) {
  auto closed = service_.Read("u", "b1");
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(closed.error().type, "module-not-open");
  EXPECT_FALSE(service_.Record("u", "b1", {}));

  ASSERT_TRUE(service_.Record("u", "a1", {}));
  clock_.Advance(72h - 1ms);
  EXPECT_FALSE(service_.Read("u", "b1"));
  clock_.Advance(1ms);
  auto open = service_.Read("u", "b1");
  ASSERT_TRUE(open) << open.error().message;
  EXPECT_EQ(open->place.lesson->id, "b1");
  EXPECT_EQ(open->place.previous->id, "a2");
  EXPECT_EQ(open->place.next->id, "b2");
}

TEST_F(CourseServiceTest, EachLearnerHasTheirOwnProgress) {
  ASSERT_TRUE(service_.Record("u", "a1", {true, std::nullopt}));
  auto mine = service_.Overview("u", "sample");
  auto theirs = service_.Overview("v", "sample");
  ASSERT_TRUE(mine && theirs);
  EXPECT_EQ(mine->status.completed, 1);
  EXPECT_EQ(theirs->status.completed, 0);
  EXPECT_EQ(service_.Overview("u", "other").error().code, ErrorCode::kNotFound);
}

TEST_F(CourseServiceTest, AnswersAreSealedAtRestAndComeBackWhenReopened) {
  Publish(testing::SampleCourse(PacingMode::kOpen));
  const std::string text = "I noticed my chest go tight when the message didn't come.";
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "notice", text));
  const auto stored = answers_.All();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].sealed_text.find("chest"), std::string::npos);
  EXPECT_EQ(stored[0].sealed_text.find(ToHex("chest")), std::string::npos);

  auto answers = service_.Answers("u", "b1");
  ASSERT_TRUE(answers);
  EXPECT_EQ(answers->at("notice"), text);
  EXPECT_TRUE(service_.Answers("v", "b1")->empty());
}

TEST_F(CourseServiceTest, AnAnswerMovedToAnotherLearnerDoesNotOpen) {
  Publish(testing::SampleCourse(PacingMode::kOpen));
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "notice", "mine"));
  SealedPromptAnswer copied = answers_.All().front();
  copied.user_id = "v";
  ASSERT_TRUE(answers_.Save(copied));
  auto r = service_.Answers("v", "b1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_F(CourseServiceTest, ABlankAnswerRemovesTheSavedOne) {
  Publish(testing::SampleCourse(PacingMode::kOpen));
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "notice", "something"));
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "notice", "  \n "));
  EXPECT_TRUE(answers_.All().empty());
}

TEST_F(CourseServiceTest, AnswersToUnknownPromptsOrTooLongAreRefused) {
  Publish(testing::SampleCourse(PacingMode::kOpen));
  EXPECT_EQ(service_.SaveAnswer("u", "b1", "nope", "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.SaveAnswer("u", "a1", "notice", "x").error().code, ErrorCode::kNotFound);
  auto long_one = service_.SaveAnswer("u", "b1", "notice", std::string(kMaxAnswerBytes + 1, 'a'));
  ASSERT_FALSE(long_one);
  EXPECT_EQ(long_one.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(service_.SaveAnswer("u", "b1", "notice", std::string(kMaxAnswerBytes, 'a')));
}

TEST_F(CourseServiceTest, AnEditKeepsProgressAndDropsAnswersToRemovedPrompts) {
  Publish(testing::SampleCourse(PacingMode::kOpen));
  ASSERT_TRUE(service_.Record("u", "b1", {true, std::nullopt}));
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "notice", "kept"));
  ASSERT_TRUE(service_.SaveAnswer("u", "b1", "need", "hidden"));
  Course edited = testing::SampleCourse(PacingMode::kOpen);
  auto& b1 = edited.modules[1].lessons[0];
  b1.title = "A new title";
  b1.blocks.pop_back();  // the "need" prompt is gone
  std::swap(edited.modules[0], edited.modules[2]);
  Publish(edited);
  auto overview = service_.Overview("u", "sample");
  ASSERT_TRUE(overview);
  EXPECT_EQ(overview->status.completed, 1);
  auto answers = service_.Answers("u", "b1");
  ASSERT_TRUE(answers);
  EXPECT_EQ(answers->size(), 1u);
  EXPECT_EQ(answers->at("notice"), "kept");
}

}  // namespace
}  // namespace securebase::domain
