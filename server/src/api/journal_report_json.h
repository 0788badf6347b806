// JSON shapes of what the journal adds up to and of its JSON export
// (docs/api/journal.md, "Insights" and "Export").
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/object.hpp>

#include "common/clock.h"
#include "domain/journal/journal_insights.h"
#include "domain/journal/journal_service.h"

namespace securebase::api {

// {"trigger_count", "minimum", "ready", "unreadable",
//  "weeks": [{"week_start", "count", "states": {"settled", "activated", "shut_down", "unknown"},
//             "signs": {"<sign id>": n, …}}],
//  "signs": [{"sign", "count"}], "states": [{"state", "count"}], "urges": [{"urge", "count"}],
//  "helped": [{"helped", "count", "rated", "mean_drop": x | null}],
//  "time_of_day": [{"part", "count"}]}
boost::json::object EncodeJournalInsights(const domain::JournalInsights& insights);

// {"exported_at", "entries": [entry, …], "unreadable": [unreadable, …]}, both
// oldest first as the journal gives them.
boost::json::object EncodeJournalExport(const domain::WholeJournal& journal, Instant exported_at);

}  // namespace securebase::api
