// The fixture shared by the contracts of repositories whose rows belong to
// an account (check-ins, practice sessions…): for each backend, the
// repository under test beside a user repository, and one learner who owns
// the rows (the SQL tables refer to users, so the owner must exist).
//
//   class CheckinRepositoryContract
//       : public testing::OwnedRowsContract<domain::CheckinRepository,
//                                           storage::SqlCheckinRepository,
//                                           fakes::MemoryCheckinRepository> {};
//
// Thread-safety: one test at a time, as gtest runs them.
#pragma once

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>

#include "common/random.h"
#include "domain/accounts/user_repository.h"
#include "fakes/memory_user_repository.h"
#include "storage/sql_user_repository.h"
#include "support/contract_backend.h"
#include "support/sample_user.h"

namespace securebase::testing {

template <typename Repository, typename SqlRepository, typename MemoryRepository>
class OwnedRowsContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  // When the owner and the rows' times were made (any fixed instant).
  static constexpr std::int64_t kOwnerCreated = 1'800'000'000'000;

  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = DatabaseFor(GetParam());
    if (db_) {
      users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
      repo_ = std::make_unique<SqlRepository>(db_->db());
    } else {
      users_ = std::make_unique<fakes::MemoryUserRepository>();
      repo_ = std::make_unique<MemoryRepository>();
    }
    user_ = NewUser();
  }

  // The repositories go before the database they use.
  void TearDown() override {
    repo_.reset();
    users_.reset();
    db_.reset();
  }

  Repository& repo() { return *repo_; }

  // Another learner, saved.
  domain::User NewUser() {
    domain::User u = SampleUser(domain::Role::kLearner, Instant{kOwnerCreated});
    EXPECT_TRUE(users_->Create(u));
    return u;
  }

  // SQL backends only: deletes an account as the database would see it
  // (the rows it owns should go with it).
  void DeleteOwner(const std::string& user_id) {
    auto ok = db_->db().Write("test.delete_user", [&](soci::session& sql) -> Status {
      sql << "DELETE FROM users WHERE id = :id", soci::use(user_id);
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().message;
  }

  // SQL backends only: how many rows a table holds, everyone's.
  long long CountRows(const std::string& table) {
    long long rows = -1;
    auto ok = db_->db().Read("test.count", [&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(*) FROM " + table, soci::into(rows);
      return {};
    });
    EXPECT_TRUE(ok) << ok.error().message;
    return rows;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<domain::UserRepository> users_;
  std::unique_ptr<Repository> repo_;
  domain::User user_;
};

}  // namespace securebase::testing
