// The UserRepository contract on the in-memory fake, SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using testing::ContractBackend;

domain::User SampleUser(std::string email, domain::Role role = domain::Role::kLearner) {
  domain::User u;
  u.id = NewId();
  u.email = std::move(email);
  u.display_name = "Zoë Ō'Brien 東京";
  u.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
  u.role = role;
  u.time_zone = "America/New_York";
  u.country = "US";
  u.created_at = Instant{1'700'000'000'000};
  u.updated_at = Instant{1'700'000'000'500};
  return u;
}

class UserRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    if (db_)
      repo_ = std::make_unique<storage::SqlUserRepository>(db_->db());
    else
      repo_ = std::make_unique<fakes::MemoryUserRepository>();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }
  domain::UserRepository& repo() { return *repo_; }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> repo_;
};

TEST_P(UserRepositoryContract, CreatedUsersAreFoundByIdAndEmailWithEveryField) {
  domain::User u = SampleUser("zoe@example.org");
  ASSERT_TRUE(repo().Create(u));
  for (const auto& found : {repo().FindById(u.id), repo().FindByEmail("zoe@example.org")}) {
    ASSERT_TRUE(found && found->has_value());
    const domain::User& got = **found;
    EXPECT_EQ(got.id, u.id);
    EXPECT_EQ(got.email, u.email);
    EXPECT_EQ(got.display_name, u.display_name);
    EXPECT_EQ(got.password_hash, u.password_hash);
    EXPECT_EQ(got.role, u.role);
    EXPECT_EQ(got.time_zone, u.time_zone);
    EXPECT_EQ(got.country, u.country);
    EXPECT_FALSE(got.email_verified_at.has_value());
    EXPECT_EQ(got.created_at, u.created_at);
    EXPECT_EQ(got.updated_at, u.updated_at);
  }
}

TEST_P(UserRepositoryContract, KeepsTheEmailVerifiedTime) {
  domain::User u = SampleUser("v@example.org");
  u.email_verified_at = Instant{1'700'000'001'000};
  ASSERT_TRUE(repo().Create(u));
  const auto got = repo().FindById(u.id);
  ASSERT_TRUE(got && got->has_value());
  EXPECT_EQ((*got)->email_verified_at, Instant{1'700'000'001'000});
}

TEST_P(UserRepositoryContract, UnknownUsersAreEmpty) {
  EXPECT_FALSE(repo().FindById("nope")->has_value());
  EXPECT_FALSE(repo().FindByEmail("nobody@example.org")->has_value());
}

TEST_P(UserRepositoryContract, ASecondAccountWithTheSameEmailIsAConflict) {
  ASSERT_TRUE(repo().Create(SampleUser("same@example.org")));
  const auto again = repo().Create(SampleUser("same@example.org"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(UserRepositoryContract, CountsUsersByRole) {
  ASSERT_TRUE(repo().Create(SampleUser("a@example.org")));
  ASSERT_TRUE(repo().Create(SampleUser("b@example.org")));
  ASSERT_TRUE(repo().Create(SampleUser("p@example.org", domain::Role::kPractitioner)));
  EXPECT_EQ(repo().CountWithRole(domain::Role::kLearner), 2);
  EXPECT_EQ(repo().CountWithRole(domain::Role::kPractitioner), 1);
  EXPECT_EQ(repo().CountWithRole(domain::Role::kAdmin), 0);
  auto practitioner = repo().FirstWithRole(domain::Role::kPractitioner);
  ASSERT_TRUE(practitioner && *practitioner);
  EXPECT_EQ((*practitioner)->role, domain::Role::kPractitioner);
  auto admin = repo().FirstWithRole(domain::Role::kAdmin);
  ASSERT_TRUE(admin);
  EXPECT_FALSE(*admin);
}

TEST_P(UserRepositoryContract, ListsEveryAccountWithARoleOldestFirst) {
  auto later = SampleUser("later@example.org", domain::Role::kPractitioner);
  later.created_at = Instant{later.created_at.millis + 5'000};
  ASSERT_TRUE(repo().Create(later));
  ASSERT_TRUE(repo().Create(SampleUser("first@example.org", domain::Role::kPractitioner)));
  ASSERT_TRUE(repo().Create(SampleUser("learner@example.org")));
  const auto practitioners = repo().WithRole(domain::Role::kPractitioner);
  ASSERT_TRUE(practitioners) << practitioners.error().message;
  ASSERT_EQ(practitioners->size(), 2u);
  EXPECT_EQ((*practitioners)[0].email, "first@example.org");
  EXPECT_EQ((*practitioners)[1].email, "later@example.org");
  const auto admins = repo().WithRole(domain::Role::kAdmin);
  ASSERT_TRUE(admins);
  EXPECT_TRUE(admins->empty());
}

// Two people racing to register one address: exactly one account results.
TEST_P(UserRepositoryContract, ConcurrentCreatesOfOneEmailHaveOneWinner) {
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      const auto r = repo().Create(SampleUser("race@example.org"));
      if (r)
        ++created;
      else if (r.error().code == ErrorCode::kConflict)
        ++conflicts;
      else
        ++other;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
  EXPECT_EQ(other.load(), 0);
}

TEST_P(UserRepositoryContract, UpdateSavesEveryChangeableField) {
  domain::User u = SampleUser("before@example.org");
  ASSERT_TRUE(repo().Create(u));
  u.email = "after@example.org";
  u.display_name = "Ana";
  u.password_hash = "$argon2id$v=19$m=20000,t=3,p=1$c2FsdA$bmV3";
  u.time_zone = "Europe/Lisbon";
  u.country = "PT";
  u.email_verified_at = Instant{1'700'000'001'000};
  u.updated_at = Instant{1'700'000'002'000};
  ASSERT_TRUE(repo().Update(u));
  auto found = repo().FindByEmail("after@example.org");
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->id, u.id);
  EXPECT_EQ((*found)->display_name, "Ana");
  EXPECT_EQ((*found)->password_hash, u.password_hash);
  EXPECT_EQ((*found)->time_zone, "Europe/Lisbon");
  EXPECT_EQ((*found)->country, "PT");
  EXPECT_EQ((*found)->email_verified_at, u.email_verified_at);
  EXPECT_EQ((*found)->updated_at, u.updated_at);
  EXPECT_EQ((*found)->created_at, Instant{1'700'000'000'000});
  auto old = repo().FindByEmail("before@example.org");
  ASSERT_TRUE(old);
  EXPECT_FALSE(old->has_value());
}

TEST_P(UserRepositoryContract, UpdateToAnotherAccountsEmailIsAConflictAndChangesNothing) {
  domain::User a = SampleUser("a@example.org");
  domain::User b = SampleUser("b@example.org");
  ASSERT_TRUE(repo().Create(a));
  ASSERT_TRUE(repo().Create(b));
  b.email = "a@example.org";
  b.display_name = "Changed";
  auto ok = repo().Update(b);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kConflict);
  auto found = repo().FindById(b.id);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->email, "b@example.org");
  EXPECT_NE((*found)->display_name, "Changed");
}

TEST_P(UserRepositoryContract, UpdateOfAnUnknownAccountIsNotFound) {
  auto ok = repo().Update(SampleUser("ghost@example.org"));
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kNotFound);
}

TEST_P(UserRepositoryContract, FindsManyByIdInOneCallLeavingOutUnknownOnes) {
  std::vector<domain::User> made;
  for (int i = 0; i < 5; ++i) {
    made.push_back(SampleUser("many" + std::to_string(i) + "@example.org",
                              i == 0 ? domain::Role::kPractitioner : domain::Role::kLearner));
    made.back().email_verified_at =
        i % 2 == 0 ? std::optional<Instant>(Instant{1'700'000'001'000}) : std::nullopt;
    ASSERT_TRUE(repo().Create(made.back()));
  }
  ASSERT_TRUE(repo().Create(SampleUser("not-asked@example.org")));

  auto none = repo().FindByIds({});
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());

  // More ids than one SQL query takes, mostly unknown, the known ones
  // scattered through them, one asked for twice.
  std::vector<std::string> ids;
  for (int i = 0; i < 1200; ++i) {
    if (i % 240 == 7) ids.push_back(made[static_cast<std::size_t>(i / 240)].id);
    ids.push_back(NewId());
  }
  ids.push_back(made[2].id);
  auto found = repo().FindByIds(ids);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), made.size());
  for (const domain::User& u : made) {
    const auto it = std::find_if(found->begin(), found->end(),
                                 [&](const domain::User& f) { return f.id == u.id; });
    ASSERT_NE(it, found->end()) << u.email;
    EXPECT_EQ(it->email, u.email);
    EXPECT_EQ(it->display_name, u.display_name);
    EXPECT_EQ(it->password_hash, u.password_hash);
    EXPECT_EQ(it->role, u.role);
    EXPECT_EQ(it->time_zone, u.time_zone);
    EXPECT_EQ(it->country, u.country);
    EXPECT_EQ(it->email_verified_at, u.email_verified_at);
    EXPECT_EQ(it->created_at, u.created_at);
    EXPECT_EQ(it->updated_at, u.updated_at);
  }
}

INSTANTIATE_TEST_SUITE_P(AllBackends, UserRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
