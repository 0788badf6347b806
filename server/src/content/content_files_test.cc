#include "content/content_files.h"
#include "support/content_tree.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

namespace securebase::content {
namespace {

namespace fs = std::filesystem;
using securebase::testing::ContentTree;

TEST(CheckContentPath, TakesEveryKindOfContentFile) {
  for (const char* path :
       {"course/c/course.toml", "course/c/01-m/module.toml", "course/c/01-m/01-l.md",
        "practices/box-breathing.toml", "questionnaires/attachment.toml", "crisis/gb.toml"}) {
    auto checked = CheckContentPath(path);
    ASSERT_TRUE(checked) << path << ": " << checked.error().message;
    EXPECT_EQ(*checked, path);
  }
}

TEST(CheckContentPath, RefusesWhatCanNeverBeAContentFile) {
  for (const char* path :
       {"", "/etc/passwd", "../secrets.toml", "course/../../etc/passwd.md",
        "course/c/01-m/../../../x.md", "course/c/./01-m/01-l.md", "course//c/01-m/01-l.md",
        "course/c/01-m/01-l.md/", "course\\c\\01-m\\01-l.md", "course/c/01-m/01-l.txt",
        "course/c/01-m/01-l.html", "course/c/01-m/README.md", "course/c/01-m/.01-l.md",
        "practices/x.md", "practices/sub/x.toml", "securebase.db", "course/c/01-m/01-l.md\n"}) {
    auto checked = CheckContentPath(path);
    ASSERT_FALSE(checked) << path;
    EXPECT_EQ(checked.error().code, ErrorCode::kUnprocessable) << path;
    EXPECT_EQ(checked.error().type, "content-path-refused") << path;
  }
  // A NUL inside the text, not just at the end of a C string.
  EXPECT_FALSE(CheckContentPath(std::string("crisis/gb.toml\0x", 16)));
}

TEST(ExistingContentFile, FindsARegularFileInsideTheFolder) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  auto file = ExistingContentFile(tree.root(), "course/c/01-m/01-l.md");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(*file, fs::canonical(tree.root() / "course/c/01-m/01-l.md"));
  EXPECT_EQ(ExistingContentFile(tree.root(), "course/c/01-m/02-nothing.md").error().code,
            ErrorCode::kNotFound);
}

TEST(ExistingContentFile, TreatsALinkAsNoFile) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  ContentTree outside;
  outside.Write("secret.toml", "id = \"x\"\n");
  fs::create_directories(tree.root() / "practices");
  fs::create_symlink(outside.root() / "secret.toml", tree.root() / "practices/out.toml");
  fs::create_symlink(tree.root() / "course/c/01-m/01-l.md", tree.root() / "course/c/01-m/02-l.md");
  fs::create_directory_symlink(outside.root(), tree.root() / "course/c/02-m");
  outside.Write("01-x.md", "+++\n+++\n");
  EXPECT_EQ(ExistingContentFile(tree.root(), "practices/out.toml").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(ExistingContentFile(tree.root(), "course/c/01-m/02-l.md").error().code,
            ErrorCode::kNotFound);
  // Through a linked folder that leads outside.
  EXPECT_EQ(ExistingContentFile(tree.root(), "course/c/02-m/01-x.md").error().code,
            ErrorCode::kNotFound);
}

TEST(ReplaceFileAtomically, ReplacesTheTextKeepingTheModeAndLeavingNoTemporaryFile) {
  ContentTree tree;
  tree.Write("practices/p.toml", "old");
  const fs::path file = tree.root() / "practices/p.toml";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ASSERT_TRUE(ReplaceFileAtomically(file, "new text\n"));
  EXPECT_EQ(tree.Read("practices/p.toml"), "new text\n");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tree.root() / "practices")) {
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(TextRevision, ChangesWithEveryByte) {
  EXPECT_EQ(TextRevision("a lesson"), TextRevision("a lesson"));
  EXPECT_NE(TextRevision("a lesson"), TextRevision("a lesson "));
}

}  // namespace
}  // namespace securebase::content
