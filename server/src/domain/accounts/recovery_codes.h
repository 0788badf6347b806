// One-time recovery codes: the way back in when the phone with the
// authenticator app is lost. Ten are shown once, at enrolment; only
// HashToken(NormalizeRecoveryCode(code)) is stored, and each works once.
//
// A code is ten characters in two groups of five ("7kq4m-x2p9r") from 31
// lowercase letters and digits that cannot be mistaken for one another (no
// 0/o, 1/l/i), about 49.5 bits of randomness: far more than an attacker can
// try online, where sign-in attempts are limited.
//
// Thread-safety: pure functions, safe from any thread (libsodium must be
// initialised: InitRandom).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace securebase::domain {

inline constexpr int kRecoveryCodeCount = 10;

// `count` distinct new codes, formatted for reading ("xxxxx-xxxxx").
std::vector<std::string> NewRecoveryCodes(int count = kRecoveryCodeCount);

// The form that is hashed and compared: lowercase, without spaces, tabs,
// line breaks or dashes, so that "7KQ4M X2P9R" matches "7kq4m-x2p9r".
// Other characters are kept (and then simply match no code).
std::string NormalizeRecoveryCode(std::string_view input);

}  // namespace securebase::domain
