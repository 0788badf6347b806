// Hashing secrets that the server hands out (setup tokens now; session and
// reset tokens later) so that only their hash is stored, and comparing in
// constant time so that a comparison leaks nothing through timing.
//
// Thread-safety: pure functions (libsodium must be initialised: InitRandom).
#pragma once

#include <string>
#include <string_view>

namespace securebase {

// BLAKE2b-256 of the token as lowercase hex. Tokens carry 128+ random bits,
// so a fast hash is enough: there is nothing to brute-force.
std::string HashToken(std::string_view token);

// BLAKE2b-256 of any bytes as lowercase hex: HashToken's hash, for other
// uses (the audit log's hash chain).
std::string DigestHex(std::string_view data);

bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace securebase
