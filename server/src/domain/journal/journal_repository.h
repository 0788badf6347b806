// JournalRepository stores learners' journal entries as sealed records,
// keyed by owner and the client's id: the kind and the three instants
// plainly, everything the learner wrote as one sealed body
// (journal_service.h seals and opens it; the repository never can).
//
// Implementations: storage/sql_journal_repository and
// tests/fakes/memory_journal_repository; one contract suite
// (server/tests/contract/journal_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/journal/journal_entry.h"

namespace securebase::domain {

struct SealedJournalEntry {
  std::string id;  // a UUID in lower case
  std::string user_id;
  JournalKind kind = JournalKind::kTrigger;
  Instant occurred_at;
  Instant created_at;
  Instant updated_at;
  // SecretBox output (binary). A stored value that cannot even be read back
  // as such (the column was damaged) comes back empty, which no key opens.
  std::string sealed_body;
};

enum class JournalSaveOutcome {
  kCreated,      // a new row
  kReplaced,     // the owner's row with this id, of the same kind, replaced
  kKindDiffers,  // the owner has this id for another kind: nothing written
};

struct SavedJournalRecord {
  JournalSaveOutcome outcome = JournalSaveOutcome::kCreated;
  // As stored (kCreated, kReplaced: created_at is the first save's), or the
  // row as it is (kKindDiffers).
  SealedJournalEntry record;
};

class JournalRepository {
 public:
  virtual ~JournalRepository() = default;

  // Inserts the record, or replaces the owner's record with its id when that
  // has the same kind: occurred_at, updated_at and the body change, the
  // first created_at stays. Another kind stores nothing (kKindDiffers). Two
  // saves of one id racing both succeed, one after the other. A missing
  // owner is kConflict (foreign key).
  virtual Result<SavedJournalRecord> Save(const SealedJournalEntry& record) = 0;

  // The owner's record with this id; nullopt when they have none.
  virtual Result<std::optional<SealedJournalEntry>> Find(std::string_view user_id,
                                                         std::string_view id) = 0;

  // Deletes the owner's record with this id; false when there was none.
  virtual Result<bool> Delete(std::string_view user_id, std::string_view id) = 0;

  // Every record of the owner, newest first: occurred_at, then id, both
  // descending.
  virtual Result<std::vector<SealedJournalEntry>> All(std::string_view user_id) = 0;

  // As All, without the bodies (sealed_body empty): for a page that opens
  // only its own entries, which it then Finds.
  virtual Result<std::vector<SealedJournalEntry>> Headers(std::string_view user_id) = 0;
};

}  // namespace securebase::domain
