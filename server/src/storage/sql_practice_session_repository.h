// PracticeSessionRepository on SQL (SQLite and PostgreSQL through one code
// path): table practice_sessions (migration 0011).
//
// Save looks for the (owner, id) pair first inside its write transaction;
// when two saves of one id race on PostgreSQL, the primary key refuses the
// second insert and Save then returns the winner's row, so both callers see
// the same session and only one row exists.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/practice/practice_session_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlPracticeSessionRepository final : public domain::PracticeSessionRepository {
 public:
  explicit SqlPracticeSessionRepository(Database& db) : db_(db) {}

  Result<domain::SavedPracticeSession> Save(const domain::PracticeSession& session) override;
  Result<std::optional<domain::PracticeSession>> Find(std::string_view user_id,
                                                      std::string_view id) override;
  Result<std::vector<domain::PracticeSession>> List(std::string_view user_id,
                                                    std::optional<Instant> before,
                                                    std::size_t limit) override;
  Result<std::vector<domain::PracticeSession>> All(std::string_view user_id) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
