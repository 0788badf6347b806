// Random values from the operating system's CSPRNG (libsodium's
// randombytes), for ids and secrets. Never std::rand or a seeded engine.
//
// Thread-safety: safe from any thread (InitRandom is called once in main
// and by each test binary; calling it again is harmless).
#pragma once

#include <cstddef>
#include <string>

namespace securebase {

// Initialises libsodium; false if the library cannot be used (then nothing
// that needs randomness or hashing may run).
bool InitRandom();

// `bytes` random bytes as lowercase hex (2 × bytes characters).
std::string RandomHex(std::size_t bytes);

// A new id for a stored thing: 128 random bits as 32 hex characters.
std::string NewId();

}  // namespace securebase
