#include "domain/accounts/login.h"

#include <algorithm>

#include "domain/accounts/account_rules.h"

namespace securebase::domain {

std::unexpected<Error> InvalidCredentials() {
  return Refuse(ErrorCode::kUnauthenticated, "invalid-credentials",
                "That email and password don't match an account. Please check them and try "
                "again.");
}

Login::Login(const AccountParts& parts, TwoFactorRepository& two_factor)
    : parts_(parts), two_factor_(two_factor) {
  auto hash = parts_.hasher.Hash("a stand-in password that no account has");
  if (hash) stand_in_hash_ = std::move(*hash);
}

Result<LoginResult> Login::LogIn(std::string_view email, std::string_view password,
                                 std::string_view address, std::string_view earlier_token,
                                 SecurityEvents& events) {
  // An address that is not an email cannot have an account; it is still
  // throttled and hashed like any other, so it answers in the same time.
  const std::string normalized = NormalizeEmail(email).value_or(std::string(email));
  const auto keys = LoginKeys(normalized, address);
  // The account first (one indexed read either way), so that a wait or a
  // failure can name it in the security log.
  auto found = parts_.users.FindByEmail(normalized);
  if (!found) return std::unexpected(found.error());
  const bool known = found->has_value();
  const std::string account_id = known ? (*found)->id : std::string();
  if (auto ok = parts_.throttle.Check(keys); !ok) {
    if (ok.error().code == ErrorCode::kTooManyRequests)
      events.Record(SecurityEvent::kLoginThrottled, account_id);
    return std::unexpected(ok.error());
  }

  const std::string_view hash =
      known ? std::string_view((*found)->password_hash) : std::string_view(stand_in_hash_);
  const bool matches = parts_.hasher.Verify(hash, password);
  if (!known || !matches) {
    events.Record(SecurityEvent::kLoginFailed, account_id);
    if (auto ok = parts_.throttle.RecordFailure(keys); !ok) return std::unexpected(ok.error());
    return InvalidCredentials();
  }
  User user = std::move(**found);
  if (auto ok = parts_.throttle.Clear(keys.front()); !ok) return std::unexpected(ok.error());

  // Parameters rose since this hash was made: store a stronger one now,
  // while we have the password. A failure here must not stop the log-in.
  if (parts_.hasher.NeedsRehash(user.password_hash)) {
    if (auto rehashed = parts_.hasher.Hash(password)) {
      user.password_hash = std::move(*rehashed);
      user.updated_at = parts_.clock.Now();
      (void)parts_.users.Update(user);
    }
  }

  if (!user.email_verified_at) {
    auto token = IssueToken(parts_, TokenPurpose::kVerifyEmail, user.id);
    if (!token) return std::unexpected(token.error());
    if (auto ok =
            parts_.outbox.Enqueue(parts_.mail.VerifyEmail(user.email, user.display_name, *token));
        !ok)
      return std::unexpected(ok.error());
    return Refuse(ErrorCode::kPermissionDenied, "email-not-verified",
                  "Please confirm your email address first. We have just sent you a new link.");
  }

  auto state = InitialTwoFactor(user);
  if (!state) return std::unexpected(state.error());
  // The earlier session ends before the new one starts: if ending it fails,
  // the log-in fails too rather than leave two sessions in one browser.
  if (auto ok = EndEarlierSession(earlier_token, user, events); !ok)
    return std::unexpected(ok.error());
  auto started = parts_.sessions.Start(user, *state);
  if (!started) return std::unexpected(started.error());
  return LoginResult{std::move(user), std::move(*started)};
}

Status Login::EndEarlierSession(std::string_view earlier_token, const User& user,
                                SecurityEvents& events) {
  if (earlier_token.empty()) return {};
  auto ended = parts_.sessions.EndByToken(earlier_token);
  if (!ended) return std::unexpected(ended.error());
  // Someone else's session ended by this log-in is worth a line for them;
  // the same person logging in again is not news.
  if (*ended && (*ended)->user_id != user.id)
    events.Record(SecurityEvent::kSessionReplaced, (*ended)->user_id);
  return {};
}

Result<TwoFactorState> Login::InitialTwoFactor(const User& user) {
  auto enrollment = two_factor_.Find(user.id);
  if (!enrollment) return std::unexpected(enrollment.error());
  if (*enrollment && (*enrollment)->confirmed_at) return TwoFactorState::kPending;
  if (user.role != Role::kLearner) return TwoFactorState::kEnrollmentRequired;
  return TwoFactorState::kNotRequired;
}

namespace {
// The field message of a wrong password asked again; the web app shows it
// as "Your password is not right."
constexpr std::string_view kNotRight = "is not right";
}  // namespace

Status Login::Reauthenticate(const User& user, std::string_view password, std::string_view address,
                             std::string_view field) {
  const auto keys = LoginKeys(user.email, address);
  if (auto ok = parts_.throttle.Check(keys); !ok) return ok;
  if (parts_.hasher.Verify(user.password_hash, password))
    return parts_.throttle.Clear(keys.front());
  if (auto ok = parts_.throttle.RecordFailure(keys); !ok) return ok;
  return InvalidArgument("Your current password is not right.",
                         {{std::string(field), std::string(kNotRight)}});
}

bool Login::IsWrongPasswordAgain(const Error& error) {
  return error.code == ErrorCode::kInvalidArgument &&
         std::ranges::any_of(error.fields,
                             [](const FieldError& f) { return f.message == kNotRight; });
}

}  // namespace securebase::domain
