#include "domain/accounts/password_hasher.h"

#include <sodium.h>

namespace securebase::domain {

Argon2idPasswordHasher::Argon2idPasswordHasher(Argon2idParameters params) : params_(params) {}

Result<std::string> Argon2idPasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params_.ops,
                            params_.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Unavailable("The server is too busy to protect a password right now. Please try again.");
  }
  return std::string(out);
}

bool Argon2idPasswordHasher::Verify(std::string_view hash, std::string_view password) const {
  // crypto_pwhash_str_verify wants a NUL-terminated string.
  const std::string stored(hash);
  if (stored.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool Argon2idPasswordHasher::NeedsRehash(std::string_view hash) const {
  const std::string stored(hash);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), params_.ops, params_.memory_bytes) != 0;
}

}  // namespace securebase::domain
