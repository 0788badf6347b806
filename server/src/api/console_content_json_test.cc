#include "api/console_content_json.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include <memory>

namespace securebase::api {
namespace {

namespace json = boost::json;

// One course with one module and two lessons, one practice, and the file
// each came from.
std::shared_ptr<domain::PublishedContent> Sample() {
  auto content = std::make_shared<domain::PublishedContent>();
  domain::Lesson first;
  first.id = "hello";
  first.title = "Hello";
  first.source_file = "course/c/01-m/01-hello.md";
  first.blocks = {domain::HtmlBlock{"<p>Hi.</p>"}, domain::PracticeBlock{"box", "Box breathing"}};
  domain::Lesson second;
  second.id = "next";
  second.title = "Next";
  second.source_file = "course/c/01-m/02-next.md";
  domain::Course course;
  course.id = "c";
  course.title = "Course";
  course.modules = {domain::Module{"m", "Module", "", {first, second}}};
  content->courses.push_back(std::move(course));
  content->sources = {{"course", "c", "Course", "course/c/course.toml"},
                      {"module", "m", "Module", "course/c/01-m/module.toml"},
                      {"practice", "box", "Box breathing", "practices/box.toml"}};
  content->loaded_at = Instant{1'774'857'600'000};  // 2026-03-30T08:00:00Z
  return content;
}

TEST(ConsoleContentJson, TheTreeNamesEachPartsFile) {
  auto content = Sample();
  content->revision = "r1";
  EXPECT_EQ(json::serialize(EncodeContentTree(*content)),
            R"({"revision":"r1","loaded_at":"2026-03-30T08:00:00Z","courses":[)"
            R"({"id":"c","title":"Course","file":"course/c/course.toml","modules":[)"
            R"({"id":"m","title":"Module","file":"course/c/01-m/module.toml","lessons":[)"
            R"({"id":"hello","title":"Hello","file":"course/c/01-m/01-hello.md"},)"
            R"({"id":"next","title":"Next","file":"course/c/01-m/02-next.md"}]}]}],)"
            R"("practices":[{"id":"box","title":"Box breathing","file":"practices/box.toml"}],)"
            R"("questionnaires":[],"crisis_lines":[]})");
}

TEST(ConsoleContentJson, NoRevisionBeforeAnyChangeIsNull) {
  EXPECT_EQ(json::serialize(EncodeServedContent(*Sample())),
            R"({"revision":null,"loaded_at":"2026-03-30T08:00:00Z"})");
}

TEST(ConsoleContentJson, AProblemAboutAWholeFileHasANullLine) {
  EXPECT_EQ(json::serialize(EncodeContentProblems({{"a.md", 3, "bad"}, {"b.toml", 0, "gone"}})),
            R"([{"file":"a.md","line":3,"message":"bad"},)"
            R"({"file":"b.toml","line":null,"message":"gone"}])");
}

TEST(ConsoleContentJson, APreviewIsTheLessonFromThatFileAsALearnerFirstSeesIt) {
  const auto content = Sample();
  const json::value preview = EncodeLessonPreview(content, "course/c/01-m/01-hello.md");
  ASSERT_TRUE(preview.is_object());
  EXPECT_EQ(preview.at("id").as_string(), "hello");
  EXPECT_EQ(json::serialize(preview.at("blocks")),
            R"([{"kind":"html","html":"<p>Hi.</p>"},)"
            R"({"kind":"practice","practice_id":"box","title":"Box breathing"}])");
  EXPECT_TRUE(preview.at("progress").is_null());
  EXPECT_EQ(json::serialize(preview.at("next")), R"({"id":"next","title":"Next","open":true})");
  EXPECT_TRUE(EncodeLessonPreview(content, "course/c/course.toml").is_null());
  EXPECT_TRUE(EncodeLessonPreview(content, "course/c/01-m/09-none.md").is_null());
}

}  // namespace
}  // namespace securebase::api
