// The LoginThrottleRepository contract on the in-memory fake, SQLite and
// PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_login_throttle_repository.h"
#include "storage/sql_login_throttle_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using domain::FailureRecord;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr std::int64_t kForgetMs = 3'600'000;

class LoginThrottleRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_)
      repo_ = std::make_unique<storage::SqlLoginThrottleRepository>(db_->db());
    else
      repo_ = std::make_unique<fakes::MemoryLoginThrottleRepository>();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }
  domain::LoginThrottleRepository& repo() { return *repo_; }

  // A failure at `at`, forgetting those more than an hour before it.
  FailureRecord Fail(const std::string& key, std::int64_t at) {
    auto r = repo().RecordFailure(key, Instant{at}, Instant{at - kForgetMs});
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : FailureRecord{};
  }

  std::optional<FailureRecord> Get(const std::string& key) {
    auto r = repo().Get(key);
    EXPECT_TRUE(r);
    return r ? *r : std::nullopt;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::LoginThrottleRepository> repo_;
};

TEST_P(LoginThrottleRepositoryContract, AKeyWithoutFailuresHasNoRecord) {
  EXPECT_FALSE(Get(RandomHex(32)).has_value());
}

TEST_P(LoginThrottleRepositoryContract, FailuresAreCountedWithTheLastTime) {
  const std::string key = RandomHex(32);
  FailureRecord r = Fail(key, kT0);
  EXPECT_EQ(r.failures, 1);
  EXPECT_EQ(r.last_failure_at, Instant{kT0});
  r = Fail(key, kT0 + 1'000);
  EXPECT_EQ(r.failures, 2);
  r = Fail(key, kT0 + 2'000);
  EXPECT_EQ(r.failures, 3);
  EXPECT_EQ(r.last_failure_at, Instant{kT0 + 2'000});
  const auto got = Get(key);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->failures, 3);
  EXPECT_EQ(got->last_failure_at, Instant{kT0 + 2'000});
}

// A failure long after the last one starts the count again; one exactly at
// the edge (last failure == forget_before) still counts on.
TEST_P(LoginThrottleRepositoryContract, OldFailuresAreForgotten) {
  const std::string key = RandomHex(32);
  Fail(key, kT0);
  Fail(key, kT0 + 1);
  EXPECT_EQ(Fail(key, kT0 + 1 + kForgetMs).failures, 3);
  const FailureRecord r = Fail(key, kT0 + 2 + 2 * kForgetMs);
  EXPECT_EQ(r.failures, 1);
  EXPECT_EQ(r.last_failure_at, Instant{kT0 + 2 + 2 * kForgetMs});
  EXPECT_EQ(Fail(key, kT0 + 3 + 2 * kForgetMs).failures, 2);
}

TEST_P(LoginThrottleRepositoryContract, KeysAreCountedApart) {
  const std::string a = RandomHex(32);
  const std::string b = RandomHex(32);
  Fail(a, kT0);
  Fail(a, kT0 + 1);
  EXPECT_EQ(Fail(b, kT0 + 2).failures, 1);
  EXPECT_EQ(Get(a)->failures, 2);
}

TEST_P(LoginThrottleRepositoryContract, ClearForgetsOneKey) {
  const std::string a = RandomHex(32);
  const std::string b = RandomHex(32);
  Fail(a, kT0);
  Fail(b, kT0);
  ASSERT_TRUE(repo().Clear(a));
  EXPECT_FALSE(Get(a).has_value());
  EXPECT_TRUE(Get(b).has_value());
  EXPECT_TRUE(repo().Clear(a));
  EXPECT_EQ(Fail(a, kT0 + 1).failures, 1);
}

// Guesses spread over several requests (or server instances) at once are
// each counted: none is lost to a read-then-write race.
TEST_P(LoginThrottleRepositoryContract, ConcurrentFailuresAreAllCounted) {
  constexpr int kThreads = 8;
  constexpr int kEach = 5;
  const std::string key = RandomHex(32);
  std::atomic<int> failed{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      for (int j = 0; j < kEach; ++j) {
        if (!repo().RecordFailure(key, Instant{kT0}, Instant{kT0 - kForgetMs})) ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  const auto got = Get(key);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->failures, kThreads * kEach);
}

// Housekeeping: records whose last failure was before the cut-off go; one
// failing at the cut-off or later stays.
TEST_P(LoginThrottleRepositoryContract, DeleteOlderThanRemovesRecordsLastFailingBeforeTheCutOff) {
  const std::int64_t cut_off = kT0 + 10 * kForgetMs;
  const std::string old_key = RandomHex(32);
  const std::string at_cut_off = RandomHex(32);
  const std::string recent = RandomHex(32);
  Fail(old_key, cut_off - 1);
  Fail(at_cut_off, cut_off);
  Fail(recent, kT0);  // its last failure decides, not its first
  Fail(recent, cut_off + 1);

  const auto removed = repo().DeleteOlderThan(Instant{cut_off});
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(*removed, 1);
  EXPECT_FALSE(Get(old_key).has_value());
  EXPECT_TRUE(Get(at_cut_off).has_value());
  EXPECT_TRUE(Get(recent).has_value());
  EXPECT_EQ(repo().DeleteOlderThan(Instant{cut_off}), 0);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, LoginThrottleRepositoryContract,
                         SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
