#include "app/content_editing.h"
#include "fakes/memory_settings_repository.h"
#include "support/content_tree.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace securebase::app {
namespace {

using securebase::testing::ContentTree;
using ::testing::HasSubstr;

constexpr const char* kLesson = "course/c/01-m/01-l.md";

// A served content folder with one course, and the console's editor on it.
struct Editing {
  Editing() {
    tree.WriteMinimalCourse();
    tree.Write("course/c/01-m/02-k.md", ContentTree::Lesson("k", "Kind words"));
    auto loaded = tree.Load();
    EXPECT_TRUE(loaded.ok());
    EXPECT_TRUE(publisher.Start(std::move(loaded)));
  }

  std::string Revision() { return (*settings.Get(kContentRevisionKey))->value; }

  ContentTree tree;
  domain::Catalog catalog;
  fakes::MemorySettingsRepository settings;
  FakeClock clock{Instant{1'700'000'000'000}};
  ContentPublisher publisher{tree.root(), catalog, settings, clock};
  ContentEditing editing{tree.root(), publisher, catalog};
};

std::string LessonTitle(const domain::PublishedContent& content, std::string_view id) {
  auto found = domain::FindLesson(content.courses, id);
  return found ? found->place.lesson->title : "";
}

TEST(ContentEditing, ReadsAFileWithItsRevision) {
  Editing e;
  auto file = e.editing.Read(kLesson);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->path, kLesson);
  EXPECT_EQ(file->text, ContentTree::Lesson("l", "Lesson"));
  EXPECT_FALSE(file->revision.empty());
  EXPECT_EQ(e.editing.Read("../etc/passwd").error().code, ErrorCode::kUnprocessable);
  EXPECT_EQ(e.editing.Read("course/c/01-m/09-none.md").error().code, ErrorCode::kNotFound);
}

TEST(ContentEditing, ChecksAnEditAsPartOfTheWholeSetWithoutWritingIt) {
  Editing e;
  auto good = e.editing.Check(kLesson, ContentTree::Lesson("l", "A new title"));
  ASSERT_TRUE(good);
  EXPECT_TRUE(good->ok());
  EXPECT_EQ(LessonTitle(*good->content, "l"), "A new title");

  // Fine on its own, but its id is the other lesson's.
  auto clash = e.editing.Check(kLesson, ContentTree::Lesson("k", "Lesson"));
  ASSERT_TRUE(clash);
  ASSERT_FALSE(clash->ok());
  EXPECT_THAT(clash->problems[0].message, HasSubstr("'k'"));

  auto broken = e.editing.Check(
      kLesson, "+++\nid = \"l\"\ntitle = 3\nsummary = \"S.\"\nminutes = 5\n+++\n\nText.\n");
  ASSERT_TRUE(broken);
  ASSERT_EQ(broken->problems.size(), 1u);
  EXPECT_EQ(broken->problems[0].file, kLesson);
  EXPECT_EQ(broken->problems[0].line, 3);
  EXPECT_THAT(broken->problems[0].message, HasSubstr("title"));
  EXPECT_EQ(e.tree.Read(kLesson), ContentTree::Lesson("l", "Lesson"));
}

TEST(ContentEditing, SavesAGoodEditAndPublishesItUnderANewRevision) {
  Editing e;
  const std::string before = e.catalog.Current()->revision;
  const std::string text = ContentTree::Lesson("l", "Saved title");
  auto saved = e.editing.Save(kLesson, text, e.editing.Read(kLesson)->revision);
  ASSERT_TRUE(saved) << saved.error().message;
  ASSERT_TRUE(saved->ok());
  EXPECT_EQ(e.tree.Read(kLesson), text);
  EXPECT_EQ(saved->file_revision, e.editing.Read(kLesson)->revision);
  EXPECT_EQ(e.catalog.Current(), saved->published);
  EXPECT_EQ(LessonTitle(*e.catalog.Current(), "l"), "Saved title");
  EXPECT_NE(e.catalog.Current()->revision, before);
  // Written for the other instances, and not reloaded again by this one.
  EXPECT_EQ(e.Revision(), e.catalog.Current()->revision);
  EXPECT_TRUE(e.publisher.CheckForImport());
  EXPECT_EQ(e.catalog.Current(), saved->published);
}

TEST(ContentEditing, RefusesABadEditAndLeavesTheFileAndTheCatalogAlone) {
  Editing e;
  const auto served = e.catalog.Current();
  auto saved = e.editing.Save(kLesson, "+++\nid = \"l\"\n+++\n\nText.\n", std::nullopt);
  ASSERT_TRUE(saved);
  ASSERT_FALSE(saved->ok());
  EXPECT_EQ(saved->published, served);
  EXPECT_EQ(e.catalog.Current(), served);
  EXPECT_EQ(e.tree.Read(kLesson), ContentTree::Lesson("l", "Lesson"));
}

TEST(ContentEditing, RefusesASaveMadeOnAnOlderText) {
  Editing e;
  const std::string opened = e.editing.Read(kLesson)->revision;
  e.tree.Write(kLesson, ContentTree::Lesson("l", "Changed in another tab"));
  auto saved = e.editing.Save(kLesson, ContentTree::Lesson("l", "Mine"), opened);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
  EXPECT_EQ(saved.error().type, domain::kContentFileChanged);
  EXPECT_EQ(e.tree.Read(kLesson), ContentTree::Lesson("l", "Changed in another tab"));
}

TEST(ContentEditing, ReloadsFilesEditedByHandOnlyWhenTheyPass) {
  Editing e;
  e.tree.Write(kLesson, ContentTree::Lesson("l", "Edited by hand"));
  auto reloaded = e.editing.Reload();
  ASSERT_TRUE(reloaded);
  ASSERT_TRUE(reloaded->ok());
  EXPECT_EQ(LessonTitle(*e.catalog.Current(), "l"), "Edited by hand");

  const auto served = e.catalog.Current();
  e.tree.Write("course/c/01-m/02-k.md", "no front matter\n");
  auto refused = e.editing.Reload();
  ASSERT_TRUE(refused);
  ASSERT_FALSE(refused->ok());
  EXPECT_EQ(refused->problems[0].file, "course/c/01-m/02-k.md");
  EXPECT_EQ(e.catalog.Current(), served);
}

TEST(ContentPublisher, NamesTheFileOfEveryPartItServes) {
  Editing e;
  const auto content = e.catalog.Current();
  EXPECT_EQ(content->loaded_at, e.clock.Now());
  std::vector<std::string> files;
  for (const auto& s : content->sources) files.push_back(s.kind + " " + s.id + " " + s.file);
  EXPECT_THAT(files, ::testing::ElementsAre(
                         "lesson l course/c/01-m/01-l.md", "lesson k course/c/01-m/02-k.md",
                         "module m course/c/01-m/module.toml", "course c course/c/course.toml"));
}

}  // namespace
}  // namespace securebase::app
