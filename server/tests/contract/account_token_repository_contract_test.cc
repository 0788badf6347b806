// The AccountTokenRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, that an account's tokens go with it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_account_token_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_account_token_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::AccountToken;
using domain::TokenPurpose;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr std::int64_t kHour = 3'600'000;


AccountToken SampleToken(const domain::User& user, TokenPurpose purpose) {
  AccountToken t;
  t.id = RandomHex(32);
  t.purpose = purpose;
  t.user_id = user.id;
  t.created_at = Instant{kT0};
  t.expires_at = Instant{kT0 + kHour};
  return t;
}

class AccountTokenRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_) {
      users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
      repo_ = std::make_unique<storage::SqlAccountTokenRepository>(db_->db());
    } else {
      users_ = std::make_unique<fakes::MemoryUserRepository>();
      repo_ = std::make_unique<fakes::MemoryAccountTokenRepository>();
    }
    user_ = testing::SampleUser();
    ASSERT_TRUE(users_->Create(user_));
  }
  void TearDown() override {
    repo_.reset();
    users_.reset();
    db_.reset();
  }
  domain::AccountTokenRepository& repo() { return *repo_; }

  domain::User NewUser() {
    domain::User u = testing::SampleUser();
    EXPECT_TRUE(users_->Create(u));
    return u;
  }

  // Consumes and says whether the token came back.
  bool Consumes(const AccountToken& t, Instant at) {
    auto got = repo().Consume(t.id, t.purpose, at);
    EXPECT_TRUE(got) << got.error().message;
    return got && got->has_value();
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> users_;
  std::unique_ptr<domain::AccountTokenRepository> repo_;
  domain::User user_;
};

TEST_P(AccountTokenRepositoryContract, ConsumeReturnsTheTokenWithEveryFieldAndMarksItUsed) {
  AccountToken t = SampleToken(user_, TokenPurpose::kChangeEmail);
  t.new_email = "new.address@example.org";
  ASSERT_TRUE(repo().Create(t));
  const Instant at{kT0 + 1'000};
  const auto got = repo().Consume(t.id, TokenPurpose::kChangeEmail, at);
  ASSERT_TRUE(got && got->has_value());
  const AccountToken& c = **got;
  EXPECT_EQ(c.id, t.id);
  EXPECT_EQ(c.purpose, TokenPurpose::kChangeEmail);
  EXPECT_EQ(c.user_id, user_.id);
  EXPECT_EQ(c.new_email, "new.address@example.org");
  EXPECT_EQ(c.created_at, t.created_at);
  EXPECT_EQ(c.expires_at, t.expires_at);
  EXPECT_EQ(c.used_at, at);
}

TEST_P(AccountTokenRepositoryContract, ATokenWithoutANewEmailComesBackWithoutOne) {
  for (auto purpose : {TokenPurpose::kVerifyEmail, TokenPurpose::kResetPassword}) {
    const AccountToken t = SampleToken(user_, purpose);
    ASSERT_TRUE(repo().Create(t));
    const auto got = repo().Consume(t.id, purpose, Instant{kT0});
    ASSERT_TRUE(got && got->has_value()) << domain::TokenPurposeName(purpose);
    EXPECT_EQ((*got)->purpose, purpose);
    EXPECT_EQ((*got)->new_email, "");
  }
}

TEST_P(AccountTokenRepositoryContract, ATokenWorksOnce) {
  const AccountToken t = SampleToken(user_, TokenPurpose::kResetPassword);
  ASSERT_TRUE(repo().Create(t));
  EXPECT_TRUE(Consumes(t, Instant{kT0 + 1}));
  EXPECT_FALSE(Consumes(t, Instant{kT0 + 2}));
}

TEST_P(AccountTokenRepositoryContract, AnUnknownTokenIsRefused) {
  EXPECT_FALSE(Consumes(SampleToken(user_, TokenPurpose::kVerifyEmail), Instant{kT0}));
}

TEST_P(AccountTokenRepositoryContract, AnExpiredTokenIsRefusedFromItsExpiryOn) {
  const AccountToken t = SampleToken(user_, TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(repo().Create(t));
  EXPECT_FALSE(Consumes(t, t.expires_at));
  EXPECT_FALSE(Consumes(t, Instant{t.expires_at.millis + 1}));
  // Refusing it did not use it up: a moment before expiry it still works.
  EXPECT_TRUE(Consumes(t, Instant{t.expires_at.millis - 1}));
}

// A reset link cannot verify an address, nor the other way round.
TEST_P(AccountTokenRepositoryContract, ATokenOfAnotherPurposeIsRefused) {
  const AccountToken t = SampleToken(user_, TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(repo().Create(t));
  for (auto wrong : {TokenPurpose::kResetPassword, TokenPurpose::kChangeEmail}) {
    const auto got = repo().Consume(t.id, wrong, Instant{kT0});
    ASSERT_TRUE(got);
    EXPECT_FALSE(got->has_value()) << domain::TokenPurposeName(wrong);
  }
  EXPECT_TRUE(Consumes(t, Instant{kT0}));
}

TEST_P(AccountTokenRepositoryContract, ASecondTokenWithTheSameIdIsAConflict) {
  const AccountToken t = SampleToken(user_, TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(repo().Create(t));
  const auto again = repo().Create(t);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(AccountTokenRepositoryContract, ATokenCreatedUsedIsRefused) {
  AccountToken t = SampleToken(user_, TokenPurpose::kVerifyEmail);
  t.used_at = Instant{kT0};
  ASSERT_TRUE(repo().Create(t));
  EXPECT_FALSE(Consumes(t, Instant{kT0 + 1}));
}

TEST_P(AccountTokenRepositoryContract, ConsumeAllForEndsOnlyThatAccountsTokensOfThatPurpose) {
  const domain::User other = NewUser();
  const AccountToken reset1 = SampleToken(user_, TokenPurpose::kResetPassword);
  const AccountToken reset2 = SampleToken(user_, TokenPurpose::kResetPassword);
  const AccountToken verify = SampleToken(user_, TokenPurpose::kVerifyEmail);
  const AccountToken others_reset = SampleToken(other, TokenPurpose::kResetPassword);
  for (const auto& t : {reset1, reset2, verify, others_reset}) ASSERT_TRUE(repo().Create(t));
  ASSERT_TRUE(repo().ConsumeAllFor(user_.id, TokenPurpose::kResetPassword, Instant{kT0 + 5}));
  EXPECT_FALSE(Consumes(reset1, Instant{kT0 + 6}));
  EXPECT_FALSE(Consumes(reset2, Instant{kT0 + 6}));
  EXPECT_TRUE(Consumes(verify, Instant{kT0 + 6}));
  EXPECT_TRUE(Consumes(others_reset, Instant{kT0 + 6}));
  EXPECT_TRUE(repo().ConsumeAllFor(user_.id, TokenPurpose::kResetPassword, Instant{kT0 + 7}));
}

// Two clicks on one link (or a mail scanner and a person): one succeeds.
TEST_P(AccountTokenRepositoryContract, ConcurrentConsumersOfOneTokenHaveOneWinner) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    const AccountToken t = SampleToken(user_, TokenPurpose::kResetPassword);
    ASSERT_TRUE(repo().Create(t));
    std::atomic<int> won{0}, refused{0}, failed{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&] {
        start.arrive_and_wait();
        const auto got = repo().Consume(t.id, t.purpose, Instant{kT0 + 1});
        if (!got)
          ++failed;
        else if (got->has_value())
          ++won;
        else
          ++refused;
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(refused.load(), kThreads - 1) << "round " << round;
    EXPECT_EQ(failed.load(), 0) << "round " << round;
  }
}

// Housekeeping: tokens that expired before the cut-off go, used or not
// (a change-email token holds an address); one expiring at the cut-off or
// later stays.
TEST_P(AccountTokenRepositoryContract, DeleteExpiredRemovesTokensExpiredBeforeTheCutOff) {
  const Instant cut_off{kT0 + 10 * kHour};
  const auto expiring_at = [&](std::int64_t millis, TokenPurpose purpose) {
    AccountToken t = SampleToken(user_, purpose);
    t.expires_at = Instant{millis};
    EXPECT_TRUE(repo().Create(t));
    return t;
  };
  const AccountToken expired_unused = expiring_at(cut_off.millis - 1, TokenPurpose::kChangeEmail);
  const AccountToken expired_used = expiring_at(cut_off.millis - 1, TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(Consumes(expired_used, Instant{kT0}));
  const AccountToken at_cut_off = expiring_at(cut_off.millis, TokenPurpose::kResetPassword);
  const AccountToken later = expiring_at(cut_off.millis + kHour, TokenPurpose::kVerifyEmail);

  const auto removed = repo().DeleteExpired(cut_off);
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(*removed, 2);
  // Gone: a deleted token no longer works even at a time it was valid, and
  // its id is free again.
  EXPECT_FALSE(Consumes(expired_unused, Instant{kT0}));
  EXPECT_TRUE(repo().Create(expired_used));
  // Kept: both still work before their expiry.
  EXPECT_TRUE(Consumes(at_cut_off, Instant{kT0}));
  EXPECT_TRUE(Consumes(later, Instant{kT0}));

  const auto again = repo().DeleteExpired(cut_off);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 1) << "only the re-created token, which expired before the cut-off";
  EXPECT_EQ(repo().DeleteExpired(cut_off), 0);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, AccountTokenRepositoryContract,
                         SECUREBASE_ALL_CONTRACT_BACKENDS);

class AccountTokenRepositorySqlContract : public AccountTokenRepositoryContract {};

TEST_P(AccountTokenRepositorySqlContract, TokensGoWithTheirAccount) {
  const AccountToken t = SampleToken(user_, TokenPurpose::kVerifyEmail);
  ASSERT_TRUE(repo().Create(t));
  auto ok = db_->db().Write("test.delete_user", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM users WHERE id = :id", soci::use(user_.id);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  long long rows = -1;
  auto counted = db_->db().Read("test.count", [&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM account_tokens", soci::into(rows);
    return {};
  });
  ASSERT_TRUE(counted);
  EXPECT_EQ(rows, 0);
}

// No address is kept for a link that does not need one.
TEST_P(AccountTokenRepositorySqlContract, NoEmailIsStoredForLinksWithoutOne) {
  ASSERT_TRUE(repo().Create(SampleToken(user_, TokenPurpose::kVerifyEmail)));
  long long with_email = -1;
  auto counted = db_->db().Read("test.count", [&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM account_tokens WHERE new_email IS NOT NULL",
        soci::into(with_email);
    return {};
  });
  ASSERT_TRUE(counted);
  EXPECT_EQ(with_email, 0);
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, AccountTokenRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
