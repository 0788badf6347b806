// The LessonProgressRepository and PromptAnswerRepository contracts on the
// in-memory fakes, SQLite and PostgreSQL; and, on SQL only, that an
// account's progress and answers go with it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>

#include "common/random.h"
#include "fakes/memory_lesson_progress_repository.h"
#include "fakes/memory_prompt_answer_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_lesson_progress_repository.h"
#include "storage/sql_prompt_answer_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::LessonProgress;
using domain::SealedPromptAnswer;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'700'000'000'000;

class CourseProgressContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_) {
      users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
      progress_ = std::make_unique<storage::SqlLessonProgressRepository>(db_->db());
      answers_ = std::make_unique<storage::SqlPromptAnswerRepository>(db_->db());
    } else {
      users_ = std::make_unique<fakes::MemoryUserRepository>();
      progress_ = std::make_unique<fakes::MemoryLessonProgressRepository>();
      answers_ = std::make_unique<fakes::MemoryPromptAnswerRepository>();
    }
    user_ = NewUser();
  }
  void TearDown() override {
    answers_.reset();
    progress_.reset();
    users_.reset();
    db_.reset();
  }

  domain::User NewUser() {
    domain::User u = testing::SampleUser();
    EXPECT_TRUE(users_->Create(u));
    return u;
  }

  LessonProgress Row(const std::string& user, const std::string& lesson, std::int64_t at) {
    return LessonProgress{user, lesson, Instant{at}, std::nullopt, 0.25, Instant{at}};
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> users_;
  std::unique_ptr<domain::LessonProgressRepository> progress_;
  std::unique_ptr<domain::PromptAnswerRepository> answers_;
  domain::User user_;
};

TEST_P(CourseProgressContract, ASavedRowIsFoundWithEveryField) {
  LessonProgress row = Row(user_.id, "hello", kT0);
  row.completed_at = Instant{kT0 + 5'000};
  row.position = 0.75;
  row.updated_at = Instant{kT0 + 5'000};
  ASSERT_TRUE(progress_->Save(row));
  auto found = progress_->Find(user_.id, "hello");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->user_id, user_.id);
  EXPECT_EQ((*found)->lesson_id, "hello");
  EXPECT_EQ((*found)->opened_at, Instant{kT0});
  EXPECT_EQ((*found)->completed_at, Instant{kT0 + 5'000});
  EXPECT_DOUBLE_EQ((*found)->position, 0.75);
  EXPECT_EQ((*found)->updated_at, Instant{kT0 + 5'000});
}

TEST_P(CourseProgressContract, SavingAgainUpdatesButNeverMovesTheFirstOpening) {
  ASSERT_TRUE(progress_->Save(Row(user_.id, "hello", kT0)));
  LessonProgress later = Row(user_.id, "hello", kT0 + 60'000);
  later.completed_at = Instant{kT0 + 60'000};
  later.position = 1;
  ASSERT_TRUE(progress_->Save(later));
  later.completed_at.reset();  // un-completing is allowed
  ASSERT_TRUE(progress_->Save(later));
  auto found = progress_->Find(user_.id, "hello");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->opened_at, Instant{kT0});
  EXPECT_FALSE((*found)->completed_at.has_value());
  EXPECT_DOUBLE_EQ((*found)->position, 1);
  EXPECT_EQ((*found)->updated_at, Instant{kT0 + 60'000});
}

TEST_P(CourseProgressContract, ForUserReturnsOnlyThatLearnersRows) {
  const domain::User other = NewUser();
  ASSERT_TRUE(progress_->Save(Row(user_.id, "a", kT0)));
  ASSERT_TRUE(progress_->Save(Row(user_.id, "b", kT0)));
  ASSERT_TRUE(progress_->Save(Row(other.id, "a", kT0)));
  auto mine = progress_->ForUser(user_.id);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 2u);
  for (const auto& row : *mine) EXPECT_EQ(row.user_id, user_.id);
  auto none = progress_->Find(NewUser().id, "a");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

TEST_P(CourseProgressContract, AnswersAreKeptPerLessonAndPromptAndReplaced) {
  ASSERT_TRUE(answers_->Save({user_.id, "hello", "p1", "aa01", Instant{kT0}}));
  ASSERT_TRUE(answers_->Save({user_.id, "hello", "p2", "bb02", Instant{kT0}}));
  ASSERT_TRUE(answers_->Save({user_.id, "other", "p1", "cc03", Instant{kT0}}));
  ASSERT_TRUE(answers_->Save({user_.id, "hello", "p1", "dd04", Instant{kT0 + 1}}));
  auto got = answers_->ForLesson(user_.id, "hello");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 2u);
  for (const SealedPromptAnswer& a : *got) {
    EXPECT_EQ(a.lesson_id, "hello");
    if (a.prompt_id == "p1") {
      EXPECT_EQ(a.sealed_text, "dd04");
      EXPECT_EQ(a.updated_at, Instant{kT0 + 1});
    } else {
      EXPECT_EQ(a.sealed_text, "bb02");
    }
  }
  ASSERT_TRUE(answers_->Delete(user_.id, "hello", "p1"));
  ASSERT_TRUE(answers_->Delete(user_.id, "hello", "p1"));  // idempotent
  got = answers_->ForLesson(user_.id, "hello");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  EXPECT_EQ(got->front().prompt_id, "p2");
  auto others = answers_->ForLesson(NewUser().id, "hello");
  ASSERT_TRUE(others);
  EXPECT_TRUE(others->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CourseProgressContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

// What only the database promises: the fakes have no accounts table.
class CourseProgressSqlContract : public CourseProgressContract {};

TEST_P(CourseProgressSqlContract, DeletingTheAccountTakesItsProgressAndAnswers) {
  ASSERT_TRUE(progress_->Save(Row(user_.id, "hello", kT0)));
  ASSERT_TRUE(answers_->Save({user_.id, "hello", "p1", "aa01", Instant{kT0}}));
  ASSERT_TRUE(db_->db().Write("test.delete_user", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM users WHERE id = :id", soci::use(user_.id);
    return {};
  }));
  EXPECT_TRUE(progress_->ForUser(user_.id)->empty());
  EXPECT_TRUE(answers_->ForLesson(user_.id, "hello")->empty());
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, CourseProgressSqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
