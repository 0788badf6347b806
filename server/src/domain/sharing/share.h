// Share: what one learner lets one practitioner see (docs/api/sharing.md).
// Each kind is a switch; journal entries are shared one by one. A learner
// who never chose anything has no Share: the default is nothing.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace securebase::domain {

// The most journal entries one share may name.
inline constexpr std::size_t kMaxSharedJournalEntries = 200;

struct Share {
  std::string learner_id;
  std::string practitioner_id;
  bool checkins = false;
  bool practice = false;
  bool course = false;
  std::vector<std::string> journal_entry_ids;  // sorted, unique
  Instant updated_at;

  // Does it show her anything at all?
  bool Any() const { return checkins || practice || course || !journal_entry_ids.empty(); }
};

// What a share shows, for the audit log: "checkins, course, journal_entries:2",
// or "nothing shared". Kinds and counts only, never content.
std::string DescribeShare(const Share& share);

}  // namespace securebase::domain
