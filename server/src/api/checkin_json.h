// JSON shapes of the assessment API (docs/api/checkins.md): questionnaires,
// check-in results and the personal plan. Scores, differences and indices
// are rounded to two decimals on the wire (the stored values keep full
// precision).
//
// Thread-safety: pure functions.
#pragma once

#include <boost/json/object.hpp>

#include <vector>

#include "domain/assessment/checkin_service.h"
#include "domain/assessment/questionnaire.h"

namespace securebase::api {

// {"id", "version", "title", "kind", "item_count"}
boost::json::object EncodeQuestionnaireSummary(const domain::Questionnaire& q);

// {"id", "version", "title", "instructions", "kind", "scale": {"min", "max", "labels"},
//  "subscales": [{"id", "title", "norms": {...} | null}],
//  "items": [{"id", "text", "subscale", "reverse"}]}
boost::json::object EncodeQuestionnaire(const domain::Questionnaire& q);

// {"id", "questionnaire_id", "questionnaire_version", "taken_at", "scores": {...},
//  "region": id | null, "signs": [{"id", "score"}] | null,
//  "change": {"<subscale>": {"difference", "rci", "reliable"}} | null}
// `questionnaires` gives the kind (signs or not) of the result's questionnaire.
boost::json::object EncodeCheckin(const domain::CheckinResult& result,
                                  const std::vector<domain::Questionnaire>& questionnaires);

// {"signs": [{"id", "score", "lessons": [{"id", "title", "course_id"}], "practices": []}],
//  "last_checkin_at", "next_checkin_due", "checkin_due", "cadence_days"}
boost::json::object EncodePlan(const domain::Plan& plan, int cadence_days);

// Rounds to two decimals, without a negative zero.
double Round2(double x);

}  // namespace securebase::api
