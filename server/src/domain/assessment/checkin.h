// A check-in: one learner's answers to one questionnaire at one moment, with
// the scores (and, for the attachment questionnaire, the region) worked out
// when it was taken. Stored as given: a later edit of the questionnaire file
// never rescores old results.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/assessment/scoring.h"

namespace securebase::domain {

struct Checkin {
  std::string id;
  std::string user_id;
  std::string questionnaire_id;
  int questionnaire_version = 1;
  Instant taken_at;
  Answers answers;
  Scores scores;
  std::optional<std::string> region;  // a RegionId, attachment questionnaires only
  // The client's Idempotency-Key: a second submission with the same key
  // from the same learner gives back this check-in instead of a new one.
  std::optional<std::string> idempotency_key;
};

}  // namespace securebase::domain
