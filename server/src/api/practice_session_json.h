// JSON shapes of recorded practice sessions, their history pages and the
// learner's practice stats (docs/api/practices.md), and the reading of a
// session from a request body.
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/practice/practice_session.h"
#include "domain/practice/practice_session_service.h"
#include "domain/practice/practice_stats.h"

namespace securebase::api {

// The body of POST /api/v1/practice-sessions read into a draft. Fields of
// the wrong type or form are left out of the draft and named in `errors`;
// the domain's rules are not applied here.
struct DecodedPracticeSession {
  domain::PracticeSessionDraft draft;
  std::vector<FieldError> errors;
};
DecodedPracticeSession DecodePracticeSession(const boost::json::object& body);

// {"id", "practice_id", "started_at", "duration_seconds",
//  "distress_before": n | null, "distress_after": n | null, "recorded_at"}
boost::json::object EncodePracticeSession(const domain::PracticeSession& session);

// {"sessions": [session, …], "next_before": instant | null}
boost::json::object EncodePracticeSessionPage(const domain::PracticeSessionPage& page);

// {"time_zone", "weeks": [{"start", "sessions", "minutes"}],
//  "practices": [{"practice_id", "title", "sessions", "minutes",
//                 "distress": {"n", "mean_change": x | null}}],
//  "totals": {"sessions", "minutes"}}
boost::json::object EncodePracticeStats(const domain::PracticeStats& stats);

}  // namespace securebase::api
