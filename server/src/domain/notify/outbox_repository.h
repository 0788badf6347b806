// OutboxRepository: mail waiting to be delivered. Putting a message here is
// how the domain "sends" mail: the write is quick and local, and the outbox
// worker (jobs/outbox_worker) delivers it later, retrying failures with
// backoff, so a mail server that is down loses nothing.
//
// A message's life: pending → (claimed by a worker under a lease) → sent, or
// back to pending with a later next attempt, or failed (given up; kept, with
// its content, for the operator). Unsent mail is never deleted by the mail
// path itself; only ForgetRecipient (account deletion) removes it.
//
// Leases: ClaimDue hands each due message to one caller until the lease runs
// out, so several server instances on one PostgreSQL never send the same
// message twice while a worker is alive. A worker that dies mid-send leaves
// its lease to expire and the message is claimed again (at-least-once).
//
// Implementations: storage/sql_outbox_repository (SQLite, PostgreSQL) and
// tests/fakes/memory_outbox_repository; one contract suite
// (server/tests/contract/outbox_repository_contract_test.cc).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/notify/outgoing_mail.h"

namespace securebase::domain {

enum class OutboxStatus { kPending, kSent, kFailed };

const char* OutboxStatusName(OutboxStatus status);  // "pending", "sent", "failed"

// A message a worker holds under a lease.
struct ClaimedMail {
  OutgoingMail mail;
  int attempt = 0;    // 1 for the first try; counts tries that began, including crashed ones
  std::string claim;  // random token naming this lease; Mark* and Release check it
};

// One stored message as it is now (for tests and the operator).
struct OutboxRecord {
  OutgoingMail mail;  // to, subject, text and calendar are empty once sent
  OutboxStatus status = OutboxStatus::kPending;
  int attempts = 0;
  Instant next_attempt_at;
  std::string last_error;  // short and non-personal; empty when none
  std::optional<Instant> sent_at;
  std::optional<Instant> failed_at;
};

struct OutboxCounts {
  long pending = 0;
  long sent = 0;
  long failed = 0;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;

  // Stores a message for delivery as soon as possible. kInvalidArgument
  // when ValidateOutgoingMail refuses it; kConflict for a reused id.
  virtual Status Enqueue(const OutgoingMail& mail) = 0;

  // Leases up to `limit` due messages (pending, next attempt at or before
  // `now`, no live lease) until now + lease, the longest-waiting first, and
  // counts the try. A message is never held by two callers at once.
  virtual Result<std::vector<ClaimedMail>> ClaimDue(Instant now, std::chrono::milliseconds lease,
                                                    int limit) = 0;

  // Delivered: status sent at `at`; the recipient, subject, body and
  // calendar are erased (bodies carry one-time links, calendars name the
  // attendees; the calendar method stays). Applies even when the lease ran
  // out meanwhile, because the mail did go. kNotFound for an unknown id.
  virtual Status MarkSent(std::string_view id, Instant at) = 0;

  // This try failed; try again at `next_attempt`. `reason` is short and
  // non-personal. kConflict when `claim` no longer holds the message (its
  // lease expired and another worker took it): the caller leaves it alone.
  virtual Status MarkRetry(std::string_view id, std::string_view claim, Instant next_attempt,
                           std::string_view reason) = 0;

  // Given up at `at` (refused for good, or retried for too long): status
  // failed, content kept for the operator. kConflict as for MarkRetry.
  virtual Status MarkFailed(std::string_view id, std::string_view claim, Instant at,
                            std::string_view reason) = 0;

  // Hands back a claimed message that was not tried (the worker is stopping
  // or its lease is nearly over): no live lease, and the try is uncounted.
  // kConflict as for MarkRetry.
  virtual Status Release(std::string_view id, std::string_view claim) = 0;

  virtual Result<std::optional<OutboxRecord>> Find(std::string_view id) = 0;
  virtual Result<OutboxCounts> Counts() = 0;

  // Deletes sent messages (already without content) sent before `before`;
  // returns how many. Pending and failed messages are never touched.
  virtual Result<long> PurgeSent(Instant before) = 0;

  // Deletes every message, in any state, to this address: for account
  // deletion, when the person's own data must go. Returns how many.
  virtual Result<long> ForgetRecipient(std::string_view address) = 0;
};

// Reasons are stored and logged: keep them short. Cuts at a UTF-8 boundary.
std::string ShortReason(std::string_view reason);

}  // namespace securebase::domain
