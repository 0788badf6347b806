#include "content/front_matter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace securebase::content {
namespace {

using ::testing::HasSubstr;

TEST(SplitFrontMatter, SplitsTomlAndBody) {
  const std::string text =
      "+++\n"                   // 1
      "id = \"secure-base\"\n"  // 2
      "title = \"The base\"\n"  // 3
      "+++\n"                   // 4
      "First paragraph.\n"      // 5
      "\n"
      "Second.\n";
  std::string error;
  int line = -1;
  const auto fm = SplitFrontMatter(text, &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "id = \"secure-base\"\ntitle = \"The base\"\n");
  EXPECT_EQ(fm->body, "First paragraph.\n\nSecond.\n");
  EXPECT_EQ(fm->toml_line, 2);
  EXPECT_EQ(fm->body_line, 5);
  EXPECT_TRUE(error.empty());
}

TEST(SplitFrontMatter, HandlesCrlfLineEndingsAndTrailingSpacesOnDelimiters) {
  const std::string text = "+++  \r\nid = \"a\"\r\n+++\t\r\nBody\r\n";
  std::string error;
  int line = 0;
  const auto fm = SplitFrontMatter(text, &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "id = \"a\"\r\n");
  EXPECT_EQ(fm->body, "Body\r\n");
  EXPECT_EQ(fm->body_line, 4);
}

TEST(SplitFrontMatter, SkipsAByteOrderMark) {
  std::string error;
  int line = 0;
  const auto fm = SplitFrontMatter("\xEF\xBB\xBF+++\nid = \"a\"\n+++\nBody\n", &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "id = \"a\"\n");
  EXPECT_EQ(fm->body, "Body\n");
}

TEST(SplitFrontMatter, ClosingDelimiterAtEndOfFileGivesAnEmptyBody) {
  std::string error;
  int line = 0;
  const auto fm = SplitFrontMatter("+++\nid = \"a\"\n+++", &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "id = \"a\"\n");
  EXPECT_EQ(fm->body, "");
  EXPECT_EQ(fm->body_line, 4);
}

TEST(SplitFrontMatter, EmptyFrontMatterIsAllowed) {
  std::string error;
  int line = 0;
  const auto fm = SplitFrontMatter("+++\n+++\nBody", &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "");
  EXPECT_EQ(fm->body, "Body");
  EXPECT_EQ(fm->body_line, 3);
}

TEST(SplitFrontMatter, MissingFrontMatterIsReportedOnLineOne) {
  for (const char* text : {"", "# Title\n\nBody\n", "\n+++\nid = \"a\"\n+++\n",
                           "++++\nid=1\n++++\n", "---\nid: a\n---\n"}) {
    std::string error;
    int line = 0;
    EXPECT_FALSE(SplitFrontMatter(text, &error, &line).has_value()) << text;
    EXPECT_EQ(line, 1) << text;
    EXPECT_THAT(error, HasSubstr("must start with front matter")) << text;
  }
}

TEST(SplitFrontMatter, UnclosedFrontMatterIsReported) {
  for (const char* text : {"+++\nid = \"a\"\nBody\n", "+++", "+++\n", "+++\nid = 1\n++++\n"}) {
    std::string error;
    int line = 0;
    EXPECT_FALSE(SplitFrontMatter(text, &error, &line).has_value()) << text;
    EXPECT_EQ(line, 1) << text;
    EXPECT_THAT(error, HasSubstr("never closed")) << text;
  }
}

TEST(SplitFrontMatter, OnlyTheFirstClosingDelimiterEndsTheFrontMatter) {
  std::string error;
  int line = 0;
  const auto fm = SplitFrontMatter("+++\na = 1\n+++\nText\n+++\nMore\n", &error, &line);
  ASSERT_TRUE(fm.has_value()) << error;
  EXPECT_EQ(fm->toml, "a = 1\n");
  EXPECT_EQ(fm->body, "Text\n+++\nMore\n");
}

}  // namespace
}  // namespace securebase::content
