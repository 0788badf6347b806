// CheckinService: taking a check-in (score, place on the plane, store once
// per idempotency key), reading results back with the change since the
// previous one of the same questionnaire, and the personal plan with the
// cadence of the next offer.
//
// Questionnaires and courses are passed in on each call, taken from the
// catalog snapshot of the request, so a content reload never leaves the
// service holding stale content.
//
// Calls block on the repository: from the HTTP layer, run them on the pool.
//
// Thread-safety: safe from any thread (state lives in the repository).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/assessment/cadence.h"
#include "domain/assessment/change.h"
#include "domain/assessment/checkin_repository.h"
#include "domain/assessment/plan.h"
#include "domain/assessment/psychometrics.h"
#include "domain/assessment/questionnaire.h"
#include "domain/course/course.h"

namespace securebase::domain {

struct CheckinResult {
  Checkin checkin;
  // Against the previous result of the same questionnaire; nullopt for the
  // first one.
  std::optional<std::vector<SubscaleChange>> change;
};

struct SubmittedCheckin {
  CheckinResult result;
  bool created = true;  // false: an earlier submission with the same key
};

struct Plan {
  std::vector<PlanSign> signs;
  CheckinDue due;
};

inline constexpr std::size_t kMaxIdempotencyKeyLength = 128;

// A key is 1 to 128 visible ASCII characters (a UUID, typically).
bool IsValidIdempotencyKey(std::string_view key);

class CheckinService {
 public:
  CheckinService(CheckinRepository& repo, const Clock& clock,
                 int cadence_days = kDefaultCheckinCadenceDays)
      : repo_(repo), clock_(clock), cadence_days_(cadence_days) {}

  Result<SubmittedCheckin> Submit(const Questionnaire& questionnaire, std::string_view user_id,
                                  const Answers& answers,
                                  std::optional<std::string> idempotency_key);

  // Newest first; `questionnaire_id` narrows to one questionnaire.
  Result<std::vector<CheckinResult>> History(const std::vector<Questionnaire>& questionnaires,
                                             std::string_view user_id,
                                             std::optional<std::string_view> questionnaire_id);

  // kNotFound for an id that is not the user's.
  Result<CheckinResult> Get(const std::vector<Questionnaire>& questionnaires,
                            std::string_view user_id, std::string_view id);

  Result<Plan> PlanFor(const std::vector<Questionnaire>& questionnaires,
                       const std::vector<Course>& courses, std::string_view user_id,
                       const std::vector<Practice>& practices = {});

  // How each questionnaire behaves with the site's own learners
  // (psychometrics.h), in the order given.
  Result<std::vector<Psychometrics>> SitePsychometrics(
      const std::vector<Questionnaire>& questionnaires);

  int cadence_days() const { return cadence_days_; }

 private:
  CheckinRepository& repo_;
  const Clock& clock_;
  int cadence_days_;
};

}  // namespace securebase::domain
