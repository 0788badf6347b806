// The CheckinRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, that check-ins go with their account and
// that racing submissions with one idempotency key store one row.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_checkin_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_checkin_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/owned_rows_contract.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::Checkin;
using testing::ContractBackend;

// The owner's creation time (support/owned_rows_contract.h), where the rows' times begin.
constexpr std::int64_t kT0 = 1'800'000'000'000;

Checkin SampleCheckin(const std::string& user_id, std::int64_t at,
                      const std::string& questionnaire = "attachment") {
  Checkin c;
  c.id = NewId();
  c.user_id = user_id;
  c.questionnaire_id = questionnaire;
  c.questionnaire_version = 3;
  c.taken_at = Instant{at};
  c.answers = {{"anx-01", 7}, {"anx-02", 1}, {"av-01", 4}, {"av-02", 2}};
  // Avoidance first: the stored order must be the given one, not sorted.
  c.scores = {{"avoidance", 2.25}, {"anxiety", 4.0 / 3.0}};
  c.region = "secure";
  return c;
}

class CheckinRepositoryContract
    : public testing::OwnedRowsContract<domain::CheckinRepository, storage::SqlCheckinRepository,
                                        fakes::MemoryCheckinRepository> {
 protected:
  std::vector<Checkin> Listed(const std::string& user,
                              std::optional<std::string_view> q = std::nullopt) {
    auto list = repo().List(user, q);
    EXPECT_TRUE(list) << list.error().message;
    return list ? *list : std::vector<Checkin>{};
  }
};

void ExpectSame(const Checkin& got, const Checkin& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.user_id, want.user_id);
  EXPECT_EQ(got.questionnaire_id, want.questionnaire_id);
  EXPECT_EQ(got.questionnaire_version, want.questionnaire_version);
  EXPECT_EQ(got.taken_at, want.taken_at);
  EXPECT_EQ(got.answers, want.answers);
  ASSERT_EQ(got.scores.size(), want.scores.size());
  for (std::size_t i = 0; i < want.scores.size(); ++i) {
    EXPECT_EQ(got.scores[i].subscale, want.scores[i].subscale);
    EXPECT_DOUBLE_EQ(got.scores[i].score, want.scores[i].score);
  }
  EXPECT_EQ(got.region, want.region);
  EXPECT_EQ(got.idempotency_key, want.idempotency_key);
}

TEST_P(CheckinRepositoryContract, ASavedCheckinIsFoundWithEveryField) {
  Checkin c = SampleCheckin(user_.id, kT0);
  c.idempotency_key = "0b8f3c1e-6a2d-4b8e-9d4f-2f1e0c7a5b31";
  const auto saved = repo().Save(c);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->created);
  const auto found = repo().Find(user_.id, c.id);
  ASSERT_TRUE(found);
  ASSERT_TRUE(*found);
  ExpectSame(**found, c);
}

TEST_P(CheckinRepositoryContract, RegionAndKeyMayBeAbsent) {
  Checkin c = SampleCheckin(user_.id, kT0, "eight-signs");
  c.region.reset();
  ASSERT_TRUE(repo().Save(c));
  const auto found = repo().Find(user_.id, c.id);
  ASSERT_TRUE(found && *found);
  EXPECT_FALSE((*found)->region);
  EXPECT_FALSE((*found)->idempotency_key);
}

TEST_P(CheckinRepositoryContract, AnotherLearnersCheckinIsNotFound) {
  const Checkin c = SampleCheckin(user_.id, kT0);
  ASSERT_TRUE(repo().Save(c));
  const domain::User other = NewUser();
  const auto found = repo().Find(other.id, c.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
  EXPECT_TRUE(Listed(other.id).empty());
  const auto missing = repo().Find(user_.id, NewId());
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
}

TEST_P(CheckinRepositoryContract, ListIsNewestFirstAndFiltersByQuestionnaire) {
  const Checkin a = SampleCheckin(user_.id, kT0);
  const Checkin b = SampleCheckin(user_.id, kT0 + 2'000, "eight-signs");
  const Checkin c = SampleCheckin(user_.id, kT0 + 1'000);
  for (const auto& x : {a, b, c}) ASSERT_TRUE(repo().Save(x));
  ASSERT_TRUE(repo().Save(SampleCheckin(NewUser().id, kT0 + 5'000)));

  const auto all = Listed(user_.id);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, b.id);
  EXPECT_EQ(all[1].id, c.id);
  EXPECT_EQ(all[2].id, a.id);
  ExpectSame(all[1], c);

  const auto attachment = Listed(user_.id, "attachment");
  ASSERT_EQ(attachment.size(), 2u);
  EXPECT_EQ(attachment[0].id, c.id);
  EXPECT_EQ(attachment[1].id, a.id);
  EXPECT_TRUE(Listed(user_.id, "nothing-like-it").empty());
}

TEST_P(CheckinRepositoryContract, EqualTimesAreOrderedById) {
  Checkin a = SampleCheckin(user_.id, kT0);
  Checkin b = SampleCheckin(user_.id, kT0);
  a.id = "a" + a.id.substr(1);
  b.id = "b" + b.id.substr(1);
  ASSERT_TRUE(repo().Save(a));
  ASSERT_TRUE(repo().Save(b));
  const auto all = Listed(user_.id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b.id);
}

TEST_P(CheckinRepositoryContract, LatestPerPersonIsEachLearnersLatestWithEverything) {
  const std::string q = "psy-" + NewId();
  const Checkin early = SampleCheckin(user_.id, kT0, q);
  const Checkin latest = SampleCheckin(user_.id, kT0 + 2'000, q);
  const Checkin middle = SampleCheckin(user_.id, kT0 + 1'000, q);
  const Checkin elsewhere = SampleCheckin(user_.id, kT0 + 5'000, "another-" + q);
  for (const auto& x : {early, latest, middle, elsewhere}) ASSERT_TRUE(repo().Save(x));
  // Another learner with two at the same moment: the greater id is the latest.
  const domain::User other = NewUser();
  Checkin a = SampleCheckin(other.id, kT0, q);
  Checkin b = SampleCheckin(other.id, kT0, q);
  a.id = "a" + a.id.substr(1);
  b.id = "b" + b.id.substr(1);
  b.answers["anx-01"] = 2;
  ASSERT_TRUE(repo().Save(b));
  ASSERT_TRUE(repo().Save(a));
  NewUser();  // a learner with none

  auto found = repo().LatestPerPerson(q);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 2u);
  std::sort(found->begin(), found->end(), [&](const Checkin& x, const Checkin& y) {
    return (x.user_id == user_.id) > (y.user_id == user_.id);
  });
  ExpectSame((*found)[0], latest);
  ExpectSame((*found)[1], b);
  auto none = repo().LatestPerPerson("nothing-like-" + q);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(CheckinRepositoryContract, TheSameKeyGivesBackTheFirstCheckin) {
  Checkin first = SampleCheckin(user_.id, kT0);
  first.idempotency_key = "key-1";
  ASSERT_TRUE(repo().Save(first));
  Checkin second = SampleCheckin(user_.id, kT0 + 1'000);
  second.idempotency_key = "key-1";
  second.answers["anx-01"] = 1;
  const auto again = repo().Save(second);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->created);
  ExpectSame(again->checkin, first);
  EXPECT_EQ(Listed(user_.id).size(), 1u);
}

TEST_P(CheckinRepositoryContract, KeysBelongToOneLearner) {
  Checkin mine = SampleCheckin(user_.id, kT0);
  mine.idempotency_key = "shared-key";
  const domain::User other = NewUser();
  Checkin theirs = SampleCheckin(other.id, kT0);
  theirs.idempotency_key = "shared-key";
  ASSERT_TRUE(repo().Save(mine));
  const auto saved = repo().Save(theirs);
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->created);
  EXPECT_EQ(saved->checkin.id, theirs.id);
  EXPECT_EQ(Listed(other.id).size(), 1u);
}

TEST_P(CheckinRepositoryContract, CheckinsWithoutKeysAreAllKept) {
  ASSERT_TRUE(repo().Save(SampleCheckin(user_.id, kT0)));
  ASSERT_TRUE(repo().Save(SampleCheckin(user_.id, kT0)));
  EXPECT_EQ(Listed(user_.id).size(), 2u);
}

TEST_P(CheckinRepositoryContract, ASecondRowWithTheSameIdIsAConflict) {
  const Checkin c = SampleCheckin(user_.id, kT0);
  ASSERT_TRUE(repo().Save(c));
  const auto again = repo().Save(c);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, CheckinRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

class CheckinRepositorySqlContract : public CheckinRepositoryContract {};

TEST_P(CheckinRepositorySqlContract, CheckinsGoWithTheirAccount) {
  const domain::User other = NewUser();
  ASSERT_TRUE(repo().Save(SampleCheckin(user_.id, kT0)));
  ASSERT_TRUE(repo().Save(SampleCheckin(other.id, kT0)));
  DeleteOwner(user_.id);
  EXPECT_TRUE(Listed(user_.id).empty());
  EXPECT_EQ(CountRows("checkin_answers"), 4);  // the other learner's only
  EXPECT_EQ(CountRows("checkin_scores"), 2);
  EXPECT_EQ(Listed(other.id).size(), 1u);
}

// Many submissions with one key at once (a double tap, a retry racing the
// original): exactly one row, and every caller gets that row back.
TEST_P(CheckinRepositorySqlContract, RacingSubmissionsWithOneKeyStoreOneRow) {
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::atomic<int> created{0}, failed{0};
  std::vector<std::string> ids(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Checkin c = SampleCheckin(user_.id, kT0 + i);
      c.idempotency_key = "one-key";
      start.arrive_and_wait();
      const auto saved = repo().Save(c);
      if (!saved) {
        ++failed;
        return;
      }
      if (saved->created) ++created;
      ids[i] = saved->checkin.id;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(created.load(), 1);
  const auto all = Listed(user_.id);
  ASSERT_EQ(all.size(), 1u);
  for (const auto& id : ids) EXPECT_EQ(id, all[0].id);
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, CheckinRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
