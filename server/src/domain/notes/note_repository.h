// NoteRepository stores the practitioner's session notes as sealed records:
// who wrote it, about whom, the booking it is tied to and the two instants
// plainly; the text only sealed (note_service.h seals and opens it; the
// repository never can). Every read and change names the author: another
// practitioner's note is not there.
//
// Implementations: storage/sql_note_repository and
// tests/fakes/memory_note_repository; one contract suite
// (server/tests/contract/note_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct SealedSessionNote {
  std::string id;  // "nt_" + random
  std::string author_id;
  std::string client_id;
  std::optional<std::string> booking_id;
  Instant written_at;
  Instant updated_at;
  // SecretBox output (binary). A stored value that cannot even be read back
  // as such (the column was damaged) comes back empty, which no key opens.
  std::string sealed_text;
};

class NoteRepository {
 public:
  virtual ~NoteRepository() = default;

  // Stores a new note. A missing author, client or booking is kConflict
  // (foreign key), as is an id already used.
  virtual Status Insert(const SealedSessionNote& note) = 0;

  // The author's note with this id; nullopt when she has none.
  virtual Result<std::optional<SealedSessionNote>> Find(std::string_view author_id,
                                                        std::string_view id) = 0;

  // Replaces the sealed text and updated_at of the author's note (nothing
  // else changes); false when she has none with this id.
  virtual Result<bool> UpdateText(std::string_view author_id, std::string_view id,
                                  const std::string& sealed_text, Instant updated_at) = 0;

  // Deletes the author's note for good; false when she had none.
  virtual Result<bool> Delete(std::string_view author_id, std::string_view id) = 0;

  // The author's notes about one client, newest first: written_at, then id,
  // both descending.
  virtual Result<std::vector<SealedSessionNote>> About(std::string_view author_id,
                                                       std::string_view client_id) = 0;

  // Retention (note_retention.h): every author's notes last changed before
  // `before`, oldest change first (then id), at most `limit` of them.
  virtual Result<std::vector<SealedSessionNote>> UnchangedSince(Instant before,
                                                                std::size_t limit) = 0;

  // Deletes the note only if it is still unchanged since before `before` (a
  // note edited meanwhile stays); false when it was not deleted.
  virtual Result<bool> DeleteIfUnchangedSince(std::string_view id, Instant before) = 0;
};

}  // namespace securebase::domain
