// The JournalRepository contract on the in-memory fake, SQLite and
// PostgreSQL; and, on SQL only, that entries go with their account, that an
// entry needs an existing owner, and that racing first saves of one id
// store one row.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_journal_repository.h"
#include "storage/sql_journal_repository.h"
#include "support/contract_backend.h"
#include "support/owned_rows_contract.h"

namespace securebase {
namespace {

using domain::JournalKind;
using domain::JournalSaveOutcome;
using domain::SealedJournalEntry;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'800'000'000'000;

// A UUID-shaped id, different each call.
std::string NewEntryId() {
  const std::string h = NewId();
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

SealedJournalEntry SampleRecord(const std::string& user_id, std::int64_t occurred,
                                JournalKind kind = JournalKind::kTrigger) {
  SealedJournalEntry r;
  r.id = NewEntryId();
  r.user_id = user_id;
  r.kind = kind;
  r.occurred_at = Instant{occurred};
  r.created_at = Instant{occurred + 60'000};
  r.updated_at = Instant{occurred + 60'000};
  // Binary, as SecretBox makes it: every byte value, NUL included.
  for (int i = 0; i < 300; ++i) r.sealed_body.push_back(static_cast<char>(i % 256));
  r.sealed_body += RandomHex(8);
  return r;
}

void ExpectSame(const SealedJournalEntry& got, const SealedJournalEntry& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.user_id, want.user_id);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.occurred_at, want.occurred_at);
  EXPECT_EQ(got.created_at, want.created_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(got.sealed_body, want.sealed_body);
}

class JournalRepositoryContract
    : public testing::OwnedRowsContract<domain::JournalRepository, storage::SqlJournalRepository,
                                        fakes::MemoryJournalRepository> {
 protected:
  std::vector<std::string> AllIds(const std::string& user) {
    auto all = repo().All(user);
    EXPECT_TRUE(all) << all.error().message;
    std::vector<std::string> out;
    if (all) {
      for (const auto& r : *all) out.push_back(r.id);
    }
    return out;
  }

  std::optional<SealedJournalEntry> Found(const std::string& user, const std::string& id) {
    auto found = repo().Find(user, id);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::nullopt;
  }
};

TEST_P(JournalRepositoryContract, ASavedEntryIsFoundWithEveryFieldAndItsBodyByteForByte) {
  for (JournalKind kind : {JournalKind::kTrigger, JournalKind::kReflection, JournalKind::kParts}) {
    const SealedJournalEntry r = SampleRecord(user_.id, kT0, kind);
    const auto saved = repo().Save(r);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->outcome, JournalSaveOutcome::kCreated);
    ExpectSame(saved->record, r);
    const auto found = Found(user_.id, r.id);
    ASSERT_TRUE(found);
    ExpectSame(*found, r);
  }
  EXPECT_FALSE(Found(user_.id, NewEntryId()));
}

TEST_P(JournalRepositoryContract, SavingAgainReplacesTheRowAndKeepsCreatedAt) {
  const SealedJournalEntry first = SampleRecord(user_.id, kT0);
  ASSERT_TRUE(repo().Save(first));
  SealedJournalEntry second = SampleRecord(user_.id, kT0 - 3'600'000);
  second.id = first.id;
  second.created_at = Instant{kT0 + 999'000};  // ignored: the first stays
  second.updated_at = Instant{kT0 + 999'000};
  const auto saved = repo().Save(second);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->outcome, JournalSaveOutcome::kReplaced);
  SealedJournalEntry want = second;
  want.created_at = first.created_at;
  ExpectSame(saved->record, want);
  const auto found = Found(user_.id, first.id);
  ASSERT_TRUE(found);
  ExpectSame(*found, want);
  EXPECT_EQ(AllIds(user_.id).size(), 1u);
}

TEST_P(JournalRepositoryContract, AnotherKindForTheSameIdWritesNothing) {
  const SealedJournalEntry first = SampleRecord(user_.id, kT0, JournalKind::kReflection);
  ASSERT_TRUE(repo().Save(first));
  SealedJournalEntry other = SampleRecord(user_.id, kT0 + 1'000, JournalKind::kParts);
  other.id = first.id;
  const auto saved = repo().Save(other);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->outcome, JournalSaveOutcome::kKindDiffers);
  ExpectSame(saved->record, first);
  const auto found = Found(user_.id, first.id);
  ASSERT_TRUE(found);
  ExpectSame(*found, first);
}

TEST_P(JournalRepositoryContract, IdsBelongToTheirOwner) {
  const SealedJournalEntry mine = SampleRecord(user_.id, kT0, JournalKind::kReflection);
  ASSERT_TRUE(repo().Save(mine));
  const domain::User other = NewUser();
  EXPECT_FALSE(Found(other.id, mine.id));
  EXPECT_TRUE(AllIds(other.id).empty());
  const auto deleted = repo().Delete(other.id, mine.id);
  ASSERT_TRUE(deleted);
  EXPECT_FALSE(*deleted);
  // The same id, even of another kind, is simply another entry of theirs.
  SealedJournalEntry theirs = SampleRecord(other.id, kT0 + 5'000, JournalKind::kParts);
  theirs.id = mine.id;
  const auto saved = repo().Save(theirs);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->outcome, JournalSaveOutcome::kCreated);
  const auto mine_again = Found(user_.id, mine.id);
  ASSERT_TRUE(mine_again);
  ExpectSame(*mine_again, mine);
}

TEST_P(JournalRepositoryContract, DeleteRemovesTheRowAndSaysWhetherOneWent) {
  const SealedJournalEntry gone = SampleRecord(user_.id, kT0);
  const SealedJournalEntry kept = SampleRecord(user_.id, kT0);
  ASSERT_TRUE(repo().Save(gone));
  ASSERT_TRUE(repo().Save(kept));
  auto deleted = repo().Delete(user_.id, gone.id);
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_TRUE(*deleted);
  EXPECT_FALSE(Found(user_.id, gone.id));
  EXPECT_EQ(AllIds(user_.id), std::vector<std::string>{kept.id});
  deleted = repo().Delete(user_.id, gone.id);
  ASSERT_TRUE(deleted);
  EXPECT_FALSE(*deleted);
  // Saved again after deleting, it is a new entry.
  const auto again = repo().Save(gone);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->outcome, JournalSaveOutcome::kCreated);
}

TEST_P(JournalRepositoryContract, AllIsNewestFirstThenIdDescending) {
  SealedJournalEntry a = SampleRecord(user_.id, kT0);
  SealedJournalEntry b = SampleRecord(user_.id, kT0);
  a.id = "a" + a.id.substr(1);
  b.id = "b" + b.id.substr(1);
  const SealedJournalEntry older = SampleRecord(user_.id, kT0 - 60'000);
  const SealedJournalEntry newer = SampleRecord(user_.id, kT0 + 60'000);
  const SealedJournalEntry ancient = SampleRecord(user_.id, 0);
  for (const auto& r : {a, older, newer, b, ancient}) ASSERT_TRUE(repo().Save(r));
  ASSERT_TRUE(repo().Save(SampleRecord(NewUser().id, kT0 + 120'000)));
  const std::vector<std::string> order = {newer.id, b.id, a.id, older.id, ancient.id};
  EXPECT_EQ(AllIds(user_.id), order);
  // Headers: the same rows in the same order, every field but the body.
  const auto headers = repo().Headers(user_.id);
  ASSERT_TRUE(headers) << headers.error().message;
  std::vector<std::string> ids;
  for (const auto& h : *headers) {
    ids.push_back(h.id);
    EXPECT_TRUE(h.sealed_body.empty());
    if (h.id == newer.id) {
      SealedJournalEntry want = newer;
      want.sealed_body.clear();
      ExpectSame(h, want);
    }
  }
  EXPECT_EQ(ids, order);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, JournalRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

class JournalRepositorySqlContract : public JournalRepositoryContract {};

TEST_P(JournalRepositorySqlContract, EntriesGoWithTheirAccount) {
  const domain::User other = NewUser();
  ASSERT_TRUE(repo().Save(SampleRecord(user_.id, kT0)));
  ASSERT_TRUE(repo().Save(SampleRecord(user_.id, kT0 + 1'000)));
  const SealedJournalEntry kept = SampleRecord(other.id, kT0);
  ASSERT_TRUE(repo().Save(kept));
  DeleteOwner(user_.id);
  EXPECT_EQ(CountRows("journal_entries"), 1);
  EXPECT_EQ(AllIds(other.id), std::vector<std::string>{kept.id});
}

// A damaged column comes back as no body (which opens with no key) rather
// than failing the whole read: one bad row must not hide the rest.
TEST_P(JournalRepositorySqlContract, ABodyColumnThatIsNotHexReadsAsEmpty) {
  const SealedJournalEntry damaged = SampleRecord(user_.id, kT0);
  const SealedJournalEntry fine = SampleRecord(user_.id, kT0 - 1'000);
  ASSERT_TRUE(repo().Save(damaged));
  ASSERT_TRUE(repo().Save(fine));
  auto ok = db_->db().Write("test.damage", [&](soci::session& sql) -> Status {
    sql << "UPDATE journal_entries SET sealed_body = 'not hex' WHERE id = :id",
        soci::use(damaged.id);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  const auto found = Found(user_.id, damaged.id);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->sealed_body.empty());
  auto all = repo().All(user_.id);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].sealed_body, fine.sealed_body);
}

TEST_P(JournalRepositorySqlContract, AnEntryNeedsAnOwner) {
  const auto saved = repo().Save(SampleRecord(NewId(), kT0));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kConflict);
}

// The first save of one id sent many times at once (an app retrying while
// the first request is still on its way): one row, one creation, the rest
// replace it, and nobody fails.
TEST_P(JournalRepositorySqlContract, RacingFirstSavesOfOneIdStoreOneRow) {
  constexpr int kThreads = 8;
  const SealedJournalEntry r = SampleRecord(user_.id, kT0);
  std::latch start(kThreads);
  std::atomic<int> created{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      SealedJournalEntry mine = r;
      mine.created_at = mine.updated_at = Instant{kT0 + 400'000 + i};
      start.arrive_and_wait();
      const auto saved = repo().Save(mine);
      if (!saved) {
        ++failed;
        return;
      }
      if (saved->outcome == JournalSaveOutcome::kCreated) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(AllIds(user_.id), std::vector<std::string>{r.id});
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, JournalRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
