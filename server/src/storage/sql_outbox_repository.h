// OutboxRepository on SQL (SQLite and PostgreSQL through one code path; the
// claim adds FOR UPDATE SKIP LOCKED on PostgreSQL so that instances polling
// together pass over each other's rows instead of queueing on them, while
// SQLite's BEGIN IMMEDIATE lets one claimer in at a time).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/notify/outbox_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlOutboxRepository final : public domain::OutboxRepository {
 public:
  explicit SqlOutboxRepository(Database& db) : db_(db) {}

  Status Enqueue(const domain::OutgoingMail& mail) override;
  Result<std::vector<domain::ClaimedMail>> ClaimDue(Instant now, std::chrono::milliseconds lease,
                                                    int limit) override;
  Status MarkSent(std::string_view id, Instant at) override;
  Status MarkRetry(std::string_view id, std::string_view claim, Instant next_attempt,
                   std::string_view reason) override;
  Status MarkFailed(std::string_view id, std::string_view claim, Instant at,
                    std::string_view reason) override;
  Status Release(std::string_view id, std::string_view claim) override;
  Result<std::optional<domain::OutboxRecord>> Find(std::string_view id) override;
  Result<domain::OutboxCounts> Counts() override;
  Result<long> PurgeSent(Instant before) override;
  Result<long> ForgetRecipient(std::string_view address) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
