#include "domain/accounts/email_change.h"

#include "common/token_hash.h"
#include "domain/accounts/account_rules.h"

namespace securebase::domain {

Status EmailChange::Request(std::string_view user_id, std::string_view password,
                            std::string_view new_email, std::string_view address) {
  auto user = parts_.users.FindById(user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  const User& u = **user;
  auto normalized = NormalizeEmail(new_email);
  if (!normalized) {
    auto e = normalized.error();
    for (auto& f : e.fields) f.field = "new_email";
    return std::unexpected(e);
  }
  if (*normalized == u.email) {
    return InvalidArgument("That is already your email address.",
                           {{"new_email", "is already your email address"}});
  }
  if (auto ok = login_.Reauthenticate(u, password, address, "password"); !ok) return ok;

  auto owner = parts_.users.FindByEmail(*normalized);
  if (!owner) return std::unexpected(owner.error());
  if (*owner) return parts_.outbox.Enqueue(parts_.mail.NewEmailTaken(*normalized));

  auto token = IssueToken(parts_, TokenPurpose::kChangeEmail, u.id, *normalized);
  if (!token) return std::unexpected(token.error());
  if (auto ok = parts_.outbox.Enqueue(parts_.mail.ConfirmNewEmail(*normalized, u.display_name,
                                                                  *token));
      !ok)
    return ok;
  return parts_.outbox.Enqueue(parts_.mail.EmailChangeRequested(u.email, u.display_name));
}

Result<std::string> EmailChange::Confirm(std::string_view token, SecurityEvents& events) {
  if (token.empty()) return InvalidToken();
  const Instant now = parts_.clock.Now();
  auto used = parts_.tokens.Consume(HashToken(token), TokenPurpose::kChangeEmail, now);
  if (!used) return std::unexpected(used.error());
  if (!*used) return InvalidToken();
  auto user = parts_.users.FindById((*used)->user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return InvalidToken();
  User& u = **user;
  u.email = (*used)->new_email;
  u.email_verified_at = now;
  u.updated_at = now;
  if (auto ok = parts_.users.Update(u); !ok) {
    // Someone else took the address since the link was sent.
    if (ok.error().code == ErrorCode::kConflict) return InvalidToken();
    return std::unexpected(ok.error());
  }
  events.Record(SecurityEvent::kEmailChanged, u.id);
  return u.email;
}

}  // namespace securebase::domain
