#include "domain/audit/audit_chain.h"

#include <gtest/gtest.h>

#include "fakes/memory_audit_repository.h"

namespace securebase::domain {
namespace {

AuditEntry Row(int i) {
  AuditEntry e;
  e.id = "a_" + std::to_string(i);
  e.at = Instant{1'000 + i};
  e.actor_id = "u_her";
  e.action = "shared.read";
  e.subject_id = "u_sam";
  e.detail = "checkins";
  return e;
}

// More rows than one batch reads, so the walk crosses batch edges.
TEST(AuditChainTest, AChainLongerThanABatchVerifies) {
  fakes::MemoryAuditRepository rows;
  for (int i = 1; i <= 2'345; ++i) ASSERT_TRUE(rows.Append(Row(i)));
  const auto report = VerifyAuditChain(rows);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rows, 2'345);
  EXPECT_FALSE(report->broken_at) << report->problem;
  EXPECT_EQ(report->last_hash, rows.Head()->second);
}

// A server appending while verify runs: the rows after the head it read
// first are left for the next run, not taken for tampering.
class GrowingLog final : public AuditRepository {
 public:
  Status Append(const AuditEntry& e) override { return inner.Append(e); }
  Result<std::vector<AuditEntry>> Find(const AuditQuery& q) override { return inner.Find(q); }
  Result<std::vector<AuditEntry>> Chain(std::int64_t after, int limit) override {
    (void)inner.Append(Row(10'000 + static_cast<int>(after)));  // a write lands meanwhile
    return inner.Chain(after, limit);
  }
  Result<std::pair<std::int64_t, std::string>> Head() override { return inner.Head(); }
  fakes::MemoryAuditRepository inner;
};

TEST(AuditChainTest, RowsAppendedWhileItRunsAreNotTampering) {
  GrowingLog log;
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(log.inner.Append(Row(i)));
  const auto report = VerifyAuditChain(log);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->broken_at) << report->problem;
  EXPECT_EQ(report->rows, 5);
}

}  // namespace
}  // namespace securebase::domain
