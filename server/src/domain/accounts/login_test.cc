#include "domain/accounts/login.h"

#include <gtest/gtest.h>

#include "support/account_world.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kPassword = "a long and gentle password";

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  testing::AccountWorld w;
};

TEST_F(LoginTest, TheRightPasswordStartsASession) {
  const User u = w.AddUser("ana@example.org");
  auto in = w.login.LogIn(" ANA@example.org", kPassword, "203.0.113.1");
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->user.id, u.id);
  EXPECT_EQ(in->started.session.two_factor, TwoFactorState::kNotRequired);
  EXPECT_TRUE(w.sessions.Resolve(in->started.token)->has_value());
}

TEST_F(LoginTest, AnUnknownEmailAndAWrongPasswordGetTheSameRefusal) {
  w.AddUser("ana@example.org");
  auto unknown = w.login.LogIn("nobody@example.org", kPassword, "203.0.113.1");
  auto wrong = w.login.LogIn("ana@example.org", "not the password", "203.0.113.2");
  auto malformed = w.login.LogIn("not an email", kPassword, "203.0.113.3");
  for (const auto* r : {&unknown, &wrong, &malformed}) {
    ASSERT_FALSE(*r);
    EXPECT_EQ(r->error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(r->error().type, "invalid-credentials");
    EXPECT_EQ(r->error().message, unknown.error().message);
  }
}

TEST_F(LoginTest, AnUnverifiedEmailGetsAFreshLinkInsteadOfASession) {
  ASSERT_TRUE(w.account_service.CreateAccount(
      {"new@example.org", std::string(kPassword), "New", Role::kLearner, "UTC", "GB", false}));
  auto in = w.login.LogIn("new@example.org", kPassword, "203.0.113.1");
  ASSERT_FALSE(in);
  EXPECT_EQ(in.error().type, "email-not-verified");
  EXPECT_EQ(w.TakeMail().at(0).kind, "verify-email");
}

TEST_F(LoginTest, RehashesWhenTheParametersHaveRisen) {
  const User u = w.AddUser("old@example.org");
  // A stronger hasher than the one that made the stored hash.
  Argon2idPasswordHasher stronger{Argon2idParameters{2, 16u * 1024u}};
  AccountParts parts = w.parts;
  AccountParts upgraded{parts.users, parts.accounts, parts.tokens, parts.sessions,
                        parts.throttle, parts.outbox, parts.mail, stronger, parts.clock};
  Login login(upgraded, w.two_factor_store);
  ASSERT_TRUE(login.LogIn("old@example.org", kPassword, "203.0.113.1"));
  const std::string rehashed = (*w.users.FindById(u.id))->password_hash;
  EXPECT_NE(rehashed, u.password_hash);
  EXPECT_FALSE(stronger.NeedsRehash(rehashed));
  EXPECT_TRUE(stronger.Verify(rehashed, kPassword));
}

TEST_F(LoginTest, APractitionerWithoutASecondFactorMustEnrolFirst) {
  w.AddUser("p@example.org", Role::kPractitioner);
  auto in = w.login.LogIn("p@example.org", kPassword, "203.0.113.1");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->started.session.two_factor, TwoFactorState::kEnrollmentRequired);
}

TEST_F(LoginTest, RepeatedFailuresAreSlowedEvenForTheRightPassword) {
  w.AddUser("ana@example.org");
  for (int i = 0; i < 6; ++i) ASSERT_FALSE(w.login.LogIn("ana@example.org", "wrong", "a"));
  auto in = w.login.LogIn("ana@example.org", kPassword, "b");
  ASSERT_FALSE(in);
  EXPECT_EQ(in.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GE(in.error().retry_after_seconds, 1);
  w.clock.Advance(std::chrono::seconds(2));
  EXPECT_TRUE(w.login.LogIn("ana@example.org", kPassword, "b"));
}

}  // namespace
}  // namespace securebase::domain
