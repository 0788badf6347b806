#include "domain/accounts/session_service.h"

#include <gtest/gtest.h>

#include "common/token_hash.h"
#include "support/account_world.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

class SessionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  testing::AccountWorld w;
};

TEST_F(SessionServiceTest, StoresOnlyTheHashOfA256BitToken) {
  const User u = w.AddUser("a@example.org");
  auto started = w.sessions.Start(u, TwoFactorState::kNotRequired);
  ASSERT_TRUE(started);
  EXPECT_EQ(started->token.size(), 64u);
  EXPECT_EQ(started->session.id, HashToken(started->token));
  EXPECT_NE(started->session.id, started->token);
  auto found = w.sessions.Resolve(started->token);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->user_id, u.id);
  // Knowing the stored hash does not help: it is not a token.
  auto by_hash = w.sessions.Resolve(started->session.id);
  ASSERT_TRUE(by_hash);
  EXPECT_FALSE(by_hash->has_value());
}

TEST_F(SessionServiceTest, MalformedTokensAreNotSessions) {
  for (std::string_view t : {"", "abc", "ZZZZ", "../../", "A"}) {
    auto found = w.sessions.Resolve(t);
    ASSERT_TRUE(found);
    EXPECT_FALSE(found->has_value());
  }
}

TEST_F(SessionServiceTest, ALearnerSessionEndsAfterFourteenIdleDaysButUseKeepsItAlive) {
  auto started = w.sessions.Start(w.AddUser("b@example.org"), TwoFactorState::kNotRequired);
  ASSERT_TRUE(started);
  for (int i = 0; i < 4; ++i) {
    w.clock.Advance(std::chrono::hours(24 * 7));
    auto found = w.sessions.Resolve(started->token);
    ASSERT_TRUE(found && found->has_value()) << "week " << i + 1;
  }
  // Used weekly, it still ends thirty days after log-in.
  w.clock.Advance(std::chrono::hours(24 * 2) + 1min);
  auto gone = w.sessions.Resolve(started->token);
  ASSERT_TRUE(gone);
  EXPECT_FALSE(gone->has_value());

  auto idle = w.sessions.Start(w.AddUser("c@example.org"), TwoFactorState::kNotRequired);
  w.clock.Advance(std::chrono::hours(24 * 14) + 1min);
  auto expired = w.sessions.Resolve(idle->token);
  ASSERT_TRUE(expired);
  EXPECT_FALSE(expired->has_value());
}

TEST_F(SessionServiceTest, APractitionerSessionLocksAfterThirtyIdleMinutes) {
  auto started =
      w.sessions.Start(w.AddUser("p@example.org", Role::kPractitioner), TwoFactorState::kPassed);
  ASSERT_TRUE(started);
  w.clock.Advance(29min);
  auto found = w.sessions.Resolve(started->token);
  ASSERT_TRUE(found && found->has_value());
  w.clock.Advance(29min);  // 29 minutes after the last use
  found = w.sessions.Resolve(started->token);
  ASSERT_TRUE(found && found->has_value());
  w.clock.Advance(31min);
  found = w.sessions.Resolve(started->token);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
  EXPECT_EQ(w.sessions.CookieLifetime(Role::kPractitioner), std::chrono::hours(12));
}

TEST_F(SessionServiceTest, EndingOtherSessionsKeepsTheOneAsked) {
  const User u = w.AddUser("d@example.org");
  auto a = w.sessions.Start(u, TwoFactorState::kNotRequired);
  auto b = w.sessions.Start(u, TwoFactorState::kNotRequired);
  ASSERT_TRUE(w.sessions.EndOthersFor(u.id, b->session.id));
  EXPECT_FALSE(w.sessions.Resolve(a->token)->has_value());
  EXPECT_TRUE(w.sessions.Resolve(b->token)->has_value());
}

TEST_F(SessionServiceTest, ListsLiveSessionsAndEndsOneByItsPublicId) {
  const User u = w.AddUser("e@example.org");
  const User other = w.AddUser("f@example.org");
  auto phone = w.sessions.Start(u, TwoFactorState::kNotRequired);
  w.clock.Advance(1min);
  auto laptop = w.sessions.Start(u, TwoFactorState::kNotRequired);
  auto theirs = w.sessions.Start(other, TwoFactorState::kNotRequired);
  ASSERT_TRUE(phone && laptop && theirs);

  auto listed = w.sessions.ListFor(u.id);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, laptop->session.id);  // most recently used first

  // Another account's session is not this account's to end.
  EXPECT_EQ(w.sessions.EndOne(u.id, PublicSessionId(theirs->session.id)), false);
  EXPECT_TRUE(w.sessions.Resolve(theirs->token)->has_value());
  EXPECT_EQ(w.sessions.EndOne(u.id, PublicSessionId(phone->session.id)), true);
  EXPECT_FALSE(w.sessions.Resolve(phone->token)->has_value());
  EXPECT_TRUE(w.sessions.Resolve(laptop->token)->has_value());
  EXPECT_EQ(w.sessions.EndOne(u.id, PublicSessionId(phone->session.id)), false);

  // Fifteen idle days on, the learner's session has run out: not listed.
  w.clock.Advance(std::chrono::hours(24 * 15));
  EXPECT_TRUE(w.sessions.ListFor(u.id)->empty());
}

TEST_F(SessionServiceTest, RenewingGivesANewTokenEndsTheOldAndKeepsTheStoredExpiry) {
  const User p = w.AddUser("p@example.org", Role::kPractitioner);
  auto started = w.sessions.Start(p, TwoFactorState::kPending);
  ASSERT_TRUE(started);
  w.clock.Advance(5min);
  // As a request knows it: ids, role and state, no times (api CallerSession).
  Session caller;
  caller.id = started->session.id;
  caller.user_id = p.id;
  caller.role = Role::kPractitioner;
  caller.two_factor = TwoFactorState::kPending;
  auto renewed = w.sessions.Renew(caller, TwoFactorState::kPassed);
  ASSERT_TRUE(renewed) << renewed.error().message;
  EXPECT_NE(renewed->token, started->token);
  EXPECT_FALSE(w.sessions.Resolve(started->token)->has_value());
  auto found = w.sessions.Resolve(renewed->token);
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->two_factor, TwoFactorState::kPassed);
  EXPECT_EQ((*found)->absolute_expires_at, started->session.absolute_expires_at);
  EXPECT_EQ((*found)->created_at, started->session.created_at);
  // Renewing an ended session is refused: nothing to go on from.
  EXPECT_EQ(w.sessions.Renew(caller, TwoFactorState::kPassed).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(SessionServiceTest, APublicIdIsAShortPrefixOfTheStoredHash) {
  const std::string id(64, 'a');
  EXPECT_EQ(PublicSessionId(id), std::string(16, 'a'));
}

}  // namespace
}  // namespace securebase::domain
