#include "app/secret_keys.h"

#include <sys/stat.h>

#include <system_error>

#include "common/log.h"

namespace securebase::app {

std::filesystem::path SecretKeyFile(const Config& config) {
  return config.SecretsKeyFile();
}

std::filesystem::path RetiredKeyFolder(const std::filesystem::path& key_file) {
  const auto folder = key_file.has_parent_path() ? key_file.parent_path() : ".";
  return folder / "retired";
}

SecretBox::KeyFiles SecretKeyFiles(const Config& config) {
  const auto key_file = SecretKeyFile(config);
  return {key_file, RetiredKeyFolder(key_file), {}};
}

Result<SecretBox> LoadOrCreateSecretKeys(const Config& config) {
  const auto files = SecretKeyFiles(config);
  const auto folder = files.current.has_parent_path() ? files.current.parent_path() : ".";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    return Unavailable("Cannot create the key folder " + folder.string() + ": " + ec.message());
  }
  // The folder is the keys' own: only the server's user may list it. A
  // folder the server cannot change (made by an operator) is left as it is.
  std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  if (ec) {
    Log(LogLevel::kWarn, "key_folder_not_private",
        {{"folder", folder.string()}, {"message", ec.message()}});
  }
  return SecretBox::LoadOrCreate(files);
}

Result<SecretBox> LoadSecretKeys(const Config& config) {
  auto box = SecretBox::Load(SecretKeyFiles(config));
  if (!box && box.error().code == ErrorCode::kNotFound) {
    return NotFound(box.error().message +
                    " The server makes it at its first start; if it lives elsewhere, set "
                    "secrets.key_file (or SECUREBASE_SECRETS_KEY_FILE) as the server has it.");
  }
  return box;
}

bool KeyReloader::Look::operator==(const Look& o) const {
  return key_dev == o.key_dev && key_ino == o.key_ino && key_size == o.key_size &&
         key_ctime.tv_sec == o.key_ctime.tv_sec && key_ctime.tv_nsec == o.key_ctime.tv_nsec &&
         retired_ino == o.retired_ino && retired_ctime.tv_sec == o.retired_ctime.tv_sec &&
         retired_ctime.tv_nsec == o.retired_ctime.tv_nsec;
}

KeyReloader::KeyReloader(SecretBox box) : box_(std::move(box)), seen_(LookNow()) {}

KeyReloader::Look KeyReloader::LookNow() const {
  Look look;
  struct stat st {};
  // A file that cannot be stat'ed looks like "none": when it comes back,
  // the look changes and the reload says what is wrong, if anything.
  if (::stat(box_.key_files().current.c_str(), &st) == 0) {
    look.key_dev = st.st_dev;
    look.key_ino = st.st_ino;
    look.key_size = st.st_size;
    look.key_ctime = st.st_ctim;
  }
  const auto& retired = box_.key_files().retired_folder;
  if (!retired.empty() && ::stat(retired.c_str(), &st) == 0) {
    look.retired_ino = st.st_ino;
    look.retired_ctime = st.st_ctim;
  }
  return look;
}

Status KeyReloader::Reload(std::string_view why) {
  std::lock_guard lock(mu_);
  return ReloadLocked(why);
}

Status KeyReloader::CheckForChange() {
  std::lock_guard lock(mu_);
  if (LookNow() == seen_) return {};
  return ReloadLocked("key files changed");
}

Status KeyReloader::ReloadLocked(std::string_view why) {
  // Looked at before reading: a change made while reading is seen next time.
  seen_ = LookNow();
  const std::uint32_t before = box_.CurrentKeyId();
  if (auto reloaded = box_.Reload(); !reloaded) {
    // The message names the file and the problem; key bytes never reach it.
    Log(LogLevel::kWarn, "keys_reload_failed",
        {{"reason", why},
         {"message", reloaded.error().message},
         {"current_key_id", SecretBox::KeyIdText(before)}});
    return std::unexpected(reloaded.error());
  }
  const std::uint32_t after = box_.CurrentKeyId();
  Log(LogLevel::kInfo, "keys_reloaded",
      {{"reason", why},
       {"current_key_id", SecretBox::KeyIdText(after)},
       {"key_changed", after != before}});
  return {};
}

}  // namespace securebase::app
