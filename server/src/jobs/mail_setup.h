// Choosing the mailer from the settings, for `serve`: without an SMTP URL
// mail is written as .eml files (EmlMailer), otherwise sent by SmtpMailer.
// Errors name the setting to fix and stop start-up; a plain-text SMTP
// connection (mail.smtp_starttls = false) is allowed but logged as a
// warning at start.
//
// Thread-safety: call once at start.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/clock.h"
#include "domain/notify/mailer.h"

namespace securebase::jobs {

// The mail.* settings (see app/config.h).
struct MailSettings {
  std::string from;
  std::string smtp_url;  // empty: .eml files in eml_dir
  std::string smtp_username;
  std::string smtp_password;
  std::string smtp_ca_file;
  bool smtp_starttls = true;
  std::filesystem::path eml_dir;  // <data_dir>/mail
};

Result<std::unique_ptr<domain::Mailer>> MakeMailer(const MailSettings& settings,
                                                   const Clock& clock);

}  // namespace securebase::jobs
