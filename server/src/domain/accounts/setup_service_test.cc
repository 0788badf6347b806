#include "domain/accounts/setup_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "common/random.h"
#include "common/token_hash.h"
#include "fakes/memory_settings_repository.h"
#include "fakes/memory_user_repository.h"

namespace securebase::domain {
namespace {

class SetupServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  NewAccount Form() { return {"owner@example.org", "a long password", "Owner", Role::kLearner}; }

  fakes::MemoryUserRepository users_;
  fakes::MemorySettingsRepository settings_;
  Argon2idPasswordHasher hasher_{{1, 8u * 1024u}};
  FakeClock clock_{Instant{1'800'000'000'000}};
  AccountService accounts_{users_, hasher_, clock_};
  SetupService setup_{users_, settings_, accounts_, clock_};
};

TEST_F(SetupServiceTest, TheTokenFromTheLogClaimsTheSiteOnceAsPractitioner) {
  EXPECT_EQ(setup_.Needed(), true);
  const auto token = setup_.PrepareToken();
  ASSERT_TRUE(token && token->has_value());
  EXPECT_EQ((*token)->size(), 32u);
  // Only the hash is stored, under a key made from it.
  const std::string hash = HashToken(**token);
  const std::string key = "setup.token." + hash.substr(0, 20);
  ASSERT_TRUE(settings_.Get(key)->has_value());
  EXPECT_EQ((*settings_.Get(key))->value, hash);

  const auto user = setup_.Complete(**token, Form());
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_EQ(user->role, Role::kPractitioner);  // whatever the form said
  EXPECT_EQ(setup_.Needed(), false);
  EXPECT_FALSE(settings_.Get(key)->has_value());

  const auto again = setup_.Complete(**token, Form());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(setup_.PrepareToken()->has_value()) << "no token once set up";
}

TEST_F(SetupServiceTest, AWrongTokenIsRefusedAndChangesNothing) {
  ASSERT_TRUE(setup_.PrepareToken());
  for (const std::string_view wrong : {"", "0000", "not-the-token-at-all-not-the-tok"}) {
    const auto r = setup_.Complete(wrong, Form());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(r.error().fields[0].field, "token");
  }
  EXPECT_EQ(setup_.Needed(), true);
}

TEST_F(SetupServiceTest, EachStartsTokenWorksUntilSetupIsDone) {
  // Two instances (or a restart) while setup is needed: the token in either
  // log claims the site, once.
  const auto first = setup_.PrepareToken();
  const auto second = setup_.PrepareToken();
  ASSERT_TRUE(first && second && first->has_value() && second->has_value());
  EXPECT_NE(**first, **second);
  EXPECT_TRUE(setup_.Complete(**first, Form()));
  EXPECT_EQ(setup_.Complete(**second, Form()).error().code, ErrorCode::kConflict);
}

TEST_F(SetupServiceTest, BadFieldsLeaveSetupOpenForACorrectedForm) {
  const auto token = **setup_.PrepareToken();
  NewAccount bad = Form();
  bad.password = "short";
  const auto r = setup_.Complete(token, bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(setup_.Complete(token, Form()));
}

TEST_F(SetupServiceTest, RacingRequestsCreateExactlyOnePractitioner) {
  const auto token = **setup_.PrepareToken();
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      NewAccount form = Form();
      form.email = "owner" + std::to_string(i) + "@example.org";
      if (setup_.Complete(token, form)) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(users_.CountWithRole(Role::kPractitioner), 1);
}

}  // namespace
}  // namespace securebase::domain
