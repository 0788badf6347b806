#include "domain/notes/note_retention.h"

namespace securebase::domain {
namespace {

// Notes read per round: a pass goes on until none is left.
constexpr std::size_t kBatch = 100;

}  // namespace

Result<long> NoteRetention::DeleteExpired() {
  if (keep_.count() <= 0) return 0L;
  const auto keep = std::chrono::duration_cast<std::chrono::milliseconds>(keep_);
  const Instant before{clock_.Now().millis - keep.count()};
  long deleted = 0;
  for (;;) {
    auto due = notes_.UnchangedSince(before, kBatch);
    if (!due) return std::unexpected(due.error());
    long this_round = 0;
    for (const auto& note : *due) {
      // The row first: a deletion is never missing from the log.
      if (auto ok =
              audit_.Record(note.author_id, audit_action::kNoteExpired, note.client_id, note.id);
          !ok) {
        return std::unexpected(ok.error());
      }
      auto gone = notes_.DeleteIfUnchangedSince(note.id, before);
      if (!gone) return std::unexpected(gone.error());
      if (*gone) ++this_round;
    }
    deleted += this_round;
    // A short batch was the last; a batch where nothing went (every note
    // edited meanwhile) would come back the same.
    if (due->size() < kBatch || this_round == 0) break;
  }
  return deleted;
}

}  // namespace securebase::domain
