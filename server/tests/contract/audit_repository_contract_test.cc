// The AuditRepository contract on the in-memory fake, SQLite and PostgreSQL:
// rows come back whole, newest first with the id breaking ties, each filter
// narrows, and paging by (at, id) neither skips nor repeats a row.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fakes/memory_audit_repository.h"
#include "storage/sql_audit_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using domain::AuditEntry;
using domain::AuditQuery;
using testing::ContractBackend;

AuditEntry Row(std::string id, std::int64_t at, std::string actor, std::string action,
               std::optional<std::string> subject = std::nullopt) {
  return AuditEntry{std::move(id),     Instant{at},        std::move(actor),
                    std::move(action), std::move(subject), "checkins, course"};
}

class AuditRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    db_ = testing::DatabaseFor(GetParam());
    if (db_)
      repo_ = std::make_unique<storage::SqlAuditRepository>(db_->db());
    else
      repo_ = std::make_unique<fakes::MemoryAuditRepository>();
  }
  void TearDown() override {
    repo_.reset();
    db_.reset();
  }

  void Add(const AuditEntry& e) {
    const auto added = repo_->Append(e);
    ASSERT_TRUE(added) << added.error().message;
  }

  std::vector<std::string> Ids(const AuditQuery& q) {
    const auto rows = repo_->Find(q);
    EXPECT_TRUE(rows) << rows.error().message;
    std::vector<std::string> ids;
    if (rows) {
      for (const auto& r : *rows) ids.push_back(r.id);
    }
    return ids;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::AuditRepository> repo_;
};

TEST_P(AuditRepositoryContract, ARowComesBackWithEveryField) {
  Add(Row("a_1", 1'000, "u_her", "shared.read", "u_sam"));
  Add(Row("a_2", 2'000, "u_sam", "sharing.revoked"));
  const auto rows = repo_->Find(AuditQuery{});
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const AuditEntry& read = (*rows)[1];
  EXPECT_EQ(read.id, "a_1");
  EXPECT_EQ(read.at, Instant{1'000});
  EXPECT_EQ(read.actor_id, "u_her");
  EXPECT_EQ(read.action, "shared.read");
  EXPECT_EQ(read.subject_id, std::optional<std::string>("u_sam"));
  EXPECT_EQ(read.detail, "checkins, course");
  EXPECT_EQ((*rows)[0].subject_id, std::nullopt);
}

TEST_P(AuditRepositoryContract, NewestFirstAndTheIdBreaksTies) {
  Add(Row("a_b", 5'000, "u_1", "shared.read"));
  Add(Row("a_c", 1'000, "u_1", "shared.read"));
  Add(Row("a_a", 5'000, "u_1", "shared.read"));
  Add(Row("a_d", 9'000, "u_1", "shared.read"));
  EXPECT_EQ(Ids(AuditQuery{}), (std::vector<std::string>{"a_d", "a_b", "a_a", "a_c"}));
}

TEST_P(AuditRepositoryContract, EachFilterNarrows) {
  Add(Row("a_1", 1'000, "u_her", "shared.read", "u_sam"));
  Add(Row("a_2", 2'000, "u_her", "note.written", "u_sam"));
  Add(Row("a_3", 3'000, "u_her", "shared.read", "u_kim"));
  Add(Row("a_4", 4'000, "u_sam", "sharing.changed", "u_her"));
  Add(Row("a_5", 5'000, "u_her", "content.saved"));

  AuditQuery by_actor;
  by_actor.actor_id = "u_sam";
  EXPECT_EQ(Ids(by_actor), (std::vector<std::string>{"a_4"}));

  AuditQuery by_subject;
  by_subject.subject_id = "u_sam";
  EXPECT_EQ(Ids(by_subject), (std::vector<std::string>{"a_2", "a_1"}));

  AuditQuery by_action;
  by_action.action = "shared.read";
  EXPECT_EQ(Ids(by_action), (std::vector<std::string>{"a_3", "a_1"}));

  AuditQuery by_time;  // from is inclusive, to exclusive
  by_time.from = Instant{2'000};
  by_time.to = Instant{4'000};
  EXPECT_EQ(Ids(by_time), (std::vector<std::string>{"a_3", "a_2"}));

  AuditQuery all_of_them;
  all_of_them.actor_id = "u_her";
  all_of_them.subject_id = "u_sam";
  all_of_them.action = "shared.read";
  all_of_them.from = Instant{1'000};
  all_of_them.to = Instant{1'001};
  EXPECT_EQ(Ids(all_of_them), (std::vector<std::string>{"a_1"}));
}

TEST_P(AuditRepositoryContract, PagesByPositionNeitherSkipNorRepeat) {
  // Three rows share each millisecond, so a page edge falls inside one.
  std::set<std::string> want;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "a_" + std::to_string(100 + i);
    Add(Row(id, 1'000 * (i / 3), "u_her", "shared.read"));
    want.insert(id);
  }
  std::set<std::string> seen;
  std::vector<std::string> order;
  AuditQuery q;
  q.limit = 5;
  for (int page = 0; page < 5; ++page) {
    const auto rows = repo_->Find(q);
    ASSERT_TRUE(rows) << rows.error().message;
    if (rows->empty()) break;
    for (const auto& r : *rows) {
      EXPECT_TRUE(seen.insert(r.id).second) << r.id << " came twice";
      order.push_back(r.id);
    }
    q.before = std::pair(rows->back().at, rows->back().id);
  }
  EXPECT_EQ(seen, want);
  ASSERT_EQ(order.size(), 12u);
  EXPECT_EQ(order.front(), "a_111");
  EXPECT_EQ(order.back(), "a_100");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
