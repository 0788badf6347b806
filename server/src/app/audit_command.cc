// `securebase audit verify [--expect SEQ:HASH]`: walks the audit log's hash
// chain from its first row (domain/audit/audit_chain.h) and says whether
// every row is as it was written and, given a row noted from an earlier run,
// that it is still there as it was. Output names row numbers and the chain's last hash (worth
// noting down: a later verify must still find it), never anything about people.
#include <iostream>
#include <optional>
#include <string>

#include "app/commands.h"
#include "app/database_setup.h"
#include "common/metrics.h"
#include "domain/audit/audit_chain.h"
#include "storage/sql_audit_repository.h"

namespace securebase::app {

int RunAuditVerify(const Config& config, const std::string& expect) {
  std::optional<domain::AuditChainMark> mark;
  if (!expect.empty()) {
    mark = domain::ParseAuditChainMark(expect);
    if (!mark) {
      std::cerr << "securebase audit verify: --expect takes SEQ:HASH as an earlier verify "
                   "printed it (a row number, a colon, 64 hex digits).\n";
      return 2;
    }
  }
  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << "securebase audit verify: " << db.error().message << "\n";
    return 1;
  }
  storage::SqlAuditRepository rows(**db);
  auto report = domain::VerifyAuditChain(rows, mark);
  if (!report) {
    std::cerr << "securebase audit verify: " << report.error().message << "\n";
    return 1;
  }
  if (report->broken_at) {
    std::cout << "The audit log has been altered: " << report->problem << ".\n"
              << report->rows << " rows before it are intact.\n";
    return 1;
  }
  std::cout << "The audit log is intact: " << report->rows << " rows.\n"
            << "Last hash: " << report->last_hash << "\n";
  if (report->rows > 0) {
    // Kept elsewhere, this lets a later verify notice a log rewritten whole.
    std::cout << "To check later that this row is still there: securebase audit verify --expect "
              << report->rows << ":" << report->last_hash << "\n";
  }
  return 0;
}

}  // namespace securebase::app
