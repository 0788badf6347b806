#include "domain/accounts/passwords.h"

#include "common/token_hash.h"
#include "domain/accounts/account_rules.h"

namespace securebase::domain {
namespace {

// The password rules' errors name "password"; other forms call it otherwise.
Status CheckNewPasswordAs(std::string_view password, std::string_view field) {
  auto ok = CheckNewPassword(password);
  if (ok) return ok;
  for (auto& f : ok.error().fields) f.field = std::string(field);
  return ok;
}

}  // namespace

Status Passwords::Forgot(std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return std::unexpected(normalized.error());
  auto user = parts_.users.FindByEmail(*normalized);
  if (!user) return std::unexpected(user.error());
  if (!*user) return {};
  auto token = IssueToken(parts_, TokenPurpose::kResetPassword, (*user)->id);
  if (!token) return std::unexpected(token.error());
  return parts_.outbox.Enqueue(
      parts_.mail.ResetPassword((*user)->email, (*user)->display_name, *token));
}

Status Passwords::Reset(std::string_view token, std::string_view new_password,
                        SecurityEvents& events) {
  // The password first: a typo in it must not use up the link.
  if (auto ok = CheckNewPassword(new_password); !ok) return ok;
  if (token.empty()) return InvalidToken();
  const Instant now = parts_.clock.Now();
  auto used = parts_.tokens.Consume(HashToken(token), TokenPurpose::kResetPassword, now);
  if (!used) return std::unexpected(used.error());
  if (!*used) return InvalidToken();
  auto user = parts_.users.FindById((*used)->user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return InvalidToken();
  auto hash = parts_.hasher.Hash(new_password);
  if (!hash) return std::unexpected(hash.error());
  User& u = **user;
  u.password_hash = std::move(*hash);
  // Following a link from the mail proves the address is theirs.
  if (!u.email_verified_at) u.email_verified_at = now;
  u.updated_at = now;
  if (auto ok = parts_.users.Update(u); !ok) return ok;
  if (auto ok = parts_.tokens.ConsumeAllFor(u.id, TokenPurpose::kResetPassword, now); !ok)
    return ok;
  if (auto ok = parts_.sessions.EndAllFor(u.id); !ok) return ok;
  events.Record(SecurityEvent::kPasswordReset, u.id);
  (void)parts_.throttle.Clear(LoginKeys(u.email, {}).front());
  return parts_.outbox.Enqueue(parts_.mail.PasswordChanged(u.email, u.display_name));
}

Result<StartedSession> Passwords::Change(const Session& session,
                                         std::string_view current_password,
                                         std::string_view new_password,
                                         std::string_view address) {
  auto user = parts_.users.FindById(session.user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  User& u = **user;
  if (auto ok = login_.Reauthenticate(u, current_password, address, "current_password"); !ok)
    return std::unexpected(ok.error());
  if (auto ok = CheckNewPasswordAs(new_password, "new_password"); !ok)
    return std::unexpected(ok.error());
  auto hash = parts_.hasher.Hash(new_password);
  if (!hash) return std::unexpected(hash.error());
  u.password_hash = std::move(*hash);
  u.updated_at = parts_.clock.Now();
  if (auto ok = parts_.users.Update(u); !ok) return std::unexpected(ok.error());
  if (auto ok = parts_.sessions.EndAllFor(u.id); !ok) return std::unexpected(ok.error());
  auto started = parts_.sessions.Start(u, session.two_factor);
  if (!started) return started;
  if (auto ok = parts_.outbox.Enqueue(parts_.mail.PasswordChanged(u.email, u.display_name)); !ok)
    return std::unexpected(ok.error());
  return started;
}

}  // namespace securebase::domain
