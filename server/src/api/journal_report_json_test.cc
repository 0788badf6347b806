#include "api/journal_report_json.h"

#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

namespace securebase::api {
namespace {

namespace json = boost::json;

TEST(JournalReportJson, InsightsNameStatesPartsAndAMissingMeanAsTheDocSays) {
  domain::JournalInsights in;
  in.trigger_count = 6;
  in.ready = true;
  in.unreadable = 1;
  domain::InsightWeek week;
  week.week_start = "2026-11-23";
  week.count = 2;
  week.states.activated = 1;
  week.states.unknown = 1;
  week.signs = {{"fear_of_abandonment", 2}, {"clinging", 0}};
  in.weeks.push_back(week);
  in.signs = {{"fear_of_abandonment", 2}};
  in.states = {{domain::NervousState::kShutDown, 3}, {std::nullopt, 1}};
  in.urges = {{"check_phone", 2}};
  in.helped = {
      {"paced_breathing", 3, 2, 3.5}, {"writing", 2, 2, 2.0}, {"rest", 1, 0, std::nullopt}};
  in.time_of_day = {{domain::DayPart::kNight, 1}, {domain::DayPart::kEvening, 5}};
  EXPECT_EQ(json::serialize(EncodeJournalInsights(in)),
            R"({"trigger_count":6,"minimum":5,"ready":true,"unreadable":1,)"
            R"("weeks":[{"week_start":"2026-11-23","count":2,)"
            R"("states":{"settled":0,"activated":1,"shut_down":0,"unknown":1},)"
            R"("signs":{"fear_of_abandonment":2,"clinging":0}}],)"
            R"("signs":[{"sign":"fear_of_abandonment","count":2}],)"
            R"("states":[{"state":"shut_down","count":3},{"state":"unknown","count":1}],)"
            R"("urges":[{"urge":"check_phone","count":2}],)"
            R"("helped":[{"helped":"paced_breathing","count":3,"rated":2,"mean_drop":3.5E0},)"
            R"({"helped":"writing","count":2,"rated":2,"mean_drop":2},)"
            R"({"helped":"rest","count":1,"rated":0,"mean_drop":null}],)"
            R"("time_of_day":[{"part":"night","count":1},{"part":"evening","count":5}]})");
}

TEST(JournalReportJson, AnExportHoldsTheMomentTheEntriesAndTheUnreadableOnes) {
  domain::WholeJournal journal;
  domain::JournalEntry e;
  e.id = "0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47";
  e.user_id = "u1";
  e.occurred_at = Instant{1'764'366'000'000};  // 2025-11-28T21:40:00Z
  e.created_at = e.occurred_at;
  e.updated_at = e.occurred_at;
  e.contents.body = domain::PartsNote{"The watcher", "", "", ""};
  journal.entries.push_back(e);
  journal.unreadable.push_back({"1c7a0e4f-3d62-4b8f-8a21-7b3e6d9f2c58",
                                domain::JournalKind::kTrigger, Instant{0}, Instant{1000},
                                Instant{2000}});
  const json::object out = EncodeJournalExport(journal, Instant{1'764'367'200'000});
  EXPECT_EQ(out.at("exported_at"), "2025-11-28T22:00:00Z");
  ASSERT_EQ(out.at("entries").as_array().size(), 1u);
  EXPECT_EQ(out.at("entries").as_array()[0].at("id").as_string(), e.id);
  EXPECT_EQ(out.at("entries").as_array()[0].at("parts").at("name"), "The watcher");
  EXPECT_EQ(json::serialize(out.at("unreadable")),
            R"([{"id":"1c7a0e4f-3d62-4b8f-8a21-7b3e6d9f2c58","kind":"trigger",)"
            R"("occurred_at":"1970-01-01T00:00:00Z","created_at":"1970-01-01T00:00:01Z",)"
            R"("updated_at":"1970-01-01T00:00:02Z"}])");
  EXPECT_EQ(out.size(), 3u);
}

}  // namespace
}  // namespace securebase::api
