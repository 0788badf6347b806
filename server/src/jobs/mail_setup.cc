#include "jobs/mail_setup.h"

#include "common/log.h"
#include "jobs/eml_mailer.h"
#include "jobs/smtp_mailer.h"

namespace securebase::jobs {

Result<std::unique_ptr<domain::Mailer>> MakeMailer(const MailSettings& settings,
                                                   const Clock& clock) {
  auto from = ParseMailbox(settings.from);
  if (!from) return InvalidArgument("mail.from " + from.error().message);
  if (settings.smtp_url.empty()) {
    Log(LogLevel::kInfo, "mail_to_files", {{"dir", settings.eml_dir.string()}});
    return std::make_unique<EmlMailer>(settings.eml_dir, *from, clock);
  }
  SmtpOptions options;
  options.url = settings.smtp_url;
  options.starttls = settings.smtp_starttls;
  options.username = settings.smtp_username;
  options.password = settings.smtp_password;
  options.ca_file = settings.smtp_ca_file;
  options.from = *from;
  auto mailer = SmtpMailer::Create(std::move(options), clock);
  if (!mailer) return std::unexpected(mailer.error());
  // The URL is not logged: an operator may have written a password into it.
  Log(LogLevel::kInfo, "mail_to_smtp", {{"encrypted", !(*mailer)->plaintext()}});
  if ((*mailer)->plaintext()) {
    Log(LogLevel::kWarn, "mail_unencrypted",
        {{"message", "mail.smtp_starttls is false: mail leaves this server unencrypted"}});
  }
  return std::unique_ptr<domain::Mailer>(std::move(*mailer));
}

}  // namespace securebase::jobs
