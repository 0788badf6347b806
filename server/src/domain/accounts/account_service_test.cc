#include "domain/accounts/account_service.h"

#include <gtest/gtest.h>

#include "common/random.h"
#include "fakes/memory_user_repository.h"

namespace securebase::domain {
namespace {

// Cheap parameters keep the suite fast; the production defaults are tested
// in PasswordHasher tests below.
const Argon2idParameters kFast{1, 8u * 1024u};

class AccountServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  fakes::MemoryUserRepository users_;
  Argon2idPasswordHasher hasher_{kFast};
  FakeClock clock_{Instant{1'800'000'000'000}};
  AccountService service_{users_, hasher_, clock_};
};

TEST_F(AccountServiceTest, CreatesAnAccountWithAHashedPassword) {
  const auto user = service_.CreateAccount({"  Ada@Example.org", "correct horse battery", "Ada",
                                            Role::kPractitioner, "Europe/London", "gb", true});
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->email, "ada@example.org");
  EXPECT_EQ(user->country, "GB");
  EXPECT_EQ(user->role, Role::kPractitioner);
  EXPECT_EQ(user->id.size(), 32u);
  EXPECT_EQ(user->created_at, clock_.Now());
  EXPECT_EQ(user->email_verified_at, clock_.Now());
  EXPECT_NE(user->password_hash.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(user->password_hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(hasher_.Verify(user->password_hash, "correct horse battery"));
  EXPECT_FALSE(hasher_.Verify(user->password_hash, "correct horse batterY"));
  const auto stored = users_.FindByEmail("ada@example.org");
  ASSERT_TRUE(stored && stored->has_value());
}

TEST_F(AccountServiceTest, ReportsEveryBadFieldAtOnce) {
  const auto r =
      service_.CreateAccount({"not-an-email", "short", "", Role::kLearner, "Mars/Olympus", "XYZ"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "password", "display_name", "time_zone",
                                              "country"}));
  EXPECT_EQ(users_.CountWithRole(Role::kLearner), 0);
}

TEST_F(AccountServiceTest, RefusesAVeryCommonPasswordAndStoresNothing) {
  const auto r = service_.CreateAccount({"ada@example.org", "Password123", "Ada"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "password");
  const auto stored = users_.FindByEmail("ada@example.org");
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->has_value());
}

TEST_F(AccountServiceTest, ATakenEmailIsAConflictNamingTheField) {
  ASSERT_TRUE(service_.CreateAccount({"same@example.org", "password one", "One"}));
  const auto r = service_.CreateAccount({"SAME@example.org", "password two", "Two"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().fields[0].field, "email");
}

TEST(PasswordHasher, ProductionParametersMeetOwaspAndRehashWhenRaised) {
  ASSERT_TRUE(InitRandom());
  const Argon2idPasswordHasher hasher;  // defaults: 19 MiB, 2 passes
  const auto hash = hasher.Hash("a long enough password");
  ASSERT_TRUE(hash);
  EXPECT_NE(hash->find("m=19456,t=2"), std::string::npos) << *hash;
  EXPECT_TRUE(hasher.Verify(*hash, "a long enough password"));
  EXPECT_FALSE(hasher.NeedsRehash(*hash));
  const Argon2idPasswordHasher stronger({3, 19u * 1024u * 1024u});
  EXPECT_TRUE(stronger.NeedsRehash(*hash));
  // Two hashes of one password differ (random salt).
  EXPECT_NE(*hash, *hasher.Hash("a long enough password"));
  EXPECT_FALSE(hasher.Verify("not a hash", "a long enough password"));
}

}  // namespace
}  // namespace securebase::domain
