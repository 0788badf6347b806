// Time-based one-time passwords (RFC 6238) for two-factor sign-in: the
// secret an authenticator app is given, the otpauth:// URI its QR code
// carries, and the check of a code the person types.
//
// Codes are HMAC-SHA1, 6 digits, 30-second steps from the Unix epoch: the
// only combination every authenticator app supports. A code is accepted for
// the step before and after the current one (clocks on phones drift), and
// only for a step later than the last one used, so that a code seen over
// someone's shoulder cannot be used a second time.
//
// Thread-safety: pure functions, safe from any thread (liboath is
// initialised once, behind std::call_once; libsodium must be initialised:
// InitRandom).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace securebase::domain {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpPeriodSeconds = 30;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation

// A new shared secret: kTotpSecretBytes random bytes (binary, not text).
std::string NewTotpSecret();

// RFC 4648 base32, uppercase, without '=' padding: the form authenticator
// apps expect in the secret= parameter and for typing in by hand.
std::string Base32Encode(std::string_view bytes);

// otpauth://totp/<Issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
// with issuer and account percent-encoded (RFC 3986 unreserved characters
// stay as they are; a space becomes %20).
std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_bytes);

// The 30-second step `now` falls in (floor division, also before 1970).
std::int64_t TotpStep(Instant now);

// The code for one step, with leading zeros kept. `digits` may be 6, 7 or 8
// (what HOTP defines); any other value, or an empty secret, gives "".
std::string TotpCode(std::string_view secret_bytes, std::int64_t step, int digits = kTotpDigits);

// Is `code` shaped like an authenticator's code: six digits, spaces
// ignored ("123 456")? Anything else a person types at the code prompt is
// taken for a recovery code.
bool LooksLikeTotpCode(std::string_view code);

// The step whose code `code` is, if it is one of the steps before, at or
// after now's and later than `last_used_step`; the caller stores the
// returned step as the new last_used_step (0 before the first sign-in
// after enrolment: every real step is later). Spaces in `code` are ignored
// ("123 456"); anything other than exactly six digits never matches.
// Compares in constant time. When two steps in the window share a code
// (one in a million), the later step is returned, which refuses more replays.
std::optional<std::int64_t> MatchTotp(std::string_view secret_bytes, std::string_view code,
                                      Instant now, std::int64_t last_used_step);

}  // namespace securebase::domain
