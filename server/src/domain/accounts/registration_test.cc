#include "domain/accounts/registration.h"

#include <gtest/gtest.h>

#include "support/account_world.h"

namespace securebase::domain {
namespace {

using namespace std::chrono_literals;

class RegistrationTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  NewAccount Form(std::string email) {
    return {std::move(email), "a long and gentle password", "Rosa", Role::kPractitioner,
            "Europe/Madrid", "ES", true};
  }
  testing::AccountWorld w;
};

TEST_F(RegistrationTest, SignUpMakesAnUnverifiedLearnerAndMailsALink) {
  ASSERT_TRUE(w.registration.SignUp(Form("Rosa@Example.org")));
  auto user = w.users.FindByEmail("rosa@example.org");
  ASSERT_TRUE(user && user->has_value());
  EXPECT_EQ((*user)->role, Role::kLearner) << "sign-up never makes a practitioner";
  EXPECT_FALSE((*user)->email_verified_at) << "sign-up never vouches for the address";
  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].to, "rosa@example.org");
  EXPECT_EQ(mail[0].kind, "verify-email");
  EXPECT_NE(mail[0].text.find("https://care.example.org/verify?token="), std::string::npos);
  ASSERT_TRUE(w.registration.VerifyEmail(testing::AccountWorld::TokenIn(mail[0])));
  EXPECT_TRUE((*w.users.FindByEmail("rosa@example.org"))->email_verified_at);
}

TEST_F(RegistrationTest, ALinkWorksOnceAndForADay) {
  ASSERT_TRUE(w.registration.SignUp(Form("a@example.org")));
  const std::string token = testing::AccountWorld::TokenIn(w.TakeMail().at(0));
  w.clock.Advance(std::chrono::hours(24) + 1s);
  auto late = w.registration.VerifyEmail(token);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().type, "invalid-token");

  ASSERT_TRUE(w.registration.ResendVerification("a@example.org"));
  const std::string fresh = testing::AccountWorld::TokenIn(w.TakeMail().at(0));
  w.clock.Advance(std::chrono::hours(23));
  ASSERT_TRUE(w.registration.VerifyEmail(fresh));
  EXPECT_EQ(w.registration.VerifyEmail(fresh).error().type, "invalid-token");
}

TEST_F(RegistrationTest, ARegisteredEmailGetsTheSameAnswerAndItsOwnerANote) {
  const User owner = w.AddUser("owner@example.org");
  ASSERT_TRUE(w.registration.SignUp(Form("OWNER@example.org")));
  const auto mail = w.TakeMail();
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].kind, "already-registered");
  EXPECT_EQ(mail[0].text.find("token="), std::string::npos);
  EXPECT_EQ((*w.users.FindById(owner.id))->password_hash, owner.password_hash);
}

TEST_F(RegistrationTest, BadFieldsAreReportedTogetherAndNothingIsSent) {
  auto bad = w.registration.SignUp({"nope", "short", "", Role::kLearner, "Nowhere/City", "XX"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 5u);
  EXPECT_TRUE(w.TakeMail().empty());
}

TEST_F(RegistrationTest, ResendingForAVerifiedOrUnknownAddressSendsNothing) {
  w.AddUser("done@example.org");
  ASSERT_TRUE(w.registration.ResendVerification("done@example.org"));
  ASSERT_TRUE(w.registration.ResendVerification("nobody@example.org"));
  EXPECT_TRUE(w.TakeMail().empty());
}

}  // namespace
}  // namespace securebase::domain
