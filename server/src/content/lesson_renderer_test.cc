#include "content/lesson_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::content {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Result {
  RenderedLesson lesson;
  std::vector<Problem> problems;
};

// Renders `body` as if it started on line 10 of lesson.md.
Result Render(const std::string& body) {
  Result r;
  r.lesson = RenderLesson(body, 10, "lesson.md", r.problems);
  return r;
}

std::string AllHtml(const RenderedLesson& lesson) {
  std::string out;
  for (const auto& block : lesson.blocks) {
    if (const auto* html = std::get_if<domain::HtmlBlock>(&block)) out += html->html;
  }
  return out;
}

std::string Problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.ToString() + "\n";
  return out;
}

TEST(LessonRenderer, MarkdownBecomesOneHtmlBlock) {
  const auto r = Render("Some *gentle* text.\n\n## A heading\n\n- one\n- two\n");
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  ASSERT_EQ(r.lesson.blocks.size(), 1u);
  EXPECT_EQ(domain::LessonBlockKind(r.lesson.blocks[0]), std::string("html"));
  EXPECT_EQ(AllHtml(r.lesson),
            "<p>Some <em>gentle</em> text.</p>\n<h2>A heading</h2>\n<ul>\n<li>one</li>\n"
            "<li>two</li>\n</ul>\n");
  EXPECT_EQ(r.lesson.word_count, 7);
}

TEST(LessonRenderer, DirectivesSplitTheLessonIntoTypedBlocks) {
  const auto r = Render(
      "Before.\n"                                     // 10
      "\n"                                            // 11
      "::practice{id=grounding-54321}\n"              // 12
      "\n"                                            // 13
      "Between.\n"                                    // 14
      "\n"                                            // 15
      "::prompt{id=p-1} What do you notice *now*?\n"  // 16
      "\n"                                            // 17
      "::prompt{id=\"p-2\"} A question that wraps\n"  // 18
      "onto a second line.\n");                       // 19
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  ASSERT_EQ(r.lesson.blocks.size(), 5u);
  EXPECT_EQ(std::get<domain::HtmlBlock>(r.lesson.blocks[0]).html, "<p>Before.</p>\n");
  EXPECT_EQ(std::get<domain::PracticeBlock>(r.lesson.blocks[1]).practice_id, "grounding-54321");
  EXPECT_EQ(std::get<domain::HtmlBlock>(r.lesson.blocks[2]).html, "<p>Between.</p>\n");
  const auto& p1 = std::get<domain::PromptBlock>(r.lesson.blocks[3]);
  EXPECT_EQ(p1.id, "p-1");
  EXPECT_EQ(p1.text, "What do you notice *now*?");  // plain text, never rendered
  const auto& p2 = std::get<domain::PromptBlock>(r.lesson.blocks[4]);
  EXPECT_EQ(p2.id, "p-2");
  EXPECT_EQ(p2.text, "A question that wraps onto a second line.");

  ASSERT_EQ(r.lesson.practices.size(), 1u);
  EXPECT_EQ(r.lesson.practices[0].line, 12);
  ASSERT_EQ(r.lesson.prompts.size(), 2u);
  EXPECT_EQ(r.lesson.prompts[0].line, 16);
  EXPECT_EQ(r.lesson.prompts[1].line, 18);
  // Before, Between, and the words of both questions.
  EXPECT_EQ(r.lesson.word_count, 2 + 5 + 8);
}

TEST(LessonRenderer, LinesEndAsCmarkEndsThem) {
  // A stray CR ends a line for cmark; the directive after it is still read
  // as one, on the line cmark gives it, and so is a CR LF file.
  for (const std::string end : {"\r", "\r\n"}) {
    const auto r = Render("Before." + end + end + "::practice{id=grounding-54321}" + end + end +
                          "::prompt{id=p-1} What now?" + end);
    EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
    ASSERT_EQ(r.lesson.practices.size(), 1u);
    EXPECT_EQ(r.lesson.practices[0].line, 12);
    ASSERT_EQ(r.lesson.prompts.size(), 1u);
    EXPECT_EQ(r.lesson.prompts[0].line, 14);
    EXPECT_EQ(std::get<domain::PromptBlock>(r.lesson.blocks.back()).text, "What now?");
  }
}

TEST(LessonRenderer, RawHtmlComesOutInertAndIsReported) {
  const auto r = Render(
      "Hello <script>alert(1)</script> there.\n"  // 10
      "\n"                                        // 11
      "<div onclick=\"steal()\">block</div>\n"    // 12
      "\n"                                        // 13
      "<img src=x onerror=alert(1)>\n");          // 14
  const std::string html = AllHtml(r.lesson);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<div")));
  EXPECT_THAT(html, Not(HasSubstr("onclick")));
  EXPECT_THAT(html, Not(HasSubstr("onerror")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, HasSubstr("<!-- raw HTML omitted -->"));
  ASSERT_EQ(r.problems.size(), 3u) << Problems(r.problems);  // one per line
  EXPECT_EQ(r.problems[0].line, 10);
  EXPECT_EQ(r.problems[1].line, 12);
  EXPECT_EQ(r.problems[2].line, 14);
  EXPECT_THAT(r.problems[0].message, HasSubstr("HTML is not shown"));
}

TEST(LessonRenderer, DangerousLinksLoseTheirTargetAndAreReported) {
  const auto r = Render(
      "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](vbscript:x)\n"  // 10
      "\n"                                                                   // 11
      "[d](data:text/html;base64,PHNjcmlwdD4=) [e](file:///etc/passwd)\n"    // 12
      "\n"                                                                   // 13
      "![f](javascript:alert(1))\n");                                        // 14
  const std::string html = AllHtml(r.lesson);
  EXPECT_THAT(html, Not(HasSubstr("javascript")));
  EXPECT_THAT(html, Not(HasSubstr("JavaScript")));
  EXPECT_THAT(html, Not(HasSubstr("vbscript")));
  EXPECT_THAT(html, Not(HasSubstr("data:")));
  EXPECT_THAT(html, Not(HasSubstr("file:")));
  EXPECT_THAT(html, HasSubstr("<a href=\"\">a</a>"));
  ASSERT_EQ(r.problems.size(), 6u) << Problems(r.problems);
  EXPECT_EQ(r.problems[0].line, 10);
  EXPECT_EQ(r.problems[3].line, 12);
  EXPECT_EQ(r.problems[5].line, 14);
  EXPECT_THAT(r.problems[0].message, HasSubstr("removed for safety"));
}

TEST(LessonRenderer, DataImagesAreRemovedAsTheProblemSays) {
  // cmark's safe mode keeps these four image types; the renderer does not.
  const auto r = Render(
      "![a](data:image/png;base64,AA) ![b](data:image/gif;base64,R0lG)\n"  // 10
      "\n"                                                                 // 11
      "[c](data:image/jpeg;base64,AA) [d](DATA:image/webp;base64,AA)\n");  // 12
  EXPECT_THAT(AllHtml(r.lesson), Not(HasSubstr("base64")));
  ASSERT_EQ(r.problems.size(), 4u) << Problems(r.problems);
  EXPECT_THAT(r.problems[0].message, HasSubstr("removed for safety"));
}

TEST(LessonRenderer, ImagesFromOtherSitesAreNotShownAndAreReported) {
  const auto r = Render(
      "![a calm lake](https://tracker.example/lake.png)\n"              // 10
      "\n"                                                              // 11
      "![b](//cdn.example/b.png) and ![c](HTTP://x.example/c.png)\n");  // 12
  const std::string html = AllHtml(r.lesson);
  EXPECT_THAT(html, Not(HasSubstr("example")));
  EXPECT_THAT(html, HasSubstr("alt=\"a calm lake\""));
  ASSERT_EQ(r.problems.size(), 3u) << Problems(r.problems);
  EXPECT_EQ(r.problems[0].line, 10);
  EXPECT_EQ(r.problems[2].line, 12);
  EXPECT_THAT(r.problems[0].message, HasSubstr("is from another website and is not shown"));
}

TEST(LessonRenderer, OrdinaryLinksAreKept) {
  const auto r = Render("[NHS](https://www.nhs.uk/) and [mail](mailto:hello@example.org)\n");
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  EXPECT_THAT(AllHtml(r.lesson), HasSubstr("<a href=\"https://www.nhs.uk/\">NHS</a>"));
  EXPECT_THAT(AllHtml(r.lesson), HasSubstr("<a href=\"mailto:hello@example.org\">mail</a>"));
}

TEST(LessonRenderer, LessonLinksPointAtTheAppAndAreCollected) {
  const auto r = Render(
      "First line.\n"                                    // 10
      "See [the window](lesson:window-of-tolerance).\n"  // 11
      "\n"                                               // 12
      "> Also [this](lesson:hello).\n");                 // 13
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  EXPECT_THAT(AllHtml(r.lesson),
              HasSubstr("<a href=\"/course/lessons/window-of-tolerance\">the window</a>"));
  EXPECT_THAT(AllHtml(r.lesson), HasSubstr("<a href=\"/course/lessons/hello\">this</a>"));
  ASSERT_EQ(r.lesson.lesson_links.size(), 2u);
  EXPECT_EQ(r.lesson.lesson_links[0].id, "window-of-tolerance");
  EXPECT_EQ(r.lesson.lesson_links[0].line, 11);
  EXPECT_EQ(r.lesson.lesson_links[1].id, "hello");
  EXPECT_EQ(r.lesson.lesson_links[1].line, 13);
}

TEST(LessonRenderer, LessonLinkWithoutAValidId) {
  for (const std::string link : {"lesson:", "lesson:Not_An_Id"}) {
    const auto r = Render("[x](" + link + ")\n");
    ASSERT_EQ(r.problems.size(), 1u) << link;
    EXPECT_EQ(r.problems[0].line, 10);
    EXPECT_THAT(r.problems[0].message, HasSubstr("needs a lesson id"));
    EXPECT_TRUE(r.lesson.lesson_links.empty());
  }
}

TEST(LessonRenderer, BadDirectivesAreReportedOnTheirLine) {
  struct Case {
    std::string body;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"::video{id=x}\n", "'::video' is not something Secure Base knows"},
      {":: practice{id=x}\n", "'::' is not something Secure Base knows"},
      {"::practice id=x\n", "write the id in braces right after ::practice"},
      {"::practice{id=x\n", "write the id in braces right after ::practice"},
      {"::practice{}\n", "::practice needs an id"},
      {"::prompt{name=x} Q?\n", "::prompt takes only an id; remove 'name=…'"},
      {"::prompt{id} Q?\n", "inside the braces of ::prompt write id=… and nothing else"},
      {"::prompt{id=\"x} Q?\n", "the quote after id= is never closed"},
      {"::practice{id=Box_Breathing}\n", "may use only lowercase letters"},
      {"::prompt{id=p-1}\n", "the prompt 'p-1' has no question"},
      {"::practice{id=box} Breathe now.\n", "write nothing after ::practice{…}"},
  };
  for (const auto& c : cases) {
    const auto r = Render("Words.\n\n" + c.body);
    ASSERT_EQ(r.problems.size(), 1u) << c.body << Problems(r.problems);
    EXPECT_EQ(r.problems[0].line, 12) << c.body;
    EXPECT_THAT(r.problems[0].message, HasSubstr(c.message)) << c.body;
  }
}

TEST(LessonRenderer, TextStuckToAPracticeIsReported) {
  const auto r = Render("::practice{id=box}\nThis line belongs to no paragraph.\n");
  ASSERT_EQ(r.problems.size(), 1u) << Problems(r.problems);
  EXPECT_EQ(r.problems[0].line, 11);
  EXPECT_THAT(r.problems[0].message, HasSubstr("put a blank line between ::practice{…}"));
}

TEST(LessonRenderer, TwoDirectivesOnConsecutiveLinesAreBothRead) {
  const auto r = Render("::practice{id=box}\n::prompt{id=q} Why?\n");
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  ASSERT_EQ(r.lesson.blocks.size(), 2u);
  EXPECT_EQ(domain::LessonBlockKind(r.lesson.blocks[0]), std::string("practice"));
  EXPECT_EQ(domain::LessonBlockKind(r.lesson.blocks[1]), std::string("prompt"));
  EXPECT_EQ(r.lesson.prompts[0].line, 11);
}

TEST(LessonRenderer, DirectiveInsideAListOrMidSentenceIsReported) {
  const auto r = Render(
      "- ::practice{id=box}\n"        // 10
      "\n"                            // 11
      "Try ::prompt{id=q} this.\n");  // 12
  ASSERT_EQ(r.problems.size(), 2u) << Problems(r.problems);
  EXPECT_EQ(r.problems[0].line, 10);
  EXPECT_EQ(r.problems[1].line, 12);
  EXPECT_THAT(r.problems[0].message, HasSubstr("must be a paragraph of its own"));
  EXPECT_TRUE(r.lesson.practices.empty());
}

TEST(LessonRenderer, DirectivesInCodeAreJustCode) {
  const auto r = Render("Write it like this:\n\n    ::practice{id=box}\n");
  EXPECT_TRUE(r.problems.empty()) << Problems(r.problems);
  EXPECT_TRUE(r.lesson.practices.empty());
  EXPECT_THAT(AllHtml(r.lesson), HasSubstr("<pre><code>::practice{id=box}"));
}

TEST(LessonRenderer, InvalidUtf8IsReplaced) {
  const auto r = Render("caf\xC3 and more\n");
  EXPECT_THAT(AllHtml(r.lesson), HasSubstr("\xEF\xBF\xBD"));
}

TEST(LessonRenderer, LessonPath) {
  EXPECT_EQ(LessonPath("hello"), "/course/lessons/hello");
}

}  // namespace
}  // namespace securebase::content
