#include "api/journal_report_json.h"

#include <boost/json/array.hpp>

#include <string>

#include "api/journal_json.h"
#include "api/json_number.h"
#include "common/rfc3339.h"

namespace securebase::api {
namespace {

namespace json = boost::json;

json::object States(const domain::StateTally& t) {
  return {{"settled", t.settled},
          {"activated", t.activated},
          {"shut_down", t.shut_down},
          {"unknown", t.unknown}};
}

json::array Counts(const std::vector<domain::IdCount>& counts, const char* name) {
  json::array out;
  for (const auto& c : counts) out.push_back(json::object{{name, c.id}, {"count", c.count}});
  return out;
}

}  // namespace

json::object EncodeJournalInsights(const domain::JournalInsights& insights) {
  json::array weeks;
  for (const auto& w : insights.weeks) {
    json::object signs;
    for (const auto& s : w.signs) signs[s.id] = s.count;
    weeks.push_back(json::object{{"week_start", w.week_start},
                                 {"count", w.count},
                                 {"states", States(w.states)},
                                 {"signs", std::move(signs)}});
  }
  json::array states;
  for (const auto& s : insights.states) {
    states.push_back(json::object{
        {"state", s.state ? std::string(domain::NervousStateId(*s.state)) : std::string("unknown")},
        {"count", s.count}});
  }
  json::array helped;
  for (const auto& h : insights.helped) {
    json::value mean = nullptr;
    if (h.mean_drop) mean = JsonNumber(*h.mean_drop);
    helped.push_back(json::object{{"helped", h.helped},
                                  {"count", h.count},
                                  {"rated", h.rated},
                                  {"mean_drop", std::move(mean)}});
  }
  json::array parts;
  for (const auto& p : insights.time_of_day) {
    parts.push_back(json::object{{"part", domain::DayPartId(p.part)}, {"count", p.count}});
  }
  return {{"trigger_count", insights.trigger_count},
          {"minimum", insights.minimum},
          {"ready", insights.ready},
          {"unreadable", insights.unreadable},
          {"weeks", std::move(weeks)},
          {"signs", Counts(insights.signs, "sign")},
          {"states", std::move(states)},
          {"urges", Counts(insights.urges, "urge")},
          {"helped", std::move(helped)},
          {"time_of_day", std::move(parts)}};
}

json::object EncodeJournalExport(const domain::WholeJournal& journal, Instant exported_at) {
  json::array entries;
  for (const auto& e : journal.entries) entries.push_back(EncodeJournalEntry(e));
  json::array unreadable;
  for (const auto& u : journal.unreadable) unreadable.push_back(EncodeUnreadableJournalEntry(u));
  return {{"exported_at", Rfc3339(exported_at)},
          {"entries", std::move(entries)},
          {"unreadable", std::move(unreadable)}};
}

}  // namespace securebase::api
