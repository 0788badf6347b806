// One-time recovery codes: the way back in when the phone with the
// authenticator app is lost. Ten are shown once, at enrolment or renewal;
// only a hash of NormalizeRecoveryCode(code) is stored, and each works once.
//
// A code is 24 characters in six groups of four ("7kq4-mx2p-9rbc-t8wd-
// h3na-5fgy") from 31 lowercase letters and digits that cannot be mistaken
// for one another (no 0/o, 1/l/i): 24 × log2(31) ≈ 118.9 bits from
// libsodium's generator. The stored hash is a fast one (BLAKE2b), so the
// codes themselves must be too many to search even with a stolen copy of
// the database: ASVS 5.0 asks at least 112 bits of a lookup secret kept
// under a fast hash.
//
// Codes issued before (ten characters, "7kq4m-x2p9r", about 49.5 bits) are
// normalised and hashed the same way, so they keep working until used or
// renewed.
//
// Thread-safety: pure functions, safe from any thread (libsodium must be
// initialised: InitRandom).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace securebase::domain {

inline constexpr int kRecoveryCodeCount = 10;

inline constexpr int kRecoveryCodeGroups = 6;
inline constexpr int kRecoveryCodeGroupLength = 4;

// `count` distinct new codes, formatted for reading ("xxxx-xxxx-…-xxxx").
std::vector<std::string> NewRecoveryCodes(int count = kRecoveryCodeCount);

// The form that is hashed and compared: lowercase, without spaces, tabs,
// line breaks or dashes, so that "7KQ4M X2P9R" matches "7kq4m-x2p9r".
// Other characters are kept (and then simply match no code).
std::string NormalizeRecoveryCode(std::string_view input);

// What is stored for a code: HashToken("<user id>:<normalised code>"). The
// account's id is mixed in so one guess cannot be checked against every
// account's codes at once. This form is what databases hold today: changing
// it would lock out everyone's unused codes.
std::string RecoveryCodeHash(std::string_view user_id, std::string_view code);

}  // namespace securebase::domain
