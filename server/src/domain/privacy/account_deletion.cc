#include "domain/privacy/account_deletion.h"

#include "domain/accounts/account_rules.h"
#include "domain/accounts/login_throttle.h"
#include "domain/limits/rate_limits.h"

namespace securebase::domain {
namespace {

// Every counter that names the account: its log-in and code throttles, and
// each rate limit by id or email. Those by network address stay.
std::vector<std::string> CounterKeys(const User& user) {
  std::vector<std::string> keys = AccountCounterKeys(user.id);
  for (auto& k : AccountCounterKeys(user.email)) keys.push_back(std::move(k));
  keys.push_back(LoginKeys(user.email, "").front().key);
  keys.push_back(CodeKeys(user.id, "").front().key);
  return keys;
}

}  // namespace

Result<DeletionReport> AccountDeletion::DeleteOwn(const Session& session, std::string_view password,
                                                  std::string_view code, std::string_view address) {
  auto user = parts_.users.FindById(session.user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  if (password.empty()) {
    return InvalidArgument("Please enter your password to delete your account.",
                           {{"password", "Enter your current password."}});
  }
  auto tf = two_factor_.StatusFor(session.user_id);
  if (!tf) return std::unexpected(tf.error());
  if (tf->enrolled && code.empty()) {
    return InvalidArgument(
        "Please enter a code from your authenticator app too.",
        {{"code", "Enter a code from your authenticator app, or a recovery code."}});
  }
  if (auto ok = login_.Reauthenticate(**user, password, address, "password"); !ok) {
    return std::unexpected(ok.error());
  }
  if (tf->enrolled) {
    if (auto ok = two_factor_.Verify(session, code, address); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return Delete(**user, session.user_id);
}

Result<DeletionReport> AccountDeletion::DeleteByOperator(std::string_view email) {
  auto normalized = NormalizeEmail(email);
  if (!normalized) return std::unexpected(normalized.error());
  auto user = parts_.users.FindByEmail(*normalized);
  if (!user) return std::unexpected(user.error());
  if (!*user) return NotFound("There is no account with that email address.");
  return Delete(**user, kOperatorActor);
}

Result<DeletionReport> AccountDeletion::Delete(const User& user, std::string_view actor) {
  if (user.role != Role::kLearner) {
    return Refuse(ErrorCode::kPermissionDenied, "account-not-deletable",
                  "Only a learner's account can be deleted this way: the practitioner's and "
                  "an admin's hold the site.");
  }
  // The row first: if it cannot be written, nothing is deleted.
  const std::string detail = actor == kOperatorActor ? "by the operator" : "by the account holder";
  if (auto ok = audit_.Record(actor, audit_action::kAccountDeleted, user.id, detail); !ok) {
    return std::unexpected(ok.error());
  }
  // Signed out everywhere before the sessions are cancelled, so no browser
  // of theirs books a new one meanwhile. (Should a later step fail, they
  // log in again and ask again: each step is safe to repeat.)
  if (auto ended = parts_.sessions.EndAllFor(user.id); !ended) {
    return std::unexpected(ended.error());
  }
  DeletionReport report;
  auto cancelled = bookings_.CancelForLeavingClient(user.id);
  if (!cancelled) return std::unexpected(cancelled.error());
  report.bookings_cancelled = *cancelled;
  auto erased = eraser_.Erase({user.id, user.email, CounterKeys(user)});
  if (!erased) return std::unexpected(erased.error());
  report.bookings_kept = erased->bookings_kept;
  return report;
}

}  // namespace securebase::domain
