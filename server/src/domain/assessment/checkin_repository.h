// CheckinRepository stores learners' check-ins: answers, scores and region.
//
// Implementations: storage/sql_checkin_repository and
// tests/fakes/memory_checkin_repository; one contract suite
// (server/tests/contract/checkin_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/assessment/checkin.h"

namespace securebase::domain {

struct SavedCheckin {
  Checkin checkin;
  bool created = true;  // false: the idempotency key was seen; `checkin` is the first one
};

class CheckinRepository {
 public:
  virtual ~CheckinRepository() = default;

  // Stores a new check-in. When it carries an idempotency key that the same
  // user used before, stores nothing and returns the earlier check-in with
  // created = false (also when two such saves race: one row, both answers
  // the same). kConflict when the id exists; kNotFound-class failures from
  // a missing user surface as kConflict (foreign key).
  virtual Result<SavedCheckin> Save(const Checkin& checkin) = 0;

  // The user's check-in with this id; nullopt for another user's.
  virtual Result<std::optional<Checkin>> Find(std::string_view user_id, std::string_view id) = 0;

  // The user's check-ins, newest first (taken_at, then id, descending),
  // optionally of one questionnaire only.
  virtual Result<std::vector<Checkin>> List(std::string_view user_id,
                                            std::optional<std::string_view> questionnaire_id) = 0;

  // Each learner's latest check-in of the questionnaire (taken_at, then id),
  // with answers and scores: one per person, for figures across people
  // (psychometrics.h). In no particular order.
  virtual Result<std::vector<Checkin>> LatestPerPerson(std::string_view questionnaire_id) = 0;
};

}  // namespace securebase::domain
