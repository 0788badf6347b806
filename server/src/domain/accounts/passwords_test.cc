#include "domain/accounts/passwords.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "fakes/recording_security_events.h"
#include "support/account_world.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;
constexpr std::string_view kPassword = "a long and gentle password";
constexpr std::string_view kNew = "the river bends at dawn";

class PasswordsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  testing::AccountWorld w;
};

TEST_F(PasswordsTest, AResetLinkWorksOnceForAnHourAndEndsEverySession) {
  const User u = w.AddUser("ana@example.org");
  auto session = w.sessions.Start(u, TwoFactorState::kNotRequired);
  ASSERT_TRUE(w.passwords.Forgot("ana@example.org"));
  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.at(0).kind, "password-reset");
  const std::string token = testing::AccountWorld::TokenIn(mail[0]);

  auto weak = w.passwords.Reset(token, "short");
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().fields.at(0).field, "password");

  w.clock.Advance(59min);
  ASSERT_TRUE(w.passwords.Reset(token, kNew));
  EXPECT_FALSE(w.sessions.Resolve(session->token)->has_value());
  EXPECT_TRUE(w.hasher.Verify((*w.users.FindById(u.id))->password_hash, kNew));
  EXPECT_EQ(w.passwords.Reset(token, "another long password").error().type, "invalid-token");
  EXPECT_EQ(w.TakeMail().at(0).kind, "password-changed");
}

TEST_F(PasswordsTest, AnExpiredResetLinkChangesNothing) {
  const User u = w.AddUser("ana@example.org");
  ASSERT_TRUE(w.passwords.Forgot("ana@example.org"));
  const std::string token = testing::AccountWorld::TokenIn(w.TakeMail().at(0));
  w.clock.Advance(61min);
  EXPECT_EQ(w.passwords.Reset(token, kNew).error().type, "invalid-token");
  EXPECT_EQ((*w.users.FindById(u.id))->password_hash, u.password_hash);
}

TEST_F(PasswordsTest, ResettingOnceRetiresTheOtherResetLinks) {
  w.AddUser("ana@example.org");
  ASSERT_TRUE(w.passwords.Forgot("ana@example.org"));
  ASSERT_TRUE(w.passwords.Forgot("ana@example.org"));
  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 2u);
  ASSERT_TRUE(w.passwords.Reset(testing::AccountWorld::TokenIn(mail[1]), kNew));
  EXPECT_EQ(w.passwords.Reset(testing::AccountWorld::TokenIn(mail[0]), "other long password")
                .error()
                .type,
            "invalid-token");
}

TEST_F(PasswordsTest, ForgottenForAnUnknownAddressSendsNothing) {
  ASSERT_TRUE(w.passwords.Forgot("nobody@example.org"));
  EXPECT_TRUE(w.TakeMail().empty());
}

TEST_F(PasswordsTest, ChangingNeedsTheCurrentPasswordAndKeepsOnlyANewSession) {
  const User u = w.AddUser("ana@example.org");
  auto here = w.sessions.Start(u, TwoFactorState::kNotRequired);
  auto there = w.sessions.Start(u, TwoFactorState::kNotRequired);
  auto wrong = w.passwords.Change(here->session, "not it", kNew, "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
  auto common = w.passwords.Change(here->session, kPassword, "password123", "a");
  ASSERT_FALSE(common);
  EXPECT_EQ(common.error().fields.at(0).field, "new_password");

  auto next = w.passwords.Change(here->session, kPassword, kNew, "a");
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_FALSE(w.sessions.Resolve(here->token)->has_value());
  EXPECT_FALSE(w.sessions.Resolve(there->token)->has_value());
  EXPECT_TRUE(w.sessions.Resolve(next->token)->has_value());
}

TEST_F(PasswordsTest, AnEmailChangeWaitsForTheNewAddressToConfirm) {
  const User u = w.AddUser("ana@example.org");
  ASSERT_TRUE(w.email_change.Request(u.id, kPassword, "Ana.New@example.org", "a"));
  auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 2u);
  // Both were written at the same (fake) instant: order by address.
  std::sort(mail.begin(), mail.end(), [](const auto& a, const auto& b) { return a.to < b.to; });
  EXPECT_EQ(mail[0].to, "ana.new@example.org");
  EXPECT_EQ(mail[0].kind, "confirm-email");
  EXPECT_EQ(mail[1].to, "ana@example.org");
  EXPECT_EQ(mail[1].kind, "email-change-requested");
  EXPECT_EQ((*w.users.FindById(u.id))->email, "ana@example.org");
  auto confirmed = w.email_change.Confirm(testing::AccountWorld::TokenIn(mail[0]));
  ASSERT_TRUE(confirmed);
  EXPECT_EQ(*confirmed, "ana.new@example.org");
  EXPECT_EQ((*w.users.FindById(u.id))->email, "ana.new@example.org");
}

TEST_F(PasswordsTest, AnEmailChangeToATakenAddressLooksTheSameAndChangesNothing) {
  const User u = w.AddUser("ana@example.org");
  w.AddUser("taken@example.org");
  ASSERT_TRUE(w.email_change.Request(u.id, kPassword, "taken@example.org", "a"));
  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].kind, "email-taken");
  EXPECT_EQ(mail[0].text.find("token="), std::string::npos);
}

TEST_F(PasswordsTest, AResetAndAConfirmedEmailAreReportedWithTheirAccount) {
  const User u = w.AddUser("ana@example.org");
  fakes::RecordingSecurityEvents events;
  ASSERT_TRUE(w.passwords.Forgot("ana@example.org"));
  ASSERT_TRUE(w.passwords.Reset(testing::AccountWorld::TokenIn(w.TakeMail().at(0)), kNew, events));
  ASSERT_TRUE(w.email_change.Request(u.id, kNew, "ana.new@example.org", "a"));
  const auto mail = w.TakeMail();
  const auto link = std::find_if(mail.begin(), mail.end(),
                                 [](const auto& m) { return m.kind == "confirm-email"; });
  ASSERT_NE(link, mail.end());
  // A used link reports nothing: nothing changed.
  ASSERT_TRUE(w.email_change.Confirm(testing::AccountWorld::TokenIn(*link), events));
  EXPECT_FALSE(w.email_change.Confirm(testing::AccountWorld::TokenIn(*link), events));
  EXPECT_EQ(events.recorded,
            (std::vector<fakes::RecordingSecurityEvents::Entry>{
                {SecurityEvent::kPasswordReset, u.id}, {SecurityEvent::kEmailChanged, u.id}}));
}

}  // namespace
}  // namespace securebase::domain
