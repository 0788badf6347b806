// NoteRetention: the practitioner's keeping period for session notes
// (config `notes.retention_days`, docs/privacy.md). A housekeeping pass
// deletes every note whose last change is older than the period, each after
// its audit row (action note.expired: the author, the client and the note's
// id, never its words); a note she edits meanwhile is kept. 0 days: notes
// are kept until she deletes them, and a pass does nothing.
//
// Thread-safety: safe from any thread; passes on several instances at once
// delete each note once (the delete is conditional), though a note may then
// be recorded twice.
#pragma once

#include <chrono>

#include "common/clock.h"
#include "common/error.h"
#include "domain/audit/audit_trail.h"
#include "domain/notes/note_repository.h"

namespace securebase::domain {

class NoteRetention {
 public:
  NoteRetention(NoteRepository& notes, AuditTrail& audit, const Clock& clock,
                std::chrono::days keep)
      : notes_(notes), audit_(audit), clock_(clock), keep_(keep) {}

  // One pass; returns how many notes were deleted.
  Result<long> DeleteExpired();

 private:
  NoteRepository& notes_;
  AuditTrail& audit_;
  const Clock& clock_;
  std::chrono::days keep_;
};

}  // namespace securebase::domain
