#include "content/course_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::content {
namespace {

using ::testing::HasSubstr;

std::set<std::string, std::less<>> Practices() {
  return {"box-breathing", "grounding-54321"};
}

std::string Problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.ToString() + "\n";
  return out;
}

// Builds a course tree from file texts, as the loader does, failing the test
// when a file itself has problems (these tests are about checks across files).
class TreeBuilder {
 public:
  TreeBuilder& Course(const std::string& dir, const std::string& id) {
    std::vector<Problem> problems;
    tree_[dir].course = ParseCourseFile("id = \"" + id + "\"\ntitle = \"T\"\nsummary = \"S.\"\n",
                                        dir + "/course.toml", problems);
    EXPECT_TRUE(problems.empty()) << Problems(problems);
    return *this;
  }
  TreeBuilder& Module(const std::string& dir, const std::string& module_dir,
                      const std::string& id) {
    std::vector<Problem> problems;
    tree_[dir].modules[module_dir].module =
        ParseModuleFile("id = \"" + id + "\"\ntitle = \"T\"\nsummary = \"S.\"\n",
                        dir + "/" + module_dir + "/module.toml", problems);
    EXPECT_TRUE(problems.empty()) << Problems(problems);
    return *this;
  }
  TreeBuilder& Lesson(const std::string& dir, const std::string& module_dir,
                      const std::string& file, const std::string& id,
                      const std::string& body = "Text.\n", const std::string& practices = "") {
    std::vector<Problem> problems;
    auto lesson = ParseLessonFile("+++\nid = \"" + id +
                                      "\"\ntitle = \"T\"\nsummary = \"S.\"\nminutes = 5\n"
                                      "practices = [" +
                                      practices + "]\n+++\n" + body,
                                  dir + "/" + module_dir + "/" + file, problems);
    EXPECT_TRUE(problems.empty()) << Problems(problems);
    if (lesson) tree_[dir].modules[module_dir].lessons.push_back(std::move(*lesson));
    return *this;
  }
  CourseTree Build() { return std::move(tree_); }

 private:
  CourseTree tree_;
};

TEST(CourseValidator, AssemblesCoursesInOrder) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-a", "a")
      .Lesson("course/c", "01-a", "01-x.md", "x", "See [y](lesson:y).\n")
      .Lesson("course/c", "01-a", "02-y.md", "y")
      .Module("course/c", "02-b", "b")
      .Lesson("course/c", "02-b", "01-z.md", "z", "Text.\n\n::practice{id=box-breathing}\n",
              "\"box-breathing\"");
  std::vector<Problem> problems;
  const auto courses = BuildCourses(b.Build(), Practices(), problems);
  EXPECT_TRUE(problems.empty()) << Problems(problems);
  ASSERT_EQ(courses.size(), 1u);
  ASSERT_EQ(courses[0].modules.size(), 2u);
  EXPECT_EQ(courses[0].modules[0].id, "a");
  ASSERT_EQ(courses[0].modules[0].lessons.size(), 2u);
  EXPECT_EQ(courses[0].modules[0].lessons[0].id, "x");
  EXPECT_EQ(courses[0].modules[0].lessons[1].id, "y");
  EXPECT_EQ(courses[0].modules[1].lessons[0].id, "z");
}

TEST(CourseValidator, BrokenLessonLink) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-a", "a")
      .Lesson("course/c", "01-a", "01-x.md", "x", "Line.\nSee [gone](lesson:gone).\n");
  std::vector<Problem> problems;
  BuildCourses(b.Build(), Practices(), problems);
  ASSERT_EQ(problems.size(), 1u) << Problems(problems);
  EXPECT_EQ(problems[0].ToString(),
            "course/c/01-a/01-x.md:9: the link goes to lesson 'gone', but no lesson has that id: "
            "check the id in that lesson's front matter");
}

TEST(CourseValidator, LinksMayGoToAnotherCourse) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-a", "a")
      .Lesson("course/c", "01-a", "01-x.md", "x", "See [y](lesson:y).\n")
      .Course("course/d", "d")
      .Module("course/d", "01-b", "b")
      .Lesson("course/d", "01-b", "01-y.md", "y");
  std::vector<Problem> problems;
  EXPECT_EQ(BuildCourses(b.Build(), Practices(), problems).size(), 2u);
  EXPECT_TRUE(problems.empty()) << Problems(problems);
}

TEST(CourseValidator, UnknownPracticesListedOrEmbedded) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-a", "a")
      .Lesson("course/c", "01-a", "01-x.md", "x", "Text.\n\n::practice{id=juggling}\n",
              "\"juggling\"");
  std::vector<Problem> problems;
  BuildCourses(b.Build(), Practices(), problems);
  ASSERT_EQ(problems.size(), 2u) << Problems(problems);
  EXPECT_EQ(problems[0].line, 6);   // practices = [...]
  EXPECT_EQ(problems[1].line, 10);  // ::practice
  EXPECT_EQ(problems[1].message,
            "there is no practice 'juggling': use one of box-breathing, grounding-54321 (see "
            "docs/content.md)");
}

TEST(CourseValidator, DuplicateIdsNameBothPlaces) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-a", "a")
      .Lesson("course/c", "01-a", "01-x.md", "x", "Text.\n\n::prompt{id=q} Why?\n")
      .Lesson("course/c", "01-a", "02-x.md", "x", "Text.\n\n::prompt{id=q} Why again?\n")
      .Module("course/c", "02-a", "a")
      .Lesson("course/c", "02-a", "01-z.md", "z")
      .Course("course/d", "c")
      .Module("course/d", "01-m", "m")
      .Lesson("course/d", "01-m", "01-w.md", "w");
  std::vector<Problem> problems;
  BuildCourses(b.Build(), Practices(), problems);
  const std::string all = Problems(problems);
  ASSERT_EQ(problems.size(), 4u) << all;
  EXPECT_THAT(all, HasSubstr("course/c/01-a/02-x.md:2: the lesson id 'x' is used twice (also in "
                             "course/c/01-a/01-x.md:2): give each lesson its own id"));
  EXPECT_THAT(all, HasSubstr("course/c/01-a/02-x.md:10: the prompt id 'q' is used twice (also in "
                             "course/c/01-a/01-x.md:10)"));
  EXPECT_THAT(all, HasSubstr("course/c/02-a/module.toml:1: the module id 'a' is used twice"));
  EXPECT_THAT(all, HasSubstr("course/d/course.toml:1: the course id 'c' is used twice"));
}

TEST(CourseValidator, MissingAndEmptyFolders) {
  TreeBuilder b;
  b.Course("course/c", "c")
      .Module("course/c", "01-empty", "empty")
      .Lesson("course/c", "02-no-toml", "01-x.md", "x")
      .Course("course/bare", "bare")
      .Lesson("course/no-course-toml", "01-m", "01-y.md", "y");
  std::vector<Problem> problems;
  const auto courses = BuildCourses(b.Build(), Practices(), problems);
  const std::string all = Problems(problems);
  ASSERT_EQ(problems.size(), 4u) << all;
  EXPECT_THAT(all, HasSubstr("course/bare/course.toml: the course has no modules yet"));
  EXPECT_THAT(all, HasSubstr("course/c/01-empty/module.toml: the module has no lessons yet"));
  EXPECT_THAT(all, HasSubstr("course/c/02-no-toml: this module folder has no readable "
                             "module.toml"));
  EXPECT_THAT(all, HasSubstr("course/no-course-toml: this course folder has no readable "
                             "course.toml"));
  ASSERT_EQ(courses.size(), 2u);  // the folder without course.toml is left out
}

}  // namespace
}  // namespace securebase::content
