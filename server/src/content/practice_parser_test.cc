#include "content/practice_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::content {
namespace {

using ::testing::HasSubstr;

// A valid breathing practice; tests replace one line to break it.
const std::string kBreathing =
    "id = \"slow\"\n"                                       // 1
    "title = \"Slow breathing\"\n"                          // 2
    "summary = \"Breathe slowly.\"\n"                       // 3
    "kind = \"breathing\"\n"                                // 4
    "durations = [3, 5, 10]\n"                              // 5
    "default_duration = 5\n"                                // 6
    "signs = [\"emotional_regulation\", \"rumination\"]\n"  // 7
    "evidence = \"Studied.\"\n"                             // 8
    "instructions = \"\"\"\n"                               // 9
    "Sit **comfortably**.\n"                                // 10
    "\n"                                                    // 11
    "You can stop at any time.\n"                           // 12
    "\"\"\"\n"                                              // 13
    "[rate]\n"                                              // 14
    "default = 6\n"                                         // 15
    "min = 4\n"                                             // 16
    "max = 8\n"                                             // 17
    "[[phases]]\n"                                          // 18
    "name = \"in\"\n"                                       // 19
    "seconds = 4.5\n"                                       // 20
    "[[phases]]\n"                                          // 21
    "name = \"out\"\n"                                      // 22
    "seconds = 5.5\n";                                      // 23

const std::string kSteps =
    "id = \"steps\"\n"                                // 1
    "title = \"Steps\"\n"                             // 2
    "summary = \"One thing at a time.\"\n"            // 3
    "kind = \"steps\"\n"                              // 4
    "durations = [2, 4]\n"                            // 5
    "default_duration = 2\n"                          // 6
    "evidence = \"A convention.\"\n"                  // 7
    "instructions = \"Go gently.\"\n"                 // 8
    "steps = [\n"                                     // 9
    "  { text = \"Look around.\", seconds = 60 },\n"  // 10
    "  { text = \"Listen.\", seconds = 60 },\n"       // 11
    "]\n";                                            // 12

// Replaces line `line` (1-based) of `text` with `with` (which may be
// several lines or none).
std::string WithLine(const std::string& text, int line, const std::string& with) {
  std::string out;
  int n = 1;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const std::string current = text.substr(start, end - start);
    out += n == line ? (with.empty() ? "" : with + "\n") : current + "\n";
    ++n;
    start = end + 1;
  }
  return out;
}

struct Outcome {
  std::optional<ParsedPractice> parsed;
  std::vector<Problem> problems;

  std::string All() const {
    std::string out;
    for (const auto& p : problems) out += p.ToString() + "\n";
    return out;
  }
};

Outcome Parse(const std::string& text, const std::string& file) {
  Outcome o;
  o.parsed = ParsePractice(text, file, o.problems);
  return o;
}

// The file must give exactly one problem; returns it.
Problem Only(const std::string& text, const std::string& file = "practices/slow.toml") {
  const Outcome o = Parse(text, file);
  EXPECT_FALSE(o.parsed);
  EXPECT_EQ(o.problems.size(), 1u) << o.All();
  if (o.problems.empty()) return {};
  EXPECT_EQ(o.problems[0].file, file);
  return o.problems[0];
}

TEST(PracticeParser, ReadsABreathingPractice) {
  const Outcome o = Parse(kBreathing, "practices/slow.toml");
  ASSERT_TRUE(o.parsed) << o.All();
  const domain::Practice& p = o.parsed->practice;
  EXPECT_EQ(o.parsed->id_line, 1);
  EXPECT_EQ(p.id, "slow");
  EXPECT_EQ(p.title, "Slow breathing");
  EXPECT_EQ(p.summary, "Breathe slowly.");
  EXPECT_EQ(p.kind, domain::PracticeKind::kBreathing);
  EXPECT_EQ(p.durations, (std::vector<int>{3, 5, 10}));
  EXPECT_EQ(p.default_duration, 5);
  EXPECT_EQ(p.signs, (std::vector<std::string>{"emotional_regulation", "rumination"}));
  EXPECT_EQ(p.evidence, "Studied.");
  EXPECT_EQ(p.instructions_html,
            "<p>Sit <strong>comfortably</strong>.</p>\n<p>You can stop at any time.</p>\n");
  ASSERT_TRUE(p.breathing);
  ASSERT_EQ(p.breathing->phases.size(), 2u);
  EXPECT_EQ(p.breathing->phases[0].kind, domain::BreathPhaseKind::kIn);
  EXPECT_DOUBLE_EQ(p.breathing->phases[0].seconds, 4.5);
  EXPECT_EQ(p.breathing->phases[1].kind, domain::BreathPhaseKind::kOut);
  ASSERT_TRUE(p.breathing->rate);
  EXPECT_DOUBLE_EQ(p.breathing->rate->default_rate, 6);
  EXPECT_DOUBLE_EQ(p.breathing->rate->min, 4);
  EXPECT_DOUBLE_EQ(p.breathing->rate->max, 8);
  EXPECT_TRUE(p.steps.empty());
}

TEST(PracticeParser, ReadsAStepsPracticeWithInlineTables) {
  const Outcome o = Parse(kSteps, "practices/steps.toml");
  ASSERT_TRUE(o.parsed) << o.All();
  const domain::Practice& p = o.parsed->practice;
  EXPECT_EQ(p.kind, domain::PracticeKind::kSteps);
  ASSERT_EQ(p.steps.size(), 2u);
  EXPECT_EQ(p.steps[1].text, "Listen.");
  EXPECT_EQ(p.steps[1].seconds, 60);
  EXPECT_FALSE(p.breathing);
  EXPECT_TRUE(p.signs.empty());
}

TEST(PracticeParser, ATimerNeedsNoPhasesOrSteps) {
  const std::string timer = WithLine(WithLine(kSteps, 4, "kind = \"timer\""), 9, "");
  const std::string text = timer.substr(0, timer.find("  { text"));
  const Outcome o = Parse(text, "practices/steps.toml");
  ASSERT_TRUE(o.parsed) << o.All();
  EXPECT_EQ(o.parsed->practice.kind, domain::PracticeKind::kTimer);
}

TEST(PracticeParser, UnknownKind) {
  const Problem p = Only(WithLine(kBreathing, 4, "kind = \"breath\""));
  EXPECT_EQ(p.line, 4);
  EXPECT_THAT(p.message, HasSubstr("kind 'breath' is not known"));
}

TEST(PracticeParser, MisspeltSettingsAreNamed) {
  Problem p = Only(WithLine(kBreathing, 8, "evidence = \"S.\"\nevidense = \"x\""));
  EXPECT_EQ(p.line, 9);
  EXPECT_THAT(p.message, HasSubstr("'evidense' is not a setting"));
  p = Only(WithLine(kBreathing, 20, "seconds = 4.5\nsecs = 4"));
  EXPECT_EQ(p.line, 21);
  EXPECT_THAT(p.message, HasSubstr("'secs' is not a setting"));
  p = Only(WithLine(kBreathing, 17, "max = 8\nfastest = 9"));
  EXPECT_EQ(p.line, 18);
  EXPECT_THAT(p.message, HasSubstr("'fastest' is not a setting"));
}

TEST(PracticeParser, BreathingWithoutPhases) {
  const std::string text = kBreathing.substr(0, kBreathing.find("[[phases]]"));
  const Problem p = Only(text);
  EXPECT_EQ(p.line, 4);
  EXPECT_THAT(p.message, HasSubstr("'phases' is required for this kind"));
}

TEST(PracticeParser, PhaseSecondsMustBePositive) {
  for (const std::string bad : {"seconds = 0", "seconds = -2", "seconds = 61"}) {
    const Problem p = Only(WithLine(kBreathing, 23, bad));
    EXPECT_EQ(p.line, 23) << bad;
    EXPECT_THAT(p.message, HasSubstr("'seconds' must be more than 0 and at most 60")) << bad;
  }
  const Problem p = Only(WithLine(kBreathing, 23, "seconds = \"5\""));
  EXPECT_THAT(p.message, HasSubstr("must be a number"));
}

TEST(PracticeParser, UnknownPhaseAndABreathWithoutOut) {
  const Outcome o = Parse(WithLine(kBreathing, 22, "name = \"exhale\""), "practices/slow.toml");
  ASSERT_EQ(o.problems.size(), 2u) << o.All();
  EXPECT_EQ(o.problems[0].line, 22);
  EXPECT_THAT(o.problems[0].message, HasSubstr("the phase 'exhale' is not known"));
  EXPECT_EQ(o.problems[1].line, 18);
  EXPECT_THAT(o.problems[1].message, HasSubstr("one named \"out\""));
}

TEST(PracticeParser, RateOutOfOrderOrRange) {
  Problem p = Only(WithLine(kBreathing, 16, "min = 7"));
  EXPECT_EQ(p.line, 15);
  EXPECT_THAT(p.message, HasSubstr("default (6) must lie between its min (7) and max (8)"));
  p = Only(WithLine(kBreathing, 17, "max = 5.5"));
  EXPECT_THAT(p.message, HasSubstr("between its min (4) and max (5.5)"));
  p = Only(WithLine(kBreathing, 17, "max = 13"));
  EXPECT_EQ(p.line, 17);
  EXPECT_THAT(p.message, HasSubstr("the rate's 'max' (13) must be from 2 to 12"));
  p = Only(WithLine(kBreathing, 16, "min = 1"));
  EXPECT_EQ(p.line, 16);
  p = Only(WithLine(kBreathing, 15, ""));
  EXPECT_EQ(p.line, 14);
  EXPECT_THAT(p.message, HasSubstr("'default' is required"));
}

TEST(PracticeParser, StepsMissingForKindSteps) {
  const std::string text = kSteps.substr(0, kSteps.find("steps = ["));
  const Problem p = Only(text, "practices/steps.toml");
  EXPECT_EQ(p.line, 4);
  EXPECT_THAT(p.message, HasSubstr("'steps' is required for this kind"));
  const Problem empty = Only(text + "steps = []\n", "practices/steps.toml");
  EXPECT_EQ(empty.line, 9);
}

TEST(PracticeParser, StepsNeedTextAndSecondsThatAddUpToTheDefault) {
  Problem p =
      Only(WithLine(kSteps, 11, "  { text = \"Listen.\", seconds = 0 },"), "practices/steps.toml");
  EXPECT_EQ(p.line, 11);
  EXPECT_THAT(p.message, HasSubstr("'seconds' must be a whole number from 1 to 3600"));
  p = Only(WithLine(kSteps, 11, "  { text = \"\", seconds = 60 },"), "practices/steps.toml");
  EXPECT_THAT(p.message, HasSubstr("'text' is required"));
  p = Only(WithLine(kSteps, 11, "  { text = \"Listen.\", seconds = 30 },"), "practices/steps.toml");
  EXPECT_EQ(p.line, 6);
  EXPECT_THAT(p.message, HasSubstr("the steps last 90 seconds in all, but 'default_duration' is "
                                   "2 minutes (120 seconds)"));
}

TEST(PracticeParser, PhasesRateAndStepsOnlyWithTheirKind) {
  const Outcome o = Parse(WithLine(kBreathing, 4, "kind = \"steps\""), "practices/slow.toml");
  EXPECT_FALSE(o.parsed);
  std::string all = o.All();
  EXPECT_THAT(all, HasSubstr(":18: 'phases' belongs only to a practice of kind \"breathing\""));
  EXPECT_THAT(all, HasSubstr(":14: 'rate' belongs only"));
  EXPECT_THAT(all, HasSubstr(":4: 'steps' is required for this kind"));
  const Problem p = Only(WithLine(kSteps, 4, "kind = \"timer\""), "practices/steps.toml");
  EXPECT_EQ(p.line, 9);
  EXPECT_THAT(p.message, HasSubstr("'steps' belongs only to a practice of kind \"steps\""));
}

TEST(PracticeParser, DurationsMustBeSensibleMinutes) {
  const std::vector<std::string> bad = {"durations = []",       "durations = [0, 5]",
                                        "durations = [5, -3]",  "durations = [5, 61]",
                                        "durations = [5, 2.5]", "durations = \"5\""};
  for (const auto& line : bad) {
    const Outcome o = Parse(WithLine(kBreathing, 5, line), "practices/slow.toml");
    EXPECT_FALSE(o.parsed) << line;
    ASSERT_FALSE(o.problems.empty()) << line;
    EXPECT_EQ(o.problems[0].line, 5) << line;
    EXPECT_THAT(o.problems[0].message, HasSubstr("durations")) << line;
  }
  const Problem order = Only(WithLine(kBreathing, 5, "durations = [5, 3, 10]"));
  EXPECT_THAT(order.message, HasSubstr("from shortest to longest"));
  const Problem missing = Only(WithLine(kBreathing, 5, ""));
  EXPECT_THAT(missing.message, HasSubstr("'durations' is required"));
}

TEST(PracticeParser, DefaultDurationMustBeOneOfTheDurations) {
  Problem p = Only(WithLine(kBreathing, 6, "default_duration = 4"));
  EXPECT_EQ(p.line, 6);
  EXPECT_EQ(p.message, "'default_duration' (4 minutes) must be one of 'durations'");
  p = Only(WithLine(kBreathing, 6, "default_duration = 90"));
  EXPECT_THAT(p.message, HasSubstr("from 1 to 60"));
}

TEST(PracticeParser, UnknownAndRepeatedSigns) {
  const Outcome o =
      Parse(WithLine(kBreathing, 7, "signs = [\"rumination\", \"worry\",\n  \"rumination\"]"),
            "practices/slow.toml");
  ASSERT_EQ(o.problems.size(), 2u) << o.All();
  EXPECT_EQ(o.problems[0].line, 7);
  EXPECT_THAT(o.problems[0].message, HasSubstr("'worry' is not a sign: use the sign ids"));
  EXPECT_EQ(o.problems[1].line, 8);
  EXPECT_EQ(o.problems[1].message, "the sign 'rumination' is listed twice");
}

TEST(PracticeParser, TheFileIsNamedAfterTheId) {
  const Problem p = Only(kBreathing, "practices/slow-breathing.toml");
  EXPECT_EQ(p.line, 1);
  EXPECT_THAT(p.message, HasSubstr("the file is called 'slow-breathing.toml' but the practice's "
                                   "id is 'slow'"));
  const Problem bad = Only(WithLine(kBreathing, 1, "id = \"Slow\""), "practices/Slow.toml");
  EXPECT_EQ(bad.message, "the id 'Slow' may use only lowercase letters, digits and hyphens");
}

TEST(PracticeParser, InstructionsAreSafeMarkdownWithProblemsOnTheirFileLine) {
  Problem p = Only(WithLine(kBreathing, 12, "A <b>bold</b> word."));
  EXPECT_EQ(p.line, 12);
  EXPECT_THAT(p.message, HasSubstr("HTML is not shown"));
  p = Only(WithLine(kBreathing, 12, "[Read more](javascript:alert(1))"));
  EXPECT_EQ(p.line, 12);
  EXPECT_THAT(p.message, HasSubstr("removed for safety"));
  p = Only(WithLine(kBreathing, 12, "::practice{id=box-breathing}"));
  EXPECT_EQ(p.line, 12);
  EXPECT_THAT(p.message, HasSubstr("cannot embed a ::practice"));
  p = Only(WithLine(kBreathing, 12, "See [the lesson](lesson:safety)."));
  EXPECT_EQ(p.line, 12);
  EXPECT_THAT(p.message, HasSubstr("cannot link to the lesson 'safety'"));
  // On one line, the text starts on the setting's own line.
  const std::string one_line =
      WithLine(WithLine(WithLine(WithLine(kBreathing, 13, ""), 12, ""), 11, ""), 10, "");
  p = Only(WithLine(one_line, 9, "instructions = \"Sit <i>here</i>.\""));
  EXPECT_EQ(p.line, 9);
}

TEST(PracticeParser, MissingTextSettingsAreEachReported) {
  const Outcome o = Parse("id = \"x\"\nkind = \"timer\"\ndurations = [1]\ndefault_duration = 1\n",
                          "practices/x.toml");
  EXPECT_FALSE(o.parsed);
  const std::string all = o.All();
  for (const std::string key : {"title", "summary", "evidence", "instructions"}) {
    EXPECT_THAT(all, HasSubstr("'" + key + "' is required")) << all;
  }
}

TEST(PracticeParser, NotTomlNamesTheLine) {
  const Problem p = Only(WithLine(kBreathing, 6, "default_duration = = 5"));
  EXPECT_EQ(p.line, 6);
  EXPECT_THAT(p.message, HasSubstr("not valid TOML"));
}

}  // namespace
}  // namespace securebase::content
