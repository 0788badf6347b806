// PracticeSessionRepository stores learners' recorded practice sessions,
// keyed by owner and the client's id.
//
// Implementations: storage/sql_practice_session_repository and
// tests/fakes/memory_practice_session_repository; one contract suite
// (server/tests/contract/practice_session_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/practice/practice_session.h"

namespace securebase::domain {

struct SavedPracticeSession {
  PracticeSession session;
  bool created = true;  // false: the owner had this id already; `session` is the stored one
};

class PracticeSessionRepository {
 public:
  virtual ~PracticeSessionRepository() = default;

  // Stores the session unless its owner already has one with its id; then
  // stores nothing and returns the stored one with created = false, whatever
  // its contents (the service compares them). When two saves of one id race,
  // one row is stored and both get it back. A missing owner is kConflict
  // (foreign key).
  virtual Result<SavedPracticeSession> Save(const PracticeSession& session) = 0;

  // The owner's session with this id; nullopt when they have none.
  virtual Result<std::optional<PracticeSession>> Find(std::string_view user_id,
                                                      std::string_view id) = 0;

  // At most `limit` of the owner's sessions that started before `before`
  // (all when nullopt), newest first: started_at, then id, descending.
  virtual Result<std::vector<PracticeSession>> List(std::string_view user_id,
                                                    std::optional<Instant> before,
                                                    std::size_t limit) = 0;

  // Every session of the owner, in the order of List (for the stats).
  virtual Result<std::vector<PracticeSession>> All(std::string_view user_id) = 0;
};

}  // namespace securebase::domain
