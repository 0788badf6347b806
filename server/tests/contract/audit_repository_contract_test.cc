// The AuditRepository contract on the in-memory fake, SQLite and PostgreSQL:
// rows come back whole, newest first with the id breaking ties, each filter
// narrows, and paging by (at, id) neither skips nor repeats a row; appends,
// concurrent ones too, make one hash chain that verifies. On SQL, the
// database itself refuses to change or remove a row or to rewind the head
// (migration 0021); and a row changed, removed or re-hashed by someone who
// dropped those triggers first is still found by the chain.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "domain/audit/audit_chain.h"
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
  AuditEntry e;
  e.id = std::move(id);
  e.at = Instant{at};
  e.actor_id = std::move(actor);
  e.action = std::move(action);
  e.subject_id = std::move(subject);
  e.detail = "checkins, course";
  return e;
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

TEST_P(AuditRepositoryContract, AnyOfSeveralActionsNarrowsWithTheOtherFilters) {
  Add(Row("a_1", 1'000, "u_her", "shared.read", "u_sam"));
  Add(Row("a_2", 2'000, "u_her", "note.written", "u_sam"));
  Add(Row("a_3", 3'000, "u_her", "intake.read", "u_sam"));
  Add(Row("a_4", 4'000, "u_her", "intake.read", "u_kim"));

  AuditQuery looks;
  looks.subject_id = "u_sam";
  looks.actions = {"shared.read", "intake.read"};
  EXPECT_EQ(Ids(looks), (std::vector<std::string>{"a_3", "a_1"}));

  AuditQuery one;
  one.actions = {"note.written"};
  EXPECT_EQ(Ids(one), (std::vector<std::string>{"a_2"}));
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

TEST_P(AuditRepositoryContract, AppendsMakeAChainThatVerifies) {
  const auto empty = domain::VerifyAuditChain(*repo_);
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_EQ(empty->rows, 0);
  EXPECT_EQ(empty->last_hash, domain::kAuditChainStart);
  EXPECT_FALSE(empty->broken_at);

  Add(Row("a_1", 1'000, "u_her", "shared.read", "u_sam"));
  Add(Row("a_2", 1'000, "u_her", "note.written", ""));  // an empty subject is not a missing one
  Add(Row("a_3", 500, "u_sam", "sharing.revoked"));     // seq follows writing, not time
  const auto chain = repo_->Chain(0, 10);
  ASSERT_TRUE(chain) << chain.error().message;
  ASSERT_EQ(chain->size(), 3u);
  std::string prev = domain::kAuditChainStart;
  for (std::size_t i = 0; i < chain->size(); ++i) {
    const auto& e = (*chain)[i];
    EXPECT_EQ(e.seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(e.prev_hash, prev);
    EXPECT_EQ(e.hash, domain::ChainHash(prev, e));
    prev = e.hash;
  }
  EXPECT_EQ((*chain)[1].subject_id, std::optional<std::string>(""));
  const auto head = repo_->Head();
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_EQ(head->first, 3);
  EXPECT_EQ(head->second, prev);
  EXPECT_EQ(repo_->Chain(2, 10)->size(), 1u);

  const auto report = domain::VerifyAuditChain(*repo_);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->last_hash, prev);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

TEST_P(AuditRepositoryContract, ConcurrentAppendsTakeTurnsInOneChain) {
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const auto added = repo_->Append(Row("a_" + std::to_string(t) + "_" + std::to_string(i),
                                             1'000 + i, "u_her", "shared.read"));
        if (!added) ++failed;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed, 0);
  const auto report = domain::VerifyAuditChain(*repo_);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rows, kThreads * kEach);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

// On SQL, the database refuses edits, and someone who lifts its triggers
// and edits the table behind the server's back is found by the chain.
class SqlAuditChainTest : public AuditRepositoryContract {
 protected:
  Status TrySql(const std::string& statement) {
    return db_->db().Write("test.tamper", [&](soci::session& sql) -> Status {
      sql << statement;
      return {};
    });
  }
  void Sql(const std::string& statement) {
    auto ok = TrySql(statement);
    ASSERT_TRUE(ok) << ok.error().message;
  }
  // What the owner of the schema can do before editing: drop migration
  // 0021's triggers.
  void LiftTheTriggers() {
    const bool pg = db_->db().backend() == storage::Backend::kPostgresql;
    const std::pair<const char*, const char*> triggers[] = {{"audit_log_no_update", "audit_log"},
                                                            {"audit_log_no_delete", "audit_log"},
                                                            {"audit_head_never_back", "audit_head"},
                                                            {"audit_head_kept", "audit_head"}};
    for (const auto& [trigger, table] : triggers) {
      Sql(fmt::format("DROP TRIGGER {}{}", trigger, pg ? fmt::format(" ON {}", table) : ""));
    }
  }
  std::vector<domain::AuditEntry> AllRows() {
    auto rows = repo_->Chain(0, 100);
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? *rows : std::vector<domain::AuditEntry>{};
  }
  std::optional<std::int64_t> BrokenAt() {
    const auto report = domain::VerifyAuditChain(*repo_);
    EXPECT_TRUE(report) << report.error().message;
    return report ? report->broken_at : std::nullopt;
  }
  void SetUp() override {
    AuditRepositoryContract::SetUp();
    for (int i = 1; i <= 5; ++i) {
      Add(Row("a_" + std::to_string(i), 1'000 * i, "u_her", "shared.read", "u_sam"));
    }
    ASSERT_EQ(BrokenAt(), std::nullopt);
  }
};

TEST_P(SqlAuditChainTest, TheDatabaseRefusesToChangeOrRemoveARow) {
  const auto before = AllRows();
  const auto head = repo_->Head();
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_FALSE(TrySql("UPDATE audit_log SET detail = 'nothing shared' WHERE seq = 3"));
  EXPECT_FALSE(TrySql("UPDATE audit_log SET actor_id = actor_id"));  // even a no-op
  EXPECT_FALSE(TrySql("DELETE FROM audit_log WHERE seq = 2"));
  EXPECT_FALSE(TrySql("DELETE FROM audit_log"));
  if (db_->db().backend() == storage::Backend::kPostgresql) {
    EXPECT_FALSE(TrySql("TRUNCATE audit_log"));
    EXPECT_FALSE(TrySql("TRUNCATE audit_head"));
  }
  // Neither the tail cut nor the head rewound or removed.
  EXPECT_FALSE(TrySql("UPDATE audit_head SET seq = 3, hash = '" + before[2].hash + "'"));
  EXPECT_FALSE(TrySql("DELETE FROM audit_head"));

  const auto after = AllRows();
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].detail, before[i].detail);
    EXPECT_EQ(after[i].hash, before[i].hash);
  }
  EXPECT_EQ(repo_->Head()->first, head->first);
  // The chain still verifies, and appending still works on after that.
  EXPECT_EQ(BrokenAt(), std::nullopt);
  Add(Row("a_6", 6'000, "u_her", "shared.read", "u_sam"));
  const auto report = domain::VerifyAuditChain(*repo_, domain::AuditChainMark{5, before[4].hash});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rows, 6);
  EXPECT_FALSE(report->broken_at) << report->problem;
}

TEST_P(SqlAuditChainTest, AChangedRowIsFound) {
  LiftTheTriggers();
  Sql("UPDATE audit_log SET detail = 'nothing shared' WHERE seq = 3");
  EXPECT_EQ(BrokenAt(), std::optional<std::int64_t>(3));
}

TEST_P(SqlAuditChainTest, ARemovedRowIsFound) {
  LiftTheTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 2");
  EXPECT_EQ(BrokenAt(), std::optional<std::int64_t>(2));
}

TEST_P(SqlAuditChainTest, ARemovedLastRowIsFound) {
  LiftTheTriggers();
  Sql("DELETE FROM audit_log WHERE seq = 5");
  EXPECT_EQ(BrokenAt(), std::optional<std::int64_t>(5));
}

TEST_P(SqlAuditChainTest, ARowRewrittenWithItsOwnHashStillBreaksTheNext) {
  // A careful editor recomputes the changed row's hash: the next row's
  // prev_hash no longer matches.
  LiftTheTriggers();
  auto rows = *repo_->Chain(2, 1);
  domain::AuditEntry e = rows[0];
  e.actor_id = "u_someone_else";
  const std::string forged = domain::ChainHash(e.prev_hash, e);
  Sql("UPDATE audit_log SET actor_id = 'u_someone_else', hash = '" + forged + "' WHERE seq = 3");
  EXPECT_EQ(BrokenAt(), std::optional<std::int64_t>(4));
}

TEST_P(SqlAuditChainTest, ACutLogWithItsHeadRewoundFailsOnlyAgainstARowNoted) {
  LiftTheTriggers();
  const auto all = *repo_->Chain(0, 10);
  const domain::AuditChainMark noted{5, all[4].hash};
  // Rows 4 and 5 cut, and the head set back to row 3, as someone with the
  // database could: the chain that is left is whole...
  Sql("DELETE FROM audit_log WHERE seq > 3");
  Sql("UPDATE audit_head SET seq = 3, hash = '" + all[2].hash + "' WHERE id = 1");
  EXPECT_EQ(BrokenAt(), std::nullopt);
  // ...but not the log the operator saw.
  const auto report = domain::VerifyAuditChain(*repo_, noted);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->broken_at, std::optional<std::int64_t>(4));
}

INSTANTIATE_TEST_SUITE_P(Sql, SqlAuditChainTest,
                         ::testing::Values(testing::ContractBackend::kSqlite,
                                           testing::ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
