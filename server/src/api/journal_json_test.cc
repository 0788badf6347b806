#include "api/journal_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

namespace securebase::api {
namespace {

namespace json = boost::json;
using domain::JournalKind;

constexpr std::string_view kId = "0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47";
// 2026-11-28T21:40:00Z
constexpr std::int64_t kEvening = 1'795'902'000'000;

std::vector<std::string> Fields(const DecodedJournalDraft& d) {
  std::vector<std::string> out;
  for (const auto& e : d.errors) out.push_back(e.field);
  std::sort(out.begin(), out.end());
  return out;
}

DecodedJournalDraft Decode(std::string_view text) {
  return DecodeJournalDraft(kId, json::parse(text).as_object());
}

constexpr std::string_view kTriggerBody = R"({"kind": "trigger",
  "occurred_at": "2026-11-28T21:40:00.250Z", "tags": ["Evenings", "texting"],
  "trigger": {"situation": "Sam hadn't replied.", "self_talk": "They are losing interest.",
    "sensations": ["tight_chest"], "body_note": "Hot.", "state": "activated",
    "emotions": [{"name": "afraid", "intensity": 8}, {"name": "ashamed", "intensity": 4.0}],
    "signs": ["fear_of_abandonment"], "urges": ["check_phone"], "urge_note": "",
    "action": "Breathed.", "helped": ["paced_breathing"], "helped_note": "",
    "intensity_before": 8, "intensity_after": null},
  "reflection": null})";

TEST(JournalJson, DecodesAWholeTriggerLog) {
  const auto d = Decode(kTriggerBody);
  EXPECT_EQ(Fields(d), std::vector<std::string>{});
  EXPECT_EQ(d.draft.id, kId);
  EXPECT_EQ(d.draft.occurred_at, Instant{kEvening});  // the fraction dropped
  EXPECT_EQ(d.draft.contents.tags, (std::vector<std::string>{"Evenings", "texting"}));
  const auto* t = std::get_if<domain::TriggerLog>(&d.draft.contents.body);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->situation, "Sam hadn't replied.");
  EXPECT_EQ(t->state, domain::NervousState::kActivated);
  ASSERT_EQ(t->emotions.size(), 2u);
  EXPECT_EQ(t->emotions[1].name, "ashamed");
  EXPECT_EQ(t->emotions[1].intensity, 4);
  EXPECT_EQ(t->signs, std::vector<std::string>{"fear_of_abandonment"});
  EXPECT_EQ(t->intensity_before, 8);
  EXPECT_FALSE(t->intensity_after);
}

TEST(JournalJson, DecodesReflectionsAndPartsNotesWithMissingFieldsEmpty) {
  auto d = Decode(R"({"kind": "reflection", "occurred_at": "2026-11-28T21:40:00Z",
                      "reflection": {"text": "A quiet morning."}})");
  EXPECT_EQ(Fields(d), std::vector<std::string>{});
  const auto* r = std::get_if<domain::Reflection>(&d.draft.contents.body);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->text, "A quiet morning.");
  EXPECT_EQ(r->lesson_id, "");
  EXPECT_TRUE(d.draft.contents.tags.empty());

  d = Decode(R"({"kind": "parts", "parts": {"name": "The watcher", "needs": null},
                 "trigger": null, "reflection": null})");
  EXPECT_EQ(Fields(d), std::vector<std::string>{});
  EXPECT_FALSE(d.draft.occurred_at);  // the rules say it is required
  const auto* p = std::get_if<domain::PartsNote>(&d.draft.contents.body);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "The watcher");
}

TEST(JournalJson, NamesWrongTypesAndFractionsWithTheirPaths) {
  const auto d = Decode(R"({"kind": "trigger", "occurred_at": 1764366000, "tags": "evenings",
    "trigger": {"situation": 5, "sensations": "tight_chest", "state": "calm",
      "emotions": [{"name": "afraid", "intensity": 8.5}, "sad", {"name": 3},
                   {"name": "hurt", "intensity": "4"}, {"name": "x", "intensity": 1e300}],
      "signs": ["rumination", 7], "urges": {}, "intensity_before": true,
      "intensity_after": 2.5}})");
  EXPECT_EQ(Fields(d),
            (std::vector<std::string>{"occurred_at", "tags", "trigger.emotions[0].intensity",
                                      "trigger.emotions[1]", "trigger.emotions[2].intensity",
                                      "trigger.emotions[2].name", "trigger.emotions[3].intensity",
                                      "trigger.intensity_after", "trigger.intensity_before",
                                      "trigger.sensations", "trigger.signs[1]", "trigger.situation",
                                      "trigger.state", "trigger.urges"}));
  // A huge whole number stays out of range for the rules to refuse.
  const auto& t = std::get<domain::TriggerLog>(d.draft.contents.body);
  ASSERT_EQ(t.emotions.size(), 4u);
  EXPECT_GT(t.emotions[3].intensity, 1000);
}

TEST(JournalJson, RefusesUnknownFieldsAtTheTopAndInTheBody) {
  const auto d = Decode(R"({"kind": "reflection", "occurred": "2026-11-28T21:40:00Z",
    "reflection": {"text": "x", "txet": "typo"}})");
  EXPECT_EQ(Fields(d), (std::vector<std::string>{"occurred", "reflection.txet"}));
  const auto e = Decode(R"({"kind": "trigger", "trigger": {"emotions": [{"name": "a",
    "intensity": 1, "colour": "red"}]}})");
  EXPECT_EQ(Fields(e), (std::vector<std::string>{"trigger.emotions[0].colour"}));
}

TEST(JournalJson, NeedsAKnownKindWithItsBodyAndNoOther) {
  EXPECT_EQ(Fields(Decode(R"({"trigger": {}})")), std::vector<std::string>{"kind"});
  EXPECT_EQ(Fields(Decode(R"({"kind": "dream", "trigger": {}})")),
            std::vector<std::string>{"kind"});
  EXPECT_EQ(Fields(Decode(R"({"kind": ["trigger"]})")), std::vector<std::string>{"kind"});
  auto d = Decode(R"({"kind": "parts"})");
  EXPECT_EQ(Fields(d), std::vector<std::string>{"parts"});
  EXPECT_EQ(domain::KindOf(d.draft.contents.body), JournalKind::kParts);
  EXPECT_EQ(Fields(Decode(R"({"kind": "parts", "parts": "The watcher"})")),
            std::vector<std::string>{"parts"});
  EXPECT_EQ(Fields(Decode(R"({"kind": "parts", "parts": {"name": "a"}, "trigger": {}})")),
            std::vector<std::string>{"trigger"});
}

TEST(JournalJson, TakesBackTheEntrysOwnReadOnlyFields) {
  auto d = Decode(R"({"id": "0B6F9D3E-2C51-4A7E-9F10-6A2D5C8E1B47", "kind": "reflection",
    "created_at": "2020-01-01T00:00:00Z", "updated_at": "anything", "reflection": {}})");
  EXPECT_EQ(Fields(d), std::vector<std::string>{});
  d = Decode(R"({"id": "11111111-2c51-4a7e-9f10-6a2d5c8e1b47", "kind": "reflection",
    "reflection": {}})");
  EXPECT_EQ(Fields(d), std::vector<std::string>{"id"});
}

domain::JournalEntry SampleEntry() {
  const auto d = Decode(kTriggerBody);
  domain::JournalEntry e;
  e.id = std::string(kId);
  e.user_id = "u1";
  e.occurred_at = Instant{kEvening};
  e.created_at = Instant{kEvening + 733'000};
  e.updated_at = Instant{kEvening + 1'540'500};
  e.contents = d.draft.contents;
  return e;
}

TEST(JournalJson, EncodesAnEntryWithTheOtherBodiesNull) {
  const json::value v = EncodeJournalEntry(SampleEntry());
  EXPECT_EQ(v.at("id"), json::value(kId));
  EXPECT_EQ(v.at("kind"), json::value("trigger"));
  EXPECT_EQ(v.at("occurred_at"), json::value("2026-11-28T21:40:00Z"));
  EXPECT_EQ(v.at("created_at"), json::value("2026-11-28T21:52:13Z"));
  EXPECT_EQ(v.at("updated_at"), json::value("2026-11-28T22:05:40Z"));
  EXPECT_TRUE(v.at("reflection").is_null());
  EXPECT_TRUE(v.at("parts").is_null());
  EXPECT_FALSE(v.as_object().contains("user_id"));
  const json::object& t = v.at("trigger").as_object();
  EXPECT_EQ(t.size(), 14u);
  EXPECT_EQ(t.at("state"), json::value("activated"));
  EXPECT_EQ(t.at("emotions").at(0), (json::value{{"name", "afraid"}, {"intensity", 8}}));
  EXPECT_TRUE(t.at("intensity_after").is_null());
  // What is encoded decodes to the same draft.
  const auto again = DecodeJournalDraft(kId, v.as_object());
  EXPECT_EQ(Fields(again), std::vector<std::string>{});
  EXPECT_EQ(json::value(EncodeJournalEntry(SampleEntry())), v);
}

TEST(JournalJson, EncodesAPageWithUnreadableEntriesApart) {
  domain::JournalPage page;
  page.entries = {SampleEntry()};
  page.unreadable = {{"1c2d3e4f-0000-4000-8000-000000000000", JournalKind::kParts, Instant{0},
                      Instant{1000}, Instant{2000}}};
  page.next_before = Instant{kEvening};
  page.total = 37;
  const json::value v = EncodeJournalPage(page);
  EXPECT_EQ(v.at("entries").as_array().size(), 1u);
  EXPECT_EQ(v.at("unreadable").at(0), (json::value{{"id", "1c2d3e4f-0000-4000-8000-000000000000"},
                                                   {"kind", "parts"},
                                                   {"occurred_at", "1970-01-01T00:00:00Z"},
                                                   {"created_at", "1970-01-01T00:00:01Z"},
                                                   {"updated_at", "1970-01-01T00:00:02Z"}}));
  EXPECT_EQ(v.at("next_before"), json::value("2026-11-28T21:40:00Z"));
  EXPECT_EQ(v.at("total").to_number<int>(), 37);
  page.next_before.reset();
  EXPECT_TRUE(EncodeJournalPage(page).at("next_before").is_null());
}

TEST(JournalJson, TheSealedFormatRoundTripsEveryKind) {
  const JsonJournalContentsCodec codec;
  std::vector<domain::JournalContents> all = {SampleEntry().contents};
  all.push_back({domain::Reflection{"Line one\nline \"two\" \\ é 😊", "lesson-a", "prompt-1"}, {}});
  all.push_back({domain::PartsNote{"The watcher", "Being left", "", "Rest"}, {"parts"}});
  for (const auto& c : all) {
    const std::string sealed = codec.Encode(c);
    const auto back = codec.Decode(sealed);
    ASSERT_TRUE(back) << sealed;
    EXPECT_EQ(codec.Encode(*back), sealed);
    EXPECT_EQ(back->tags, c.tags);
    EXPECT_EQ(domain::KindOf(back->body), domain::KindOf(c.body));
  }
  EXPECT_EQ(codec.Encode(all[2]),
            R"({"tags":["parts"],"parts":{"name":"The watcher","fears":"Being left",)"
            R"("protects":"","needs":"Rest"}})");
}

TEST(JournalJson, TheSealedFormatToleratesNewFieldsAndRefusesAnythingElse) {
  const JsonJournalContentsCodec codec;
  const auto newer = codec.Decode(R"({"tags":[],"mood":"x","parts":{"name":"a","colour":"red"}})");
  ASSERT_TRUE(newer);
  EXPECT_EQ(std::get<domain::PartsNote>(newer->body).name, "a");
  for (std::string_view bad :
       {"", "not json", "[]", R"({"tags":[]})", R"({"parts":{},"reflection":{}})",
        R"({"parts":"x"})", R"({"trigger":{"state":"calm"}})",
        R"({"trigger":{"emotions":[{"name":"a"}]}})", R"({"tags":"x","parts":{}})"}) {
    const auto decoded = codec.Decode(bad);
    ASSERT_FALSE(decoded) << bad;
    EXPECT_EQ(decoded.error().code, ErrorCode::kInternal);
    EXPECT_EQ(decoded.error().message.find("calm"), std::string::npos);
  }
}

TEST(JournalJson, MayHoldAllIsFalseOnlyWhenANeedleIsCertainlyAbsent) {
  const JsonJournalContentsCodec codec;
  const std::string plain =
      codec.Encode({domain::Reflection{"She said \"Stay\" and Été\tcame", "", ""}, {"after work"}});
  EXPECT_TRUE(codec.MayHoldAll(plain, {}));
  EXPECT_TRUE(codec.MayHoldAll(plain, {"said", "stay", "Été", "after work"}));
  EXPECT_TRUE(codec.MayHoldAll(plain, {"\"stay\"", "Été\tcame"}));  // escaped: cannot tell
  EXPECT_FALSE(codec.MayHoldAll(plain, {"said", "left"}));
  EXPECT_FALSE(codec.MayHoldAll(plain, {"été"}));  // only ASCII letters fold
}

}  // namespace
}  // namespace securebase::api
