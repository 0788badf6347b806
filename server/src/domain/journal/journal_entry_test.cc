#include "domain/journal/journal_entry.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecond = 1000;
const Instant kNow{1'800'000'000'000};  // 2027-01-15T08:00:00Z

TriggerLog FullTrigger() {
  TriggerLog t;
  t.situation = "Sam hadn't replied for three hours.";
  t.self_talk = "They are losing interest.";
  t.sensations = {"tight_chest", "racing_heart"};
  t.body_note = "Hot and jittery.";
  t.state = NervousState::kActivated;
  t.emotions = {{"afraid", 8}, {"ashamed", 4}};
  t.signs = {"fear_of_abandonment", "need_for_reassurance"};
  t.urges = {"check_phone", "seek_reassurance"};
  t.action = "Put the phone in the other room.";
  t.helped = {"paced_breathing", "writing"};
  t.intensity_before = 8;
  t.intensity_after = 4;
  return t;
}

JournalDraft Draft(JournalBody body) {
  JournalDraft d;
  d.id = "0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47";
  d.occurred_at = Instant{kNow.millis - 3600 * kSecond};
  d.contents.body = std::move(body);
  d.contents.tags = {"evenings", "texting"};
  return d;
}

using Fieldnames = std::vector<std::string>;

Fieldnames Fields(const JournalDraft& d, Instant now = kNow) {
  Fieldnames out;
  for (const auto& e : CheckJournalDraft(d, now)) out.push_back(e.field);
  return out;
}

TEST(JournalEntry, KindsAndStatesHaveTheirApiIds) {
  for (auto k : {JournalKind::kTrigger, JournalKind::kReflection, JournalKind::kParts}) {
    EXPECT_EQ(JournalKindFromId(JournalKindId(k)), k);
  }
  EXPECT_EQ(JournalKindId(JournalKind::kParts), "parts");
  EXPECT_FALSE(JournalKindFromId("Trigger"));
  EXPECT_FALSE(JournalKindFromId(""));
  for (auto s : {NervousState::kSettled, NervousState::kActivated, NervousState::kShutDown}) {
    EXPECT_EQ(NervousStateFromId(NervousStateId(s)), s);
  }
  EXPECT_EQ(NervousStateId(NervousState::kShutDown), "shut_down");
  EXPECT_FALSE(NervousStateFromId("shut-down"));
  EXPECT_EQ(KindOf(Reflection{}), JournalKind::kReflection);
  EXPECT_EQ(KindOf(PartsNote{}), JournalKind::kParts);
  EXPECT_EQ(KindOf(TriggerLog{}), JournalKind::kTrigger);
}

TEST(JournalEntry, IdsAreUuidsInEitherCase) {
  EXPECT_TRUE(IsJournalEntryId("0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47"));
  EXPECT_TRUE(IsJournalEntryId("0B6F9D3E-2C51-4A7E-9F10-6A2D5C8E1B47"));
  EXPECT_FALSE(IsJournalEntryId("0b6f9d3e2c514a7e9f106a2d5c8e1b47"));
  EXPECT_FALSE(IsJournalEntryId("0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b4g"));
  EXPECT_FALSE(IsJournalEntryId("0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47a"));
  EXPECT_FALSE(IsJournalEntryId(""));
}

TEST(JournalEntry, CompleteEntriesOfEachKindPass) {
  EXPECT_EQ(Fields(Draft(FullTrigger())), Fieldnames{});
  EXPECT_EQ(Fields(Draft(TriggerLog{})), Fieldnames{});  // every trigger field may be empty
  EXPECT_EQ(Fields(Draft(Reflection{"A quiet morning.", "", ""})), Fieldnames{});
  EXPECT_EQ(Fields(Draft(Reflection{"", "what-anxious-attachment-is", "noticing-1"})),
            Fieldnames{});
  EXPECT_EQ(Fields(Draft(PartsNote{"The watcher", "Being left", "By checking", "Rest"})),
            Fieldnames{});
}

TEST(JournalEntry, RefusesAMissingOrMalformedId) {
  JournalDraft d = Draft(TriggerLog{});
  d.id = "";
  EXPECT_EQ(Fields(d), Fieldnames{"id"});
  d.id = "entry-1";
  EXPECT_EQ(Fields(d), Fieldnames{"id"});
}

TEST(JournalEntry, OccurredAtRunsFrom1970ToFiveMinutesAhead) {
  JournalDraft d = Draft(TriggerLog{});
  d.occurred_at.reset();
  EXPECT_EQ(Fields(d), Fieldnames{"occurred_at"});
  d.occurred_at = Instant{0};
  EXPECT_EQ(Fields(d), Fieldnames{});
  d.occurred_at = Instant{-kSecond};
  EXPECT_EQ(Fields(d), Fieldnames{"occurred_at"});
  d.occurred_at = Instant{kNow.millis + 5 * 60 * kSecond};
  EXPECT_EQ(Fields(d), Fieldnames{});
  d.occurred_at = Instant{kNow.millis + 5 * 60 * kSecond + 1};
  EXPECT_EQ(Fields(d), Fieldnames{"occurred_at"});
  EXPECT_NE(CheckJournalDraft(d, kNow)[0].message.find("future"), std::string::npos);
}

TEST(JournalEntry, LimitsCountCodePointsNotBytes) {
  TriggerLog t;
  // "é" is two bytes, "😊" four: 10,000 of them is still 10,000 characters.
  for (int i = 0; i < 10000; ++i) t.situation += "é";
  for (int i = 0; i < 1000; ++i) t.body_note += "😊";
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{});
  t.situation += "x";
  t.body_note += "😊";
  EXPECT_EQ(Fields(Draft(t)), (Fieldnames{"trigger.situation", "trigger.body_note"}));
}

TEST(JournalEntry, EveryTextFieldHasItsLimit) {
  const std::string long_text(10001, 'a'), long_note(1001, 'a'), text(10000, 'a'), note(1000, 'a');
  TriggerLog t{long_text, long_text, {},        long_note, {},        {}, {},
               {},        long_note, long_text, {},        long_note, {}, {}};
  EXPECT_EQ(Fields(Draft(t)),
            (Fieldnames{"trigger.situation", "trigger.self_talk", "trigger.body_note",
                        "trigger.urge_note", "trigger.action", "trigger.helped_note"}));
  t = TriggerLog{text, text, {}, note, {}, {}, {}, {}, note, text, {}, note, {}, {}};
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{});
  EXPECT_EQ(Fields(Draft(Reflection{long_text, "", ""})), Fieldnames{"reflection.text"});
  EXPECT_EQ(Fields(Draft(PartsNote{long_note, long_text, long_text, long_text})),
            (Fieldnames{"parts.name", "parts.fears", "parts.protects", "parts.needs"}));
  EXPECT_EQ(Fields(Draft(PartsNote{note, text, text, text})), Fieldnames{});
}

TEST(JournalEntry, ChoiceIdsMustBeKnownAndChosenOnce) {
  TriggerLog t = FullTrigger();
  t.sensations = {"tight_chest", "butterflies", "tight_chest"};
  t.signs = {"rumination", "jealousy"};
  t.urges = {"withdraw", "withdraw"};
  t.helped = {"Writing"};
  EXPECT_EQ(Fields(Draft(t)),
            (Fieldnames{"trigger.sensations[1]", "trigger.sensations[2]", "trigger.signs[1]",
                        "trigger.urges[1]", "trigger.helped[0]"}));
  t = FullTrigger();
  t.sensations.assign(kSensationIds.begin(), kSensationIds.end());
  t.urges.assign(kUrgeIds.begin(), kUrgeIds.end());
  t.helped.assign(kHelpedIds.begin(), kHelpedIds.end());
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{});
}

TEST(JournalEntry, EmotionsNeedAWordAndAnIntensityFromZeroToTen) {
  TriggerLog t = FullTrigger();
  t.emotions = {{"afraid", 0}, {"  ", 5}, {std::string(41, 'x'), 10}, {"hurt", 11}, {"sad", -1}};
  EXPECT_EQ(Fields(Draft(t)),
            (Fieldnames{"trigger.emotions[1].name", "trigger.emotions[2].name",
                        "trigger.emotions[3].intensity", "trigger.emotions[4].intensity"}));
  t.emotions.assign(12, Emotion{"afraid", 3});
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{});
  t.emotions.push_back({"afraid", 3});
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{"trigger.emotions"});
}

TEST(JournalEntry, IntensitiesMayBeSkippedOrFromZeroToTen) {
  TriggerLog t = FullTrigger();
  t.intensity_before.reset();
  t.intensity_after = 0;
  EXPECT_EQ(Fields(Draft(t)), Fieldnames{});
  t.intensity_before = 11;
  t.intensity_after = -1;
  EXPECT_EQ(Fields(Draft(t)), (Fieldnames{"trigger.intensity_before", "trigger.intensity_after"}));
}

TEST(JournalEntry, AReflectionNamesBothLessonAndPromptOrNeither) {
  EXPECT_EQ(Fields(Draft(Reflection{"", "what-anxious-attachment-is", ""})),
            Fieldnames{"reflection.prompt_id"});
  EXPECT_EQ(Fields(Draft(Reflection{"", "", "noticing-1"})), Fieldnames{"reflection.lesson_id"});
  EXPECT_EQ(Fields(Draft(Reflection{"", "Lesson One", "../x"})),
            (Fieldnames{"reflection.lesson_id", "reflection.prompt_id"}));
}

TEST(JournalEntry, APartsNoteNeedsAName) {
  EXPECT_EQ(Fields(Draft(PartsNote{"", "x", "y", "z"})), Fieldnames{"parts.name"});
  EXPECT_EQ(Fields(Draft(PartsNote{" \n", "", "", ""})), Fieldnames{"parts.name"});
}

TEST(JournalEntry, TagsAreOneToFortyCharactersAfterTrimmingAndAtMostTwenty) {
  JournalDraft d = Draft(TriggerLog{});
  d.contents.tags = {"  ok  ", "", "   ", std::string(41, 't'), "  " + std::string(40, 't') + " "};
  EXPECT_EQ(Fields(d), (Fieldnames{"tags[1]", "tags[2]", "tags[3]"}));
  d.contents.tags.assign(20, "same");
  EXPECT_EQ(Fields(d), Fieldnames{});
  d.contents.tags.push_back("one-more");
  EXPECT_EQ(Fields(d), Fieldnames{"tags"});
}

TEST(JournalEntry, NamesEveryBrokenRuleAtOnce) {
  TriggerLog t;
  t.urges = {"shout"};
  t.intensity_after = 12;
  JournalDraft d = Draft(t);
  d.id = "x";
  d.occurred_at.reset();
  d.contents.tags = {""};
  EXPECT_EQ(Fields(d), (Fieldnames{"id", "occurred_at", "trigger.urges[0]",
                                   "trigger.intensity_after", "tags[0]"}));
  for (const auto& e : CheckJournalDraft(d, kNow)) EXPECT_GT(e.message.size(), 10u) << e.field;
}

TEST(JournalEntry, NormalizedTagsAreTrimmedLowerCaseUniqueAndSorted) {
  EXPECT_EQ(NormalizeTags({" Texting ", "evenings", "TEXTING", "\tÉté", "", "été"}),
            (std::vector<std::string>{"evenings", "texting", "Été", "été"}));
  EXPECT_EQ(NormalizeTags({}), std::vector<std::string>{});
}

}  // namespace
}  // namespace securebase::domain
