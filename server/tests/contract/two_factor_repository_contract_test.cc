// The TwoFactorRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, that an account's second factor goes with
// it.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_two_factor_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_two_factor_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::TwoFactorEnrollment;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'700'000'000'000;
constexpr std::int64_t kStep = 56'666'666;  // a time step near kT0

TwoFactorEnrollment SampleEnrollment(const std::string& user_id) {
  TwoFactorEnrollment e;
  e.user_id = user_id;
  e.sealed_secret = RandomHex(56);
  e.created_at = Instant{kT0};
  return e;
}

std::vector<std::string> SampleCodes(int n = 10) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(RandomHex(32));
  return out;
}

class TwoFactorRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_) {
      users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
      repo_ = std::make_unique<storage::SqlTwoFactorRepository>(db_->db());
    } else {
      users_ = std::make_unique<fakes::MemoryUserRepository>();
      repo_ = std::make_unique<fakes::MemoryTwoFactorRepository>();
    }
    user_ = NewUser();
  }
  void TearDown() override {
    repo_.reset();
    users_.reset();
    db_.reset();
  }
  domain::TwoFactorRepository& repo() { return *repo_; }

  domain::User NewUser() {
    domain::User u = testing::SampleUser(domain::Role::kPractitioner);
    EXPECT_TRUE(users_->Create(u));
    return u;
  }

  std::optional<TwoFactorEnrollment> Found(const std::string& user_id) {
    auto found = repo().Find(user_id);
    EXPECT_TRUE(found);
    return found ? *found : std::nullopt;
  }

  // Begins and confirms an enrolment with these codes.
  void Enrol(const std::string& user_id, const std::vector<std::string>& codes) {
    ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_id), codes));
    ASSERT_TRUE(repo().Confirm(user_id, Instant{kT0 + 1'000}, kStep));
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> users_;
  std::unique_ptr<domain::TwoFactorRepository> repo_;
  domain::User user_;
};

TEST_P(TwoFactorRepositoryContract, ABegunEnrolmentIsFoundUnconfirmedWithEveryField) {
  TwoFactorEnrollment e = SampleEnrollment(user_.id);
  e.last_used_step = 0;
  ASSERT_TRUE(repo().BeginEnrollment(e, SampleCodes()));
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->user_id, user_.id);
  EXPECT_EQ(got->sealed_secret, e.sealed_secret);
  EXPECT_FALSE(got->confirmed_at.has_value());
  EXPECT_EQ(got->last_used_step, 0);
  EXPECT_EQ(got->created_at, e.created_at);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 10);
}

TEST_P(TwoFactorRepositoryContract, AnAccountWithoutASecondFactorHasNone) {
  EXPECT_FALSE(Found(user_.id).has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 0);
  EXPECT_EQ(repo().UseStep(user_.id, kStep), false);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, RandomHex(32), Instant{kT0}), false);
}

// Whatever the enrolment given says, it begins unconfirmed.
TEST_P(TwoFactorRepositoryContract, BeginEnrollmentNeverStoresAConfirmation) {
  TwoFactorEnrollment e = SampleEnrollment(user_.id);
  e.confirmed_at = Instant{kT0};
  ASSERT_TRUE(repo().BeginEnrollment(e, SampleCodes()));
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_FALSE(got->confirmed_at.has_value());
}

TEST_P(TwoFactorRepositoryContract, ConfirmRecordsWhenAndTheStepUsed) {
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), SampleCodes()));
  ASSERT_TRUE(repo().Confirm(user_.id, Instant{kT0 + 30'000}, kStep));
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->confirmed_at, Instant{kT0 + 30'000});
  EXPECT_EQ(got->last_used_step, kStep);
}

TEST_P(TwoFactorRepositoryContract, ConfirmWithoutAnEnrolmentIsNotFound) {
  const auto ok = repo().Confirm(user_.id, Instant{kT0}, kStep);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kNotFound);
}

TEST_P(TwoFactorRepositoryContract, ConfirmingTwiceIsAConflictAndKeepsTheFirst) {
  Enrol(user_.id, SampleCodes());
  const auto again = repo().Confirm(user_.id, Instant{kT0 + 90'000}, kStep + 3);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->confirmed_at, Instant{kT0 + 1'000});
  EXPECT_EQ(got->last_used_step, kStep);
}

// Starting again (a lost QR code) replaces the secret and every code.
TEST_P(TwoFactorRepositoryContract, BeginningAgainReplacesAnUnconfirmedEnrolmentAndItsCodes) {
  const auto old_codes = SampleCodes();
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), old_codes));
  TwoFactorEnrollment fresh = SampleEnrollment(user_.id);
  fresh.created_at = Instant{kT0 + 60'000};
  const auto new_codes = SampleCodes(3);
  ASSERT_TRUE(repo().BeginEnrollment(fresh, new_codes));
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->sealed_secret, fresh.sealed_secret);
  EXPECT_EQ(got->created_at, fresh.created_at);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 3);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, old_codes[0], Instant{kT0}), false);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, new_codes[0], Instant{kT0}), true);
}

TEST_P(TwoFactorRepositoryContract, BeginningOverAConfirmedEnrolmentIsAConflictAndChangesNothing) {
  const auto codes = SampleCodes();
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), codes));
  const std::string secret = Found(user_.id)->sealed_secret;
  ASSERT_TRUE(repo().Confirm(user_.id, Instant{kT0 + 1'000}, kStep));
  const auto again = repo().BeginEnrollment(SampleEnrollment(user_.id), SampleCodes(2));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->sealed_secret, secret);
  EXPECT_TRUE(got->confirmed_at.has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 10);
}

TEST_P(TwoFactorRepositoryContract, TheSameRecoveryCodeTwiceIsAConflictAndChangesNothing) {
  const auto first = SampleCodes(2);
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), first));
  const std::string secret = Found(user_.id)->sealed_secret;
  const std::string dup = RandomHex(32);
  const auto ok = repo().BeginEnrollment(SampleEnrollment(user_.id), {dup, RandomHex(32), dup});
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Found(user_.id)->sealed_secret, secret);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 2);
}

TEST_P(TwoFactorRepositoryContract, EachAccountHasItsOwnSecondFactor) {
  const domain::User other = NewUser();
  const auto mine = SampleCodes(2);
  Enrol(user_.id, mine);
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(other.id), SampleCodes(4)));
  EXPECT_FALSE(Found(other.id)->confirmed_at.has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(other.id), 4);
  EXPECT_EQ(repo().UseRecoveryCode(other.id, mine[0], Instant{kT0}), false);
  EXPECT_EQ(repo().UseStep(other.id, kStep + 1), true);
  EXPECT_EQ(Found(user_.id)->last_used_step, kStep);
}

// A code works once: the same step again, or an older one, is a replay.
TEST_P(TwoFactorRepositoryContract, UseStepAcceptsOnlyALaterStep) {
  Enrol(user_.id, SampleCodes());
  EXPECT_EQ(repo().UseStep(user_.id, kStep), false);  // the confirming code
  EXPECT_EQ(repo().UseStep(user_.id, kStep - 1), false);
  EXPECT_EQ(repo().UseStep(user_.id, kStep + 1), true);
  EXPECT_EQ(Found(user_.id)->last_used_step, kStep + 1);
  EXPECT_EQ(repo().UseStep(user_.id, kStep + 1), false);
  EXPECT_EQ(repo().UseStep(user_.id, kStep + 5), true);
  EXPECT_EQ(repo().UseStep(user_.id, kStep + 2), false);
  EXPECT_EQ(Found(user_.id)->last_used_step, kStep + 5);
}

TEST_P(TwoFactorRepositoryContract, ARecoveryCodeWorksOnceAndTheCountFalls) {
  const auto codes = SampleCodes(3);
  Enrol(user_.id, codes);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 3);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, codes[1], Instant{kT0 + 5}), true);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 2);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, codes[1], Instant{kT0 + 6}), false);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, RandomHex(32), Instant{kT0 + 6}), false);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 2);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, codes[0], Instant{kT0 + 7}), true);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, codes[2], Instant{kT0 + 8}), true);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 0);
}

// Renewal: a new set in place of every old code, used or not.
TEST_P(TwoFactorRepositoryContract, ReplacingRecoveryCodesRetiresEveryOldOne) {
  const auto old_codes = SampleCodes(3);
  Enrol(user_.id, old_codes);
  ASSERT_EQ(repo().UseRecoveryCode(user_.id, old_codes[0], Instant{kT0 + 5}), true);
  const std::string secret = Found(user_.id)->sealed_secret;
  const auto new_codes = SampleCodes(10);
  ASSERT_TRUE(repo().ReplaceRecoveryCodes(user_.id, new_codes));
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 10);
  for (const auto& old : old_codes)
    EXPECT_EQ(repo().UseRecoveryCode(user_.id, old, Instant{kT0 + 6}), false);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, new_codes[9], Instant{kT0 + 7}), true);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 9);
  const auto got = Found(user_.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->sealed_secret, secret) << "the authenticator stays as it was";
  EXPECT_TRUE(got->confirmed_at.has_value());
  EXPECT_EQ(got->last_used_step, kStep);
}

TEST_P(TwoFactorRepositoryContract,
       ReplacingWithoutAConfirmedEnrolmentIsNotFoundAndChangesNothing) {
  auto none = repo().ReplaceRecoveryCodes(user_.id, SampleCodes(2));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(Found(user_.id).has_value());
  const auto begun = SampleCodes(4);
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), begun));
  auto unconfirmed = repo().ReplaceRecoveryCodes(user_.id, SampleCodes(2));
  ASSERT_FALSE(unconfirmed);
  EXPECT_EQ(unconfirmed.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 4);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, begun[0], Instant{kT0}), true);
}

TEST_P(TwoFactorRepositoryContract, ReplacingTouchesNoOtherAccount) {
  const domain::User other = NewUser();
  const auto theirs = SampleCodes(2);
  Enrol(user_.id, SampleCodes(2));
  Enrol(other.id, theirs);
  ASSERT_TRUE(repo().ReplaceRecoveryCodes(user_.id, SampleCodes(5)));
  EXPECT_EQ(repo().RecoveryCodesLeft(other.id), 2);
  EXPECT_EQ(repo().UseRecoveryCode(other.id, theirs[1], Instant{kT0}), true);
}

// The operator's reset: the second factor and its codes go; the account
// can enrol afresh.
TEST_P(TwoFactorRepositoryContract, RemoveTakesTheSecondFactorAndItsCodesOnce) {
  const domain::User other = NewUser();
  const auto codes = SampleCodes(3);
  Enrol(user_.id, codes);
  Enrol(other.id, SampleCodes(2));
  EXPECT_EQ(repo().Remove(user_.id), true);
  EXPECT_FALSE(Found(user_.id).has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 0);
  EXPECT_EQ(repo().UseRecoveryCode(user_.id, codes[0], Instant{kT0}), false);
  EXPECT_EQ(repo().Remove(user_.id), false) << "nothing left to remove";
  EXPECT_TRUE(Found(other.id).has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(other.id), 2);
  ASSERT_TRUE(repo().BeginEnrollment(SampleEnrollment(user_.id), SampleCodes(10)));
  EXPECT_FALSE(Found(user_.id)->confirmed_at.has_value());
}

// Runs `attempt` on kThreads threads released together; how many got true.
template <class F>
void ExpectOneWinner(F attempt, int round) {
  constexpr int kThreads = 8;
  std::atomic<int> won{0}, refused{0}, failed{0};
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      const Result<bool> r = attempt();
      if (!r)
        ++failed;
      else if (*r)
        ++won;
      else
        ++refused;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1) << "round " << round;
  EXPECT_EQ(refused.load(), kThreads - 1) << "round " << round;
  EXPECT_EQ(failed.load(), 0) << "round " << round;
}

// Runs `attempt` (a Status) on `threads` threads released together; how
// many failed.
template <class F>
int FailuresTogether(int threads, F attempt) {
  std::atomic<int> failed{0};
  std::latch start(threads);
  std::vector<std::thread> running;
  for (int i = 0; i < threads; ++i) {
    running.emplace_back([&] {
      start.arrive_and_wait();
      if (!attempt()) ++failed;
    });
  }
  for (auto& t : running) t.join();
  return failed.load();
}

// Two requests racing with one code (a double submit, or an attacker who
// saw it): one signs in.
TEST_P(TwoFactorRepositoryContract, ConcurrentUsesOfOneStepHaveOneWinner) {
  Enrol(user_.id, SampleCodes());
  for (int round = 1; round <= 5; ++round) {
    ExpectOneWinner([&] { return repo().UseStep(user_.id, kStep + round); }, round);
  }
  EXPECT_EQ(Found(user_.id)->last_used_step, kStep + 5);
}

TEST_P(TwoFactorRepositoryContract, ConcurrentUsesOfOneRecoveryCodeHaveOneWinner) {
  const auto codes = SampleCodes(5);
  Enrol(user_.id, codes);
  for (int round = 0; round < 5; ++round) {
    ExpectOneWinner(
        [&] { return repo().UseRecoveryCode(user_.id, codes[round], Instant{kT0 + 10}); }, round);
  }
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 0);
}

// A double click on "make new codes": each renewal runs whole, one after
// the other; exactly one set of ten remains.
TEST_P(TwoFactorRepositoryContract, ConcurrentRenewalsLeaveOneWholeSet) {
  Enrol(user_.id, SampleCodes());
  EXPECT_EQ(
      FailuresTogether(4, [&] { return repo().ReplaceRecoveryCodes(user_.id, SampleCodes(10)); }),
      0);
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 10);
}

// A double click on "set up": both start, one after the other; one
// enrolment with its own codes remains.
TEST_P(TwoFactorRepositoryContract, ConcurrentBeginningsEachSucceedAndLeaveOneEnrolment) {
  EXPECT_EQ(
      FailuresTogether(
          4, [&] { return repo().BeginEnrollment(SampleEnrollment(user_.id), SampleCodes(10)); }),
      0);
  EXPECT_TRUE(Found(user_.id).has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(user_.id), 10);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, TwoFactorRepositoryContract,
                         SECUREBASE_ALL_CONTRACT_BACKENDS);

class TwoFactorRepositorySqlContract : public TwoFactorRepositoryContract {};

TEST_P(TwoFactorRepositorySqlContract, TheSecondFactorGoesWithItsAccount) {
  const domain::User other = NewUser();
  Enrol(user_.id, SampleCodes(3));
  Enrol(other.id, SampleCodes(2));
  auto ok = db_->db().Write("test.delete_user", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM users WHERE id = :id", soci::use(user_.id);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_FALSE(Found(user_.id).has_value());
  long long codes = -1;
  auto counted = db_->db().Read("test.count", [&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :id", soci::use(user_.id),
        soci::into(codes);
    return {};
  });
  ASSERT_TRUE(counted);
  EXPECT_EQ(codes, 0);
  EXPECT_TRUE(Found(other.id).has_value());
  EXPECT_EQ(repo().RecoveryCodesLeft(other.id), 2);
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, TwoFactorRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
