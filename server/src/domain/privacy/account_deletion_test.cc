// AccountDeletion on the in-memory world (support/api_world.h) with a
// recording eraser: a wrong or missing password, or a missing code when
// two-factor is on, erases nothing and writes no audit row; the audit row
// comes first (when it cannot be written, nothing is erased); every browser
// is signed out; the erasure names the account, its address and its
// counters; the operator deletes by email without a password; the
// practitioner's account is not deleted.
#include "domain/privacy/account_deletion.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/token_hash.h"
#include "support/api_world.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kPassword = "a long and gentle password";

class AccountDeletionTest : public ::testing::Test {
 protected:
  AccountDeletionTest() : ana_(world_.w.AddUser("ana@example.org")) {
    auto started = world_.w.sessions.Start(ana_, TwoFactorState::kNotRequired);
    EXPECT_TRUE(started);
    session_ = started->session;
  }

  std::size_t DeletionRows() {
    AuditQuery q;
    q.action = std::string(audit_action::kAccountDeleted);
    auto rows = world_.audit_rows.Find(q);
    return rows ? rows->size() : 0;
  }

  testing::ApiWorld world_;
  User ana_;
  Session session_;
};

TEST_F(AccountDeletionTest, AWrongOrMissingPasswordErasesNothing) {
  auto wrong = world_.account_deletion.DeleteOwn(session_, "not the password", "", "203.0.113.9");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(wrong.error().fields.size(), 1u);
  EXPECT_EQ(wrong.error().fields[0].field, "password");
  auto missing = world_.account_deletion.DeleteOwn(session_, "", "", "203.0.113.9");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.at(0).field, "password");
  EXPECT_TRUE(world_.eraser.Erased().empty());
  EXPECT_EQ(DeletionRows(), 0u);
}

TEST_F(AccountDeletionTest, TheRightPasswordErasesTheAccountAfterItsAuditRow) {
  auto done = world_.account_deletion.DeleteOwn(session_, kPassword, "", "203.0.113.9");
  ASSERT_TRUE(done) << done.error().message;
  // Signed out everywhere before anything else goes.
  auto sessions = world_.w.sessions.ListFor(ana_.id);
  ASSERT_TRUE(sessions);
  EXPECT_TRUE(sessions->empty());
  const auto erased = world_.eraser.Erased();
  ASSERT_EQ(erased.size(), 1u);
  EXPECT_EQ(erased[0].user_id, ana_.id);
  EXPECT_EQ(erased[0].email, "ana@example.org");
  // Their counters: by account id and email, never by address.
  const auto& keys = erased[0].counter_keys;
  const auto has = [&](const std::string& k) {
    return std::find(keys.begin(), keys.end(), HashToken(k)) != keys.end();
  };
  EXPECT_TRUE(has("login-account:ana@example.org"));
  EXPECT_TRUE(has("code-account:" + ana_.id));
  EXPECT_TRUE(has("export:account:" + ana_.id));
  EXPECT_TRUE(has("sign_up:account:ana@example.org"));
  EXPECT_FALSE(has("login-address:203.0.113.9"));
  AuditQuery q;
  q.action = std::string(audit_action::kAccountDeleted);
  auto rows = world_.audit_rows.Find(q);
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].actor_id, ana_.id);
  EXPECT_EQ((*rows)[0].subject_id, ana_.id);
  EXPECT_EQ((*rows)[0].detail, "by the account holder");
}

TEST_F(AccountDeletionTest, WithoutItsAuditRowNothingIsErased) {
  world_.audit_rows.fail_appends = true;
  EXPECT_FALSE(world_.account_deletion.DeleteOwn(session_, kPassword, "", "203.0.113.9"));
  EXPECT_TRUE(world_.eraser.Erased().empty());
}

TEST_F(AccountDeletionTest, WithTwoFactorOnACodeIsAskedFor) {
  auto enrolment = world_.w.two_factor.Enroll(session_, kPassword, "203.0.113.9");
  ASSERT_TRUE(enrolment);
  auto status = world_.w.two_factor_store.Confirm(ana_.id, world_.w.clock.Now(), 0);
  ASSERT_TRUE(status);
  auto no_code = world_.account_deletion.DeleteOwn(session_, kPassword, "", "203.0.113.9");
  ASSERT_FALSE(no_code);
  EXPECT_EQ(no_code.error().fields.at(0).field, "code");
  auto wrong = world_.account_deletion.DeleteOwn(session_, kPassword, "000000", "203.0.113.9");
  ASSERT_FALSE(wrong);
  EXPECT_TRUE(world_.eraser.Erased().empty());
  auto recovered = world_.account_deletion.DeleteOwn(
      session_, kPassword, enrolment->recovery_codes.at(0), "203.0.113.9");
  ASSERT_TRUE(recovered) << recovered.error().message;
  EXPECT_EQ(world_.eraser.Erased().size(), 1u);
}

TEST_F(AccountDeletionTest, TheOperatorDeletesByEmailAndNeverThePractitioner) {
  auto done = world_.account_deletion.DeleteByOperator(" ANA@example.org ");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(world_.eraser.Erased().at(0).user_id, ana_.id);
  auto unknown = world_.account_deletion.DeleteByOperator("nobody@example.org");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  world_.w.AddUser("her@example.org", Role::kPractitioner);
  auto her = world_.account_deletion.DeleteByOperator("her@example.org");
  ASSERT_FALSE(her);
  EXPECT_EQ(her.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(world_.eraser.Erased().size(), 1u);
}

}  // namespace
}  // namespace securebase::domain
