#include "domain/accounts/two_factor_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/hex.h"
#include "common/token_hash.h"
#include "domain/accounts/recovery_codes.h"
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
  // Enrols and confirms; the session has then passed two-factor.
  Enrollment Enrol() {
    auto e = w.two_factor.Enroll(session_, kPassword, "a");
    EXPECT_TRUE(e);
    auto confirmed = w.two_factor.Confirm(session_, CodeNow(*e), "a");
    EXPECT_TRUE(confirmed);
    session_ = confirmed->session;
    return *e;
  }
  // A new log-in that owes its code, a minute on.
  Session NextLogIn() {
    w.clock.Advance(60s);
    auto in = w.login.LogIn("p@example.org", std::string(kPassword), "a");
    EXPECT_TRUE(in);
    return in->started.session;
  }
  std::vector<OutgoingMail> MailOfKind(std::string_view kind) {
    std::vector<OutgoingMail> out;
    for (auto& m : w.TakeMail())
      if (m.kind == kind) out.push_back(std::move(m));
    return out;
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

TEST_F(TwoFactorServiceTest, NewCodesAreTheStrongFormAndWorkTypedLoosely) {
  const Enrollment e = Enrol();
  ASSERT_EQ(e.recovery_codes.size(), 10u);
  for (const auto& code : e.recovery_codes) EXPECT_EQ(code.size(), 29u) << code;
  std::string typed;
  for (char c : e.recovery_codes[0])
    typed += c == '-' ? std::string(" ") : std::string(1, static_cast<char>(std::toupper(c)));
  ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), "  " + typed + "\n", "a"));
}

// Codes issued before the stronger form (ten characters) are stored as
// HashToken("<id>:<normalised code>"); they keep working until used or
// renewed.
TEST_F(TwoFactorServiceTest, CodesIssuedBeforeKeepWorkingUntilUsedOrRenewed) {
  Enrol();
  const std::vector<std::string> old_codes = {"7kq4m-x2p9r", "h3nab-5fgyc", "t8wde-2m4pq"};
  std::vector<std::string> stored;
  for (const auto& code : old_codes) {
    std::string plain;
    for (char c : code)
      if (c != '-') plain += c;
    stored.push_back(HashToken(user_.id + ":" + plain));
  }
  ASSERT_TRUE(w.two_factor_store.ReplaceRecoveryCodes(user_.id, stored));
  (void)w.TakeMail();
  ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), "7KQ4M X2P9R", "a")) << "an old code, typed loosely";
  EXPECT_EQ(w.two_factor.Verify(NextLogIn(), "7kq4m-x2p9r", "a").error().type, "invalid-code")
      << "used once";
  EXPECT_EQ(w.two_factor.StatusFor(user_.id)->recovery_codes_left, 2);

  ASSERT_TRUE(w.two_factor.RenewRecoveryCodes(session_, kPassword, "a"));
  EXPECT_EQ(w.two_factor.Verify(NextLogIn(), "h3nab-5fgyc", "a").error().type, "invalid-code")
      << "renewal retires old codes";
}

TEST_F(TwoFactorServiceTest, RenewingGivesTenNewCodesAndRetiresEveryOldOne) {
  const Enrollment e = Enrol();
  (void)w.TakeMail();
  ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), e.recovery_codes[0], "a"));
  (void)w.TakeMail();
  auto renewed = w.two_factor.RenewRecoveryCodes(session_, kPassword, "a");
  ASSERT_TRUE(renewed) << renewed.error().message;
  ASSERT_EQ(renewed->size(), 10u);
  for (const auto& code : *renewed) {
    EXPECT_EQ(code.size(), 29u);
    EXPECT_EQ(std::count(e.recovery_codes.begin(), e.recovery_codes.end(), code), 0);
  }
  EXPECT_EQ(w.two_factor.StatusFor(user_.id)->recovery_codes_left, 10);
  for (const auto& old : e.recovery_codes)
    EXPECT_EQ(w.two_factor.Verify(NextLogIn(), old, "a").error().type, "invalid-code") << old;
  w.clock.Advance(1h);  // past the waits the wrong codes above earned
  ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), (*renewed)[7], "a"));
  // The authenticator app is untouched.
  const Session s = NextLogIn();
  EXPECT_TRUE(w.two_factor.Verify(s, CodeNow(e), "a"));
}

TEST_F(TwoFactorServiceTest, RenewingAsksForThePasswordAndNeedsTwoFactorOn) {
  auto not_on = w.two_factor.RenewRecoveryCodes(session_, kPassword, "a");
  ASSERT_FALSE(not_on);
  EXPECT_EQ(not_on.error().type, "no-enrollment");
  EXPECT_EQ(not_on.error().code, ErrorCode::kConflict);

  const Enrollment e = Enrol();
  (void)w.TakeMail();
  auto wrong = w.two_factor.RenewRecoveryCodes(session_, "not the password", "a");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(wrong.error().fields.size(), 1u);
  EXPECT_EQ(wrong.error().fields[0].field, "current_password");
  EXPECT_TRUE(w.TakeMail().empty()) << "a refusal sends nothing";
  EXPECT_TRUE(w.two_factor.Verify(NextLogIn(), e.recovery_codes[0], "a")) << "codes unchanged";
  for (int i = 0; i < 6; ++i) (void)w.two_factor.RenewRecoveryCodes(session_, "guess", "a");
  EXPECT_EQ(w.two_factor.RenewRecoveryCodes(session_, kPassword, "a").error().code,
            ErrorCode::kTooManyRequests)
      << "guessing the password here is slowed down like logging in";
}

// Mail at each change, in our words, never carrying a code.
TEST_F(TwoFactorServiceTest, TheOwnerIsToldWhenItIsTurnedOnACodeIsUsedAndCodesAreRenewed) {
  const Enrollment e = Enrol();
  auto on = MailOfKind("two-factor-on");
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].to, "p@example.org");
  EXPECT_EQ(on[0].subject, "Two-factor sign-in is now on");

  const Session next = NextLogIn();  // a minute on: the code below is a fresh step
  ASSERT_TRUE(w.two_factor.Verify(next, CodeNow(e), "a"));
  EXPECT_TRUE(w.TakeMail().empty()) << "an app code is the everyday way in: no mail";

  ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), e.recovery_codes[2], "a"));
  auto used = MailOfKind("recovery-code-used");
  ASSERT_EQ(used.size(), 1u);
  EXPECT_NE(used[0].text.find("You have 9 recovery codes left."), std::string::npos)
      << used[0].text;
  EXPECT_NE(used[0].text.find("/forgot-password"), std::string::npos) << "what to do if not them";

  // Eight more (all but the last): one left, and the mail suggests a new set.
  for (int i : {0, 1, 3, 4, 5, 6, 7, 8})
    ASSERT_TRUE(w.two_factor.Verify(NextLogIn(), e.recovery_codes[i], "a"));
  auto last_few = MailOfKind("recovery-code-used");
  ASSERT_EQ(last_few.size(), 8u);
  EXPECT_NE(last_few.back().text.find("You have 1 recovery code left, so now is a good time"),
            std::string::npos);

  auto renewed = w.two_factor.RenewRecoveryCodes(session_, kPassword, "a");
  ASSERT_TRUE(renewed);
  auto told = MailOfKind("recovery-codes-renewed");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].text.find("no longer work"), std::string::npos);

  for (const auto& mail : {on[0], used[0], told[0]}) {
    for (const auto& code : e.recovery_codes) EXPECT_EQ(mail.text.find(code), std::string::npos);
    for (const auto& code : *renewed) EXPECT_EQ(mail.text.find(code), std::string::npos);
    EXPECT_EQ(mail.text.find(e.secret), std::string::npos);
  }
}

}  // namespace
}  // namespace securebase::domain
