// CheckinRepository on SQL (SQLite and PostgreSQL through one code path):
// tables checkins, checkin_answers and checkin_scores (migration 0010).
//
// Idempotency: Save looks for the (user, key) pair first inside its write
// transaction; when two saves with one key race on PostgreSQL, the unique
// constraint refuses the second insert and Save then returns the winner's
// row, so both callers see the same check-in and only one row exists.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/assessment/checkin_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlCheckinRepository final : public domain::CheckinRepository {
 public:
  explicit SqlCheckinRepository(Database& db) : db_(db) {}

  Result<domain::SavedCheckin> Save(const domain::Checkin& checkin) override;
  Result<std::optional<domain::Checkin>> Find(std::string_view user_id,
                                              std::string_view id) override;
  Result<std::vector<domain::Checkin>> List(
      std::string_view user_id, std::optional<std::string_view> questionnaire_id) override;
  Result<std::vector<domain::Checkin>> LatestPerPerson(std::string_view questionnaire_id) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
