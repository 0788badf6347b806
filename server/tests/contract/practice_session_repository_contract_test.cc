// The PracticeSessionRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, that sessions go with their account, that a
// session needs an existing owner, and that racing saves of one id store one
// row.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_practice_session_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_practice_session_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/owned_rows_contract.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::PracticeSession;
using testing::ContractBackend;

// The owner's creation time (support/owned_rows_contract.h), where the rows' times begin.
constexpr std::int64_t kT0 = 1'800'000'000'000;

// A UUID-shaped id, different each call.
std::string NewSessionId() {
  const std::string h = NewId();
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

PracticeSession SampleSession(const std::string& user_id, std::int64_t started,
                              const std::string& practice = "resonance-breathing") {
  PracticeSession s;
  s.id = NewSessionId();
  s.user_id = user_id;
  s.practice_id = practice;
  s.started_at = Instant{started};
  s.duration_seconds = 300;
  s.distress_before = 7;
  s.distress_after = 4;
  s.recorded_at = Instant{started + 301'000};
  return s;
}

class PracticeSessionRepositoryContract
    : public testing::OwnedRowsContract<domain::PracticeSessionRepository,
                                        storage::SqlPracticeSessionRepository,
                                        fakes::MemoryPracticeSessionRepository> {
 protected:
  std::vector<PracticeSession> Listed(const std::string& user, std::optional<Instant> before,
                                      std::size_t limit) {
    auto list = repo().List(user, before, limit);
    EXPECT_TRUE(list) << list.error().message;
    return list ? *list : std::vector<PracticeSession>{};
  }

  std::vector<std::string> Ids(const std::vector<PracticeSession>& sessions) {
    std::vector<std::string> out;
    for (const auto& s : sessions) out.push_back(s.id);
    return out;
  }
};

void ExpectSame(const PracticeSession& got, const PracticeSession& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.user_id, want.user_id);
  EXPECT_EQ(got.practice_id, want.practice_id);
  EXPECT_EQ(got.started_at, want.started_at);
  EXPECT_EQ(got.duration_seconds, want.duration_seconds);
  EXPECT_EQ(got.distress_before, want.distress_before);
  EXPECT_EQ(got.distress_after, want.distress_after);
  EXPECT_EQ(got.recorded_at, want.recorded_at);
}

TEST_P(PracticeSessionRepositoryContract, ASavedSessionIsFoundWithEveryField) {
  const PracticeSession s = SampleSession(user_.id, kT0);
  const auto saved = repo().Save(s);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->created);
  ExpectSame(saved->session, s);
  const auto found = repo().Find(user_.id, s.id);
  ASSERT_TRUE(found);
  ASSERT_TRUE(*found);
  ExpectSame(**found, s);
}

TEST_P(PracticeSessionRepositoryContract, SkippedRatingsStayEmptyAndZeroIsARating) {
  PracticeSession skipped = SampleSession(user_.id, kT0);
  skipped.distress_before.reset();
  skipped.distress_after.reset();
  PracticeSession zeros = SampleSession(user_.id, kT0 + 1'000);
  zeros.distress_before = 0;
  zeros.distress_after = 10;
  ASSERT_TRUE(repo().Save(skipped));
  ASSERT_TRUE(repo().Save(zeros));
  const auto a = repo().Find(user_.id, skipped.id);
  const auto b = repo().Find(user_.id, zeros.id);
  ASSERT_TRUE(a && *a && b && *b);
  EXPECT_FALSE((*a)->distress_before);
  EXPECT_FALSE((*a)->distress_after);
  EXPECT_EQ((*b)->distress_before, 0);
  EXPECT_EQ((*b)->distress_after, 10);
}

TEST_P(PracticeSessionRepositoryContract, TheSameIdAgainStoresNothingAndGivesBackTheFirst) {
  const PracticeSession first = SampleSession(user_.id, kT0);
  ASSERT_TRUE(repo().Save(first));
  // Identical, and then different: the repository stores neither and gives
  // back what it has; telling them apart is the service's work.
  for (int after : {4, 1}) {
    PracticeSession again = first;
    again.distress_after = after;
    again.recorded_at = Instant{kT0 + 900'000};
    const auto saved = repo().Save(again);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_FALSE(saved->created);
    ExpectSame(saved->session, first);
  }
  EXPECT_EQ(Listed(user_.id, std::nullopt, 10).size(), 1u);
}

TEST_P(PracticeSessionRepositoryContract, IdsBelongToTheirOwner) {
  const PracticeSession mine = SampleSession(user_.id, kT0);
  ASSERT_TRUE(repo().Save(mine));
  const domain::User other = NewUser();
  // Nothing of mine shows through another learner's eyes...
  const auto seen = repo().Find(other.id, mine.id);
  ASSERT_TRUE(seen);
  EXPECT_FALSE(*seen);
  EXPECT_TRUE(Listed(other.id, std::nullopt, 10).empty());
  const auto all = repo().All(other.id);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
  // ...and the same id is simply another session of theirs.
  PracticeSession theirs = SampleSession(other.id, kT0 + 5'000, "box-breathing");
  theirs.id = mine.id;
  const auto saved = repo().Save(theirs);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->created);
  const auto mine_again = repo().Find(user_.id, mine.id);
  ASSERT_TRUE(mine_again && *mine_again);
  ExpectSame(**mine_again, mine);
  const auto theirs_again = repo().Find(other.id, mine.id);
  ASSERT_TRUE(theirs_again && *theirs_again);
  ExpectSame(**theirs_again, theirs);
}

TEST_P(PracticeSessionRepositoryContract, ListIsNewestFirstAndPagesByStartTime) {
  std::vector<PracticeSession> made;
  for (int i = 0; i < 5; ++i) {
    made.push_back(SampleSession(user_.id, kT0 + i * 60'000));
    ASSERT_TRUE(repo().Save(made.back()));
  }
  ASSERT_TRUE(repo().Save(SampleSession(NewUser().id, kT0 + 10 * 60'000)));

  const auto first = Listed(user_.id, std::nullopt, 2);
  EXPECT_EQ(Ids(first), (std::vector<std::string>{made[4].id, made[3].id}));
  ExpectSame(first[0], made[4]);
  const auto second = Listed(user_.id, first.back().started_at, 2);
  EXPECT_EQ(Ids(second), (std::vector<std::string>{made[2].id, made[1].id}));
  const auto last = Listed(user_.id, second.back().started_at, 2);
  EXPECT_EQ(Ids(last), (std::vector<std::string>{made[0].id}));
  EXPECT_TRUE(Listed(user_.id, made[0].started_at, 2).empty());

  const auto all = repo().All(user_.id);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].id, made[4].id);
  EXPECT_EQ((*all)[4].id, made[0].id);
}

TEST_P(PracticeSessionRepositoryContract, EqualStartsAreOrderedByIdDescending) {
  PracticeSession a = SampleSession(user_.id, kT0);
  PracticeSession b = SampleSession(user_.id, kT0);
  PracticeSession c = SampleSession(user_.id, kT0 - 1'000);
  a.id = "a" + a.id.substr(1);
  b.id = "b" + b.id.substr(1);
  for (const auto& s : {a, c, b}) ASSERT_TRUE(repo().Save(s));
  EXPECT_EQ(Ids(Listed(user_.id, std::nullopt, 10)), (std::vector<std::string>{b.id, a.id, c.id}));
  // `before` is strict: sessions at that very instant are not before it.
  EXPECT_EQ(Ids(Listed(user_.id, Instant{kT0}, 10)), (std::vector<std::string>{c.id}));
}

INSTANTIATE_TEST_SUITE_P(AllBackends, PracticeSessionRepositoryContract,
                         SECUREBASE_ALL_CONTRACT_BACKENDS);

class PracticeSessionRepositorySqlContract : public PracticeSessionRepositoryContract {};

TEST_P(PracticeSessionRepositorySqlContract, SessionsGoWithTheirAccount) {
  const domain::User other = NewUser();
  ASSERT_TRUE(repo().Save(SampleSession(user_.id, kT0)));
  ASSERT_TRUE(repo().Save(SampleSession(user_.id, kT0 + 1'000)));
  const PracticeSession kept = SampleSession(other.id, kT0);
  ASSERT_TRUE(repo().Save(kept));
  DeleteOwner(user_.id);
  EXPECT_EQ(CountRows("practice_sessions"), 1);  // the other learner's only
  EXPECT_EQ(Ids(Listed(other.id, std::nullopt, 10)), (std::vector<std::string>{kept.id}));
}

TEST_P(PracticeSessionRepositorySqlContract, ASessionNeedsAnOwner) {
  const auto saved = repo().Save(SampleSession(NewId(), kT0));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
}

// One session sent many times at once (an offline queue flushing while the
// app also retries): exactly one row, and every caller gets that row back.
TEST_P(PracticeSessionRepositorySqlContract, RacingSavesOfOneIdStoreOneRow) {
  constexpr int kThreads = 8;
  const PracticeSession s = SampleSession(user_.id, kT0);
  std::latch start(kThreads);
  std::atomic<int> created{0}, failed{0};
  std::vector<std::int64_t> recorded(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      PracticeSession mine = s;
      mine.recorded_at = Instant{kT0 + 400'000 + i};
      start.arrive_and_wait();
      const auto saved = repo().Save(mine);
      if (!saved) {
        ++failed;
        return;
      }
      if (saved->created) ++created;
      recorded[static_cast<std::size_t>(i)] = saved->session.recorded_at.millis;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(created.load(), 1);
  const auto all = Listed(user_.id, std::nullopt, 10);
  ASSERT_EQ(all.size(), 1u);
  for (auto r : recorded) EXPECT_EQ(r, all[0].recorded_at.millis);
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, PracticeSessionRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
