#include "domain/accounts/account_mail.h"

#include <fmt/format.h>

#include "common/random.h"

namespace securebase::domain {
namespace {

// Said at the end of every account mail: why they got it, and that nobody
// from the practice will ever ask for their password.
constexpr std::string_view kFooter =
    "\n\nWarmly,\nSecure Base\n\n"
    "You are receiving this because this address was entered on Secure Base. "
    "We will never ask you for your password by email.\n"
    "If you are struggling right now, the \"Need help now\" button on every page of the site "
    "lists people you can talk to today.\n";

std::string Greeting(std::string_view name) {
  return name.empty() ? std::string("Hello,") : fmt::format("Hello {},", name);
}

}  // namespace

AccountMail::AccountMail(std::string site_url, const Clock& clock)
    : site_url_(std::move(site_url)), clock_(clock) {
  while (!site_url_.empty() && site_url_.back() == '/') site_url_.pop_back();
}

OutgoingMail AccountMail::Compose(std::string_view to, std::string_view kind, std::string subject,
                                  std::string text) const {
  OutgoingMail mail;
  mail.id = NewId();
  mail.to = std::string(to);
  mail.kind = std::string(kind);
  mail.subject = std::move(subject);
  mail.text = std::move(text).append(kFooter);
  mail.created_at = clock_.Now();
  return mail;
}

OutgoingMail AccountMail::VerifyEmail(std::string_view to, std::string_view name,
                                      std::string_view token) const {
  return Compose(to, "verify-email", "Please confirm your email for Secure Base",
                 fmt::format("{}\n\n"
                             "Thank you for joining Secure Base. To finish setting up your "
                             "account, please confirm that this is your email address:\n\n"
                             "{}/verify?token={}\n\n"
                             "The link works once and for 24 hours. If you did not sign up, "
                             "you can ignore this message and nothing more will happen.",
                             Greeting(name), site_url_, token));
}

OutgoingMail AccountMail::AlreadyRegistered(std::string_view to, std::string_view name) const {
  return Compose(to, "already-registered", "Someone tried to sign up with your email",
                 fmt::format("{}\n\n"
                             "Someone (perhaps you) tried to create a Secure Base account with "
                             "this address, but it already has one. Nothing has changed.\n\n"
                             "To log in: {}/login\n"
                             "If you have forgotten your password: {}/forgot-password\n\n"
                             "If this was not you, you can ignore this message.",
                             Greeting(name), site_url_, site_url_));
}

OutgoingMail AccountMail::ResetPassword(std::string_view to, std::string_view name,
                                        std::string_view token) const {
  return Compose(to, "password-reset", "Choose a new password for Secure Base",
                 fmt::format("{}\n\n"
                             "We received a request to choose a new password for your account. "
                             "You can do that here:\n\n"
                             "{}/reset-password?token={}\n\n"
                             "The link works once and for one hour. Choosing a new password "
                             "signs you out everywhere else.\n\n"
                             "If you did not ask for this, you can ignore this message: your "
                             "password stays as it is.",
                             Greeting(name), site_url_, token));
}

OutgoingMail AccountMail::PasswordChanged(std::string_view to, std::string_view name) const {
  return Compose(to, "password-changed", "Your Secure Base password was changed",
                 fmt::format("{}\n\n"
                             "The password for your Secure Base account was just changed, and "
                             "other devices were signed out.\n\n"
                             "If that was you, there is nothing more to do. If it was not, "
                             "please choose a new password straight away: "
                             "{}/forgot-password",
                             Greeting(name), site_url_));
}

OutgoingMail AccountMail::ConfirmNewEmail(std::string_view to, std::string_view name,
                                          std::string_view token) const {
  return Compose(to, "confirm-email", "Please confirm your new email for Secure Base",
                 fmt::format("{}\n\n"
                             "You asked to use this address for your Secure Base account. "
                             "Please confirm it here:\n\n"
                             "{}/confirm-email?token={}\n\n"
                             "The link works once and for 24 hours. Until then, your account "
                             "keeps its current address.",
                             Greeting(name), site_url_, token));
}

OutgoingMail AccountMail::NewEmailTaken(std::string_view to) const {
  return Compose(to, "email-taken", "About your Secure Base email",
                 fmt::format("Hello,\n\n"
                             "Someone asked to move their Secure Base account to this address, "
                             "but it already belongs to an account, so nothing has changed.\n\n"
                             "If this was you, you can log in with this address instead: "
                             "{}/login",
                             site_url_));
}

OutgoingMail AccountMail::EmailChangeRequested(std::string_view to, std::string_view name) const {
  return Compose(to, "email-change-requested", "A new email was requested for your account",
                 fmt::format("{}\n\n"
                             "Someone signed in to your Secure Base account asked to change its "
                             "email address. The change happens only once the new address is "
                             "confirmed.\n\n"
                             "If that was not you, please choose a new password now: "
                             "{}/forgot-password",
                             Greeting(name), site_url_));
}

OutgoingMail AccountMail::TwoFactorTurnedOn(std::string_view to, std::string_view name) const {
  return Compose(to, "two-factor-on", "Two-factor sign-in is now on",
                 fmt::format("{}\n\n"
                             "Two-factor sign-in was just turned on for your Secure Base "
                             "account. From now on, logging in asks for a code from your "
                             "authenticator app as well as your password.\n\n"
                             "Please keep your recovery codes somewhere safe and private: each "
                             "one lets you in once if your phone is lost or not to hand.\n\n"
                             "If this was not you, please choose a new password straight away "
                             "({}/forgot-password) and let the practice know.",
                             Greeting(name), site_url_));
}

OutgoingMail AccountMail::TwoFactorTurnedOff(std::string_view to, std::string_view name) const {
  return Compose(to, "two-factor-off", "Two-factor sign-in was turned off",
                 fmt::format("{}\n\n"
                             "Two-factor sign-in was turned off for your Secure Base account by "
                             "the person who looks after the site, and you were signed out on "
                             "every device. This is usually done for someone who has lost their "
                             "phone and their recovery codes.\n\n"
                             "When you next log in, please set it up again with your "
                             "authenticator app: {}/account/two-factor\n\n"
                             "If you did not ask for this, please choose a new password straight "
                             "away ({}/forgot-password) and let the practice know.",
                             Greeting(name), site_url_, site_url_));
}

OutgoingMail AccountMail::RecoveryCodeUsed(std::string_view to, std::string_view name,
                                           long left) const {
  std::string count;
  if (left <= 0) {
    count = "You have no recovery codes left, so please make a new set once you are in.";
  } else if (left == 1) {
    count = "You have 1 recovery code left, so now is a good time to make a new set.";
  } else if (left <= 3) {
    count = fmt::format("You have {} recovery codes left, so now is a good time to make a new set.",
                        left);
  } else {
    count = fmt::format("You have {} recovery codes left.", left);
  }
  return Compose(to, "recovery-code-used", "A recovery code was used to log in",
                 fmt::format("{}\n\n"
                             "One of your recovery codes was just used to log in to your Secure "
                             "Base account. Each code works once. {}\n\n"
                             "If this was you, you can make a new set of codes on your "
                             "two-factor page: {}/account/two-factor\n\n"
                             "If it was not you, someone may know your password and have one of "
                             "your codes. Please choose a new password straight away "
                             "({}/forgot-password), then make new recovery codes: the old ones "
                             "stop working at once.",
                             Greeting(name), count, site_url_, site_url_));
}

OutgoingMail AccountMail::RecoveryCodesRenewed(std::string_view to, std::string_view name) const {
  return Compose(to, "recovery-codes-renewed", "You have new recovery codes",
                 fmt::format("{}\n\n"
                             "A new set of recovery codes was just made for your Secure Base "
                             "account. The codes you had before no longer work.\n\n"
                             "If this was you, there is nothing more to do: keep the new codes "
                             "somewhere safe and private. If it was not you, please choose a new "
                             "password straight away: {}/forgot-password",
                             Greeting(name), site_url_));
}

}  // namespace securebase::domain
