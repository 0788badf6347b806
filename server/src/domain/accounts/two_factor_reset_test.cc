// TwoFactorReset on the in-memory world: the operator turns two-factor off
// by email; the audit row comes first, every session ends, the owner is
// told by mail, and they can log in with the password and enrol again.
#include "domain/accounts/two_factor_reset.h"

#include <gtest/gtest.h>

#include "fakes/memory_audit_repository.h"
#include "support/account_world.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kPassword = "a long and gentle password";

class TwoFactorResetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    her_ = w.AddUser("p@example.org", Role::kPractitioner);
    auto in = w.login.LogIn("p@example.org", std::string(kPassword), "a");
    ASSERT_TRUE(in);
    auto e = w.two_factor.Enroll(in->started.session, kPassword, "a");
    ASSERT_TRUE(e);
    auto found = w.two_factor_store.Find(her_.id);
    ASSERT_TRUE(found && *found);
    // Confirmed straight in the store: this suite is about undoing it.
    ASSERT_TRUE(w.two_factor_store.Confirm(her_.id, w.clock.Now(), 1));
    (void)w.TakeMail();
  }

  std::vector<AuditEntry> ResetRows() {
    AuditQuery q;
    q.action = std::string(audit_action::kTwoFactorReset);
    auto rows = audit_rows_.Find(q);
    return rows ? *rows : std::vector<AuditEntry>{};
  }

  testing::AccountWorld w;
  fakes::MemoryAuditRepository audit_rows_;
  AuditTrail audit_{audit_rows_, w.users, w.clock};
  TwoFactorReset reset_{w.parts, w.two_factor_store, audit_};
  User her_;
};

TEST_F(TwoFactorResetTest, TurnsItOffEndsEverySessionAuditsAndTellsTheOwner) {
  auto other = w.sessions.Start(her_, TwoFactorState::kPassed);
  ASSERT_TRUE(other);
  auto done = reset_.ResetByOperator("P@Example.org ");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_TRUE(done->was_on);

  EXPECT_FALSE(w.two_factor.StatusFor(her_.id)->enrolled);
  EXPECT_FALSE(w.two_factor_store.Find(her_.id)->has_value());
  EXPECT_EQ(w.two_factor_store.RecoveryCodesLeft(her_.id), 0);
  EXPECT_FALSE(w.sessions.Resolve(other->token)->has_value()) << "signed out everywhere";
  EXPECT_TRUE(w.sessions.ListFor(her_.id)->empty());

  const auto rows = ResetRows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor_id, "operator");
  EXPECT_EQ(rows[0].subject_id, her_.id);
  EXPECT_EQ(rows[0].detail, "by the operator");

  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].kind, "two-factor-off");
  EXPECT_EQ(mail[0].to, "p@example.org");
  EXPECT_NE(mail[0].text.find("/account/two-factor"), std::string::npos);
  EXPECT_NE(mail[0].text.find("/forgot-password"), std::string::npos);

  // The password alone signs her in; as a practitioner she is asked to enrol again.
  auto in = w.login.LogIn("p@example.org", std::string(kPassword), "a");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->started.session.two_factor, TwoFactorState::kEnrollmentRequired);
  EXPECT_TRUE(w.two_factor.Enroll(in->started.session, kPassword, "a"));
}

TEST_F(TwoFactorResetTest, NothingOnMeansNothingChanges) {
  const User ana = w.AddUser("ana@example.org");
  auto session = w.sessions.Start(ana, TwoFactorState::kNotRequired);
  ASSERT_TRUE(session);
  auto done = reset_.ResetByOperator("ana@example.org");
  ASSERT_TRUE(done);
  EXPECT_FALSE(done->was_on);
  EXPECT_TRUE(w.sessions.Resolve(session->token)->has_value()) << "still signed in";
  EXPECT_TRUE(ResetRows().empty());
  EXPECT_TRUE(w.TakeMail().empty());
}

TEST_F(TwoFactorResetTest, AnUnknownAddressIsNotFound) {
  auto done = reset_.ResetByOperator("nobody@example.org");
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(w.two_factor.StatusFor(her_.id)->enrolled);
  EXPECT_TRUE(ResetRows().empty());
}

}  // namespace
}  // namespace securebase::domain
