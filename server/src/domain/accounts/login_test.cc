#include "domain/accounts/login.h"

#include <gtest/gtest.h>

#include "fakes/recording_security_events.h"
#include "support/account_world.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kPassword = "a long and gentle password";
using Events = fakes::RecordingSecurityEvents;
using Entry = Events::Entry;

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

TEST_F(LoginTest, AWrongPasswordAskedAgainIsToldApartFromAWaitAndOtherBadInput) {
  const User u = w.AddUser("ana@example.org");
  auto wrong = w.login.Reauthenticate(u, "not the password", "a", "current_password");
  ASSERT_FALSE(wrong);
  EXPECT_TRUE(Login::IsWrongPasswordAgain(wrong.error()));
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  EXPECT_TRUE(w.login.Reauthenticate(u, kPassword, "a", "current_password"));

  for (int i = 0; i < 6; ++i) (void)w.login.Reauthenticate(u, "wrong", "a", "password");
  auto wait = w.login.Reauthenticate(u, kPassword, "a", "password");
  ASSERT_FALSE(wait);
  EXPECT_EQ(wait.error().code, ErrorCode::kTooManyRequests);
  EXPECT_FALSE(Login::IsWrongPasswordAgain(wait.error()));
  EXPECT_FALSE(Login::IsWrongPasswordAgain(
      InvalidArgument("Please check the form.", {{"new_password", "is too short"}}).error()));
}

TEST_F(LoginTest, LoggingInAgainEndsTheBrowsersEarlierSessionUnderANewToken) {
  w.AddUser("ana@example.org");
  auto first = w.login.LogIn("ana@example.org", kPassword, "a");
  ASSERT_TRUE(first);
  Events events;
  auto second = w.login.LogIn("ana@example.org", kPassword, "a", first->started.token, events);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(second->started.token, first->started.token);
  EXPECT_FALSE(w.sessions.Resolve(first->started.token)->has_value());
  EXPECT_TRUE(w.sessions.Resolve(second->started.token)->has_value());
  // The same person again is not news for the security log.
  EXPECT_TRUE(events.recorded.empty());
}

TEST_F(LoginTest, LoggingInOverAnotherAccountsSessionEndsItAndSaysWhose) {
  const User ana = w.AddUser("ana@example.org");
  const User ben = w.AddUser("ben@example.org");
  auto anas = w.login.LogIn("ana@example.org", kPassword, "a");
  auto anas_phone = w.login.LogIn("ana@example.org", kPassword, "b");
  ASSERT_TRUE(anas && anas_phone);
  Events events;
  auto bens = w.login.LogIn("ben@example.org", kPassword, "a", anas->started.token, events);
  ASSERT_TRUE(bens);
  EXPECT_EQ(bens->user.id, ben.id);
  EXPECT_FALSE(w.sessions.Resolve(anas->started.token)->has_value());
  // Only the browser's own session ends: Ana's phone stays signed in.
  EXPECT_TRUE(w.sessions.Resolve(anas_phone->started.token)->has_value());
  EXPECT_EQ(events.recorded, (std::vector<Entry>{{SecurityEvent::kSessionReplaced, ana.id}}));
}

TEST_F(LoginTest, ACookieValueTheServerNeverIssuedNeverBecomesTheSession) {
  const User u = w.AddUser("ana@example.org");
  const std::string planted(64, 'a');  // shaped like a token, never issued
  for (const std::string& earlier : {planted, std::string("not a token at all")}) {
    Events events;
    auto in = w.login.LogIn("ana@example.org", kPassword, "a", earlier, events);
    ASSERT_TRUE(in) << in.error().message;
    EXPECT_NE(in->started.token, earlier);
    EXPECT_FALSE(w.sessions.Resolve(earlier)->has_value());
    EXPECT_EQ((*w.sessions.Resolve(in->started.token))->user_id, u.id);
    EXPECT_TRUE(events.recorded.empty());
  }
}

TEST_F(LoginTest, AFailedLogInLeavesTheBrowsersSessionAlone) {
  w.AddUser("ana@example.org");
  w.AddUser("ben@example.org");
  auto anas = w.login.LogIn("ana@example.org", kPassword, "a");
  ASSERT_TRUE(anas);
  EXPECT_FALSE(w.login.LogIn("ben@example.org", "not his password", "a", anas->started.token));
  EXPECT_TRUE(w.sessions.Resolve(anas->started.token)->has_value());
}

TEST_F(LoginTest, RefusalsAndWaitsAreReportedWithTheAccountWhenThereIsOne) {
  const User u = w.AddUser("ana@example.org");
  Events events;
  ASSERT_FALSE(w.login.LogIn("nobody@example.org", kPassword, "a", {}, events));
  for (int i = 0; i < 6; ++i)
    ASSERT_FALSE(w.login.LogIn("ana@example.org", "wrong", "b", {}, events));
  auto waiting = w.login.LogIn("ana@example.org", kPassword, "b", {}, events);
  ASSERT_FALSE(waiting);
  EXPECT_EQ(waiting.error().code, ErrorCode::kTooManyRequests);
  std::vector<Entry> expected{{SecurityEvent::kLoginFailed, ""}};
  for (int i = 0; i < 6; ++i) expected.emplace_back(SecurityEvent::kLoginFailed, u.id);
  expected.emplace_back(SecurityEvent::kLoginThrottled, u.id);
  EXPECT_EQ(events.recorded, expected);
}

}  // namespace
}  // namespace securebase::domain
