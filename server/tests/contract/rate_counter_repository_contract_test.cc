// The RateCounterRepository contract on the in-memory fake, SQLite and
// PostgreSQL: hits count within a window and start again in the next,
// concurrent hits are all counted, and old windows are forgotten.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "fakes/memory_rate_counter_repository.h"
#include "storage/sql_rate_counter_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using testing::ContractBackend;

class RateCounterRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    db_ = testing::DatabaseFor(GetParam());
    if (db_)
      repo_ = std::make_unique<storage::SqlRateCounterRepository>(db_->db());
    else
      repo_ = std::make_unique<fakes::MemoryRateCounterRepository>();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }
  long Hit(const char* key, std::int64_t window) {
    const auto hits = repo_->Hit(key, Instant{window});
    EXPECT_TRUE(hits) << hits.error().message;
    return hits ? *hits : -1;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::RateCounterRepository> repo_;
};

TEST_P(RateCounterRepositoryContract, CountsWithinAWindowAndStartsAgainInTheNext) {
  EXPECT_EQ(Hit("a", 1'000), 1);
  EXPECT_EQ(Hit("a", 1'000), 2);
  EXPECT_EQ(Hit("b", 1'000), 1);
  EXPECT_EQ(Hit("a", 1'000), 3);
  EXPECT_EQ(Hit("a", 2'000), 1);
  EXPECT_EQ(Hit("a", 2'000), 2);
  EXPECT_EQ(Hit("b", 1'000), 2);
}

TEST_P(RateCounterRepositoryContract, AnEarlierWindowFromALaggingClockNeverResetsTheCount) {
  EXPECT_EQ(Hit("lag", 2'000), 1);
  EXPECT_EQ(Hit("lag", 2'000), 2);
  EXPECT_EQ(Hit("lag", 1'000), 3);
  EXPECT_EQ(Hit("lag", 2'000), 4);
}

TEST_P(RateCounterRepositoryContract, ConcurrentHitsAreAllCounted) {
  constexpr int kThreads = 8, kEach = 20;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) (void)repo_->Hit("shared", Instant{5'000});
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(Hit("shared", 5'000), kThreads * kEach + 1);
}

TEST_P(RateCounterRepositoryContract, OldWindowsAreForgotten) {
  Hit("old", 1'000);
  Hit("new", 9'000);
  const auto deleted = repo_->DeleteOlderThan(Instant{5'000});
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_EQ(*deleted, 1);
  EXPECT_EQ(Hit("old", 1'000), 1);  // counted from one again
  EXPECT_EQ(Hit("new", 9'000), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, RateCounterRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
