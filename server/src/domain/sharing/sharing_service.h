// SharingService: the learner's side of sharing (docs/api/sharing.md) —
// which practitioners they may share with, what they share with each now,
// changing it and stopping. Every change writes an audit row, so the
// practitioner's log shows when a share began, changed and ended.
//
// Thread-safety: safe from any thread (its parts are).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/user_repository.h"
#include "domain/audit/audit_trail.h"
#include "domain/journal/journal_repository.h"
#include "domain/sharing/share_repository.h"

namespace securebase::domain {

// What the learner asks to share with one practitioner.
struct ShareChoice {
  std::string practitioner_id;
  bool checkins = false;
  bool practice = false;
  bool course = false;
  std::vector<std::string> journal_entry_ids;  // any order; checked
};

// One practitioner and what the learner shares with her now; `share` is
// nullopt when they share nothing and never chose.
struct PractitionerShare {
  std::string practitioner_id;
  std::string practitioner_name;
  std::optional<Share> share;
};

class SharingService {
 public:
  SharingService(ShareRepository& shares, UserRepository& users, JournalRepository& journal,
                 AuditTrail& audit, const Clock& clock)
      : shares_(shares), users_(users), journal_(journal), audit_(audit), clock_(clock) {}

  // Every practitioner on the site, oldest account first, with this
  // learner's share.
  Result<std::vector<PractitionerShare>> ForLearner(std::string_view learner_id);

  // Replaces what the learner shares with one practitioner. kInvalidArgument
  // with field errors for someone who is not a practitioner and for journal
  // entries that are not the learner's own, repeated or too many.
  Result<PractitionerShare> Choose(std::string_view learner_id, const ShareChoice& choice);

  // Stops sharing anything with one practitioner, or with every one.
  Status Revoke(std::string_view learner_id, std::optional<std::string_view> practitioner_id);

  // The learner's side of the audit log: each time a practitioner opened
  // what they share ("shared.read") or the answers they gave when booking a
  // session ("intake.read"), newest first, a page of up to `limit` (1–100)
  // from the cursor `before` (the previous page's `next`), with what it
  // showed. Only those reads: her notes are hers.
  Result<AuditPage> ReadsOf(std::string_view learner_id, int limit,
                            std::optional<std::string> before = std::nullopt);

 private:
  Result<User> Practitioner(std::string_view id);
  // Sorted and unique, or the field error saying why not.
  Result<std::vector<std::string>> OwnEntries(std::string_view learner_id,
                                              std::vector<std::string> ids);

  ShareRepository& shares_;
  UserRepository& users_;
  JournalRepository& journal_;
  AuditTrail& audit_;
  const Clock& clock_;
};

}  // namespace securebase::domain
