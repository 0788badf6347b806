// JournalService: a learner's journal (docs/api/journal.md). Saving seals
// the entry's contents (JournalContentsCodec, then SecretBox with
// JournalBodyAd, so a body moved to another row or person does not open)
// before they reach the repository; reading opens them again. Listing and
// searching open the learner's entries in memory for that one call: the
// plain kind and dates narrow what is opened, and a page with no filter on
// contents reads and opens only its own entries' bodies.
//
// An entry whose body does not open (a damaged row, a missing key) or opens
// to something the codec cannot read is unreadable: Find answers an error of
// type kJournalEntryUnreadable, List and ReadAll name it apart and go on. It
// is logged by id (never contents); nothing else here logs.
//
// Calls block on the repository: from the HTTP layer, run them on the pool.
//
// Thread-safety: safe from any thread (state lives in the repository).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/secret_box.h"
#include "domain/journal/journal_contents_codec.h"
#include "domain/journal/journal_entry.h"
#include "domain/journal/journal_repository.h"
#include "domain/journal/journal_search.h"

namespace securebase::domain {

// Problem types: a PUT that would change an entry's kind (kConflict), and an
// entry that cannot be opened (kInternal, answered as 500 with this type).
inline constexpr const char* kJournalKindConflict = "journal-kind-conflict";
inline constexpr const char* kJournalEntryUnreadable = "journal-entry-unreadable";

struct SavedJournalEntry {
  JournalEntry entry;
  bool created = true;  // false: an entry the learner had was replaced
};

// What is known of an entry whose body cannot be opened: the plain columns.
struct UnreadableJournalEntry {
  std::string id;
  JournalKind kind = JournalKind::kTrigger;
  Instant occurred_at;
  Instant created_at;
  Instant updated_at;
};

struct JournalPage {
  std::vector<JournalEntry> entries;  // newest first: occurred_at, then id
  // The page's entries that could not be opened (listed only when no filter
  // reads contents), in the same order.
  std::vector<UnreadableJournalEntry> unreadable;
  // Pass as `before` for the next page; nullopt on the last.
  std::optional<Instant> next_before;
  // Every entry the filters match, on all pages (unreadable ones included
  // when they are listed).
  std::size_t total = 0;
};

// A learner's whole journal, for insights and export.
struct WholeJournal {
  std::vector<JournalEntry> entries;               // oldest first: occurred_at, then id, ascending
  std::vector<UnreadableJournalEntry> unreadable;  // oldest first too
};

class JournalService {
 public:
  JournalService(JournalRepository& repo, const SecretBox& box, const JournalContentsCodec& codec,
                 const Clock& clock)
      : repo_(repo), box_(box), codec_(codec), clock_(clock) {}

  // Creates the entry, or replaces the learner's entry with its id (the id
  // in lower case; occurred_at in whole seconds; tags normalised).
  // Refusals: kInvalidArgument with a FieldError per broken rule
  // (CheckJournalDraft); kConflict with type kJournalKindConflict when the
  // learner's entry with this id is of another kind.
  Result<SavedJournalEntry> Save(std::string_view user_id, const JournalDraft& draft);

  // The learner's entry: kNotFound when they have none with this id (in
  // either case), kInternal with type kJournalEntryUnreadable when it does
  // not open.
  Result<JournalEntry> Find(std::string_view user_id, std::string_view id);

  // Deletes the learner's entry for good; kNotFound when there is none.
  Status Delete(std::string_view user_id, std::string_view id);

  // A page of the learner's entries matching the query (journal_search.h),
  // newest first. A page never splits entries that occurred in the same
  // second: it stops short of such a group, or holds all of it when the
  // group alone fills the page, so that asking again with next_before
  // neither skips nor repeats one. Bad parameters: kInvalidArgument naming
  // each.
  Result<JournalPage> List(std::string_view user_id, const JournalQuery& query);

  // Every entry of the learner, opened, oldest first; those that do not
  // open listed apart.
  Result<WholeJournal> ReadAll(std::string_view user_id);

 private:
  enum class Opened { kEntry, kPassedOver, kUnreadable };
  // Opens the record into `entry`; kUnreadable (logged) when it does not
  // open or decode. With needles, a body that certainly does not hold them
  // all (JournalContentsCodec::MayHoldAll) is passed over undecoded.
  Opened OpenInto(const SealedJournalEntry& record, const std::vector<std::string>& needles,
                  JournalEntry& entry) const;
  // The entry in the record, or nullopt (logged) when it does not open.
  std::optional<JournalEntry> Open(const SealedJournalEntry& record) const;

  JournalRepository& repo_;
  const SecretBox& box_;
  const JournalContentsCodec& codec_;
  const Clock& clock_;
};

}  // namespace securebase::domain
