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
// start). Rotation (`securebase keys rotate`, RotateKeyFile below) keeps the
// old key as a retired key: every "*.key" file in the retired folder is
// loaded too, so values sealed before a rotation still open while new ones
// are sealed with the new key, and UseOf tells a re-sealing job what is left
// to do. Reload re-reads the files, so a running server follows a rotation
// without a restart.
//
// Keys are held in sodium_malloc'd memory (guard pages, locked against
// swapping where the system allows, zeroed when freed).
//
// Thread-safety: Seal, Open and the queries are safe from any thread. Copies
// share one keyring: Reload on any copy switches every copy over atomically
// (a Seal or Open in flight finishes with the keys it started with), and
// concurrent Reloads serialise.
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

  // Where a box's keys come from.
  struct KeyFiles {
    std::filesystem::path current;  // the key Seal uses
    // Every "*.key" file in this folder is a retired key; a missing folder
    // holds none. Empty: no folder.
    std::filesystem::path retired_folder;
    // Retired key files named one by one; each must exist.
    std::vector<std::filesystem::path> retired_files;
  };

  // How a sealed value relates to the keys a box holds.
  enum class KeyUse {
    kCurrent,  // sealed with the current key
    kRetired,  // sealed with a retired key: opens, but should be re-sealed
    kUnknown,  // a key this box does not hold, or not a sealed value at all
  };

  // Loads the keys, creating the current key file (32 random bytes, mode
  // 0600) if it does not exist. Creation is atomic: the file appears
  // complete or not at all, and when two processes start at once both end up
  // with the same key. Refuses a key file that group or others may read or
  // write, one of the wrong size, and a missing folder; retired key files
  // are held to the same rules.
  static Result<SecretBox> LoadOrCreate(const KeyFiles& files);
  static Result<SecretBox> LoadOrCreate(
      const std::filesystem::path& key_file,
      const std::vector<std::filesystem::path>& retired_key_files = {});

  // As LoadOrCreate, but a missing current key file is an error (kNotFound):
  // for commands that must not make a key by accident.
  static Result<SecretBox> Load(const KeyFiles& files);

  // Re-reads key_files() (never creating one) and makes every copy of this
  // box use what it read. On any failure nothing changes: the keys in use
  // stay, and the error names the file and the problem, never key bytes.
  Status Reload() const;

  const KeyFiles& key_files() const;

  // Seals with the current key and a fresh random nonce.
  Result<std::string> Seal(std::string_view plaintext, std::string_view associated_data) const;

  // Opens what Seal made with the same associated data. Anything else
  // (changed, truncated, other associated data, a key this box does not
  // hold) is an Internal error that names no content.
  Result<std::string> Open(std::string_view sealed, std::string_view associated_data) const;

  // The id of the key Seal uses.
  std::uint32_t CurrentKeyId() const;
  // The ids of the retired keys held (without the current key).
  std::vector<std::uint32_t> RetiredKeyIds() const;

  // True if `sealed` was sealed with the current key (false for retired
  // keys and for anything that is not a sealed value).
  bool SealedWithCurrentKey(std::string_view sealed) const;

  // Which of this box's keys sealed `sealed`, judged by the key id in its
  // header (it is not decrypted: a damaged value may still say kCurrent).
  KeyUse UseOf(std::string_view sealed) const;

  // The key id in a sealed value's header; nullopt for anything too short
  // or of an unknown version.
  static std::optional<std::uint32_t> KeyIdOf(std::string_view sealed);

  // A key id as text, as logs, messages and retired file names show it
  // ("0a1b2c3d").
  static std::string KeyIdText(std::uint32_t key_id);

  // Replaces the key in `key_file` with a new random one and keeps the old
  // one as `<retired_folder>/<old key id>.key`, creating the folder (mode
  // 0700) if needed. The key file exists and holds a whole key at every
  // moment, so servers reloading meanwhile never miss it; a crash at any
  // point leaves keys that load and open everything sealed so far (the
  // implementation says why, step by step). Does not re-seal anything and
  // does not reload any box.
  struct Rotation {
    std::uint32_t old_key_id = 0;
    std::uint32_t new_key_id = 0;
    std::filesystem::path retired_file;
  };
  static Result<Rotation> RotateKeyFile(const std::filesystem::path& key_file,
                                        const std::filesystem::path& retired_folder);

 private:
  struct Keyring;
  struct Shared;
  explicit SecretBox(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}
  static Result<SecretBox> Make(const KeyFiles& files, bool create);
  static Result<std::shared_ptr<const Keyring>> LoadRing(const KeyFiles& files, bool create);
  std::shared_ptr<const Keyring> Ring() const;

  std::shared_ptr<Shared> shared_;
};

// The associated data for one stored value: the four parts as netstrings
// ("<length>:<bytes>,"), so no two different tuples encode alike, e.g.
// AssociatedData("journal", "body", "r1", "u1") == "7:journal,4:body,2:r1,2:u1,".
std::string AssociatedData(std::string_view table, std::string_view column, std::string_view row_id,
                           std::string_view owner_id);

}  // namespace securebase
