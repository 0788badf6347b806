// PasswordHasher turns passwords into stored hashes and checks them.
//
// The production hasher is argon2id (libsodium's crypto_pwhash_str) at no
// less than OWASP's minimum (19 MiB, 2 passes); the encoded hash carries its
// parameters, so raising them later makes NeedsRehash true for old hashes
// and the next log-in stores a stronger one. Hashing is slow on purpose
// (tens of milliseconds): callers on I/O threads must use the blocking pool.
//
// Thread-safety: safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace securebase::domain {

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual Result<std::string> Hash(std::string_view password) const = 0;
  virtual bool Verify(std::string_view hash, std::string_view password) const = 0;
  virtual bool NeedsRehash(std::string_view hash) const = 0;
};

struct Argon2idParameters {
  unsigned long long ops = 2;                      // passes
  std::size_t memory_bytes = 19u * 1024u * 1024u;  // 19 MiB
};

class Argon2idPasswordHasher final : public PasswordHasher {
 public:
  explicit Argon2idPasswordHasher(Argon2idParameters params = {});
  Result<std::string> Hash(std::string_view password) const override;
  bool Verify(std::string_view hash, std::string_view password) const override;
  bool NeedsRehash(std::string_view hash) const override;

 private:
  Argon2idParameters params_;
};

}  // namespace securebase::domain
