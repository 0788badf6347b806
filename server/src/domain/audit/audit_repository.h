// AuditRepository: the audit log's rows (who did what to whom, when), kept
// for the practitioner and, later, for the operator's integrity check.
// Rows are only ever added: there is no update and no delete.
//
// Implementations: storage/sql_audit_repository and
// tests/fakes/memory_audit_repository; both pass
// tests/contract/audit_repository_contract.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct AuditEntry {
  std::string id;  // "a_" + random; also the tie-break between rows of one millisecond
  // The hash chain (audit_chain.h), set by Append: the row's place in the
  // order of writing (1, 2, 3…), the previous row's hash and its own.
  std::int64_t seq = 0;
  std::string prev_hash;
  std::string hash;
  Instant at;
  std::string actor_id;                   // the user who acted
  std::string action;                     // one of AuditActions() ("shared.read")
  std::optional<std::string> subject_id;  // the user it was about, if any
  std::string detail;                     // kinds, counts, paths: never personal text
};

// Which rows to read, newest first. Every field narrows; empty ones do not.
struct AuditQuery {
  std::optional<std::string> actor_id;
  std::optional<std::string> subject_id;
  std::optional<std::string> action;
  std::vector<std::string> actions;  // any one of these; empty: every action
  std::optional<Instant> from;       // at >= from
  std::optional<Instant> to;         // at < to
  // Rows strictly older than this (at, id) position: the previous page's last row.
  std::optional<std::pair<Instant, std::string>> before;
  int limit = 50;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;

  // Adds the row at the end of the chain: seq, prev_hash and hash are set
  // here (ChainHash), under a lock that makes appends from every instance
  // take turns. The entry's own seq and hashes are ignored.
  virtual Status Append(const AuditEntry& entry) = 0;
  // Up to query.limit rows, newest first (by at, then id).
  virtual Result<std::vector<AuditEntry>> Find(const AuditQuery& query) = 0;
  // Up to `limit` rows with seq > after, by seq: the chain, for verifying.
  virtual Result<std::vector<AuditEntry>> Chain(std::int64_t after, int limit) = 0;
  // The last seq and hash written (0 and kAuditChainStart before any row).
  virtual Result<std::pair<std::int64_t, std::string>> Head() = 0;
};

}  // namespace securebase::domain
