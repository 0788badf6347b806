#include "common/secret_box.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "common/random.h"

namespace securebase {
namespace {

namespace fs = std::filesystem;

class SecretBoxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    std::string pattern = (fs::temp_directory_path() / "sb-secret-box-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  SecretBox Box(const fs::path& key_file, const std::vector<fs::path>& retired = {}) {
    auto box = SecretBox::LoadOrCreate(key_file, retired);
    EXPECT_TRUE(box) << (box ? "" : box.error().message);
    if (!box) std::abort();
    return *box;
  }

  static fs::perms Perms(const fs::path& p) {
    return fs::status(p).permissions() & fs::perms::mask;
  }

  static void WriteFile(const fs::path& p, std::string_view bytes, fs::perms perms) {
    std::ofstream(p, std::ios::binary) << bytes;
    fs::permissions(p, perms);
  }

  fs::path dir_;
  const std::string ad_ = AssociatedData("journal_entries", "body", "row-1", "user-1");
};

TEST_F(SecretBoxTest, RoundTripsText) {
  const SecretBox box = Box(dir_ / "key");
  for (const std::string& text : {std::string(), std::string("I felt safe today."),
                                  std::string("bin\0ary\xff", 8), std::string(100'000, 'x')}) {
    const auto sealed = box.Seal(text, ad_);
    ASSERT_TRUE(sealed);
    EXPECT_EQ(sealed->size(), text.size() + 45);
    const auto opened = box.Open(*sealed, ad_);
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(*opened, text);
  }
}

TEST_F(SecretBoxTest, SealingTwiceGivesDifferentOutputThatHidesThePlaintext) {
  const SecretBox box = Box(dir_ / "key");
  const std::string text = "a very recognisable sentence";
  const auto a = box.Seal(text, ad_);
  const auto b = box.Seal(text, ad_);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(a->find("recognisable"), std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>((*a)[0]), 0x01);
  EXPECT_TRUE(box.SealedWithCurrentKey(*a));
}

TEST_F(SecretBoxTest, RefusesOtherAssociatedData) {
  const SecretBox box = Box(dir_ / "key");
  const auto sealed = box.Seal("note", ad_);
  ASSERT_TRUE(sealed);
  for (const std::string& other :
       {AssociatedData("journal_entries", "body", "row-2", "user-1"),
        AssociatedData("journal_entries", "body", "row-1", "user-2"),
        AssociatedData("journal_entries", "title", "row-1", "user-1"),
        AssociatedData("intake_answers", "body", "row-1", "user-1"), std::string()}) {
    const auto opened = box.Open(*sealed, other);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
    EXPECT_NE(opened.error().message.find("could not be decrypted"), std::string::npos);
    EXPECT_EQ(opened.error().message.find("note"), std::string::npos);
  }
}

TEST_F(SecretBoxTest, RefusesEveryFlippedBit) {
  const SecretBox box = Box(dir_ / "key");
  const auto sealed = box.Seal("hello", ad_);
  ASSERT_TRUE(sealed);
  for (std::size_t byte = 0; byte < sealed->size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string tampered = *sealed;
      tampered[byte] = static_cast<char>(tampered[byte] ^ (1 << bit));
      EXPECT_FALSE(box.Open(tampered, ad_)) << "byte " << byte << " bit " << bit;
    }
  }
}

TEST_F(SecretBoxTest, RefusesTruncatedAndExtendedInput) {
  const SecretBox box = Box(dir_ / "key");
  const auto sealed = box.Seal("hello", ad_);
  ASSERT_TRUE(sealed);
  for (std::size_t n = 0; n < sealed->size(); ++n) {
    const auto opened = box.Open(sealed->substr(0, n), ad_);
    ASSERT_FALSE(opened) << n;
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
    EXPECT_FALSE(opened.error().message.empty());
  }
  EXPECT_FALSE(box.Open(*sealed + "x", ad_));
  EXPECT_FALSE(box.SealedWithCurrentKey(""));
  EXPECT_FALSE(box.SealedWithCurrentKey(sealed->substr(0, 10)));
}

TEST_F(SecretBoxTest, NamesAnUnknownKeyIdOrVersion) {
  const SecretBox a = Box(dir_ / "a.key");
  const SecretBox b = Box(dir_ / "b.key");
  ASSERT_NE(a.CurrentKeyId(), b.CurrentKeyId());
  const auto sealed = a.Seal("hello", ad_);
  ASSERT_TRUE(sealed);
  const auto opened = b.Open(*sealed, ad_);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find(fmt::format("key id {:08x}", a.CurrentKeyId())),
            std::string::npos)
      << opened.error().message;
  EXPECT_FALSE(b.SealedWithCurrentKey(*sealed));

  std::string future = *sealed;
  future[0] = 0x02;
  const auto unknown_version = a.Open(future, ad_);
  ASSERT_FALSE(unknown_version);
  EXPECT_NE(unknown_version.error().message.find("version 2"), std::string::npos);
}

TEST_F(SecretBoxTest, RetiredKeysStillOpenAfterRotation) {
  const SecretBox old_box = Box(dir_ / "old.key");
  const auto old_sealed = old_box.Seal("written last year", ad_);
  ASSERT_TRUE(old_sealed);

  const SecretBox rotated = Box(dir_ / "new.key", {dir_ / "old.key"});
  EXPECT_NE(rotated.CurrentKeyId(), old_box.CurrentKeyId());
  EXPECT_FALSE(rotated.SealedWithCurrentKey(*old_sealed));
  const auto opened = rotated.Open(*old_sealed, ad_);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, "written last year");

  const auto resealed = rotated.Seal(*opened, ad_);
  ASSERT_TRUE(resealed);
  EXPECT_TRUE(rotated.SealedWithCurrentKey(*resealed));
  EXPECT_FALSE(old_box.Open(*resealed, ad_));

  // The same key named twice is fine; a retired key file must exist.
  EXPECT_TRUE(SecretBox::LoadOrCreate(dir_ / "new.key", {dir_ / "old.key", dir_ / "new.key"}));
  const auto missing = SecretBox::LoadOrCreate(dir_ / "new.key", {dir_ / "gone.key"});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("gone.key"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "gone.key"));
}

TEST_F(SecretBoxTest, CreatesAPrivateKeyFileAndLeavesNothingElse) {
  const fs::path key = dir_ / "secret.key";
  Box(key);
  EXPECT_EQ(fs::file_size(key), 32u);
  EXPECT_EQ(Perms(key), fs::perms::owner_read | fs::perms::owner_write);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(SecretBoxTest, CreatesTheKeyFilePrivateEvenUnderAPermissiveUmask) {
  const mode_t previous = ::umask(0);
  const fs::path key = dir_ / "secret.key";
  auto box = SecretBox::LoadOrCreate(key);
  ::umask(previous);
  ASSERT_TRUE(box);
  EXPECT_EQ(Perms(key), fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(SecretBoxTest, LoadingTheSameFileAgainGivesTheSameKey) {
  const fs::path key = dir_ / "secret.key";
  const SecretBox first = Box(key);
  const SecretBox second = Box(key);
  EXPECT_EQ(first.CurrentKeyId(), second.CurrentKeyId());
  const auto sealed = first.Seal("same key", ad_);
  ASSERT_TRUE(sealed);
  EXPECT_EQ(second.Open(*sealed, ad_).value_or(""), "same key");
}

TEST_F(SecretBoxTest, TwoProcessesStartingAtOnceAgreeOnOneKey) {
  // Threads stand in for processes: the race is on the file system.
  for (int round = 0; round < 20; ++round) {
    const fs::path key = dir_ / ("race-" + std::to_string(round) + ".key");
    std::atomic<int> ready{0};
    std::optional<Result<SecretBox>> results[2];
    auto start = [&](int i) {
      ready.fetch_add(1);
      while (ready.load() < 2) {
      }
      results[i].emplace(SecretBox::LoadOrCreate(key));
    };
    std::thread t0(start, 0);
    std::thread t1(start, 1);
    t0.join();
    t1.join();
    ASSERT_TRUE(*results[0]) << results[0]->error().message;
    ASSERT_TRUE(*results[1]) << results[1]->error().message;
    const SecretBox& a = **results[0];
    const SecretBox& b = **results[1];
    ASSERT_EQ(a.CurrentKeyId(), b.CurrentKeyId()) << "round " << round;
    const auto sealed = a.Seal("agreed", ad_);
    ASSERT_TRUE(sealed);
    EXPECT_EQ(b.Open(*sealed, ad_).value_or(""), "agreed");
  }
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_)) ++files;
  EXPECT_EQ(files, 20);  // no temporary files left behind
}

TEST_F(SecretBoxTest, RefusesAKeyFileOthersCanRead) {
  const fs::path key = dir_ / "secret.key";
  Box(key);
  for (fs::perms loose : {fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read,
                          fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read,
                          fs::perms::owner_read | fs::perms::others_write}) {
    fs::permissions(key, loose);
    const auto box = SecretBox::LoadOrCreate(key);
    ASSERT_FALSE(box);
    EXPECT_EQ(box.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(box.error().message.find("chmod 600 " + key.string()), std::string::npos)
        << box.error().message;
  }
  fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                           fs::perms::others_read);
  EXPECT_NE(SecretBox::LoadOrCreate(key).error().message.find("mode is 0644"), std::string::npos);
  // Read-only for the owner is fine.
  fs::permissions(key, fs::perms::owner_read);
  EXPECT_TRUE(SecretBox::LoadOrCreate(key));
}

TEST_F(SecretBoxTest, RefusesKeyFilesOfTheWrongSizeOrKind) {
  const fs::path short_key = dir_ / "short.key";
  WriteFile(short_key, std::string(31, 'k'), fs::perms::owner_read | fs::perms::owner_write);
  const auto too_short = SecretBox::LoadOrCreate(short_key);
  ASSERT_FALSE(too_short);
  EXPECT_NE(too_short.error().message.find("holds 31 bytes"), std::string::npos);
  EXPECT_EQ(fs::file_size(short_key), 31u);  // never overwritten

  const fs::path empty_key = dir_ / "empty.key";
  WriteFile(empty_key, "", fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_FALSE(SecretBox::LoadOrCreate(empty_key));

  fs::create_directory(dir_ / "folder.key");
  fs::permissions(dir_ / "folder.key", fs::perms::owner_all);
  EXPECT_FALSE(SecretBox::LoadOrCreate(dir_ / "folder.key"));

  const auto no_folder = SecretBox::LoadOrCreate(dir_ / "missing" / "secret.key");
  ASSERT_FALSE(no_folder);
  EXPECT_NE(no_folder.error().message.find("does not exist"), std::string::npos);
}

TEST_F(SecretBoxTest, AKeyFileWrittenByHandIsUsedAsIs) {
  // 32 bytes the operator made (e.g. restored from a backup) open what they sealed.
  const fs::path key = dir_ / "restored.key";
  WriteFile(key, std::string(32, '\x42'), fs::perms::owner_read | fs::perms::owner_write);
  const SecretBox a = Box(key);
  const auto sealed = a.Seal("kept", ad_);
  ASSERT_TRUE(sealed);
  fs::remove(key);
  WriteFile(key, std::string(32, '\x42'), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(Box(key).Open(*sealed, ad_).value_or(""), "kept");
}

// Reload and rotation: a box follows its key files, copies share one keyring.
class SecretBoxReloadTest : public SecretBoxTest {
 protected:
  SecretBox::KeyFiles Files() const { return {dir_ / "secret.key", dir_ / "retired", {}}; }

  SecretBox Loaded() {
    auto box = SecretBox::LoadOrCreate(Files());
    EXPECT_TRUE(box) << (box ? "" : box.error().message);
    if (!box) std::abort();
    return *box;
  }

  static std::string ReadBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  static std::string Hex(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out;
  }
};

TEST_F(SecretBoxReloadTest, ReloadSwitchesEveryCopyToTheRotatedKey) {
  const SecretBox box = Loaded();
  // A copy, as the services hold one: the point is that copies share keys.
  const SecretBox copy = box;  // NOLINT(performance-unnecessary-copy-initialization)
  const std::uint32_t old_id = box.CurrentKeyId();
  const auto old_sealed = copy.Seal("before the rotation", ad_);
  ASSERT_TRUE(old_sealed);

  const auto rotation = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  ASSERT_TRUE(rotation) << rotation.error().message;
  EXPECT_EQ(rotation->old_key_id, old_id);
  EXPECT_NE(rotation->new_key_id, old_id);
  EXPECT_EQ(rotation->retired_file, dir_ / "retired" / (SecretBox::KeyIdText(old_id) + ".key"));
  // Nothing changes in memory until a reload.
  EXPECT_EQ(copy.CurrentKeyId(), old_id);

  ASSERT_TRUE(box.Reload());
  EXPECT_EQ(copy.CurrentKeyId(), rotation->new_key_id);
  EXPECT_EQ(copy.RetiredKeyIds(), std::vector<std::uint32_t>{old_id});
  EXPECT_EQ(copy.UseOf(*old_sealed), SecretBox::KeyUse::kRetired);
  EXPECT_EQ(copy.Open(*old_sealed, ad_).value_or(""), "before the rotation");
  const auto new_sealed = copy.Seal("after the rotation", ad_);
  ASSERT_TRUE(new_sealed);
  EXPECT_EQ(SecretBox::KeyIdOf(*new_sealed), rotation->new_key_id);
  EXPECT_EQ(box.UseOf(*new_sealed), SecretBox::KeyUse::kCurrent);

  // A box loaded from the new key alone opens the new value, not the old.
  const SecretBox only_new = Box(Files().current);
  EXPECT_EQ(only_new.Open(*new_sealed, ad_).value_or(""), "after the rotation");
  EXPECT_EQ(only_new.UseOf(*old_sealed), SecretBox::KeyUse::kUnknown);
  EXPECT_FALSE(only_new.Open(*old_sealed, ad_));
}

TEST_F(SecretBoxReloadTest, RotationKeepsEveryFilePrivate) {
  const mode_t previous = ::umask(0);
  const SecretBox box = Loaded();
  const std::string old_key = ReadBytes(Files().current);
  const auto first = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  const auto second = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  ::umask(previous);
  ASSERT_TRUE(first && second);
  const auto owner_rw = fs::perms::owner_read | fs::perms::owner_write;
  EXPECT_EQ(Perms(Files().current), owner_rw);
  EXPECT_EQ(Perms(Files().retired_folder), fs::perms::owner_all);
  EXPECT_EQ(Perms(first->retired_file), owner_rw);
  EXPECT_EQ(Perms(second->retired_file), owner_rw);
  EXPECT_EQ(ReadBytes(first->retired_file), old_key);
  EXPECT_EQ(second->old_key_id, first->new_key_id);
  EXPECT_EQ(fs::file_size(Files().current), 32u);
  // The key folder holds the key file and the retired folder, no leftovers.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 2);
  int retired = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(Files().retired_folder)) ++retired;
  EXPECT_EQ(retired, 2);

  ASSERT_TRUE(box.Reload());
  EXPECT_EQ(box.CurrentKeyId(), second->new_key_id);
  EXPECT_EQ(box.RetiredKeyIds().size(), 2u);
}

TEST_F(SecretBoxReloadTest, ARotationStoppedAfterKeepingTheOldKeyCanBeRunAgain) {
  const SecretBox box = Loaded();
  const std::uint32_t id = box.CurrentKeyId();
  // As if a rotation stopped right after copying the key into retired/.
  fs::create_directory(Files().retired_folder);
  fs::permissions(Files().retired_folder, fs::perms::owner_all);
  const fs::path copy = Files().retired_folder / (SecretBox::KeyIdText(id) + ".key");
  fs::copy_file(Files().current, copy);
  ASSERT_TRUE(box.Reload());  // the same key as current and retired is one key
  EXPECT_EQ(box.CurrentKeyId(), id);
  EXPECT_TRUE(box.RetiredKeyIds().empty());

  const auto rotation = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  ASSERT_TRUE(rotation) << rotation.error().message;
  EXPECT_EQ(rotation->retired_file, copy);
  ASSERT_TRUE(box.Reload());
  EXPECT_EQ(box.RetiredKeyIds(), std::vector<std::uint32_t>{id});

  // A different key under the old key's name is refused, and the current
  // key is then left alone.
  const std::string current = ReadBytes(Files().current);
  const fs::path squatter =
      Files().retired_folder / (SecretBox::KeyIdText(rotation->new_key_id) + ".key");
  WriteFile(squatter, std::string(32, '\x07'), fs::perms::owner_read | fs::perms::owner_write);
  const auto refused = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find(squatter.string()), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(ReadBytes(Files().current), current);
}

TEST_F(SecretBoxReloadTest, AFailedReloadKeepsTheKeysInUseAndNamesNoKey) {
  const SecretBox box = Loaded();
  const std::uint32_t id = box.CurrentKeyId();
  const auto sealed = box.Seal("still readable", ad_);
  ASSERT_TRUE(sealed);
  const std::string key_bytes = ReadBytes(Files().current);

  fs::permissions(Files().current,
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
  const auto loose = box.Reload();
  ASSERT_FALSE(loose);
  EXPECT_NE(loose.error().message.find("chmod 600"), std::string::npos);
  EXPECT_EQ(loose.error().message.find(Hex(key_bytes)), std::string::npos);
  EXPECT_EQ(loose.error().message.find(key_bytes), std::string::npos);
  EXPECT_EQ(box.CurrentKeyId(), id);
  EXPECT_EQ(box.Open(*sealed, ad_).value_or(""), "still readable");

  // A missing key file is never re-created by a reload.
  fs::remove(Files().current);
  const auto missing = box.Reload();
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(Files().current));
  EXPECT_EQ(box.Open(*sealed, ad_).value_or(""), "still readable");

  // A bad retired key file also keeps the old keys, and names the file.
  WriteFile(Files().current, key_bytes, fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directory(Files().retired_folder);
  WriteFile(Files().retired_folder / "short.key", std::string(5, 'k'),
            fs::perms::owner_read | fs::perms::owner_write);
  const auto short_key = box.Reload();
  ASSERT_FALSE(short_key);
  EXPECT_NE(short_key.error().message.find("short.key"), std::string::npos);
  EXPECT_EQ(box.Open(*sealed, ad_).value_or(""), "still readable");
}

TEST_F(SecretBoxReloadTest, TheRetiredFolderIsReadForKeyFilesOnly) {
  const SecretBox old_box = Box(dir_ / "old.key");
  const auto old_sealed = old_box.Seal("old", ad_);
  ASSERT_TRUE(old_sealed);
  fs::create_directory(Files().retired_folder);
  fs::copy_file(dir_ / "old.key", Files().retired_folder / "anything.key");
  // Not "*.key": ignored, whatever they hold.
  WriteFile(Files().retired_folder / "notes.txt", "x", fs::perms::owner_read);
  WriteFile(Files().retired_folder / "anything.key.new-1234", "x", fs::perms::owner_read);
  const SecretBox box = Loaded();
  EXPECT_EQ(box.RetiredKeyIds(), std::vector<std::uint32_t>{old_box.CurrentKeyId()});
  EXPECT_EQ(box.Open(*old_sealed, ad_).value_or(""), "old");
}

TEST_F(SecretBoxReloadTest, LoadWithoutCreateRefusesAMissingKeyFile) {
  const auto box = SecretBox::Load(Files());
  ASSERT_FALSE(box);
  EXPECT_EQ(box.error().code, ErrorCode::kNotFound);
  EXPECT_NE(box.error().message.find(Files().current.string()), std::string::npos);
  EXPECT_FALSE(fs::exists(Files().current));
  Loaded();
  EXPECT_TRUE(SecretBox::Load(Files()));
}

TEST_F(SecretBoxReloadTest, SealingAndOpeningCarryOnWhileKeysAreReloaded) {
  const SecretBox box = Loaded();
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::string> sealed_by[2];
  auto work = [&](int i) {
    while (!stop.load()) {
      auto sealed = box.Seal("round and round", ad_);
      if (!sealed || box.Open(*sealed, ad_).value_or("") != "round and round") ++failures;
      if (sealed) sealed_by[i].push_back(std::move(*sealed));
    }
  };
  std::thread a(work, 0), b(work, 1);
  for (int round = 0; round < 10; ++round) {
    ASSERT_TRUE(SecretBox::RotateKeyFile(Files().current, Files().retired_folder));
    ASSERT_TRUE(box.Reload());
  }
  stop = true;
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  // Every key that sealed anything was kept: all of it still opens.
  EXPECT_EQ(box.RetiredKeyIds().size(), 10u);
  for (const auto& list : sealed_by) {
    for (const auto& s : list) ASSERT_EQ(box.Open(s, ad_).value_or(""), "round and round");
  }
}

TEST(AssociatedData, IsUnambiguous) {
  EXPECT_EQ(AssociatedData("journal", "body", "r1", "u1"), "7:journal,4:body,2:r1,2:u1,");
  EXPECT_EQ(AssociatedData("", "", "", ""), "0:,0:,0:,0:,");
  EXPECT_NE(AssociatedData("ab", "c", "r", "o"), AssociatedData("a", "bc", "r", "o"));
  EXPECT_NE(AssociatedData("a,", "b", "r", "o"), AssociatedData("a", ",b", "r", "o"));
  EXPECT_NE(AssociatedData("t", "c", "1:x,", ""), AssociatedData("t", "c", "", "1:x,"));
  EXPECT_EQ(AssociatedData("t", "c", std::string_view("r\0w", 3), "o"),
            std::string("1:t,1:c,3:r\0w,1:o,", 18));
}

}  // namespace
}  // namespace securebase
