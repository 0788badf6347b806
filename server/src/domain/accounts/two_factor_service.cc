#include "domain/accounts/two_factor_service.h"

#include <algorithm>

#include "common/hex.h"
#include "domain/accounts/recovery_codes.h"
#include "domain/accounts/totp.h"
#include "domain/accounts/two_factor_sealing.h"

namespace securebase::domain {
namespace {

std::unexpected<Error> NotEnrolled() {
  return Refuse(ErrorCode::kConflict, "no-enrollment",
                "Two-factor sign-in is not set up for this account yet.");
}

}  // namespace

std::unexpected<Error> InvalidCode() {
  return Refuse(ErrorCode::kInvalidArgument, "invalid-code",
                "That code didn't work. Codes change every 30 seconds: please enter the one your "
                "app shows now.");
}

Result<Enrollment> TwoFactorService::Enroll(const Session& session,
                                            std::string_view current_password,
                                            std::string_view address) {
  auto user = parts_.users.FindById(session.user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  if (auto ok = login_.Reauthenticate(**user, current_password, address, "current_password"); !ok)
    return std::unexpected(ok.error());
  const std::string secret = NewTotpSecret();
  auto sealed = box_.Seal(secret, TwoFactorSecretAd(session.user_id));
  if (!sealed) return std::unexpected(sealed.error());
  Enrollment out;
  out.secret = Base32Encode(secret);
  out.otpauth_uri = OtpauthUri(issuer_, (*user)->email, secret);
  out.recovery_codes = NewRecoveryCodes();
  std::vector<std::string> hashes;
  for (const auto& code : out.recovery_codes)
    hashes.push_back(RecoveryCodeHash(session.user_id, code));
  TwoFactorEnrollment e;
  e.user_id = session.user_id;
  e.sealed_secret = ToHex(*sealed);
  e.created_at = parts_.clock.Now();
  if (auto ok = repo_.BeginEnrollment(e, hashes); !ok) {
    if (ok.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "Two-factor sign-in is already set up for this account.");
    }
    return std::unexpected(ok.error());
  }
  return out;
}

Result<std::string> TwoFactorService::OpenSecret(const TwoFactorEnrollment& enrollment) {
  auto sealed = FromHex(enrollment.sealed_secret);
  if (!sealed) return Internal("A stored two-factor secret is not hex.");
  return box_.Open(*sealed, TwoFactorSecretAd(enrollment.user_id));
}

Result<StartedSession> TwoFactorService::Confirm(const Session& session, std::string_view code,
                                                 std::string_view address) {
  const auto keys = CodeKeys(session.user_id, address);
  if (auto ok = parts_.throttle.Check(keys); !ok) return std::unexpected(ok.error());
  auto found = repo_.Find(session.user_id);
  if (!found) return std::unexpected(found.error());
  if (!*found) {
    return Refuse(ErrorCode::kConflict, "no-enrollment",
                  "Please start setting up two-factor sign-in again.");
  }
  if ((*found)->confirmed_at) {
    return Fail(ErrorCode::kConflict, "Two-factor sign-in is already set up for this account.");
  }
  auto secret = OpenSecret(**found);
  if (!secret) return std::unexpected(secret.error());
  const Instant now = parts_.clock.Now();
  const auto step = MatchTotp(*secret, code, now, (*found)->last_used_step);
  if (!step) {
    if (auto ok = parts_.throttle.RecordFailure(keys); !ok) return std::unexpected(ok.error());
    return InvalidCode();
  }
  if (auto ok = repo_.Confirm(session.user_id, now, *step); !ok) return std::unexpected(ok.error());
  (void)parts_.throttle.Clear(keys.front());
  auto user = parts_.users.FindById(session.user_id);
  if (!user) return std::unexpected(user.error());
  if (*user) {
    if (auto ok = parts_.outbox.Enqueue(
            parts_.mail.TwoFactorTurnedOn((*user)->email, (*user)->display_name));
        !ok)
      return std::unexpected(ok.error());
  }
  return parts_.sessions.Renew(session, TwoFactorState::kPassed);
}

Result<StartedSession> TwoFactorService::Verify(const Session& session, std::string_view code,
                                                std::string_view address) {
  const auto keys = CodeKeys(session.user_id, address);
  if (auto ok = parts_.throttle.Check(keys); !ok) return std::unexpected(ok.error());
  auto found = repo_.Find(session.user_id);
  if (!found) return std::unexpected(found.error());
  if (!*found || !(*found)->confirmed_at) return NotEnrolled();
  bool passed = false;
  bool by_recovery_code = false;
  if (LooksLikeTotpCode(code)) {
    auto secret = OpenSecret(**found);
    if (!secret) return std::unexpected(secret.error());
    if (const auto step = MatchTotp(*secret, code, parts_.clock.Now(), (*found)->last_used_step)) {
      // Two requests racing with one code: the store lets only one through.
      auto fresh = repo_.UseStep(session.user_id, *step);
      if (!fresh) return std::unexpected(fresh.error());
      passed = *fresh;
    }
  } else if (!code.empty() && code.size() <= 64) {
    auto used = repo_.UseRecoveryCode(session.user_id, RecoveryCodeHash(session.user_id, code),
                                      parts_.clock.Now());
    if (!used) return std::unexpected(used.error());
    passed = by_recovery_code = *used;
  }
  if (!passed) {
    if (auto ok = parts_.throttle.RecordFailure(keys); !ok) return std::unexpected(ok.error());
    return InvalidCode();
  }
  (void)parts_.throttle.Clear(keys.front());
  if (by_recovery_code) {
    // The owner hears at once, with the count left: if it was not them,
    // this mail is how they find out.
    auto user = parts_.users.FindById(session.user_id);
    if (!user) return std::unexpected(user.error());
    auto left = repo_.RecoveryCodesLeft(session.user_id);
    if (!left) return std::unexpected(left.error());
    if (*user) {
      if (auto ok = parts_.outbox.Enqueue(
              parts_.mail.RecoveryCodeUsed((*user)->email, (*user)->display_name, *left));
          !ok)
        return std::unexpected(ok.error());
    }
  }
  return parts_.sessions.Renew(session, TwoFactorState::kPassed);
}

Result<std::vector<std::string>> TwoFactorService::RenewRecoveryCodes(
    const Session& session, std::string_view current_password, std::string_view address) {
  auto user = parts_.users.FindById(session.user_id);
  if (!user) return std::unexpected(user.error());
  if (!*user) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  if (auto ok = login_.Reauthenticate(**user, current_password, address, "current_password"); !ok)
    return std::unexpected(ok.error());
  std::vector<std::string> codes = NewRecoveryCodes();
  std::vector<std::string> hashes;
  for (const auto& code : codes) hashes.push_back(RecoveryCodeHash(session.user_id, code));
  if (auto ok = repo_.ReplaceRecoveryCodes(session.user_id, hashes); !ok) {
    if (ok.error().code == ErrorCode::kNotFound) return NotEnrolled();
    return std::unexpected(ok.error());
  }
  if (auto ok = parts_.outbox.Enqueue(
          parts_.mail.RecoveryCodesRenewed((*user)->email, (*user)->display_name));
      !ok)
    return std::unexpected(ok.error());
  return codes;
}

Result<TwoFactorStatus> TwoFactorService::StatusFor(std::string_view user_id) {
  auto found = repo_.Find(user_id);
  if (!found) return std::unexpected(found.error());
  TwoFactorStatus status;
  status.enrolled = *found && (*found)->confirmed_at.has_value();
  if (status.enrolled) {
    auto left = repo_.RecoveryCodesLeft(user_id);
    if (!left) return std::unexpected(left.error());
    status.recovery_codes_left = *left;
  }
  return status;
}

}  // namespace securebase::domain
