// SecretBox encrypts sensitive text before it is stored (journal entries,
// intake answers, shared notes) and decrypts it when it is read back.
//
// The cipher is libsodium's XChaCha20-Poly1305-IETF: authenticated, with
// random 192-bit nonces that never need counting. Each value is sealed with
// associated data naming the table, column, row and owner it belongs to
// (AssociatedData below), so a ciphertext copied into another row or another
// person's record does not open.
//
// Sealed layout (binary; 45 bytes longer than the plaintext):
//   version (1 byte, 0x01) | key id (4 bytes, big-endian) | nonce (24) | ciphertext+tag
// The version byte and key id are authenticated too. A key id is derived from
// the key itself, so a key file is nothing but 32 random bytes.
//
// Keys live in a key file outside the database (mode 0600, created on first
// start). Rotation: start with a new key file and list the old one as
// retired; new values are sealed with the new key, old ones still open, and
// SealedWithCurrentKey tells a re-sealing job what is left to do.
//
// Keys are held in sodium_malloc'd memory (guard pages, locked against
// swapping where the system allows, zeroed when freed).
//
// Thread-safety: a SecretBox is immutable once loaded; Seal and Open are
// safe from any thread. Copies share the same keys.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace securebase {

class SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // Loads the key in `key_file`, creating it (32 random bytes, mode 0600)
  // if it does not exist. Creation is atomic: the file appears complete or
  // not at all, and when two processes start at once both end up with the
  // same key. Refuses a key file that group or others may read or write,
  // one of the wrong size, and a missing folder. `retired_key_files` must
  // exist; they are only used to open values sealed before a rotation.
  static Result<SecretBox> LoadOrCreate(
      const std::filesystem::path& key_file,
      const std::vector<std::filesystem::path>& retired_key_files = {});

  // Seals with the current key and a fresh random nonce.
  Result<std::string> Seal(std::string_view plaintext, std::string_view associated_data) const;

  // Opens what Seal made with the same associated data. Anything else
  // (changed, truncated, other associated data, a key this box does not
  // hold) is an Internal error that names no content.
  Result<std::string> Open(std::string_view sealed, std::string_view associated_data) const;

  // The id of the key Seal uses.
  std::uint32_t CurrentKeyId() const;

  // True if `sealed` was sealed with the current key (false for retired
  // keys and for anything that is not a sealed value).
  bool SealedWithCurrentKey(std::string_view sealed) const;

 private:
  struct Keyring;
  explicit SecretBox(std::shared_ptr<const Keyring> keys) : keys_(std::move(keys)) {}

  std::shared_ptr<const Keyring> keys_;
};

// The associated data for one stored value: the four parts as netstrings
// ("<length>:<bytes>,"), so no two different tuples encode alike, e.g.
// AssociatedData("journal", "body", "r1", "u1") == "7:journal,4:body,2:r1,2:u1,".
std::string AssociatedData(std::string_view table, std::string_view column, std::string_view row_id,
                           std::string_view owner_id);

}  // namespace securebase
