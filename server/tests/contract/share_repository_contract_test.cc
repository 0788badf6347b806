// The ShareRepository contract on the in-memory fake, SQLite and PostgreSQL;
// and, on SQL only, that the schema itself refuses another learner's journal
// entry and that shares and chosen entries go with their accounts and
// entries.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "fakes/memory_journal_repository.h"
#include "fakes/memory_share_repository.h"
#include "storage/sql_journal_repository.h"
#include "storage/sql_share_repository.h"
#include "support/owned_rows_contract.h"

namespace securebase {
namespace {

using domain::Share;

class ShareRepositoryContract
    : public testing::OwnedRowsContract<domain::ShareRepository, storage::SqlShareRepository,
                                        fakes::MemoryShareRepository> {
 protected:
  void SetUp() override {
    OwnedRowsContract::SetUp();
    practitioner_ = NewUser();
    if (db_) {
      journal_ = std::make_unique<storage::SqlJournalRepository>(db_->db());
    } else {
      journal_ = std::make_unique<fakes::MemoryJournalRepository>();
    }
  }
  void TearDown() override {
    journal_.reset();
    OwnedRowsContract::TearDown();
  }

  // A journal entry of `owner`'s, saved; its id.
  std::string Entry(const std::string& owner) {
    domain::SealedJournalEntry e;
    e.id = NewId().substr(0, 8) + "-0000-4000-8000-000000000000";
    e.user_id = owner;
    e.occurred_at = e.created_at = e.updated_at = Instant{kOwnerCreated};
    e.sealed_body = "sealed";
    const auto saved = journal_->Save(e);
    EXPECT_TRUE(saved) << saved.error().message;
    return e.id;
  }

  Share ShareOf(const std::string& learner, std::vector<std::string> entries = {}) {
    Share s;
    s.learner_id = learner;
    s.practitioner_id = practitioner_.id;
    s.checkins = true;
    s.course = true;
    std::ranges::sort(entries);
    s.journal_entry_ids = std::move(entries);
    s.updated_at = Instant{kOwnerCreated + 1'000};
    return s;
  }

  domain::User practitioner_;
  std::unique_ptr<domain::JournalRepository> journal_;
};

TEST_P(ShareRepositoryContract, ASharedChoiceComesBackWhole) {
  const Share s = ShareOf(user_.id, {Entry(user_.id), Entry(user_.id)});
  ASSERT_TRUE(repo().Put(s));
  const auto found = repo().Find(user_.id, practitioner_.id);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  const Share& got = **found;
  EXPECT_EQ(got.learner_id, user_.id);
  EXPECT_EQ(got.practitioner_id, practitioner_.id);
  EXPECT_TRUE(got.checkins);
  EXPECT_FALSE(got.practice);
  EXPECT_TRUE(got.course);
  EXPECT_EQ(got.journal_entry_ids, s.journal_entry_ids);
  EXPECT_EQ(got.updated_at, s.updated_at);
}

TEST_P(ShareRepositoryContract, NothingSharedIsNoShare) {
  const auto found = repo().Find(user_.id, practitioner_.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
  EXPECT_TRUE(repo().ForLearner(user_.id)->empty());
  EXPECT_TRUE(repo().ForPractitioner(practitioner_.id)->empty());
}

TEST_P(ShareRepositoryContract, PutReplacesTheKindsAndTheEntries) {
  const std::string a = Entry(user_.id), b = Entry(user_.id);
  ASSERT_TRUE(repo().Put(ShareOf(user_.id, {a, b})));
  Share narrower = ShareOf(user_.id, {b});
  narrower.checkins = false;
  narrower.practice = true;
  narrower.updated_at = Instant{kOwnerCreated + 9'000};
  ASSERT_TRUE(repo().Put(narrower));
  const auto got = **repo().Find(user_.id, practitioner_.id);
  EXPECT_FALSE(got.checkins);
  EXPECT_TRUE(got.practice);
  EXPECT_EQ(got.journal_entry_ids, std::vector<std::string>{b});
  EXPECT_EQ(got.updated_at, narrower.updated_at);
}

TEST_P(ShareRepositoryContract, ListsByLearnerAndByPractitioner) {
  const auto other_learner = NewUser();
  const auto other_practitioner = NewUser();
  ASSERT_TRUE(repo().Put(ShareOf(user_.id, {Entry(user_.id)})));
  ASSERT_TRUE(repo().Put(ShareOf(other_learner.id)));
  Share elsewhere = ShareOf(user_.id);
  elsewhere.practitioner_id = other_practitioner.id;
  ASSERT_TRUE(repo().Put(elsewhere));

  const auto mine = repo().ForLearner(user_.id);
  ASSERT_TRUE(mine) << mine.error().message;
  ASSERT_EQ(mine->size(), 2u);
  for (const auto& s : *mine) EXPECT_EQ(s.learner_id, user_.id);
  EXPECT_LT((*mine)[0].practitioner_id, (*mine)[1].practitioner_id);

  const auto hers = repo().ForPractitioner(practitioner_.id);
  ASSERT_TRUE(hers) << hers.error().message;
  ASSERT_EQ(hers->size(), 2u);
  EXPECT_LT((*hers)[0].learner_id, (*hers)[1].learner_id);
  for (const auto& s : *hers) {
    EXPECT_EQ(s.practitioner_id, practitioner_.id);
    EXPECT_EQ(s.journal_entry_ids.size(), s.learner_id == user_.id ? 1u : 0u);
  }
}

TEST_P(ShareRepositoryContract, RemoveEndsOnlyThatShare) {
  const auto other_learner = NewUser();
  ASSERT_TRUE(repo().Put(ShareOf(user_.id, {Entry(user_.id)})));
  ASSERT_TRUE(repo().Put(ShareOf(other_learner.id)));
  EXPECT_EQ(repo().Remove(user_.id, practitioner_.id), true);
  EXPECT_EQ(repo().Remove(user_.id, practitioner_.id), false);
  EXPECT_FALSE(repo().Find(user_.id, practitioner_.id)->has_value());
  EXPECT_TRUE(repo().Find(other_learner.id, practitioner_.id)->has_value());
  // Shared again later, it starts from what is put, not from the old entries.
  ASSERT_TRUE(repo().Put(ShareOf(user_.id)));
  EXPECT_TRUE((**repo().Find(user_.id, practitioner_.id)).journal_entry_ids.empty());
}

class SqlShareRepositoryTest : public ShareRepositoryContract {};

TEST_P(SqlShareRepositoryTest, AnotherLearnersEntryCannotBeShared) {
  const auto other = NewUser();
  const auto put = repo().Put(ShareOf(user_.id, {Entry(other.id)}));
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(repo().Find(user_.id, practitioner_.id)->has_value()) << "nothing half-written";
}

TEST_P(SqlShareRepositoryTest, ADeletedEntryDropsOutAndAccountsTakeTheirShares) {
  const std::string kept = Entry(user_.id), gone = Entry(user_.id);
  ASSERT_TRUE(repo().Put(ShareOf(user_.id, {kept, gone})));
  ASSERT_TRUE(journal_->Delete(user_.id, gone));
  EXPECT_EQ((**repo().Find(user_.id, practitioner_.id)).journal_entry_ids,
            std::vector<std::string>{kept});

  DeleteOwner(user_.id);
  EXPECT_EQ(CountRows("shares"), 0);
  EXPECT_EQ(CountRows("shared_journal_entries"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ShareRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);
INSTANTIATE_TEST_SUITE_P(Sql, SqlShareRepositoryTest,
                         ::testing::Values(testing::ContractBackend::kSqlite,
                                           testing::ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
