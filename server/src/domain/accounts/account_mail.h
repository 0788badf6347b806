// The mail that accounts send: what each message says, in one place. Links
// point at the web app under the site's public address (http.public_url).
//
// Thread-safety: immutable after construction.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.h"
#include "domain/notify/outgoing_mail.h"

namespace securebase::domain {

class AccountMail {
 public:
  AccountMail(std::string site_url, const Clock& clock);

  OutgoingMail VerifyEmail(std::string_view to, std::string_view name,
                           std::string_view token) const;
  // To the owner of an address someone tried to sign up with again.
  OutgoingMail AlreadyRegistered(std::string_view to, std::string_view name) const;
  OutgoingMail ResetPassword(std::string_view to, std::string_view name,
                             std::string_view token) const;
  OutgoingMail PasswordChanged(std::string_view to, std::string_view name) const;
  // To the new address: confirm it.
  OutgoingMail ConfirmNewEmail(std::string_view to, std::string_view name,
                               std::string_view token) const;
  // To the new address when it already belongs to another account.
  OutgoingMail NewEmailTaken(std::string_view to) const;
  // To the old address: a change was asked for.
  OutgoingMail EmailChangeRequested(std::string_view to, std::string_view name) const;

  // Two-factor sign-in (none of these carries a code or a secret).
  OutgoingMail TwoFactorTurnedOn(std::string_view to, std::string_view name) const;
  // Turned off by the operator (securebase user reset-two-factor).
  OutgoingMail TwoFactorTurnedOff(std::string_view to, std::string_view name) const;
  // A recovery code let someone in; `left` unused codes remain.
  OutgoingMail RecoveryCodeUsed(std::string_view to, std::string_view name, long left) const;
  OutgoingMail RecoveryCodesRenewed(std::string_view to, std::string_view name) const;

  const std::string& site_url() const { return site_url_; }

 private:
  OutgoingMail Compose(std::string_view to, std::string_view kind, std::string subject,
                       std::string text) const;

  std::string site_url_;  // no trailing slash
  const Clock& clock_;
};

}  // namespace securebase::domain
