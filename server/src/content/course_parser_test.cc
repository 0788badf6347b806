#include "content/course_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::content {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.ToString() + "\n";
  return out;
}

// A lesson file with the given front matter lines and body.
std::string LessonFile(const std::string& settings, const std::string& body = "Some text.\n") {
  return "+++\n" + settings + "+++\n" + body;
}

// The required settings, on lines 2 to 5 of a LessonFile.
std::string Required() {
  return "id = \"l\"\ntitle = \"T\"\nsummary = \"S.\"\nminutes = 5\n";
}

TEST(CourseParser, ReadsACourseWithGentlePacing) {
  std::vector<Problem> problems;
  const auto c = ParseCourseFile(
      "id = \"c\"\ntitle = \"C\"\nsummary = \"S.\"\n[pacing]\nmode = \"gentle\"\n"
      "days_between_modules = 3\n",
      "course/c/course.toml", problems);
  ASSERT_TRUE(c);
  EXPECT_TRUE(problems.empty()) << Problems(problems);
  EXPECT_EQ(c->course.id, "c");
  EXPECT_EQ(c->course.title, "C");
  EXPECT_EQ(c->course.summary, "S.");
  EXPECT_EQ(c->course.pacing.mode, domain::PacingMode::kGentle);
  EXPECT_EQ(c->course.pacing.days_between_modules, 3);
  EXPECT_EQ(c->id_line, 1);
}

TEST(CourseParser, CourseWithoutPacingIsOpen) {
  std::vector<Problem> problems;
  const auto c =
      ParseCourseFile("id = \"c\"\ntitle = \"C\"\nsummary = \"S.\"\n", "c.toml", problems);
  ASSERT_TRUE(c);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(c->course.pacing.mode, domain::PacingMode::kOpen);
}

TEST(CourseParser, BadPacing) {
  struct Case {
    std::string pacing;
    int line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[pacing]\nmode = \"weekly\"\n", 5, "pacing mode 'weekly' is not known"},
      {"[pacing]\nmode = \"gentle\"\n", 4, "'days_between_modules' is required"},
      {"[pacing]\nmode = \"gentle\"\ndays_between_modules = 0\n", 6, "from 1 to 365"},
      {"[pacing]\nmode = \"gentle\"\ndays_between_modules = \"3\"\n", 6, "from 1 to 365"},
      {"[pacing]\nmod = \"open\"\n", 5, "'mod' is not a setting"},
      {"pacing = \"gentle\"\n", 4, "'pacing' must be a section"},
  };
  for (const auto& c : cases) {
    std::vector<Problem> problems;
    ParseCourseFile("id = \"c\"\ntitle = \"C\"\nsummary = \"S.\"\n" + c.pacing, "c.toml", problems);
    ASSERT_FALSE(problems.empty()) << c.pacing;
    EXPECT_EQ(problems[0].line, c.line) << c.pacing << Problems(problems);
    EXPECT_THAT(problems[0].message, HasSubstr(c.message)) << c.pacing;
  }
}

TEST(CourseParser, ReadsAModule) {
  std::vector<Problem> problems;
  const auto m = ParseModuleFile("# comment\nid = \"m\"\ntitle = \"M\"\nsummary = \"S.\"\n",
                                 "course/c/01-m/module.toml", problems);
  ASSERT_TRUE(m);
  EXPECT_TRUE(problems.empty()) << Problems(problems);
  EXPECT_EQ(m->module.id, "m");
  EXPECT_EQ(m->id_line, 2);
  EXPECT_EQ(m->file, "course/c/01-m/module.toml");
}

TEST(CourseParser, ModuleMissingSettingsAndAMisspeltOne) {
  std::vector<Problem> problems;
  const auto m = ParseModuleFile("id = \"m\"\ntitel = \"M\"\n", "module.toml", problems);
  ASSERT_TRUE(m);
  ASSERT_EQ(problems.size(), 3u) << Problems(problems);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_THAT(problems[0].message, HasSubstr("'titel' is not a setting Secure Base reads here"));
  EXPECT_THAT(problems[0].message, HasSubstr("id, title, summary"));
  EXPECT_EQ(problems[1].message, "'title' is required and must be text");
  EXPECT_EQ(problems[2].message, "'summary' is required and must be text");
}

TEST(CourseParser, InvalidTomlIsOneProblemOnItsLine) {
  std::vector<Problem> problems;
  EXPECT_FALSE(ParseModuleFile("id = \"m\"\ntitle = = \"M\"\n", "module.toml", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
}

TEST(CourseParser, ReadsALesson) {
  std::vector<Problem> problems;
  const auto l = ParseLessonFile(
      LessonFile("id = \"window\"\ntitle = \"Window\"\nsummary = \"S.\"\naim = \"A.\"\n"
                 "minutes = 12\nsigns = [\"rumination\", \"clinging\"]\n"
                 "practices = [\"box-breathing\"]\n",
                 "\nOne two three.\n\n::practice{id=box-breathing}\n\n::prompt{id=w-1} Why?\n"),
      "course/c/01-m/01-window.md", problems);
  ASSERT_TRUE(l);
  EXPECT_TRUE(problems.empty()) << Problems(problems);
  const domain::Lesson& lesson = l->lesson;
  EXPECT_EQ(lesson.id, "window");
  EXPECT_EQ(lesson.title, "Window");
  EXPECT_EQ(lesson.summary, "S.");
  EXPECT_EQ(lesson.aim, "A.");
  EXPECT_EQ(lesson.minutes, 12);
  EXPECT_THAT(lesson.signs, ElementsAre("rumination", "clinging"));
  EXPECT_THAT(lesson.practices, ElementsAre("box-breathing"));
  EXPECT_EQ(lesson.source_file, "course/c/01-m/01-window.md");
  EXPECT_EQ(lesson.word_count, 4);
  EXPECT_EQ(lesson.reading_minutes, 1);
  ASSERT_EQ(lesson.blocks.size(), 3u);
  EXPECT_EQ(l->id_line, 2);
  ASSERT_EQ(l->rendered.practices.size(), 1u);
  EXPECT_EQ(l->rendered.practices[0].line, 13);  // front matter is lines 1-9, body from 10
  ASSERT_EQ(l->listed_practices.size(), 1u);
  EXPECT_EQ(l->listed_practices[0].line, 8);
}

TEST(CourseParser, ReadingTimeComesFromTheWords) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "word ";
  std::vector<Problem> problems;
  const auto l = ParseLessonFile(LessonFile(Required(), body + "\n"), "l.md", problems);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->lesson.word_count, 1000);
  EXPECT_EQ(l->lesson.reading_minutes, 5);
  EXPECT_EQ(l->lesson.minutes, 5);  // the author's own estimate is kept as it is
}

TEST(CourseParser, LessonFrontMatterProblemsNameTheirLines) {
  struct Case {
    std::string settings;
    int line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"title = \"T\"\nsummary = \"S.\"\nminutes = 5\n", 2, "'id' is required and must be text"},
      {"id = \"l\"\nsummary = \"S.\"\nminutes = 5\n", 2, "'title' is required and must be text"},
      {"id = \"l\"\ntitle = \"T\"\nminutes = 5\n", 2, "'summary' is required and must be text"},
      {"id = \"l\"\ntitle = \"T\"\nsummary = \"S.\"\n", 2,
       "'minutes' is required: a whole number from 1 to 240"},
      {Required() + "aim = 3\n", 6, "'aim' must be text in quotes, or left out"},
      {"id = \"l\"\ntitle = \"T\"\nsummary = \"S.\"\nminutes = 0\n", 5, "from 1 to 240"},
      {"id = \"l\"\ntitle = \"T\"\nsummary = \"S.\"\nminutes = 12.5\n", 5, "whole number"},
      {"id = \"L 1\"\ntitle = \"T\"\nsummary = \"S.\"\nminutes = 5\n", 2,
       "the id 'L 1' may use only lowercase letters, digits and hyphens"},
      {Required() + "signs = [\n  \"clinging\",\n  \"worry\",\n]\n", 8,
       "'worry' is not one of the eight signs; use one of: fear_of_abandonment"},
      {Required() + "signs = [\"clinging\", \"clinging\"]\n", 6,
       "the sign 'clinging' is listed twice"},
      {Required() + "signs = \"clinging\"\n", 6, "'signs' must be a list in brackets"},
      {Required() + "signs = [3]\n", 6, "every entry of 'signs' must be text in quotes"},
      {Required() + "practices = [\"Box\"]\n", 6, "the id 'Box' may use only"},
      {Required() + "practices = [\"box\", \"box\"]\n", 6, "the practice 'box' is listed twice"},
      {Required() + "minutez = 5\n", 6, "'minutez' is not a setting Secure Base reads here"},
  };
  for (const auto& c : cases) {
    std::vector<Problem> problems;
    ParseLessonFile(LessonFile(c.settings), "l.md", problems);
    ASSERT_EQ(problems.size(), 1u) << c.settings << Problems(problems);
    EXPECT_EQ(problems[0].file, "l.md");
    EXPECT_EQ(problems[0].line, c.line) << c.settings;
    EXPECT_THAT(problems[0].message, HasSubstr(c.message)) << c.settings;
  }
}

TEST(CourseParser, LessonWithoutFrontMatter) {
  std::vector<Problem> problems;
  EXPECT_FALSE(ParseLessonFile("# Title\n\nText.\n", "l.md", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_THAT(problems[0].message, HasSubstr("must start with front matter"));
}

TEST(CourseParser, EmptyLessons) {
  {
    std::vector<Problem> problems;
    ParseLessonFile(LessonFile(Required(), "\n  \n"), "l.md", problems);
    ASSERT_EQ(problems.size(), 1u) << Problems(problems);
    EXPECT_EQ(problems[0].line, 7);
    EXPECT_EQ(problems[0].message, "the lesson has no text after its front matter");
  }
  {
    std::vector<Problem> problems;
    ParseLessonFile(LessonFile(Required() + "practices = [\"box\"]\n", "\n::practice{id=box}\n"),
                    "l.md", problems);
    ASSERT_EQ(problems.size(), 1u) << Problems(problems);
    EXPECT_EQ(problems[0].line, 8);
    EXPECT_THAT(problems[0].message, HasSubstr("the lesson has no words of its own"));
  }
}

TEST(CourseParser, EmbeddedPracticeMustBeListed) {
  std::vector<Problem> problems;
  ParseLessonFile(LessonFile(Required(), "Text.\n\n::practice{id=box-breathing}\n"), "l.md",
                  problems);
  ASSERT_EQ(problems.size(), 1u) << Problems(problems);
  EXPECT_EQ(problems[0].line, 9);
  EXPECT_THAT(problems[0].message, HasSubstr("'box-breathing' is embedded here but not listed"));
}

}  // namespace
}  // namespace securebase::content
