#include "common/zip_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

namespace securebase {
namespace {

TEST(Crc32Test, MatchesTheKnownCheckValue) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32(""), 0u);
}

// Written here, read back by Info-ZIP's unzip: the archive is one every
// tool opens, with every byte and name as given.
TEST(ZipWriterTest, UnzipReadsBackEveryFileWhole) {
  ZipWriter zip(Instant{1'796'000'000'000});
  std::string binary;
  for (int i = 0; i < 256; ++i) binary.push_back(static_cast<char>(i));
  ASSERT_TRUE(zip.Add("README.txt", "What is in this download.\n"));
  ASSERT_TRUE(zip.Add("journal/entries.json", R"({"entries":["café ☕"]})"));
  ASSERT_TRUE(zip.Add("bytes.bin", binary));
  ASSERT_TRUE(zip.Add("empty.json", ""));
  const std::string archive = std::move(zip).Finish();

  const auto dir =
      std::filesystem::temp_directory_path() / ("sb-zip-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.zip", std::ios::binary) << archive;
  const std::string test = "unzip -tq " + (dir / "a.zip").string() + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(test.c_str()), 0) << "unzip -t finds the archive sound";
  const std::string extract = "cd " + dir.string() + " && unzip -q a.zip -d out >/dev/null 2>&1";
  ASSERT_EQ(std::system(extract.c_str()), 0);
  const auto read = [&](const char* name) {
    std::ifstream in(dir / "out" / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(read("README.txt"), "What is in this download.\n");
  EXPECT_EQ(read("journal/entries.json"), R"({"entries":["café ☕"]})");
  EXPECT_EQ(read("bytes.bin"), binary);
  EXPECT_EQ(read("empty.json"), "");
  std::filesystem::remove_all(dir);
}

TEST(ZipWriterTest, RefusesNamesThatLeaveTheFolder) {
  ZipWriter zip(Instant{0});
  EXPECT_FALSE(zip.Add("../etc/passwd", "x"));
  EXPECT_FALSE(zip.Add("/abs.json", "x"));
  EXPECT_FALSE(zip.Add("a\\b.json", "x"));
  EXPECT_FALSE(zip.Add("", "x"));
  EXPECT_TRUE(zip.Add("fine/name.json", "x"));
}

}  // namespace
}  // namespace securebase
