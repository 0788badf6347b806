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

TEST(AuditChainTest, ARowTheOperatorNotedMustStillBeThere) {
  fakes::MemoryAuditRepository rows;
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(rows.Append(Row(i)));
  const auto noted = *rows.Chain(2, 1);
  const AuditChainMark mark{3, noted[0].hash};
  auto report = VerifyAuditChain(rows, mark);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->broken_at) << report->problem;

  auto wrong = VerifyAuditChain(rows, AuditChainMark{3, std::string(64, 'a')});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->broken_at, std::optional<std::int64_t>(3));

  // A log rewritten short of the row noted: every hash in it fits, but row 9 is gone.
  auto beyond = VerifyAuditChain(rows, AuditChainMark{9, std::string(64, 'b')});
  ASSERT_TRUE(beyond);
  EXPECT_EQ(beyond->broken_at, std::optional<std::int64_t>(6));
  EXPECT_NE(beyond->problem.find("you noted row 9"), std::string::npos);
}

TEST(AuditChainTest, AMarkIsSeqColonSixtyFourHexDigits) {
  const std::string hash(64, 'c');
  const auto mark = ParseAuditChainMark("12:" + hash);
  ASSERT_TRUE(mark);
  EXPECT_EQ(mark->seq, 12);
  EXPECT_EQ(mark->hash, hash);
  for (const std::string& bad :
       {std::string("12"), ":" + hash, "0:" + hash, "-1:" + hash, "x:" + hash,
        "12:" + hash.substr(1), "12:" + std::string(64, 'C'), "12:" + hash + "0"}) {
    EXPECT_FALSE(ParseAuditChainMark(bad)) << bad;
  }
}

}  // namespace
}  // namespace securebase::domain
