// AuditTrail: how the rest of the domain writes to the audit log and how
// the practitioner reads it. It stamps each row with an id and the time,
// keeps action names to a known list, and turns a page's last row into an
// opaque cursor.
//
// A read of shared data records its row *before* the data is handed out:
// when the row cannot be written, the caller must not show the data.
//
// Thread-safety: safe from any thread once built.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/user_repository.h"
#include "domain/audit/audit_repository.h"

namespace securebase::domain {

// The actions the log can hold (docs/api/sharing.md lists who writes each).
namespace audit_action {
inline constexpr std::string_view kSharedRead = "shared.read";
inline constexpr std::string_view kSharingChanged = "sharing.changed";
inline constexpr std::string_view kSharingRevoked = "sharing.revoked";
inline constexpr std::string_view kNoteWritten = "note.written";
inline constexpr std::string_view kNoteDeleted = "note.deleted";
inline constexpr std::string_view kContentSaved = "content.saved";
inline constexpr std::string_view kContentReloaded = "content.reloaded";
// A learner's account was deleted (by them, or by the operator): the subject
// is the former account's id; the detail says by whom and counts what was
// kept, never a name or an address.
inline constexpr std::string_view kAccountDeleted = "account.deleted";
// A session note passed the retention period (notes.retention_days) and was
// deleted by housekeeping: actor its author, subject its client, detail its
// id (never its words).
inline constexpr std::string_view kNoteExpired = "note.expired";
// The operator turned an account's two-factor sign-in off (`securebase user
// reset-two-factor`): actor "operator", subject the account, detail "by the
// operator".
inline constexpr std::string_view kTwoFactorReset = "two_factor.reset";
// The practitioner opened the answers a client gave when booking one
// session: actor her, subject the client, detail "booking:<id>". Written
// before the answers are opened; the client sees it among "who has looked".
inline constexpr std::string_view kIntakeRead = "intake.read";
}  // namespace audit_action

std::span<const std::string_view> AuditActions();

// The practitioner's filters, as she gave them; checked by Search.
struct AuditFilter {
  std::optional<std::string> actor_id;
  std::optional<std::string> subject_id;
  std::optional<std::string> action;
  // Any one of these (empty: no narrowing); for the domain's own reads,
  // such as a learner's "who has looked", which is more than one action.
  std::vector<std::string> actions;
  std::optional<Instant> from;
  std::optional<Instant> to;
  std::optional<std::string> before;  // a cursor from an earlier page
  int limit = 50;
};

// A row as the practitioner reads it: with the names of the people it
// names ("" for an account since deleted).
struct AuditLine {
  AuditEntry entry;
  std::string actor_name;
  std::string subject_name;
};

struct AuditPage {
  std::vector<AuditLine> entries;
  std::optional<std::string> next;  // pass as `before` for the next page
};

class AuditTrail {
 public:
  static constexpr int kMaxLimit = 200;

  AuditTrail(AuditRepository& rows, UserRepository& users, const Clock& clock)
      : rows_(rows), users_(users), clock_(clock) {}

  // Appends one row now. `action` must be one of AuditActions() (a bug
  // otherwise: kInternal).
  Status Record(std::string_view actor_id, std::string_view action,
                std::optional<std::string_view> subject_id, std::string detail);

  // kInvalidArgument with field errors for a bad filter.
  Result<AuditPage> Search(const AuditFilter& filter);

 private:
  AuditRepository& rows_;
  UserRepository& users_;
  const Clock& clock_;
};

}  // namespace securebase::domain
