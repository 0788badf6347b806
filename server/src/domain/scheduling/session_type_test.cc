#include "domain/scheduling/session_type.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace securebase::domain {
namespace {

using Names = std::vector<std::string>;

SessionType Valid() {
  SessionType t;
  t.name = "Therapy session";
  t.description = "A 50-minute IFS session by video.";
  t.duration_minutes = 50;
  t.buffer_after_minutes = 10;
  t.minimum_notice_minutes = 1440;
  t.horizon_days = 60;
  t.slot_step_minutes = 30;
  t.price = "£90";
  t.intake = {{"hopes", "What would you like help with?", true}};
  return t;
}

Names Fields(const SessionType& t) {
  Names out;
  for (const FieldError& e : CheckSessionType(t)) out.push_back(e.field);
  return out;
}

// `n` copies of a two-byte character: n code points, 2n bytes.
std::string Chars(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "é";
  return s;
}

TEST(CheckSessionType, AcceptsAFullType) {
  EXPECT_EQ(Fields(Valid()), Names{});
}

TEST(CheckSessionType, NameIsOneToEightyCharactersOnOneLine) {
  SessionType t = Valid();
  t.name = "";
  EXPECT_EQ(Fields(t), Names{"name"});
  t.name = "  \t ";
  EXPECT_EQ(Fields(t), Names{"name"});
  t.name = Chars(80);  // 160 bytes, 80 characters
  EXPECT_EQ(Fields(t), Names{});
  t.name = Chars(81);
  EXPECT_EQ(Fields(t), Names{"name"});
  t.name = "Therapy\nsession";
  EXPECT_EQ(Fields(t), Names{"name"});
  t.name = "\xff\xfe";
  EXPECT_EQ(Fields(t), Names{"name"});
}

TEST(CheckSessionType, DescriptionAndPriceHaveTheirLimits) {
  SessionType t = Valid();
  t.description = Chars(1000) + "\n";  // line breaks are fine in a description
  EXPECT_EQ(Fields(t), Names{"description"});
  t.description = Chars(999) + "\n";
  EXPECT_EQ(Fields(t), Names{});
  t.price = "";
  EXPECT_EQ(Fields(t), Names{});
  t.price = Chars(40);
  EXPECT_EQ(Fields(t), Names{});
  t.price = Chars(41);
  EXPECT_EQ(Fields(t), Names{"price"});
}

struct Bounds {
  const char* field;
  int SessionType::*member;
  int low;
  int high;
};

TEST(CheckSessionType, NumbersHaveTheDocumentedBounds) {
  const std::vector<Bounds> bounds = {
      {"duration_minutes", &SessionType::duration_minutes, 5, 480},
      {"buffer_before_minutes", &SessionType::buffer_before_minutes, 0, 240},
      {"buffer_after_minutes", &SessionType::buffer_after_minutes, 0, 240},
      {"minimum_notice_minutes", &SessionType::minimum_notice_minutes, 0, 43200},
      {"horizon_days", &SessionType::horizon_days, 1, 365},
      {"slot_step_minutes", &SessionType::slot_step_minutes, 5, 240},
  };
  for (const Bounds& b : bounds) {
    SCOPED_TRACE(b.field);
    SessionType t = Valid();
    t.*b.member = b.low;
    EXPECT_EQ(Fields(t), Names{});
    t.*b.member = b.high;
    EXPECT_EQ(Fields(t), Names{});
    t.*b.member = b.low - 1;
    EXPECT_EQ(Fields(t), Names{b.field});
    t.*b.member = b.high + 1;
    EXPECT_EQ(Fields(t), Names{b.field});
  }
}

TEST(CheckSessionType, MessagesSayWhatToDoWithoutEchoingTheValue) {
  SessionType t = Valid();
  t.duration_minutes = 12345;
  const auto errors = CheckSessionType(t);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "Choose a length between 5 minutes and 8 hours.");
  EXPECT_EQ(errors[0].message.find("12345"), std::string::npos);
}

TEST(CheckSessionType, AtMostTenIntakeQuestions) {
  SessionType t = Valid();
  t.intake.clear();
  for (int i = 0; i < 10; ++i) t.intake.push_back({"q" + std::to_string(i), "Why?", false});
  EXPECT_EQ(Fields(t), Names{});
  t.intake.push_back({"q10", "Why?", false});
  EXPECT_EQ(Fields(t), Names{"intake"});
}

TEST(CheckSessionType, QuestionIdsAreShortLowerCaseAndUnique) {
  SessionType t = Valid();
  t.intake = {{"what_brings_you_2", "What brings you?", true},
              {"Hopes", "?", false},
              {"", "?", false},
              {std::string(40, 'a'), "?", false},
              {std::string(41, 'a'), "?", false},
              {"what_brings_you_2", "Again?", false},
              {"with-hyphen", "?", false}};
  EXPECT_EQ(Fields(t), (Names{"intake[1].id", "intake[2].id", "intake[4].id", "intake[5].id",
                              "intake[6].id"}));
}

TEST(CheckSessionType, QuestionsAreOneToThreeHundredCharacters) {
  SessionType t = Valid();
  t.intake = {
      {"a", "", false}, {"b", Chars(300), false}, {"c", Chars(301), false}, {"d", " ", true}};
  EXPECT_EQ(Fields(t), (Names{"intake[0].question", "intake[2].question", "intake[3].question"}));
}

}  // namespace
}  // namespace securebase::domain
