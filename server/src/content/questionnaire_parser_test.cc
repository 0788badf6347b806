#include "content/questionnaire_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content/content_loader.h"
#include "domain/course/sign_ids.h"
#include "support/source_dir.h"

namespace securebase::content {
namespace {

using ::testing::HasSubstr;

// A valid attachment questionnaire; tests change one thing at a time.
const std::string kHead = R"(id = "mini"
version = 3
kind = "attachment"
title = "Mini"
instructions = "How much do you agree?"

[scale]
min = 1
max = 3
labels = ["Disagree", "Neither", "Agree"]
)";

const std::string kSubscales = R"(
[[subscales]]
id = "anxiety"
title = "Worry"

[[subscales]]
id = "avoidance"
title = "Distance"
)";

const std::string kItems = R"(
[[items]]
id = "anx-1"
text = "I worry."
subscale = "anxiety"

[[items]]
id = "av-1"
text = "I keep my distance."
subscale = "avoidance"
reverse = true
)";

struct Parsed {
  std::optional<ParsedQuestionnaire> q;
  std::vector<Problem> problems;
};

Parsed Parse(const std::string& text) {
  Parsed out;
  out.q = ParseQuestionnaire(text, "questionnaires/mini.toml", out.problems);
  return out;
}

std::string All(const std::vector<Problem>& ps) {
  std::string out;
  for (const auto& p : ps) out += p.ToString() + "\n";
  return out;
}

// The one problem, or a failure listing them all.
Problem Only(const Parsed& p) {
  EXPECT_EQ(p.problems.size(), 1u) << All(p.problems);
  EXPECT_FALSE(p.q);
  return p.problems.empty() ? Problem{} : p.problems.front();
}

TEST(QuestionnaireParser, ReadsAValidFile) {
  const auto p = Parse(kHead + kSubscales + kItems);
  ASSERT_TRUE(p.q) << All(p.problems);
  const domain::Questionnaire& q = p.q->questionnaire;
  EXPECT_EQ(q.id, "mini");
  EXPECT_EQ(q.version, 3);
  EXPECT_EQ(q.kind, domain::QuestionnaireKind::kAttachment);
  EXPECT_EQ(q.scale.min, 1);
  EXPECT_EQ(q.scale.max, 3);
  EXPECT_EQ(q.scale.labels, (std::vector<std::string>{"Disagree", "Neither", "Agree"}));
  ASSERT_EQ(q.subscales.size(), 2u);
  EXPECT_FALSE(q.subscales[0].norms);
  ASSERT_EQ(q.items.size(), 2u);
  EXPECT_FALSE(q.items[0].reverse);
  EXPECT_TRUE(q.items[1].reverse);
  EXPECT_EQ(q.items[1].subscale, "avoidance");
  EXPECT_EQ(p.q->id_line, 1);
}

TEST(QuestionnaireParser, ReadsNorms) {
  std::string subscales = kSubscales;
  subscales.insert(subscales.find("\n[[subscales]]\nid = \"avoidance\""),
                   "[subscales.norms]\nmean = 2\nsd = 0.8\nreliability = 0.88\n"
                   "source = \"A study, 2020\"\n");
  const auto p = Parse(kHead + subscales + kItems);
  ASSERT_TRUE(p.q) << All(p.problems);
  const auto& norms = p.q->questionnaire.subscales[0].norms;
  ASSERT_TRUE(norms);
  EXPECT_DOUBLE_EQ(norms->mean, 2.0);
  EXPECT_DOUBLE_EQ(norms->sd, 0.8);
  EXPECT_DOUBLE_EQ(norms->reliability, 0.88);
  EXPECT_EQ(norms->source, "A study, 2020");
}

TEST(QuestionnaireParser, RefusesNormsThatCannotGiveReliableChange) {
  std::string subscales = kSubscales;
  subscales.insert(subscales.find("\n[[subscales]]\nid = \"avoidance\""),
                   "[subscales.norms]\nmean = 9\nsd = 0\nreliability = 1.2\n");
  const auto p = Parse(kHead + subscales + kItems);
  EXPECT_FALSE(p.q);
  const std::string all = All(p.problems);
  EXPECT_THAT(all, HasSubstr("mini.toml:16: the norms' 'mean' must lie on the scale"));
  EXPECT_THAT(all, HasSubstr("mini.toml:17: the norms' 'sd'"));
  EXPECT_THAT(all, HasSubstr("mini.toml:18: the norms' 'reliability'"));
  EXPECT_THAT(all, HasSubstr("'source' is required"));
}

TEST(QuestionnaireParser, RefusesAnItemOnAnUnknownSubscaleNamingItsLine) {
  std::string items = kItems;
  items.replace(items.find("subscale = \"avoidance\""), 22, "subscale = \"avoidence\"");
  const auto parsed = Parse(kHead + kSubscales + items);
  EXPECT_FALSE(parsed.q);
  ASSERT_EQ(parsed.problems.size(), 2u) << All(parsed.problems);
  const Problem& p = parsed.problems[0];
  EXPECT_EQ(p.file, "questionnaires/mini.toml");
  EXPECT_EQ(p.line, 28);
  EXPECT_THAT(p.message, HasSubstr("'av-1' is on the subscale 'avoidence'"));
  // And so the declared subscale is left without items.
  EXPECT_THAT(parsed.problems[1].ToString(),
              HasSubstr("mini.toml:17: the subscale 'avoidance' has no items"));
}

TEST(QuestionnaireParser, RefusesADuplicateItemId) {
  const auto p = Parse(kHead + kSubscales + kItems +
                       "\n[[items]]\nid = \"anx-1\"\ntext = \"Again.\"\nsubscale = \"anxiety\"\n");
  const Problem only = Only(p);
  EXPECT_EQ(only.line, 32);
  EXPECT_EQ(only.message, "the item id 'anx-1' is used twice");
}

TEST(QuestionnaireParser, RefusesADuplicateSubscaleId) {
  const auto p =
      Parse(kHead + kSubscales + "\n[[subscales]]\nid = \"anxiety\"\ntitle = \"W\"\n" + kItems);
  const Problem only = Only(p);
  EXPECT_EQ(only.message, "the subscale id 'anxiety' is used twice");
}

TEST(QuestionnaireParser, RefusesAScaleThatDoesNotRise) {
  std::string head = kHead;
  head.replace(head.find("max = 3"), 7, "max = 1");
  const auto p = Parse(head + kSubscales + kItems);
  const Problem only = Only(p);
  EXPECT_EQ(only.line, 9);
  EXPECT_EQ(only.message, "the scale's max (1) must be greater than its min (1)");
}

TEST(QuestionnaireParser, RefusesTheWrongNumberOfLabels) {
  std::string head = kHead;
  head.replace(head.find("max = 3"), 7, "max = 4");
  const Problem p = Only(Parse(head + kSubscales + kItems));
  EXPECT_EQ(p.line, 10);
  EXPECT_THAT(p.message, HasSubstr("needs 4 labels, one for each answer; there are 3"));
}

TEST(QuestionnaireParser, RefusesAnAttachmentQuestionnaireWithoutItsTwoSubscales) {
  std::string subscales = kSubscales;
  subscales.replace(subscales.find("\"avoidance\""), 11, "\"distance\"");
  std::string items = kItems;
  items.replace(items.find("\"avoidance\""), 11, "\"distance\"");
  const auto p = Parse(kHead + subscales + items);
  EXPECT_FALSE(p.q);
  const std::string all = All(p.problems);
  EXPECT_THAT(all, HasSubstr("mini.toml:17: 'distance' does not belong here"));
  EXPECT_THAT(all, HasSubstr("mini.toml:3: the subscale 'avoidance' is missing"));
}

TEST(QuestionnaireParser, RefusesASubscaleWithoutItems) {
  std::string items = kItems;
  items.replace(items.find("subscale = \"avoidance\""), 22, "subscale = \"anxiety\"");
  const Problem p = Only(Parse(kHead + kSubscales + items));
  EXPECT_EQ(p.line, 17);
  EXPECT_THAT(p.message, HasSubstr("the subscale 'avoidance' has no items"));
}

std::string SignsFile(bool reverse_one) {
  std::string text = R"(id = "signs"
version = 1
kind = "signs"
title = "Signs"
instructions = "How often?"
[scale]
min = 0
max = 4
labels = ["Never", "Rarely", "Sometimes", "Often", "Almost always"]
)";
  for (const char* s : {"fear_of_abandonment", "need_for_reassurance", "sensitivity_to_changes",
                        "jealousy_insecurity", "emotional_regulation", "clinging",
                        "fear_of_being_alone", "rumination"}) {
    text += std::string("[[subscales]]\nid = \"") + s + "\"\ntitle = \"T\"\n";
  }
  bool first = true;
  for (const char* s : {"fear_of_abandonment", "need_for_reassurance", "sensitivity_to_changes",
                        "jealousy_insecurity", "emotional_regulation", "clinging",
                        "fear_of_being_alone", "rumination"}) {
    text += std::string("[[items]]\nid = \"") + s + "\"\ntext = \"How often?\"\nsubscale = \"" + s +
            "\"\n";
    if (first && reverse_one) text += "reverse = true\n";
    first = false;
  }
  return text;
}

TEST(QuestionnaireParser, ReadsASignsQuestionnaireWithUnderscoredIds) {
  const auto p = Parse(SignsFile(false));
  ASSERT_TRUE(p.q) << All(p.problems);
  EXPECT_EQ(p.q->questionnaire.kind, domain::QuestionnaireKind::kSigns);
  EXPECT_EQ(p.q->questionnaire.items.size(), 8u);
}

TEST(QuestionnaireParser, RefusesReverseKeyingWhereItCannotMeanAnything) {
  const Problem p = Only(Parse(SignsFile(true)));
  EXPECT_THAT(p.message, HasSubstr("cannot be reverse-keyed"));
}

TEST(QuestionnaireParser, RefusesASignsQuestionnaireMissingASign) {
  std::string text = SignsFile(false);
  const auto cut = text.find("[[items]]\nid = \"rumination\"");
  text = text.substr(0, cut);
  const std::string old_id = "id = \"rumination\"";
  text.replace(text.find(old_id), old_id.size(), "id = \"overthinking\"");
  const auto p = Parse(text);
  EXPECT_FALSE(p.q);
  const std::string all = All(p.problems);
  EXPECT_THAT(all, HasSubstr("'overthinking' does not belong here"));
  EXPECT_THAT(all, HasSubstr("the subscale 'rumination' is missing"));
}

TEST(QuestionnaireParser, RefusesUnknownSettingsAndBadTypes) {
  std::string items = kItems;
  items.replace(items.find("reverse = true"), 14, "reverse = \"yes\"\nweight = 2");
  const auto p = Parse(kHead + kSubscales + items);
  EXPECT_FALSE(p.q);
  const std::string all = All(p.problems);
  EXPECT_THAT(all, HasSubstr("mini.toml:29: 'reverse' must be true or false"));
  EXPECT_THAT(all, HasSubstr("mini.toml:30: 'weight' is not a setting"));
}

TEST(QuestionnaireParser, RefusesAnUnknownKindAndMissingParts) {
  const auto p = Parse("id = \"x\"\nversion = 0\nkind = \"quiz\"\ntitle = \"X\"\n");
  EXPECT_FALSE(p.q);
  const std::string all = All(p.problems);
  EXPECT_THAT(all, HasSubstr("mini.toml:2: 'version' must be a whole number"));
  EXPECT_THAT(all, HasSubstr("mini.toml:3: kind 'quiz' is not known"));
  EXPECT_THAT(all, HasSubstr("'instructions' is required"));
  EXPECT_THAT(all, HasSubstr("'scale' is required"));
  EXPECT_THAT(all, HasSubstr("'items' is required"));
}

TEST(QuestionnaireParser, ReportsBadTomlOnItsLine) {
  const Problem p = Only(Parse("id = \"x\"\ntitle = \n"));
  EXPECT_EQ(p.line, 2);
  EXPECT_THAT(p.message, HasSubstr("not valid TOML"));
}

// The shipped files: both load, and keep the promises the issue makes of them.
TEST(ShippedQuestionnaires, AttachmentIsOurOwnBalancedOneWithoutNorms) {
  const auto set = LoadContent(securebase::testing::SourceDir() / "content");
  ASSERT_TRUE(set.ok()) << All(set.problems);
  const auto* q = domain::FindQuestionnaire(set.questionnaires, "attachment");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, domain::QuestionnaireKind::kAttachment);
  EXPECT_EQ(q->scale.min, 1);
  EXPECT_EQ(q->scale.max, 7);
  EXPECT_GE(q->items.size(), 12u);
  EXPECT_LE(q->items.size(), 20u);
  int anxiety = 0, avoidance = 0, anxiety_reversed = 0, avoidance_reversed = 0;
  for (const auto& item : q->items) {
    const bool anx = item.subscale == "anxiety";
    (anx ? anxiety : avoidance)++;
    if (item.reverse) (anx ? anxiety_reversed : avoidance_reversed)++;
  }
  EXPECT_EQ(anxiety, avoidance);
  EXPECT_GE(anxiety_reversed, 2);
  EXPECT_GE(avoidance_reversed, 2);
  EXPECT_LT(anxiety_reversed, anxiety);
  for (const auto& s : q->subscales) EXPECT_FALSE(s.norms) << s.id << ": not validated";
}

TEST(ShippedQuestionnaires, EightSignsAsksOnceForEachSign) {
  const auto set = LoadContent(securebase::testing::SourceDir() / "content");
  ASSERT_TRUE(set.ok()) << All(set.problems);
  const auto* q = domain::FindQuestionnaire(set.questionnaires, "eight-signs");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, domain::QuestionnaireKind::kSigns);
  EXPECT_EQ(q->scale.min, 0);
  EXPECT_EQ(q->scale.max, 4);
  ASSERT_EQ(q->items.size(), domain::kSignIds.size());
  for (std::size_t i = 0; i < q->items.size(); ++i) {
    EXPECT_EQ(q->items[i].id, domain::kSignIds[i]);
    EXPECT_EQ(q->items[i].subscale, domain::kSignIds[i]);
  }
}

}  // namespace
}  // namespace securebase::content
