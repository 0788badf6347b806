#include "domain/accounts/registration.h"

#include "common/token_hash.h"
#include "domain/accounts/account_rules.h"

namespace securebase::domain {

Status Registration::SignUp(NewAccount input) {
  input.role = Role::kLearner;  // the practitioner comes from setup, never from sign-up
  input.email_verified = false;
  auto user = parts_.accounts.CreateAccount(input);
  if (user) return SendVerification(*user);
  if (user.error().code != ErrorCode::kConflict) return std::unexpected(user.error());
  // The address is taken: tell its owner, and answer as if all went well.
  auto email = NormalizeEmail(input.email);
  if (!email) return std::unexpected(email.error());
  auto existing = parts_.users.FindByEmail(*email);
  if (!existing) return std::unexpected(existing.error());
  if (!*existing) return {};  // deleted in between: nothing to say
  return parts_.outbox.Enqueue(
      parts_.mail.AlreadyRegistered((*existing)->email, (*existing)->display_name));
}

Status Registration::SendVerification(const User& user) {
  auto token = IssueToken(parts_, TokenPurpose::kVerifyEmail, user.id);
  if (!token) return std::unexpected(token.error());
  return parts_.outbox.Enqueue(parts_.mail.VerifyEmail(user.email, user.display_name, *token));
}

Status Registration::ResendVerification(std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return std::unexpected(normalized.error());
  auto user = parts_.users.FindByEmail(*normalized);
  if (!user) return std::unexpected(user.error());
  if (!*user || (*user)->email_verified_at) return {};
  return SendVerification(**user);
}

Status Registration::VerifyEmail(std::string_view token) {
  if (token.empty()) return InvalidToken();
  const Instant now = parts_.clock.Now();
  auto used = parts_.tokens.Consume(HashToken(token), TokenPurpose::kVerifyEmail, now);
  if (!used) return std::unexpected(used.error());
  if (!*used) return InvalidToken();
  auto user = parts_.users.FindById((*used)->user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return InvalidToken();
  if ((*user)->email_verified_at) return {};
  (*user)->email_verified_at = now;
  (*user)->updated_at = now;
  return parts_.users.Update(**user);
}

}  // namespace securebase::domain
