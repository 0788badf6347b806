// The SessionRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, what the database itself promises (the
// sessions of a deleted account go with it).
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>

#include "common/random.h"
#include "fakes/memory_session_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_session_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/sample_user.h"

namespace securebase {
namespace {

using domain::Role;
using domain::Session;
using domain::TwoFactorState;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'700'000'000'000;

Session SampleSession(const domain::User& user, std::int64_t idle_ms = 3'600'000,
                      std::int64_t absolute_ms = 86'400'000) {
  Session s;
  s.id = RandomHex(32);
  s.user_id = user.id;
  s.role = user.role;
  s.two_factor = TwoFactorState::kNotRequired;
  s.created_at = s.last_seen_at = Instant{kT0};
  s.idle_expires_at = Instant{kT0 + idle_ms};
  s.absolute_expires_at = Instant{kT0 + absolute_ms};
  return s;
}

class SessionRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_) {
      users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
      repo_ = std::make_unique<storage::SqlSessionRepository>(db_->db());
    } else {
      users_ = std::make_unique<fakes::MemoryUserRepository>();
      auto memory = std::make_unique<fakes::MemorySessionRepository>();
      memory_ = memory.get();
      repo_ = std::move(memory);
    }
  }
  void TearDown() override {
    repo_.reset();
    users_.reset();
    db_.reset();
  }
  domain::SessionRepository& repo() { return *repo_; }

  domain::User NewUser(Role role = Role::kLearner) {
    domain::User u = testing::SampleUser(role);
    EXPECT_TRUE(users_->Create(u));
    return u;
  }

  // The account's role changes where roles live: the users table, or the
  // fake's stand-in for it.
  void ChangeRole(const std::string& user_id, Role role) {
    if (memory_) {
      memory_->ChangeRole(user_id, role);
      return;
    }
    const std::string name = domain::RoleName(role);
    auto ok = db_->db().Write("test.change_role", [&](soci::session& sql) -> Status {
      sql << "UPDATE users SET role = :role WHERE id = :id", soci::use(name), soci::use(user_id);
      return {};
    });
    ASSERT_TRUE(ok);
  }

  bool Exists(const std::string& id) {
    auto found = repo().Find(id);
    EXPECT_TRUE(found);
    return found && found->has_value();
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> users_;
  std::unique_ptr<domain::SessionRepository> repo_;
  fakes::MemorySessionRepository* memory_ = nullptr;
};

TEST_P(SessionRepositoryContract, CreatedSessionsAreFoundWithEveryField) {
  const domain::User user = NewUser(Role::kPractitioner);
  Session s = SampleSession(user);
  s.two_factor = TwoFactorState::kPending;
  s.last_seen_at = Instant{kT0 + 5};
  ASSERT_TRUE(repo().Create(s));
  const auto found = repo().Find(s.id);
  ASSERT_TRUE(found && found->has_value());
  const Session& got = **found;
  EXPECT_EQ(got.id, s.id);
  EXPECT_EQ(got.user_id, user.id);
  EXPECT_EQ(got.role, Role::kPractitioner);
  EXPECT_EQ(got.two_factor, TwoFactorState::kPending);
  EXPECT_EQ(got.created_at, s.created_at);
  EXPECT_EQ(got.last_seen_at, s.last_seen_at);
  EXPECT_EQ(got.idle_expires_at, s.idle_expires_at);
  EXPECT_EQ(got.absolute_expires_at, s.absolute_expires_at);
}

TEST_P(SessionRepositoryContract, UnknownSessionsAreEmpty) {
  const auto found = repo().Find(RandomHex(32));
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

TEST_P(SessionRepositoryContract, ASecondSessionWithTheSameIdIsAConflict) {
  const domain::User user = NewUser();
  const Session s = SampleSession(user);
  ASSERT_TRUE(repo().Create(s));
  const auto again = repo().Create(s);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

// A practitioner demoted (or a learner promoted) must not keep the old
// role's powers in sessions that were opened before.
TEST_P(SessionRepositoryContract, FindReturnsTheAccountsCurrentRole) {
  const domain::User user = NewUser(Role::kPractitioner);
  const Session s = SampleSession(user);
  ASSERT_TRUE(repo().Create(s));
  ChangeRole(user.id, Role::kLearner);
  auto found = repo().Find(s.id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->role, Role::kLearner);
  ChangeRole(user.id, Role::kAdmin);
  found = repo().Find(s.id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->role, Role::kAdmin);
}

TEST_P(SessionRepositoryContract, EveryTwoFactorStateIsKept) {
  const domain::User user = NewUser();
  const Session s = SampleSession(user);
  ASSERT_TRUE(repo().Create(s));
  for (auto state : {TwoFactorState::kEnrollmentRequired, TwoFactorState::kPending,
                     TwoFactorState::kPassed, TwoFactorState::kNotRequired}) {
    ASSERT_TRUE(repo().SetTwoFactor(s.id, state));
    const auto found = repo().Find(s.id);
    ASSERT_TRUE(found && found->has_value());
    EXPECT_EQ((*found)->two_factor, state) << domain::TwoFactorStateName(state);
  }
}

TEST_P(SessionRepositoryContract, SetTwoFactorOfAnEndedSessionIsNotFound) {
  const auto ok = repo().SetTwoFactor(RandomHex(32), TwoFactorState::kPassed);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kNotFound);
}

TEST_P(SessionRepositoryContract, TouchMovesLastSeenAndIdleExpiryOnly) {
  const domain::User user = NewUser();
  const Session s = SampleSession(user);
  const Session other = SampleSession(user);
  ASSERT_TRUE(repo().Create(s));
  ASSERT_TRUE(repo().Create(other));
  ASSERT_TRUE(repo().Touch(s.id, Instant{kT0 + 60'000}, Instant{kT0 + 7'200'000}));
  const auto found = repo().Find(s.id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->last_seen_at, Instant{kT0 + 60'000});
  EXPECT_EQ((*found)->idle_expires_at, Instant{kT0 + 7'200'000});
  EXPECT_EQ((*found)->created_at, s.created_at);
  EXPECT_EQ((*found)->absolute_expires_at, s.absolute_expires_at);
  const auto untouched = repo().Find(other.id);
  ASSERT_TRUE(untouched && untouched->has_value());
  EXPECT_EQ((*untouched)->last_seen_at, other.last_seen_at);
  EXPECT_EQ((*untouched)->idle_expires_at, other.idle_expires_at);
}

// A request may record use just after the same browser logged out.
TEST_P(SessionRepositoryContract, TouchOfAnEndedSessionChangesNothing) {
  const std::string gone = RandomHex(32);
  EXPECT_TRUE(repo().Touch(gone, Instant{kT0}, Instant{kT0 + 1}));
  EXPECT_FALSE(Exists(gone));
}

TEST_P(SessionRepositoryContract, DeleteEndsOneSessionAndMayBeRepeated) {
  const domain::User user = NewUser();
  const Session a = SampleSession(user);
  const Session b = SampleSession(user);
  ASSERT_TRUE(repo().Create(a));
  ASSERT_TRUE(repo().Create(b));
  ASSERT_TRUE(repo().Delete(a.id));
  EXPECT_FALSE(Exists(a.id));
  EXPECT_TRUE(Exists(b.id));
  EXPECT_TRUE(repo().Delete(a.id));
}

TEST_P(SessionRepositoryContract, ListsAnAccountsSessionsMostRecentlyUsedFirst) {
  const auto sam = NewUser();
  const auto kim = NewUser();
  Session older = SampleSession(sam);
  Session newer = SampleSession(sam);
  newer.last_seen_at = Instant{kT0 + 5'000};
  ASSERT_TRUE(repo().Create(older));
  ASSERT_TRUE(repo().Create(newer));
  ASSERT_TRUE(repo().Create(SampleSession(kim)));
  const auto listed = repo().ForUser(sam.id);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, newer.id);
  EXPECT_EQ((*listed)[1].id, older.id);
  EXPECT_EQ((*listed)[0].role, Role::kLearner);
  EXPECT_EQ((*listed)[0].absolute_expires_at, newer.absolute_expires_at);
  EXPECT_TRUE(repo().ForUser("nobody")->empty());
}

TEST_P(SessionRepositoryContract, DeleteForUserKeepsTheOneSessionAsked) {
  const domain::User user = NewUser();
  const domain::User someone_else = NewUser();
  const Session a = SampleSession(user);
  const Session keep = SampleSession(user);
  const Session c = SampleSession(user);
  const Session theirs = SampleSession(someone_else);
  for (const auto& s : {a, keep, c, theirs}) ASSERT_TRUE(repo().Create(s));
  ASSERT_TRUE(repo().DeleteForUser(user.id, keep.id));
  EXPECT_FALSE(Exists(a.id));
  EXPECT_FALSE(Exists(c.id));
  EXPECT_TRUE(Exists(keep.id));
  EXPECT_TRUE(Exists(theirs.id));
}

TEST_P(SessionRepositoryContract, DeleteForUserWithNothingToKeepEndsThemAll) {
  const domain::User user = NewUser();
  const domain::User someone_else = NewUser();
  const Session a = SampleSession(user);
  const Session b = SampleSession(user);
  const Session theirs = SampleSession(someone_else);
  for (const auto& s : {a, b, theirs}) ASSERT_TRUE(repo().Create(s));
  ASSERT_TRUE(repo().DeleteForUser(user.id, ""));
  EXPECT_FALSE(Exists(a.id));
  EXPECT_FALSE(Exists(b.id));
  EXPECT_TRUE(Exists(theirs.id));
  EXPECT_TRUE(repo().DeleteForUser(user.id, ""));
}

TEST_P(SessionRepositoryContract, DeleteExpiredRemovesIdleOrAbsoluteExpiredAndCountsThem) {
  const domain::User user = NewUser();
  const Instant now{kT0 + 100'000};
  Session idle_gone = SampleSession(user, 99'999, 1'000'000);
  Session idle_at_now = SampleSession(user, 100'000, 1'000'000);  // expiry is inclusive
  Session absolute_gone = SampleSession(user, 1'000'000, 50'000);
  Session live = SampleSession(user, 100'001, 1'000'000);
  for (const auto& s : {idle_gone, idle_at_now, absolute_gone, live}) {
    ASSERT_TRUE(repo().Create(s));
  }
  EXPECT_EQ(repo().DeleteExpired(now), 3);
  EXPECT_FALSE(Exists(idle_gone.id));
  EXPECT_FALSE(Exists(idle_at_now.id));
  EXPECT_FALSE(Exists(absolute_gone.id));
  EXPECT_TRUE(Exists(live.id));
  EXPECT_EQ(repo().DeleteExpired(now), 0);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, SessionRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

// What only the database can promise.
class SessionRepositorySqlContract : public SessionRepositoryContract {};

TEST_P(SessionRepositorySqlContract, SessionsGoWithTheirAccount) {
  const domain::User user = NewUser();
  const domain::User someone_else = NewUser();
  const Session s = SampleSession(user);
  const Session theirs = SampleSession(someone_else);
  ASSERT_TRUE(repo().Create(s));
  ASSERT_TRUE(repo().Create(theirs));
  auto ok = db_->db().Write("test.delete_user", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM users WHERE id = :id", soci::use(user.id);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_FALSE(Exists(s.id));
  EXPECT_TRUE(Exists(theirs.id));
  long long rows = -1;
  auto counted = db_->db().Read("test.count", [&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM sessions WHERE user_id = :id", soci::use(user.id),
        soci::into(rows);
    return {};
  });
  ASSERT_TRUE(counted);
  EXPECT_EQ(rows, 0);
}

TEST_P(SessionRepositorySqlContract, ASessionNeedsAnAccount) {
  domain::User nobody = testing::SampleUser(Role::kLearner);  // never stored
  EXPECT_FALSE(repo().Create(SampleSession(nobody)));
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, SessionRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
