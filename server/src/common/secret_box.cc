#include "common/secret_box.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <utility>

#include "common/posix_file.h"
#include "common/random.h"

namespace securebase {
namespace {

constexpr unsigned char kVersion = 0x01;
constexpr std::size_t kKeyIdBytes = 4;
constexpr std::size_t kHeaderBytes = 1 + kKeyIdBytes;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == SecretBox::kKeyBytes);

// Hashing context for key ids: a key id must not reveal the key, and must
// not equal any other hash of it the project might compute.
constexpr std::string_view kKeyIdContext = "securebase secret box key id v1";

struct SodiumFree {
  void operator()(unsigned char* p) const { sodium_free(p); }
};
using KeyBytes = std::unique_ptr<unsigned char, SodiumFree>;

Result<KeyBytes> NewKeyMemory() {
  KeyBytes key(static_cast<unsigned char*>(sodium_malloc(SecretBox::kKeyBytes)));
  if (!key) return Internal("There is not enough memory to hold the encryption key.");
  return key;
}

std::uint32_t KeyIdOfKey(const unsigned char* key) {
  unsigned char digest[crypto_generichash_BYTES_MIN];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(kKeyIdContext.data()),
                     kKeyIdContext.size(), key, SecretBox::kKeyBytes);
  return (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) |
         (std::uint32_t{digest[2]} << 8) | std::uint32_t{digest[3]};
}

std::optional<std::uint32_t> SealedKeyId(std::string_view sealed) {
  if (sealed.size() < kHeaderBytes || static_cast<unsigned char>(sealed[0]) != kVersion) {
    return std::nullopt;
  }
  std::uint32_t id = 0;
  for (std::size_t i = 1; i < kHeaderBytes; ++i)
    id = (id << 8) | static_cast<unsigned char>(sealed[i]);
  return id;
}

std::string Hex(std::uint32_t id) {
  return fmt::format("{:08x}", id);
}

// Reads an existing key file, refusing one that others may read or change.
// ENOENT is passed back as such so that the caller can create the file.
Result<KeyBytes> ReadKeyFile(const std::filesystem::path& path, int& open_errno) {
  open_errno = 0;
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    open_errno = errno;
    return Unavailable(
        fmt::format("The key file {} could not be opened: {}.", path.string(), ErrnoText(errno)));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Unavailable(
        fmt::format("The key file {} could not be examined: {}.", path.string(), ErrnoText(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    return InvalidArgument(fmt::format("The key file {} is not a regular file.", path.string()));
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return InvalidArgument(fmt::format(
        "The key file {} can be read or changed by other users (its mode is {:04o}). It guards "
        "everyone's private notes: run `chmod 600 {}` and start again.",
        path.string(), st.st_mode & 07777, path.string()));
  }
  if (st.st_size != static_cast<off_t>(SecretBox::kKeyBytes)) {
    return InvalidArgument(fmt::format(
        "The key file {} holds {} bytes, but a Secure Base key file holds exactly {}. If it was "
        "changed by mistake, restore it from a backup: without the right key, encrypted text "
        "cannot be read.",
        path.string(), st.st_size, SecretBox::kKeyBytes));
  }
  auto key = NewKeyMemory();
  if (!key) return std::unexpected(key.error());
  std::size_t done = 0;
  while (done < SecretBox::kKeyBytes) {
    const ssize_t n = ::read(fd.get(), key->get() + done, SecretBox::kKeyBytes - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Unavailable(fmt::format("The key file {} could not be read{}.", path.string(),
                                     n < 0 ? ": " + ErrnoText(errno) : " to the end"));
    }
    done += static_cast<std::size_t>(n);
  }
  return std::move(*key);
}

Status WriteAll(int fd, const unsigned char* data, std::size_t size,
                const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Unavailable(fmt::format("The key file {} could not be written: {}.", path.string(),
                                     ErrnoText(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Status SyncFolder(const std::filesystem::path& dir, const std::filesystem::path& for_file) {
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) {
    return Unavailable(fmt::format("The folder of the key file {} could not be saved: {}.",
                                   for_file.string(), ErrnoText(errno)));
  }
  return {};
}

std::filesystem::path FolderOf(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// How WriteKeyFile puts a finished file in place.
enum class Placement {
  kOnlyIfAbsent,  // link(): fails with EEXIST if the name is taken
  kReplace,       // rename(): atomically replaces what is there
};

// Writes `key` to `path` through a temporary file in the same folder (mode
// 0600, written and fsynced), then puts it in place and fsyncs the folder,
// so the file appears whole or not at all and is durable before anything is
// sealed with it. Returns false when kOnlyIfAbsent found the name taken.
Result<bool> WriteKeyFile(const std::filesystem::path& path, const unsigned char* key,
                          Placement placement) {
  const std::filesystem::path dir = FolderOf(path);
  const std::filesystem::path temp = dir / (path.filename().string() + ".new-" + RandomHex(8));
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600));
  if (fd.get() < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return Unavailable(fmt::format(
          "The key file {} cannot be created because its folder {} does not exist. Create the "
          "folder (readable only by the server's user) and start again.",
          path.string(), dir.string()));
    }
    return Unavailable(
        fmt::format("The key file {} could not be created: {}.", path.string(), ErrnoText(err)));
  }
  auto fail = [&](std::string message) -> Result<bool> {
    ::unlink(temp.c_str());
    return Unavailable(std::move(message));
  };
  // The umask may only have narrowed 0600; make it exactly that.
  if (::fchmod(fd.get(), 0600) != 0) {
    return fail(fmt::format("The key file {} could not be made private: {}.", path.string(),
                            ErrnoText(errno)));
  }
  if (auto written = WriteAll(fd.get(), key, SecretBox::kKeyBytes, path); !written) {
    return fail(written.error().message);
  }
  if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
    return fail(
        fmt::format("The key file {} could not be saved: {}.", path.string(), ErrnoText(errno)));
  }
  if (placement == Placement::kReplace) {
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      return fail(fmt::format("The key file {} could not be put in place: {}.", path.string(),
                              ErrnoText(errno)));
    }
  } else {
    // link() fails if the name exists: of two processes starting at once,
    // exactly one key wins.
    if (::link(temp.c_str(), path.c_str()) != 0) {
      const int err = errno;
      ::unlink(temp.c_str());
      if (err == EEXIST) return false;
      return Unavailable(fmt::format("The key file {} could not be put in place: {}.",
                                     path.string(), ErrnoText(err)));
    }
    ::unlink(temp.c_str());
  }
  // Make the new name itself durable.
  if (auto synced = SyncFolder(dir, path); !synced) return std::unexpected(synced.error());
  return true;
}

Result<KeyBytes> LoadOrCreateKey(const std::filesystem::path& path, bool create) {
  int open_errno = 0;
  auto existing = ReadKeyFile(path, open_errno);
  if (existing || open_errno != ENOENT) return existing;
  if (!create) {
    return NotFound(fmt::format("There is no key file at {}.", path.string()));
  }
  auto key = NewKeyMemory();
  if (!key) return std::unexpected(key.error());
  randombytes_buf(key->get(), SecretBox::kKeyBytes);
  auto created = WriteKeyFile(path, key->get(), Placement::kOnlyIfAbsent);
  if (!created) return std::unexpected(created.error());
  if (*created) return std::move(*key);
  // Another process created it a moment ago: use theirs.
  return ReadKeyFile(path, open_errno);
}

// The "*.key" files directly in `folder`, sorted; none if it does not exist.
Result<std::vector<std::filesystem::path>> RetiredKeyFiles(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  if (folder.empty()) return out;
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  if (ec == std::errc::no_such_file_or_directory) return out;
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const auto& name = it->path().filename().string();
    if (name.size() > 4 && name.ends_with(".key") && !name.starts_with('.')) {
      out.push_back(it->path());
    }
  }
  if (ec) {
    return Unavailable(fmt::format("The folder of retired keys {} could not be read: {}.",
                                   folder.string(), ec.message()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

struct SecretBox::Keyring {
  struct Entry {
    std::uint32_t id;
    KeyBytes key;
  };
  std::vector<Entry> entries;  // entries[0] is the current key
  std::uint32_t current_id = 0;

  const unsigned char* Find(std::uint32_t id) const {
    for (const Entry& e : entries) {
      if (e.id == id) return e.key.get();
    }
    return nullptr;
  }
};

struct SecretBox::Shared {
  explicit Shared(KeyFiles f) : files(std::move(f)) {}
  const KeyFiles files;
  std::atomic<std::shared_ptr<const Keyring>> ring;
  std::mutex reload_mu;  // one Reload at a time
};

Result<std::shared_ptr<const SecretBox::Keyring>> SecretBox::LoadRing(const KeyFiles& files,
                                                                      bool create) {
  auto ring = std::make_shared<Keyring>();
  auto current = LoadOrCreateKey(files.current, create);
  if (!current) return std::unexpected(current.error());
  ring->current_id = KeyIdOfKey(current->get());
  ring->entries.push_back({ring->current_id, std::move(*current)});

  auto in_folder = RetiredKeyFiles(files.retired_folder);
  if (!in_folder) return std::unexpected(in_folder.error());
  const std::vector<std::filesystem::path>* lists[] = {&files.retired_files, &*in_folder};
  for (const auto* list : lists) {
    for (const auto& path : *list) {
      int open_errno = 0;
      auto key = ReadKeyFile(path, open_errno);
      if (!key) return std::unexpected(key.error());
      const std::uint32_t id = KeyIdOfKey(key->get());
      if (const unsigned char* same_id = ring->Find(id)) {
        // The same key twice is harmless (a rotation stopped between keeping
        // the old key and installing the new one leaves exactly that); two
        // keys sharing an id (one in four billion) would make Open ambiguous.
        if (sodium_memcmp(same_id, key->get(), kKeyBytes) == 0) continue;
        return InvalidArgument(fmt::format(
            "The key file {} has the same key id ({}) as another key. Make a new key file.",
            path.string(), Hex(id)));
      }
      ring->entries.push_back({id, std::move(*key)});
    }
  }
  return std::shared_ptr<const Keyring>(std::move(ring));
}

Result<SecretBox> SecretBox::Make(const KeyFiles& files, bool create) {
  if (sodium_init() < 0) return Internal("The cryptography library could not be started.");
  auto ring = LoadRing(files, create);
  if (!ring) return std::unexpected(ring.error());
  auto shared = std::make_shared<Shared>(files);
  shared->ring.store(std::move(*ring));
  return SecretBox(std::move(shared));
}

Result<SecretBox> SecretBox::LoadOrCreate(const KeyFiles& files) {
  return Make(files, /*create=*/true);
}

Result<SecretBox> SecretBox::LoadOrCreate(
    const std::filesystem::path& key_file,
    const std::vector<std::filesystem::path>& retired_key_files) {
  return Make(KeyFiles{key_file, {}, retired_key_files}, /*create=*/true);
}

Result<SecretBox> SecretBox::Load(const KeyFiles& files) {
  return Make(files, /*create=*/false);
}

Status SecretBox::Reload() const {
  std::lock_guard lock(shared_->reload_mu);
  auto ring = LoadRing(shared_->files, /*create=*/false);
  if (!ring) return std::unexpected(ring.error());
  shared_->ring.store(std::move(*ring));
  return {};
}

const SecretBox::KeyFiles& SecretBox::key_files() const {
  return shared_->files;
}

std::shared_ptr<const SecretBox::Keyring> SecretBox::Ring() const {
  return shared_->ring.load();
}

Result<std::string> SecretBox::Seal(std::string_view plaintext,
                                    std::string_view associated_data) const {
  if (plaintext.size() > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kHeaderBytes) {
    return InvalidArgument("This text is too long to store.");
  }
  const auto ring = Ring();
  const unsigned char* key = ring->entries.front().key.get();
  std::string sealed(kHeaderBytes + kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  const std::uint32_t id = ring->current_id;
  out[0] = kVersion;
  out[1] = static_cast<unsigned char>(id >> 24);
  out[2] = static_cast<unsigned char>(id >> 16);
  out[3] = static_cast<unsigned char>(id >> 8);
  out[4] = static_cast<unsigned char>(id);
  unsigned char* nonce = out + kHeaderBytes;
  randombytes_buf(nonce, kNonceBytes);

  // The header is authenticated along with the caller's associated data.
  std::string ad(sealed.data(), kHeaderBytes);
  ad.append(associated_data);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_encrypt(
          nonce + kNonceBytes, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
          plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
          nonce, key) != 0 ||
      written != plaintext.size() + kTagBytes) {
    return Internal("The text could not be encrypted.");
  }
  return sealed;
}

Result<std::string> SecretBox::Open(std::string_view sealed,
                                    std::string_view associated_data) const {
  if (sealed.size() < kHeaderBytes + kNonceBytes + kTagBytes) {
    return Internal(
        fmt::format("Stored encrypted text is damaged: {} bytes is shorter than any sealed value.",
                    sealed.size()));
  }
  if (static_cast<unsigned char>(sealed[0]) != kVersion) {
    return Internal(
        fmt::format("Stored encrypted text is in a format this server does not know (version {}).",
                    static_cast<unsigned>(static_cast<unsigned char>(sealed[0]))));
  }
  const std::uint32_t id = *SealedKeyId(sealed);
  const auto ring = Ring();
  const unsigned char* key = ring->Find(id);
  if (key == nullptr) {
    return Internal(fmt::format(
        "Stored encrypted text was sealed with a key this server does not have (key id {}; "
        "the current key is {}). If the key was rotated, put the old key file in the folder of "
        "retired keys.",
        Hex(id), Hex(ring->current_id)));
  }
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  const unsigned char* nonce = in + kHeaderBytes;
  const unsigned char* ciphertext = nonce + kNonceBytes;
  const std::size_t ciphertext_size = sealed.size() - kHeaderBytes - kNonceBytes;

  std::string ad(sealed.substr(0, kHeaderBytes));
  ad.append(associated_data);
  std::string plaintext(ciphertext_size - kTagBytes, '\0');
  unsigned long long plaintext_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_size, nullptr, ciphertext,
          ciphertext_size, reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce,
          key) != 0) {
    return Internal(
        "Stored encrypted text could not be decrypted: it was changed, or it belongs to another "
        "record than the one it was read for.");
  }
  plaintext.resize(plaintext_size);
  return plaintext;
}

std::uint32_t SecretBox::CurrentKeyId() const {
  return Ring()->current_id;
}

std::vector<std::uint32_t> SecretBox::RetiredKeyIds() const {
  const auto ring = Ring();
  std::vector<std::uint32_t> out;
  for (const auto& e : ring->entries) {
    if (e.id != ring->current_id) out.push_back(e.id);
  }
  return out;
}

bool SecretBox::SealedWithCurrentKey(std::string_view sealed) const {
  return UseOf(sealed) == KeyUse::kCurrent;
}

SecretBox::KeyUse SecretBox::UseOf(std::string_view sealed) const {
  const auto id = KeyIdOf(sealed);
  if (!id) return KeyUse::kUnknown;
  const auto ring = Ring();
  if (*id == ring->current_id) return KeyUse::kCurrent;
  return ring->Find(*id) != nullptr ? KeyUse::kRetired : KeyUse::kUnknown;
}

std::optional<std::uint32_t> SecretBox::KeyIdOf(std::string_view sealed) {
  if (sealed.size() < kHeaderBytes + kNonceBytes + kTagBytes) return std::nullopt;
  return SealedKeyId(sealed);
}

std::string SecretBox::KeyIdText(std::uint32_t key_id) {
  return Hex(key_id);
}

// Step by step, and what a crash after each step leaves:
//  1. Read the current key (nothing changed yet).
//  2. Make the retired folder (0700) and write a copy of the current key to
//     <retired>/<id>.key through a temporary file, fsync, link, fsync the
//     folder. A crash before the link leaves at most a stray
//     "<id>.key.new-*" file, which is never loaded. After it, the current key
//     is both current and retired: loading takes the same key twice as one,
//     and a rotate run again finds everything sealed with the current key,
//     makes a new key and finds this copy already there (same bytes: fine).
//  3. Write the new key to a temporary file beside the key file (0600,
//     fsync) and rename it over the key file, then fsync the folder. rename
//     is atomic: a reader sees the old key file or the new one, whole. A
//     crash before it leaves the old key current (plus a stray temporary
//     file holding a key nothing was sealed with); after it, the rotation is
//     complete and the old key is safely kept by step 2.
// The key file therefore exists and is whole at every moment, and no key
// that sealed anything is ever without a file.
Result<SecretBox::Rotation> SecretBox::RotateKeyFile(const std::filesystem::path& key_file,
                                                     const std::filesystem::path& retired_folder) {
  if (sodium_init() < 0) return Internal("The cryptography library could not be started.");
  int open_errno = 0;
  auto old_key = ReadKeyFile(key_file, open_errno);
  if (!old_key) return std::unexpected(old_key.error());
  Rotation rotation;
  rotation.old_key_id = KeyIdOfKey(old_key->get());

  if (::mkdir(retired_folder.c_str(), 0700) != 0 && errno != EEXIST) {
    return Unavailable(fmt::format("The folder of retired keys {} could not be made: {}.",
                                   retired_folder.string(), ErrnoText(errno)));
  }
  // Whatever the umask, and if it already existed: only the owner may look.
  if (::chmod(retired_folder.c_str(), 0700) != 0) {
    return Unavailable(fmt::format("The folder of retired keys {} could not be made private: {}.",
                                   retired_folder.string(), ErrnoText(errno)));
  }
  if (auto synced = SyncFolder(FolderOf(retired_folder), retired_folder); !synced) {
    return std::unexpected(synced.error());
  }
  rotation.retired_file = retired_folder / (Hex(rotation.old_key_id) + ".key");
  auto kept = WriteKeyFile(rotation.retired_file, old_key->get(), Placement::kOnlyIfAbsent);
  if (!kept) return std::unexpected(kept.error());
  if (!*kept) {
    auto there = ReadKeyFile(rotation.retired_file, open_errno);
    if (!there) return std::unexpected(there.error());
    if (sodium_memcmp(there->get(), old_key->get(), kKeyBytes) != 0) {
      return InvalidArgument(fmt::format(
          "The retired key file {} holds another key than the current one of the same id. Move "
          "it elsewhere and rotate again.",
          rotation.retired_file.string()));
    }
  }

  auto new_key = NewKeyMemory();
  if (!new_key) return std::unexpected(new_key.error());
  do {
    randombytes_buf(new_key->get(), kKeyBytes);
    rotation.new_key_id = KeyIdOfKey(new_key->get());
  } while (rotation.new_key_id == rotation.old_key_id);
  auto installed = WriteKeyFile(key_file, new_key->get(), Placement::kReplace);
  if (!installed) return std::unexpected(installed.error());
  return rotation;
}

std::string AssociatedData(std::string_view table, std::string_view column, std::string_view row_id,
                           std::string_view owner_id) {
  std::string out;
  for (std::string_view part : {table, column, row_id, owner_id}) {
    out += std::to_string(part.size());
    out += ':';
    out.append(part);
    out += ',';
  }
  return out;
}

}  // namespace securebase
