// The SettingsRepository contract: the same tests against the in-memory
// fake, SQLite and PostgreSQL. A backend that passes here can be swapped for
// any other without the domain noticing.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "fakes/memory_settings_repository.h"
#include "storage/sql_settings_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using testing::ContractBackend;

class SettingsRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    db_ = testing::DatabaseFor(GetParam());
    if (db_)
      repo_ = std::make_unique<storage::SqlSettingsRepository>(db_->db());
    else
      repo_ = std::make_unique<fakes::MemorySettingsRepository>();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }

  domain::SettingsRepository& repo() { return *repo_; }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::SettingsRepository> repo_;
};

TEST_P(SettingsRepositoryContract, MissingKeyIsEmpty) {
  const auto got = repo().Get("site.name");
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_FALSE(got->has_value());
}

TEST_P(SettingsRepositoryContract, PutThenGetReturnsValueAndTime) {
  ASSERT_TRUE(repo().Put("site.name", "Secure Base", Instant{1000}));
  const auto got = repo().Get("site.name");
  ASSERT_TRUE(got && got->has_value());
  EXPECT_EQ((*got)->key, "site.name");
  EXPECT_EQ((*got)->value, "Secure Base");
  EXPECT_EQ((*got)->updated_at, Instant{1000});
}

TEST_P(SettingsRepositoryContract, PutReplaces) {
  ASSERT_TRUE(repo().Put("site.name", "first", Instant{1}));
  ASSERT_TRUE(repo().Put("site.name", "second", Instant{2}));
  const auto got = repo().Get("site.name");
  ASSERT_TRUE(got && got->has_value());
  EXPECT_EQ((*got)->value, "second");
  EXPECT_EQ((*got)->updated_at, Instant{2});
}

TEST_P(SettingsRepositoryContract, PutIfAbsentCreatesOnlyOnce) {
  const auto first = repo().PutIfAbsent("setup.token_hash", "aaa", Instant{5});
  const auto second = repo().PutIfAbsent("setup.token_hash", "bbb", Instant{6});
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(*first);
  EXPECT_FALSE(*second);
  EXPECT_EQ((*repo().Get("setup.token_hash"))->value, "aaa");
}

TEST_P(SettingsRepositoryContract, RemoveReportsWhetherItExisted) {
  ASSERT_TRUE(repo().Put("a.b", "x", Instant{1}));
  EXPECT_EQ(repo().Remove("a.b"), true);
  EXPECT_EQ(repo().Remove("a.b"), false);
  EXPECT_FALSE(repo().Get("a.b")->has_value());
}

TEST_P(SettingsRepositoryContract, ValuesKeepEveryCharacter) {
  const std::string value =
      "Zoë — 東京 — 🙂 \"quoted\" 'single' ; DROP TABLE settings; --\n\ttabs";
  ASSERT_TRUE(repo().Put("site.tagline", value, Instant{1}));
  EXPECT_EQ((*repo().Get("site.tagline"))->value, value);
  const std::string big(200 * 1024, 'x');
  ASSERT_TRUE(repo().Put("site.big", big, Instant{1}));
  EXPECT_EQ((*repo().Get("site.big"))->value.size(), big.size());
}

TEST_P(SettingsRepositoryContract, InvalidKeysAreRefused) {
  for (const std::string& key :
       std::vector<std::string>{"", "Upper.case", "1leading", "has space", std::string(65, 'a')}) {
    const auto put = repo().Put(key, "v", Instant{1});
    ASSERT_FALSE(put) << "key '" << key << "' was accepted";
    EXPECT_EQ(put.error().code, ErrorCode::kInvalidArgument);
    EXPECT_FALSE(repo().Get(key));
    EXPECT_FALSE(repo().PutIfAbsent(key, "v", Instant{1}));
    EXPECT_FALSE(repo().Remove(key));
  }
}

// Many threads race to create the same key: exactly one wins, whatever the
// backend (SQLite serialises writers; PostgreSQL resolves ON CONFLICT).
TEST_P(SettingsRepositoryContract, ConcurrentPutIfAbsentHasExactlyOneWinner) {
  constexpr int kThreads = 8;
  std::atomic<int> winners{0}, failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      const auto r = repo().PutIfAbsent("race.key", "t" + std::to_string(i), Instant{i});
      if (!r)
        ++failures;
      else if (*r)
        ++winners;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(winners.load(), 1);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, SettingsRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
