#include "domain/accounts/two_factor_reset.h"

#include "domain/accounts/account_rules.h"

namespace securebase::domain {

// Who the audit row names as having done it (as for account deletion by
// the operator: domain/privacy/account_deletion.h).
constexpr std::string_view kResetActor = "operator";

Result<TwoFactorResetReport> TwoFactorReset::ResetByOperator(std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return std::unexpected(normalized.error());
  auto user = parts_.users.FindByEmail(*normalized);
  if (!user) return std::unexpected(user.error());
  if (!*user) return NotFound("There is no account with that email address.");
  const User& u = **user;
  auto found = repo_.Find(u.id);
  if (!found) return std::unexpected(found.error());
  if (!*found || !(*found)->confirmed_at) return TwoFactorResetReport{};
  // The row first: if it cannot be written, nothing is reset.
  if (auto ok = audit_.Record(kResetActor, audit_action::kTwoFactorReset, u.id, "by the operator");
      !ok)
    return std::unexpected(ok.error());
  if (auto removed = repo_.Remove(u.id); !removed) return std::unexpected(removed.error());
  if (auto ended = parts_.sessions.EndAllFor(u.id); !ended) return std::unexpected(ended.error());
  if (auto ok = parts_.outbox.Enqueue(parts_.mail.TwoFactorTurnedOff(u.email, u.display_name)); !ok)
    return std::unexpected(ok.error());
  return TwoFactorResetReport{.was_on = true};
}

}  // namespace securebase::domain
