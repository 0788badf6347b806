#include "content/content_loader.h"
#include "support/content_tree.h"
#include "support/source_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace securebase::content {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

using securebase::testing::ContentTree;

std::vector<Problem> ProblemsFor(const ContentSet& set, const std::string& file) {
  std::vector<Problem> out;
  for (const auto& p : set.problems) {
    if (p.file == file) out.push_back(p);
  }
  return out;
}

std::string AllProblems(const ContentSet& set) {
  std::string out;
  for (const auto& p : set.problems) out += p.ToString() + "\n";
  return out;
}

// Exactly one problem for file; returns it (or an empty Problem after a failure).
Problem OnlyProblem(const ContentSet& set, const std::string& file) {
  const auto ps = ProblemsFor(set, file);
  EXPECT_EQ(ps.size(), 1u) << AllProblems(set);
  EXPECT_EQ(set.problems.size(), 1u) << AllProblems(set);
  return ps.empty() ? Problem{} : ps.front();
}

TEST(ContentLoader, LoadsAValidTreeWithNoProblems) {
  ContentTree tree;
  tree.Write("course/heal/course.toml",
             ContentTree::Toml("heal", "Heal") + "[pacing]\nmode = \"open\"\n");
  tree.Write("course/heal/01-start/module.toml", ContentTree::Toml("start", "Start"));
  tree.Write("course/heal/01-start/01-welcome.md", ContentTree::Lesson("welcome", "Welcome"));
  tree.Write("course/heal/01-start/02-safety.md", ContentTree::Lesson("safety", "Safety first"));
  tree.Write("course/heal/01-start/README.md", "Notes for editors, not a lesson.\n");
  tree.Write("course/heal/02-next/module.toml", ContentTree::Toml("next", "Next"));
  tree.Write("course/heal/02-next/01-more.md", ContentTree::Lesson("more", "More"));
  tree.Write("questionnaires/closeness.toml",
             "id = \"closeness\"\nversion = 1\nkind = \"general\"\ntitle = \"Closeness\"\n"
             "instructions = \"How true?\"\n[scale]\nmin = 0\nmax = 1\nlabels = [\"No\", \"Yes\"]\n"
             "[[subscales]]\nid = \"near\"\ntitle = \"Near\"\n"
             "[[items]]\nid = \"n1\"\ntext = \"I feel near.\"\nsubscale = \"near\"\n");
  tree.Write("practices/cyclic-sighing.toml",
             ContentTree::Practice("cyclic-sighing", "Cyclic sighing"));
  tree.Write("crisis/gb.toml",
             "country = \"GB\"\nname = \"United Kingdom\"\nemergency = \"999\"\n"
             "last_verified = 2026-11-29\n[[lines]]\nid = \"l\"\nname = \"L\"\n"
             "description = \"d\"\nphone = \"116 123\"\nhours = \"24/7\"\n"
             "last_verified = 2026-11-29\n");
  tree.Write(".editorconfig", "root = true\n");
  tree.Write("course/heal/notes.txt", "scratch\n");
  tree.Write("README.md", "# Content\n");

  const ContentSet set = tree.Load();
  EXPECT_TRUE(set.ok()) << AllProblems(set);
  EXPECT_EQ(set.files_read, 9);
  const std::map<DocumentKind, int> want = {
      {DocumentKind::kCourse, 1},   {DocumentKind::kModule, 2},
      {DocumentKind::kLesson, 3},   {DocumentKind::kQuestionnaire, 1},
      {DocumentKind::kPractice, 1}, {DocumentKind::kCrisisLines, 1},
  };
  EXPECT_EQ(set.CountByKind(), want);

  const Document* welcome = nullptr;
  for (const auto& d : set.documents) {
    if (d.id == "welcome") welcome = &d;
  }
  ASSERT_NE(welcome, nullptr);
  EXPECT_EQ(welcome->kind, DocumentKind::kLesson);
  EXPECT_EQ(welcome->title, "Welcome");
  EXPECT_EQ(welcome->file, fs::path("course/heal/01-start/01-welcome.md"));
  EXPECT_EQ(welcome->body, "\nSome text.\n");
}

TEST(ContentLoader, LessonWithoutFrontMatter) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-bad.md", "# A heading\n\nid = \"x\"\n");
  const auto set = tree.Load();
  const Problem p = OnlyProblem(set, "course/c/01-m/02-bad.md");
  EXPECT_EQ(p.line, 1);
  EXPECT_THAT(p.message, HasSubstr("must start with front matter"));
  EXPECT_FALSE(set.ok());
}

TEST(ContentLoader, LessonWithUnclosedFrontMatter) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-bad.md", "+++\nid = \"bad\"\ntitle = \"Bad\"\n\nBody text.\n");
  const Problem p = OnlyProblem(tree.Load(), "course/c/01-m/02-bad.md");
  EXPECT_EQ(p.line, 1);
  EXPECT_THAT(p.message, HasSubstr("never closed"));
}

TEST(ContentLoader, InvalidTomlInFrontMatterNamesTheRealFileLine) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-bad.md",
             "+++\n"              // 1
             "id = \"bad\"\n"     // 2
             "title = \"Bad\"\n"  // 3
             "\n"                 // 4
             "summary = oops\n"   // 5: a bare word is not a TOML value
             "+++\n"              // 6
             "Body.\n");
  const Problem p = OnlyProblem(tree.Load(), "course/c/01-m/02-bad.md");
  EXPECT_EQ(p.line, 5);
  EXPECT_THAT(p.message, StartsWith("not valid TOML"));
}

TEST(ContentLoader, InvalidTomlInADataFileNamesTheLine) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("practices/p.toml", "id = \"p\"\ntitle = \"P\"\nminutes = = 3\n");
  const Problem p = OnlyProblem(tree.Load(), "practices/p.toml");
  EXPECT_EQ(p.line, 3);
  EXPECT_THAT(p.message, StartsWith("not valid TOML"));
}

TEST(ContentLoader, MissingIdInALessonPointsAtTheFrontMatter) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-bad.md",
             "+++\ntitle = \"No id\"\nsummary = \"S.\"\nminutes = 3\n+++\nBody.\n");
  const Problem p = OnlyProblem(tree.Load(), "course/c/01-m/02-bad.md");
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.message, "'id' is required and must be text");
}

TEST(ContentLoader, MissingTitleInAModule) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/02-n/module.toml", "# A module\nid = \"n\"\nsummary = \"S.\"\n");
  tree.Write("course/c/02-n/01-l.md", ContentTree::Lesson("l2", "L2"));
  const Problem p = OnlyProblem(tree.Load(), "course/c/02-n/module.toml");
  EXPECT_EQ(p.line, 1);
  EXPECT_EQ(p.message, "'title' is required and must be text");
}

TEST(ContentLoader, QuestionnairesAreParsedAndTheirIdsUniqueAcrossFiles) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  const std::string q =
      "id = \"same\"\nversion = 1\nkind = \"general\"\ntitle = \"Q\"\n"
      "instructions = \"I.\"\n[scale]\nmin = 0\nmax = 1\nlabels = [\"No\", \"Yes\"]\n"
      "[[subscales]]\nid = \"s\"\ntitle = \"S\"\n"
      "[[items]]\nid = \"i\"\ntext = \"T.\"\nsubscale = \"s\"\n";
  tree.Write("questionnaires/a.toml", q);
  tree.Write("questionnaires/b.toml", q);
  tree.Write("questionnaires/c.toml", "id = \"c\"\ntitle = \"Only a title\"\n");
  const ContentSet set = tree.Load();
  ASSERT_EQ(set.questionnaires.size(), 2u);
  EXPECT_EQ(set.questionnaires[0].id, "same");
  const auto b = ProblemsFor(set, "questionnaires/b.toml");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].line, 1);
  EXPECT_EQ(b[0].message, "the questionnaire id 'same' is used twice");
  EXPECT_TRUE(ProblemsFor(set, "questionnaires/a.toml").empty());
  EXPECT_EQ(ProblemsFor(set, "questionnaires/c.toml").size(), 6u);
}

TEST(ContentLoader, IdThatIsNotTextNamesItsLine) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("practices/q.toml", "title = \"Q\"\n\nid = 7\n" + ContentTree::PracticeRest());
  const Problem p = OnlyProblem(tree.Load(), "practices/q.toml");
  EXPECT_EQ(p.line, 3);
  EXPECT_EQ(p.message, "'id' is required and must be text");
}

TEST(ContentLoader, EmptyIdOrTitleIsRequired) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("practices/p.toml", "id = \"\"\ntitle = \"\"\n" + ContentTree::PracticeRest());
  const auto set = tree.Load();
  const auto ps = ProblemsFor(set, "practices/p.toml");
  ASSERT_EQ(ps.size(), 2u) << AllProblems(set);
  EXPECT_EQ(ps[0].line, 1);
  EXPECT_THAT(ps[0].message, HasSubstr("'id' is required"));
  EXPECT_EQ(ps[1].line, 2);
  EXPECT_THAT(ps[1].message, HasSubstr("'title' is required"));
}

TEST(ContentLoader, BadIdShapes) {
  const std::string too_long(81, 'a');
  const std::vector<std::string> ids = {"Welcome", "two words",   "under_score", "-lead",
                                        "trail-",  "caf\xC3\xA9", too_long};
  for (const auto& id : ids) {
    ContentTree tree;
    tree.WriteMinimalCourse();
    tree.Write("course/c/01-m/02-bad.md", "+++\ntitle = \"T\"\nid = \"" + id +
                                              "\"\nsummary = \"S.\"\nminutes = 3\n+++\nBody.\n");
    const Problem p = OnlyProblem(tree.Load(), "course/c/01-m/02-bad.md");
    EXPECT_EQ(p.line, 3) << id;
    EXPECT_EQ(p.message, "the id '" + id + "' may use only lowercase letters, digits and hyphens");
  }
}

TEST(ContentLoader, IdOfEightyCharactersIsFine) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-ok.md", ContentTree::Lesson(std::string(79, 'a') + "1", "T"));
  const auto set = tree.Load();
  EXPECT_TRUE(set.ok()) << AllProblems(set);
}

TEST(ContentLoader, DuplicateLessonIdsAcrossModules) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-first.md", ContentTree::Lesson("same", "First"));
  tree.Write("course/c/02-n/module.toml", ContentTree::Toml("n", "N"));
  tree.Write("course/c/02-n/01-second.md", ContentTree::Lesson("same", "Second"));
  const Problem p = OnlyProblem(tree.Load(), "course/c/02-n/01-second.md");
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.message,
            "the lesson id 'same' is used twice (also in course/c/01-m/02-first.md:2): give each "
            "lesson its own id");
}

TEST(ContentLoader, TheSameIdInDifferentKindsIsFine) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("practices/m.toml", ContentTree::Practice("m", "Shares the module's id"));
  tree.Write("course/c/01-m/02-m.md", ContentTree::Lesson("m", "Also m"));
  const auto set = tree.Load();
  EXPECT_TRUE(set.ok()) << AllProblems(set);
}

TEST(ContentLoader, LessonWithEmptyBody) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write(
      "course/c/01-m/02-empty.md",
      "+++\nid = \"empty\"\ntitle = \"Empty\"\nsummary = \"S.\"\nminutes = 1\n+++\n\n   \n\t\n");
  const auto set = tree.Load();
  const Problem p = OnlyProblem(set, "course/c/01-m/02-empty.md");
  EXPECT_EQ(p.line, 7);
  EXPECT_EQ(p.message, "the lesson has no text after its front matter");
  EXPECT_EQ(p.ToString(),
            "course/c/01-m/02-empty.md:7: the lesson has no text after its front matter");
}

TEST(ContentLoader, FilesInUnknownPlaces) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  const std::vector<std::string> stray = {
      "course/c/stray.md",           // a lesson outside any module
      "course/c/01-m/deep/01-x.md",  // too deep
      "course/top.toml",             // beside the courses
      "practices/sub/p.toml",        // practices are flat
      "questionnaires/q.json",       // wrong extension
      "recipes/cake.toml",           // unknown folder
      "course/c/01-m/lesson.toml",   // module folders hold .md lessons
  };
  for (const auto& f : stray) tree.Write(f, "id = \"x\"\ntitle = \"X\"\n");
  const auto set = tree.Load();
  ASSERT_EQ(set.problems.size(), stray.size()) << AllProblems(set);
  for (const auto& f : stray) {
    const auto ps = ProblemsFor(set, f);
    ASSERT_EQ(ps.size(), 1u) << f << "\n" << AllProblems(set);
    EXPECT_EQ(ps[0].line, 0) << f;
    EXPECT_THAT(ps[0].message, HasSubstr("not in a place Secure Base reads content from")) << f;
    EXPECT_THAT(ps[0].ToString(), StartsWith(f + ": this file"));
  }
  // Stray files are not read as documents.
  EXPECT_EQ(set.CountByKind().at(DocumentKind::kLesson), 1);
  EXPECT_EQ(set.files_read, 3);
}

TEST(ContentLoader, CollectsEveryProblemInsteadOfStoppingAtTheFirst) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-a.md", "no front matter\n");
  tree.Write("practices/p.toml", "title = \"no id\"\n" + ContentTree::PracticeRest());
  tree.Write("crisis/gb.toml", "country = \"gb\"\n");
  const auto set = tree.Load();
  EXPECT_GE(set.problems.size(), 3u) << AllProblems(set);
  EXPECT_EQ(ProblemsFor(set, "course/c/01-m/02-a.md").size(), 1u);
  EXPECT_EQ(ProblemsFor(set, "practices/p.toml").size(), 1u);
  EXPECT_FALSE(ProblemsFor(set, "crisis/gb.toml").empty());
}

TEST(ContentLoader, MissingRootIsAProblem) {
  ContentTree tree;
  const auto set = LoadContent(tree.root() / "does-not-exist");
  ASSERT_EQ(set.problems.size(), 1u);
  EXPECT_EQ(set.problems[0].file, ".");
  EXPECT_THAT(set.problems[0].message, HasSubstr("does not exist"));
  EXPECT_TRUE(set.documents.empty());
}

TEST(ContentLoader, ProblemToStringOmitsLineZero) {
  EXPECT_EQ((Problem{"a/b.md", 3, "bad"}).ToString(), "a/b.md:3: bad");
  EXPECT_EQ((Problem{"a/b.md", 0, "bad"}).ToString(), "a/b.md: bad");
}

TEST(ContentLoader, DocumentKindNames) {
  EXPECT_STREQ(DocumentKindName(DocumentKind::kCourse), "course");
  EXPECT_STREQ(DocumentKindName(DocumentKind::kModule), "module");
  EXPECT_STREQ(DocumentKindName(DocumentKind::kLesson), "lesson");
  EXPECT_STREQ(DocumentKindName(DocumentKind::kQuestionnaire), "questionnaire");
  EXPECT_STREQ(DocumentKindName(DocumentKind::kPractice), "practice");
  EXPECT_STREQ(DocumentKindName(DocumentKind::kCrisisLines), "crisis lines file");
}

TEST(ContentLoader, TheSampleCourseLoadsRenderedAndInOrder) {
  const fs::path root = securebase::testing::SourceDir() / "server/tests/fixtures/course";
  const auto set = LoadContent(root);
  ASSERT_TRUE(set.ok()) << AllProblems(set);
  ASSERT_EQ(set.courses.size(), 1u);
  const domain::Course& course = set.courses[0];
  EXPECT_EQ(course.id, "sample-course");
  EXPECT_EQ(course.pacing.mode, domain::PacingMode::kGentle);
  EXPECT_EQ(course.pacing.days_between_modules, 2);
  ASSERT_EQ(course.modules.size(), 2u);
  EXPECT_EQ(course.modules[0].id, "arriving");
  EXPECT_EQ(course.modules[1].id, "settling");
  ASSERT_EQ(course.modules[0].lessons.size(), 2u);
  const domain::Lesson& hello = course.modules[0].lessons[0];
  EXPECT_EQ(hello.id, "hello");
  EXPECT_EQ(hello.minutes, 5);
  EXPECT_EQ(hello.source_file, "course/sample-course/01-arriving/01-hello.md");
  ASSERT_EQ(hello.blocks.size(), 3u);
  const auto& html = std::get<domain::HtmlBlock>(hello.blocks[0]).html;
  EXPECT_THAT(html, HasSubstr("<strong>slowly</strong>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"/course/lessons/a-breath\">next lesson</a>"));
  EXPECT_EQ(std::get<domain::PracticeBlock>(hello.blocks[1]).practice_id, "grounding-54321");
  // Named from the practice file, for a lesson read offline.
  EXPECT_EQ(std::get<domain::PracticeBlock>(hello.blocks[1]).title, "Fixture: five senses");
  EXPECT_EQ(std::get<domain::PromptBlock>(hello.blocks[2]).text, "What brought you here today?");
  const auto next = domain::FindLesson(set.courses, "a-breath");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->place.previous, &hello);
  EXPECT_EQ(next->place.next->id, "staying");
}

TEST(ContentLoader, PracticeFilesAddToTheKnownPractices) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-p.md",
             "+++\nid = \"p\"\ntitle = \"P\"\nsummary = \"S.\"\nminutes = 3\n"
             "practices = [\"humming\"]\n+++\nText.\n\n::practice{id=humming}\n");
  EXPECT_EQ(tree.Load().problems.size(), 2u);  // listed and embedded, both unknown
  tree.Write("practices/humming.toml", ContentTree::Practice("humming", "Humming"));
  const auto set = tree.Load();
  EXPECT_TRUE(set.ok()) << AllProblems(set);
}

TEST(ContentLoader, PracticesAreParsedAndEachIdHasOneFile) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("practices/calm.toml", ContentTree::Practice("calm", "Calm"));
  tree.Write("practices/calm-2.toml", ContentTree::Practice("calm", "Calm again"));
  const auto set = tree.Load();
  ASSERT_EQ(set.practices.size(), 1u);
  EXPECT_EQ(set.practices[0].title, "Calm");
  EXPECT_EQ(set.practices[0].instructions_html, "<p>Sit.</p>\n");
  const Problem p = OnlyProblem(set, "practices/calm-2.toml");
  EXPECT_EQ(p.line, 1);
  EXPECT_THAT(p.message, HasSubstr("name the file after the id, practices/calm.toml"));
}

TEST(ContentLoader, TheRepositoryContentLoadsWithoutProblems) {
  const fs::path root = securebase::testing::SourceDir() / "content";
  ASSERT_TRUE(fs::is_directory(root)) << root;
  const auto set = LoadContent(root);
  EXPECT_TRUE(set.ok()) << AllProblems(set);
  const auto counts = set.CountByKind();
  EXPECT_GE(counts.count(DocumentKind::kCourse) ? counts.at(DocumentKind::kCourse) : 0, 1);
  EXPECT_GE(counts.count(DocumentKind::kModule) ? counts.at(DocumentKind::kModule) : 0, 1);
  EXPECT_GE(counts.count(DocumentKind::kLesson) ? counts.at(DocumentKind::kLesson) : 0, 1);
  EXPECT_EQ(set.files_read, static_cast<int>(set.documents.size()));
  ASSERT_FALSE(set.courses.empty());
  // Every practice a lesson uses has its file.
  for (const auto& course : set.courses) {
    for (const auto& module : course.modules) {
      for (const auto& lesson : module.lessons) {
        for (const auto& id : lesson.practices) {
          EXPECT_NE(domain::FindPractice(set.practices, id), nullptr) << lesson.id << ": " << id;
        }
      }
    }
  }
  for (const auto& course : set.courses) {
    EXPECT_FALSE(course.modules.empty()) << course.id;
    for (const auto& module : course.modules) {
      EXPECT_FALSE(module.lessons.empty()) << module.id;
      for (const auto& lesson : module.lessons) {
        EXPECT_FALSE(lesson.blocks.empty()) << lesson.id;
        EXPECT_GT(lesson.word_count, 100) << lesson.id;
      }
    }
  }
}

}  // namespace
}  // namespace securebase::content

namespace securebase::content {
namespace {

TEST(ContentLoaderOverlay, ReadsAnOverlaidFileFromMemoryAndTheRestFromDisk) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  const ContentSet set =
      LoadContent(tree.root(), {{"course/c/01-m/01-l.md", ContentTree::Lesson("l", "In memory")}});
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set.courses.size(), 1u);
  EXPECT_EQ(set.courses[0].modules[0].lessons[0].title, "In memory");
  EXPECT_EQ(tree.Read("course/c/01-m/01-l.md"), ContentTree::Lesson("l", "Lesson"));
}

TEST(ContentLoaderOverlay, ChecksAnOverlaidFileAgainstTheOthers) {
  ContentTree tree;
  tree.WriteMinimalCourse();
  tree.Write("course/c/01-m/02-k.md", ContentTree::Lesson("k", "Other"));
  const ContentSet set =
      LoadContent(tree.root(), {{"course/c/01-m/02-k.md", ContentTree::Lesson("l", "Other")}});
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.problems[0].message, HasSubstr("used twice"));
}

}  // namespace
}  // namespace securebase::content
