#include "jobs/mail_setup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "jobs/eml_mailer.h"
#include "jobs/smtp_mailer.h"

namespace securebase::jobs {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MakeMailer, WritesFilesWhenThereIsNoSmtpServer) {
  SystemClock clock;
  MailSettings settings{"Secure Base <no-reply@localhost>", "", "", "", "", true, "/srv/data/mail"};
  const auto mailer = MakeMailer(settings, clock);
  ASSERT_TRUE(mailer) << mailer.error().message;
  const auto* eml = dynamic_cast<const EmlMailer*>(mailer->get());
  ASSERT_NE(eml, nullptr);
  EXPECT_EQ(eml->dir(), "/srv/data/mail");
}

TEST(MakeMailer, SendsBySmtpWhenAUrlIsSetAndWarnsAboutPlainText) {
  SystemClock clock;
  MailSettings settings{"no-reply@example.org", "smtp://mail.example.org:587", "", "", "", true,
                        "/srv/data/mail"};
  auto mailer = MakeMailer(settings, clock);
  ASSERT_TRUE(mailer) << mailer.error().message;
  EXPECT_NE(dynamic_cast<const SmtpMailer*>(mailer->get()), nullptr);

  settings.smtp_starttls = false;
  settings.smtp_url = "smtp://user:hunter2@127.0.0.1:25";
  ::testing::internal::CaptureStderr();
  mailer = MakeMailer(settings, clock);
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(mailer);
  EXPECT_THAT(log, HasSubstr("mail_unencrypted"));
  EXPECT_THAT(log, Not(HasSubstr("hunter2")));
}

TEST(MakeMailer, BadSettingsStopStartUpNamingTheSetting) {
  SystemClock clock;
  MailSettings settings{"not an address", "", "", "", "", true, "/srv/data/mail"};
  auto mailer = MakeMailer(settings, clock);
  ASSERT_FALSE(mailer);
  EXPECT_THAT(mailer.error().message, HasSubstr("mail.from"));
  settings.from = "no-reply@example.org";
  settings.smtp_url = "smtp://mail.example.org:25";
  settings.smtp_starttls = false;
  settings.smtp_username = "sb";
  settings.smtp_password = "secret";
  mailer = MakeMailer(settings, clock);
  ASSERT_FALSE(mailer);
  EXPECT_THAT(mailer.error().message, HasSubstr("encrypted"));
}

}  // namespace
}  // namespace securebase::jobs
