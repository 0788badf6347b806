// Where the server's encryption keys live, loading them the one way every
// command does, and following them when they change on disk.
//
// The key file is `secrets.key_file` (default <data_dir>/keys/secret.key);
// every "*.key" file in the "retired" folder beside it is a retired key,
// kept to open values sealed before a rotation (docs/operations/keys.md).
//
// Thread-safety: the functions are safe from any thread. KeyReloader's
// methods serialise on a mutex; call them from the ticker and the signal
// loop at once.
#pragma once

#include <sys/types.h>

#include <ctime>
#include <filesystem>
#include <mutex>
#include <string_view>

#include "app/config.h"
#include "common/error.h"
#include "common/secret_box.h"

namespace securebase::app {

std::filesystem::path SecretKeyFile(const Config& config);
// <the key file's folder>/retired
std::filesystem::path RetiredKeyFolder(const std::filesystem::path& key_file);
SecretBox::KeyFiles SecretKeyFiles(const Config& config);

// For `serve`: makes the key file's folder if needed, keeps it private
// (0700), and loads the keys, creating the key file at first start.
Result<SecretBox> LoadOrCreateSecretKeys(const Config& config);

// For the `keys` commands: loads the keys and never creates one, so a
// mistyped path is reported rather than answered with a new, empty key.
Result<SecretBox> LoadSecretKeys(const Config& config);

// Makes a running server follow its key files: Reload on SIGHUP, and
// CheckForChange on a timer, which costs two stat() calls and reloads only
// when the key file or the retired folder changed: a rotation renames a new
// key file into place (a new inode) and adds a file to the folder (a new
// change time); a chmod changes the change time too, so fixing a file's mode
// is noticed. A failed reload keeps the keys in use and logs a
// warning naming the file and the problem, never key material.
class KeyReloader {
 public:
  // Remembers how the files look now (the box was just loaded from them).
  explicit KeyReloader(SecretBox box);

  // Reloads now; `why` goes into the log ("SIGHUP").
  Status Reload(std::string_view why);
  // Reloads if the files changed since the last look.
  Status CheckForChange();

 private:
  struct Look {
    dev_t key_dev = 0;
    ino_t key_ino = 0;
    off_t key_size = -1;
    timespec key_ctime{};
    ino_t retired_ino = 0;
    timespec retired_ctime{};
    bool operator==(const Look& o) const;
  };
  Look LookNow() const;
  Status ReloadLocked(std::string_view why);

  SecretBox box_;
  std::mutex mu_;
  Look seen_;
};

}  // namespace securebase::app
