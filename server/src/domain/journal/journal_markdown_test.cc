#include "domain/journal/journal_markdown.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "content/lesson_renderer.h"
#include "domain/course/sign_ids.h"
#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

Instant Utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  const sys_days date = year_month_day(year(y), month(mo), day(d));
  const auto t = date + hours(h) + minutes(mi) + seconds(s);
  return Instant{duration_cast<milliseconds>(t.time_since_epoch()).count()};
}

JournalEntry Entry(std::string id, Instant at, JournalBody body,
                   std::vector<std::string> tags = {}) {
  JournalEntry e;
  e.id = std::move(id);
  e.user_id = "u1";
  e.occurred_at = at;
  e.created_at = at;
  e.updated_at = at;
  e.contents.body = std::move(body);
  e.contents.tags = std::move(tags);
  return e;
}

std::vector<Course> Courses() {
  Lesson lesson;
  lesson.id = "window-of-tolerance";
  lesson.title = "Your window of tolerance";
  lesson.blocks.push_back(HtmlBlock{"<p>Some reading.</p>"});
  lesson.blocks.push_back(PromptBlock{"narrowing", "What tends to narrow your window?"});
  Module module;
  module.id = "foundations";
  module.title = "Foundations";
  module.lessons.push_back(std::move(lesson));
  Course course;
  course.id = "secure-base";
  course.title = "Secure Base";
  course.modules.push_back(std::move(module));
  return {std::move(course)};
}

const date::time_zone& Zone(std::string_view name) {
  const date::time_zone* zone = FindTimeZone(name);
  EXPECT_NE(zone, nullptr) << name;
  return zone ? *zone : *FindTimeZone("UTC");
}

// Markdown rendered to HTML by cmark (CommonMark), as a viewer would.
std::string Html(const std::string& markdown) {
  std::vector<content::Problem> problems;
  const auto rendered = content::RenderLesson(markdown, 1, "export.md", problems);
  std::string html;
  for (const auto& block : rendered.blocks) {
    if (const auto* h = std::get_if<HtmlBlock>(&block)) html += h->html;
  }
  return html;
}

TEST(JournalMarkdown, LearnersWordsRenderAsThemselves) {
  const std::string text =
      "# heading\n"
      "[link](x) and ![image](y.png)\n"
      "*soft* _also_ **strong** `code` <b>bold</b> &amp; &#35; ~~gone~~ | $x$ \\escape\n"
      "- item\n"
      "+ item\n"
      "1. one\n"
      "12) twelve\n"
      "    indented\n"
      "> quoted\n"
      "<https://example.com>\n"
      "[ref]: https://example.com\n"
      "===\n"
      "***";
  EXPECT_EQ(Html(EscapeMarkdownText(text)),
            "<p># heading<br />\n"
            "[link](x) and ![image](y.png)<br />\n"
            "*soft* _also_ **strong** `code` &lt;b&gt;bold&lt;/b&gt; &amp;amp; &amp;#35; "
            "~~gone~~ | $x$ \\escape<br />\n"
            "- item<br />\n"
            "+ item<br />\n"
            "1. one<br />\n"
            "12) twelve<br />\n"
            "indented<br />\n"
            "&gt; quoted<br />\n"
            "&lt;https://example.com&gt;<br />\n"
            "[ref]: https://example.com<br />\n"
            "===<br />\n"
            "***</p>\n");
  // An underline of dashes under a line would make it a heading; a fence
  // would start code.
  EXPECT_EQ(Html(EscapeMarkdownText("Title\n---\n```\nnot code\n```")),
            "<p>Title<br />\n---<br />\n```<br />\nnot code<br />\n```</p>\n");
}

TEST(JournalMarkdown, EscapingKeepsPlainTextPlainAndItsParagraphs) {
  EXPECT_EQ(EscapeMarkdownText("Sam hadn't replied. I felt sick (again)!"),
            "Sam hadn't replied. I felt sick (again)!");
  EXPECT_EQ(EscapeMarkdownText("# heading"), "\\# heading");
  EXPECT_EQ(EscapeMarkdownText("[link](x)"), "\\[link\\](x)");
  EXPECT_EQ(EscapeMarkdownText("2026. A year"), "2026\\. A year");
  EXPECT_EQ(EscapeMarkdownText("In 2026. A year"), "In 2026. A year");
  EXPECT_EQ(EscapeMarkdownText("Fish & chips"), "Fish & chips");
  EXPECT_EQ(EscapeMarkdownText("one\ntwo"), "one  \ntwo");
  EXPECT_EQ(EscapeMarkdownText("one\r\ntwo\rthree"), "one  \ntwo  \nthree");
  EXPECT_EQ(EscapeMarkdownText("\n\n  one  \n\n\n\t two\n\n"), "one\n\ntwo");
  EXPECT_EQ(EscapeMarkdownText("bell\a and tab\there"), "bell and tab here");
  EXPECT_EQ(EscapeMarkdownText(""), "");
  EXPECT_EQ(EscapeMarkdownText(" \n "), "");
  EXPECT_EQ(EscapeMarkdownInline("one\ntwo # three"), "one two # three");
  EXPECT_EQ(EscapeMarkdownInline("# one"), "\\# one");
  EXPECT_EQ(Html("- " + EscapeMarkdownInline("# not a heading in a list")),
            "<ul>\n<li># not a heading in a list</li>\n</ul>\n");
  EXPECT_EQ(EscapeMarkdownText("Zoë’s “words” — über"), "Zoë’s “words” — über");
}

TEST(JournalMarkdown, ChoiceIdsAreInWords) {
  EXPECT_EQ(ChoiceWords("tight_chest"), "Tight chest");
  EXPECT_EQ(ChoiceWords("check_phone"), "Check my phone or their profile");
  EXPECT_EQ(ChoiceWords("activated"), "Stirred up");
  EXPECT_EQ(ChoiceWords("shut_down"), "Shut down");
  EXPECT_EQ(ChoiceWords("paced_breathing"), "Slow, paced breathing");
  EXPECT_EQ(ChoiceWords("fear_of_abandonment"), "Fear of being left");
  EXPECT_EQ(ChoiceWords("other"), "Something else");
  EXPECT_EQ(ChoiceWords("a_new_thing"), "A new thing");
  // Every id an entry may hold has words, and no two share them.
  std::set<std::string> seen;
  auto check = [&](const auto& ids) {
    for (const auto id : ids) {
      const std::string words = ChoiceWords(id);
      EXPECT_EQ(words.find('_'), std::string::npos) << id;
      EXPECT_TRUE(seen.insert(words).second || id == "other") << id << ": " << words;
    }
  };
  check(kSensationIds);
  check(kUrgeIds);
  check(kHelpedIds);
  check(kSignIds);
}

TEST(JournalMarkdown, AJournalIsTitledDatedAndEachEntryHasItsPlace) {
  TriggerLog t;
  t.situation = "Sam hadn't replied for three hours.\nI kept looking.";
  t.self_talk = "They are losing interest.";
  t.sensations = {"tight_chest", "racing_heart"};
  t.body_note = "Hot and jittery.";
  t.state = NervousState::kShutDown;
  t.emotions = {{"afraid", 8}, {"*ashamed*", 4}};
  t.signs = {"fear_of_abandonment"};
  t.urges = {"check_phone"};
  t.urge_note = "   ";  // blank: left out
  t.action = "Put the phone in the other room.";
  t.helped = {"paced_breathing", "writing"};
  t.intensity_before = 8;
  t.intensity_after = 4;

  std::vector<JournalEntry> entries = {
      // Given newest first: the file puts them oldest first.
      Entry("00000000-0000-4000-8000-000000000004", Utc(2026, 11, 28, 21, 40),
            PartsNote{"The watcher", "Being left out", "", "Rest"}),
      Entry("00000000-0000-4000-8000-000000000001", Utc(2026, 7, 1, 20, 5), t,
            {"evenings", "texting"}),
      Entry("00000000-0000-4000-8000-000000000002", Utc(2026, 8, 2, 9),
            Reflection{"A calmer week.", "window-of-tolerance", "narrowing"}),
      Entry("00000000-0000-4000-8000-000000000005", Utc(2026, 11, 29, 8),
            Reflection{"Gone.", "a-lesson-gone", "some-prompt"}),
  };
  WholeJournal journal{std::move(entries), {}};
  journal.unreadable.push_back({"00000000-0000-4000-8000-000000000003", JournalKind::kReflection,
                                Utc(2026, 9, 1, 12), Utc(2026, 9, 1, 12), Utc(2026, 9, 1, 12)});
  const std::string md =
      JournalMarkdown(journal, Courses(), Zone("Europe/London"), Utc(2026, 11, 30, 14, 5));
  EXPECT_EQ(md,
            "# My Secure Base journal\n"
            "\n"
            "Exported on Monday 30 November 2026, 14:05 (Europe/London).\n"
            "\n"
            "5 entries, oldest first.\n"
            "\n"
            "These are your own words. Keep this file somewhere only you can open it.\n"
            "\n"
            "## Wednesday 1 July 2026, 21:05 · Trigger log\n"
            "\n"
            "Tags: evenings, texting\n"
            "\n"
            "**What happened**\n"
            "\n"
            "Sam hadn't replied for three hours.  \n"
            "I kept looking.\n"
            "\n"
            "**What I told myself**\n"
            "\n"
            "They are losing interest.\n"
            "\n"
            "**What I noticed in my body**\n"
            "\n"
            "- Tight chest\n"
            "- Racing heart\n"
            "\n"
            "**More about my body**\n"
            "\n"
            "Hot and jittery.\n"
            "\n"
            "**My nervous system**\n"
            "\n"
            "Shut down: flat, numb, far away or frozen.\n"
            "\n"
            "**What I felt**\n"
            "\n"
            "- afraid: 8 out of 10\n"
            "- \\*ashamed\\*: 4 out of 10\n"
            "\n"
            "**How intense it was at its strongest**\n"
            "\n"
            "8 out of 10\n"
            "\n"
            "**What I felt like doing**\n"
            "\n"
            "- Check my phone or their profile\n"
            "\n"
            "**What I did**\n"
            "\n"
            "Put the phone in the other room.\n"
            "\n"
            "**What helped**\n"
            "\n"
            "- Slow, paced breathing\n"
            "- Writing it down\n"
            "\n"
            "**How intense it was afterwards**\n"
            "\n"
            "4 out of 10\n"
            "\n"
            "**Signs it touched**\n"
            "\n"
            "- Fear of being left\n"
            "\n"
            "## Sunday 2 August 2026, 10:00 · Reflection\n"
            "\n"
            "**A question from “Your window of tolerance”**\n"
            "\n"
            "What tends to narrow your window?\n"
            "\n"
            "**What I wrote**\n"
            "\n"
            "A calmer week.\n"
            "\n"
            "## Tuesday 1 September 2026, 13:00 · Reflection\n"
            "\n"
            "We could not open this entry, so its words are not in this file. It has not been "
            "deleted.\n"
            "\n"
            "## Saturday 28 November 2026, 21:40 · Parts note\n"
            "\n"
            "**The part**\n"
            "\n"
            "The watcher\n"
            "\n"
            "**What it is afraid of**\n"
            "\n"
            "Being left out\n"
            "\n"
            "**What it needs**\n"
            "\n"
            "Rest\n"
            "\n"
            "## Sunday 29 November 2026, 08:00 · Reflection\n"
            "\n"
            "**A question from the course**\n"
            "\n"
            "That question is no longer in the course.\n"
            "\n"
            "**What I wrote**\n"
            "\n"
            "Gone.\n");
}

TEST(JournalMarkdown, LocalTimesFollowTheZoneAndAnEmptyJournalSaysSo) {
  const std::vector<JournalEntry> entries = {Entry("00000000-0000-4000-8000-000000000001",
                                                   Utc(2026, 3, 29, 0, 30),
                                                   PartsNote{"The critic", "", "", ""})};
  const std::string ny =
      JournalMarkdown({entries, {}}, {}, Zone("America/New_York"), Utc(2026, 3, 30, 3));
  EXPECT_NE(ny.find("Exported on Sunday 29 March 2026, 23:00 (America/New_York)."),
            std::string::npos)
      << ny;
  EXPECT_NE(ny.find("## Saturday 28 March 2026, 20:30 · Parts note"), std::string::npos) << ny;
  EXPECT_NE(ny.find("One entry."), std::string::npos) << ny;
  const std::string empty = JournalMarkdown({}, {}, Zone("UTC"), Utc(2026, 3, 30, 3));
  EXPECT_EQ(empty,
            "# My Secure Base journal\n\n"
            "Exported on Monday 30 March 2026, 03:00 (UTC).\n\n"
            "There are no entries in the journal yet.\n\n"
            "These are your own words. Keep this file somewhere only you can open it.\n");
}

TEST(JournalMarkdown, TheWholeFileRendersWithOurHeadingsOnly) {
  TriggerLog t;
  t.situation = "# Not a heading\n[a link](https://example.com)\n<script>alert(1)</script>";
  t.emotions = {{"[x](y)", 3}};
  const std::vector<JournalEntry> entries = {
      Entry("00000000-0000-4000-8000-000000000001", Utc(2026, 7, 1, 20), t, {"#tag", "[t](u)"}),
      Entry("00000000-0000-4000-8000-000000000002", Utc(2026, 7, 2, 20),
            PartsNote{"## The judge", "- a", "1. b", "> c"}),
  };
  const std::string html = Html(JournalMarkdown({entries, {}}, {}, Zone("UTC"), Utc(2026, 8, 1)));
  auto count = [&](std::string_view needle) {
    int n = 0;
    for (auto at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<h1>"), 1) << html;
  EXPECT_EQ(count("<h2>"), 2) << html;
  EXPECT_EQ(count("<h3>"), 0) << html;
  EXPECT_EQ(count("<a "), 0) << html;
  EXPECT_EQ(count("<script"), 0) << html;
  EXPECT_EQ(count("<blockquote>"), 0) << html;
  EXPECT_EQ(count("<ol>"), 0) << html;
  // Our lists only: "What I felt".
  EXPECT_EQ(count("<ul>"), 1) << html;
  EXPECT_NE(html.find("<p># Not a heading<br />\n[a link](https://example.com)<br />\n"
                      "&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<p>Tags: #tag, [t](u)</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>[x](y): 3 out of 10</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p>## The judge</p>"), std::string::npos) << html;
}

}  // namespace
}  // namespace securebase::domain
