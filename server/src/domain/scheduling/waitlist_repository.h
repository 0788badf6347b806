// WaitlistRepository: clients' places on the waitlist, one per client and
// session type, kept in the order they joined.
//
// Implementations: storage/sql_waitlist_repository and
// tests/fakes/memory_waitlist_repository. No shared contract suite yet: the
// SQL one is tested through domain/scheduling/waitlist_test.cc (real SQLite)
// and the booking API tests on SQLite and PostgreSQL.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct WaitlistEntry {
  std::string id;  // "wl_" + random
  std::string client_id;
  std::string session_type_id;
  Instant joined_at;
  std::optional<Instant> notified_at;
};

class WaitlistRepository {
 public:
  virtual ~WaitlistRepository() = default;

  // kConflict "already-waiting" when the client has a place for this type.
  virtual Status Add(const WaitlistEntry& entry) = 0;
  // Removes the client's place with this id; false when there was none.
  virtual Result<bool> Remove(std::string_view client_id, std::string_view id) = 0;
  // Removes the client's place for this type, if any.
  virtual Status RemoveForType(std::string_view client_id, std::string_view session_type_id) = 0;
  // Everyone's places (or one client's), in the order they joined.
  virtual Result<std::vector<WaitlistEntry>> All() = 0;
  virtual Result<std::vector<WaitlistEntry>> ForClient(std::string_view client_id) = 0;
  // Claims the right to tell this place's client that a time opened: sets
  // notified_at to `at` only if they were never told or last told at or
  // before `not_since`, in one statement; true when this call set it. Two
  // instances looking for openings at once both ask, and one wins, so
  // nobody is mailed twice.
  virtual Result<bool> ClaimNotice(std::string_view id, Instant at, Instant not_since) = 0;
};

}  // namespace securebase::domain
