#include "app/secret_keys.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/random.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;

class SecretKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    std::string pattern = (fs::temp_directory_path() / "sb-secret-keys-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    config_.data_dir = (dir_ / "data").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static unsigned Mode(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 07777;
  }

  // Puts `bytes` in place of `path` as a new file (a new inode), as a
  // rotation or an operator restoring a backup would.
  static void Replace(const fs::path& path, const std::string& bytes) {
    const fs::path temp = path.string() + ".tmp";
    std::ofstream(temp, std::ios::binary) << bytes;
    fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write);
    fs::rename(temp, path);
  }

  static std::string ReadBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path dir_;
  Config config_;
};

TEST_F(SecretKeysTest, TheServerMakesAPrivateKeyInTheDataFolderAtFirstStart) {
  const mode_t previous = ::umask(022);
  auto box = LoadOrCreateSecretKeys(config_);
  ::umask(previous);
  ASSERT_TRUE(box) << box.error().message;
  const fs::path key = dir_ / "data" / "keys" / "secret.key";
  EXPECT_EQ(SecretKeyFile(config_), key);
  EXPECT_EQ(box->key_files().current, key);
  EXPECT_EQ(box->key_files().retired_folder, dir_ / "data" / "keys" / "retired");
  EXPECT_EQ(Mode(key.parent_path()), 0700u);
  EXPECT_EQ(Mode(key), 0600u);
  EXPECT_FALSE(fs::exists(box->key_files().retired_folder));  // made by the first rotation

  // The keys commands find the same key, and never make one.
  auto again = LoadSecretKeys(config_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->CurrentKeyId(), box->CurrentKeyId());
  config_.secrets_key_file = (dir_ / "elsewhere" / "secret.key").string();
  const auto missing = LoadSecretKeys(config_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("secrets.key_file"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "elsewhere"));
}

TEST_F(SecretKeysTest, TheKeyFileCanLiveOutsideTheDataFolder) {
  config_.secrets_key_file = (dir_ / "etc" / "keys" / "site.key").string();
  auto box = LoadOrCreateSecretKeys(config_);
  ASSERT_TRUE(box) << box.error().message;
  EXPECT_TRUE(fs::exists(dir_ / "etc" / "keys" / "site.key"));
  EXPECT_EQ(Mode(dir_ / "etc" / "keys"), 0700u);
  EXPECT_EQ(box->key_files().retired_folder, dir_ / "etc" / "keys" / "retired");
  EXPECT_FALSE(fs::exists(dir_ / "data" / "keys"));
}

TEST_F(SecretKeysTest, ARunningServerFollowsItsKeyFiles) {
  auto loaded = LoadOrCreateSecretKeys(config_);
  ASSERT_TRUE(loaded) << loaded.error().message;
  const SecretBox served = *loaded;  // what the services hold
  KeyReloader reloader(*loaded);
  const auto& files = served.key_files();
  const std::uint32_t first = served.CurrentKeyId();

  // Nothing changed: nothing happens.
  ASSERT_TRUE(reloader.CheckForChange());
  EXPECT_EQ(served.CurrentKeyId(), first);

  // A rotation is picked up on the next look.
  const auto rotation = SecretBox::RotateKeyFile(files.current, files.retired_folder);
  ASSERT_TRUE(rotation) << rotation.error().message;
  EXPECT_EQ(served.CurrentKeyId(), first);
  ASSERT_TRUE(reloader.CheckForChange());
  EXPECT_EQ(served.CurrentKeyId(), rotation->new_key_id);
  EXPECT_EQ(served.RetiredKeyIds(), std::vector<std::uint32_t>{first});

  // A broken key file is refused and the keys in use stay; the same broken
  // file is reported once, not on every look.
  const std::string good = ReadBytes(files.current);
  Replace(files.current, good.substr(0, 31));
  const auto broken = reloader.CheckForChange();
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("holds 31 bytes"), std::string::npos);
  EXPECT_EQ(served.CurrentKeyId(), rotation->new_key_id);
  EXPECT_TRUE(reloader.CheckForChange());

  // Put right (here: the first key restored from a backup), it is loaded at
  // the next look; SIGHUP reloads at once.
  Replace(files.current, ReadBytes(rotation->retired_file));
  ASSERT_TRUE(reloader.CheckForChange());
  EXPECT_EQ(served.CurrentKeyId(), first);
  const auto second = SecretBox::RotateKeyFile(files.current, files.retired_folder);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->old_key_id, first);
  ASSERT_TRUE(reloader.Reload("SIGHUP"));
  EXPECT_EQ(served.CurrentKeyId(), second->new_key_id);
  EXPECT_EQ(served.RetiredKeyIds(), std::vector<std::uint32_t>{first});
}

}  // namespace
}  // namespace securebase::app
