#include "domain/accounts/two_factor_service.h"

#include <gtest/gtest.h>

#include "common/hex.h"
#include "domain/accounts/totp.h"
#include "support/account_world.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kPassword = "a long and gentle password";

// The raw secret back from the base32 the person would type.
std::string Decode32(std::string_view b32) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : b32) {
    const int v = c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26;
    buffer = (buffer << 5) | static_cast<unsigned>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

class TwoFactorServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    user_ = w.AddUser("p@example.org", Role::kPractitioner);
    auto in = w.login.LogIn("p@example.org", "a long and gentle password", "a");
    ASSERT_TRUE(in);
    session_ = in->started.session;
    token_ = in->started.token;
  }
  std::string CodeNow(const Enrollment& e, int offset = 0) {
    return TotpCode(Decode32(e.secret), TotpStep(w.clock.Now()) + offset);
  }

  testing::AccountWorld w;
  User user_;
  Session session_;
  std::string token_;
};

TEST_F(TwoFactorServiceTest, EnrolmentIsConfirmedByTheFirstCodeAndSealsTheSecret) {
  auto e = w.two_factor.Enroll(session_, kPassword, "a");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->recovery_codes.size(), 10u);
  auto stored = w.two_factor_store.Find(user_.id);
  ASSERT_TRUE(stored && stored->has_value());
  EXPECT_FALSE((*stored)->confirmed_at);
  EXPECT_EQ((*stored)->sealed_secret.find(ToHex(Decode32(e->secret))), std::string::npos)
      << "the secret is not stored in the clear";

  EXPECT_EQ(w.two_factor.Confirm(session_, "123456x", "a").error().type, "invalid-code");
  auto confirmed = w.two_factor.Confirm(session_, CodeNow(*e), "a");
  ASSERT_TRUE(confirmed) << confirmed.error().message;
  // Passed under a new token: the one from before the code no longer works.
  EXPECT_FALSE(w.sessions.Resolve(token_)->has_value());
  EXPECT_NE(confirmed->token, token_);
  auto renewed = w.sessions.Resolve(confirmed->token);
  ASSERT_TRUE(renewed && renewed->has_value());
  EXPECT_EQ((*renewed)->two_factor, TwoFactorState::kPassed);
  EXPECT_EQ((*renewed)->user_id, user_.id);
  EXPECT_EQ((*renewed)->absolute_expires_at, session_.absolute_expires_at)
      << "renewing never makes a session live longer";
  EXPECT_TRUE(w.two_factor.StatusFor(user_.id)->enrolled);
  EXPECT_EQ(w.two_factor.Enroll(session_, kPassword, "a").error().code, ErrorCode::kConflict);
}

TEST_F(TwoFactorServiceTest, EnrolmentAsksForTheCurrentPasswordAndCountsWrongOnes) {
  auto wrong = w.two_factor.Enroll(session_, "not the password", "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(wrong.error().fields.size(), 1u);
  EXPECT_EQ(wrong.error().fields[0].field, "current_password");
  EXPECT_FALSE(w.two_factor_store.Find(user_.id)->has_value()) << "nothing was begun";
  EXPECT_EQ(w.two_factor.Enroll(session_, "", "a").error().code, ErrorCode::kInvalidArgument);
  for (int i = 0; i < 6; ++i) (void)w.two_factor.Enroll(session_, "guess", "a");
  EXPECT_EQ(w.two_factor.Enroll(session_, kPassword, "a").error().code, ErrorCode::kTooManyRequests)
      << "guessing the password through enrolment is slowed down like logging in";
}

TEST_F(TwoFactorServiceTest, ACodeWorksOnceWithinOneStepEitherSide) {
  auto e = w.two_factor.Enroll(session_, kPassword, "a");
  ASSERT_TRUE(w.two_factor.Confirm(session_, CodeNow(*e), "a"));
  w.clock.Advance(90s);
  auto next = w.login.LogIn("p@example.org", "a long and gentle password", "a");
  ASSERT_TRUE(next);
  const Session s = next->started.session;
  EXPECT_EQ(s.two_factor, TwoFactorState::kPending);
  EXPECT_FALSE(w.two_factor.Verify(s, CodeNow(*e, -2), "a")) << "two steps old";
  EXPECT_FALSE(w.two_factor.Verify(s, CodeNow(*e, 2), "a")) << "two steps ahead";
  const std::string code = CodeNow(*e, 1);
  auto passed = w.two_factor.Verify(s, code, "a");
  ASSERT_TRUE(passed) << "one step ahead (a fast phone clock)";
  EXPECT_FALSE(w.sessions.Resolve(next->started.token)->has_value()) << "the token owing a code";
  EXPECT_EQ((*w.sessions.Resolve(passed->token))->two_factor, TwoFactorState::kPassed);
  EXPECT_EQ(w.two_factor.Verify(s, code, "a").error().type, "invalid-code") << "replayed";
  EXPECT_FALSE(w.two_factor.Verify(s, CodeNow(*e, 0), "a")) << "an older step after a newer";
  EXPECT_FALSE(w.two_factor.Verify(s, CodeNow(*e, -1), "a"));
}

TEST_F(TwoFactorServiceTest, RecoveryCodesWorkOnceEachInAnyCaseAndSpacing) {
  auto e = w.two_factor.Enroll(session_, kPassword, "a");
  auto confirmed = w.two_factor.Confirm(session_, CodeNow(*e), "a");
  ASSERT_TRUE(confirmed);
  session_ = confirmed->session;
  std::string typed;
  for (char c : e->recovery_codes[3]) typed += c == '-' ? ' ' : static_cast<char>(std::toupper(c));
  auto passed = w.two_factor.Verify(session_, typed, "a");
  ASSERT_TRUE(passed);
  session_ = passed->session;
  EXPECT_EQ(w.two_factor.Verify(session_, e->recovery_codes[3], "a").error().type, "invalid-code");
  EXPECT_EQ(w.two_factor.StatusFor(user_.id)->recovery_codes_left, 9);
}

TEST_F(TwoFactorServiceTest, WrongCodesAreSlowedDown) {
  auto e = w.two_factor.Enroll(session_, kPassword, "a");
  ASSERT_TRUE(w.two_factor.Confirm(session_, CodeNow(*e), "a"));
  w.clock.Advance(60s);
  for (int i = 0; i < 6; ++i) ASSERT_FALSE(w.two_factor.Verify(session_, "000000", "a"));
  auto slowed = w.two_factor.Verify(session_, CodeNow(*e), "a");
  ASSERT_FALSE(slowed);
  EXPECT_EQ(slowed.error().code, ErrorCode::kTooManyRequests);
}

TEST_F(TwoFactorServiceTest, ALearnerWithoutASecondFactorHasNothingToVerify) {
  const User learner = w.AddUser("l@example.org");
  auto in = w.login.LogIn("l@example.org", "a long and gentle password", "a");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->started.session.two_factor, TwoFactorState::kNotRequired);
  EXPECT_EQ(w.two_factor.Verify(in->started.session, "123456", "a").error().type, "no-enrollment");
  EXPECT_FALSE(w.two_factor.StatusFor(learner.id)->enrolled);
}

}  // namespace
}  // namespace securebase::domain
