// The NoteRepository contract on the in-memory fake, SQLite and PostgreSQL;
// and, on SQL only, that notes go with either account, that a booking that
// goes leaves its notes untied, that a note needs its author, client and
// booking to exist, and that a damaged text column reads as no text.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "common/random.h"
#include "fakes/memory_booking_repository.h"
#include "fakes/memory_note_repository.h"
#include "storage/sql_booking_repository.h"
#include "storage/sql_note_repository.h"
#include "support/contract_backend.h"
#include "support/owned_rows_contract.h"

namespace securebase {
namespace {

using domain::SealedSessionNote;
using testing::ContractBackend;

constexpr std::int64_t kT0 = 1'800'000'000'000;

void ExpectSame(const SealedSessionNote& got, const SealedSessionNote& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.author_id, want.author_id);
  EXPECT_EQ(got.client_id, want.client_id);
  EXPECT_EQ(got.booking_id, want.booking_id);
  EXPECT_EQ(got.written_at, want.written_at);
  EXPECT_EQ(got.updated_at, want.updated_at);
  EXPECT_EQ(got.sealed_text, want.sealed_text);
}

// The fixture's own user is the author; clients are made as needed.
class NoteRepositoryContract
    : public testing::OwnedRowsContract<domain::NoteRepository, storage::SqlNoteRepository,
                                        fakes::MemoryNoteRepository> {
 protected:
  void SetUp() override {
    OwnedRowsContract::SetUp();
    if (db_) {
      bookings_ = std::make_unique<storage::SqlBookingRepository>(db_->db());
    } else {
      bookings_ = std::make_unique<fakes::MemoryBookingRepository>();
    }
    author_ = user_.id;
    client_ = NewUser().id;
  }

  void TearDown() override {
    bookings_.reset();
    OwnedRowsContract::TearDown();
  }

  SealedSessionNote Sample(const std::string& client, std::int64_t written,
                           std::optional<std::string> booking = std::nullopt) {
    SealedSessionNote n;
    n.id = "nt_" + NewId();
    n.author_id = author_;
    n.client_id = client;
    n.booking_id = std::move(booking);
    n.written_at = Instant{written};
    n.updated_at = Instant{written + 60'000};
    // Binary, as SecretBox makes it: every byte value, NUL included.
    for (int i = 0; i < 300; ++i) n.sealed_text.push_back(static_cast<char>(i % 256));
    n.sealed_text += RandomHex(8);
    return n;
  }

  std::string Book(const std::string& client) {
    domain::Booking b;
    b.id = "bk_" + NewId();
    b.client_id = client;
    b.session_type_id = "st_1";
    b.start = Instant{kT0 + 3'600'000LL * ++booked_};
    b.end = Instant{b.start.millis + 3'000'000};
    b.blocked = domain::Busy{b.start, b.end};
    b.time_zone = "Europe/London";
    b.location = {"GB", ""};
    b.request_fingerprint = "f";
    b.created_at = b.updated_at = Instant{kT0};
    auto inserted = bookings_->Insert(b);
    EXPECT_TRUE(inserted) << inserted.error().message;
    return b.id;
  }

  std::optional<SealedSessionNote> Found(const std::string& author, const std::string& id) {
    auto found = repo().Find(author, id);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::nullopt;
  }

  std::vector<std::string> AboutIds(const std::string& author, const std::string& client) {
    auto about = repo().About(author, client);
    EXPECT_TRUE(about) << about.error().message;
    std::vector<std::string> out;
    if (about) {
      for (const auto& n : *about) out.push_back(n.id);
    }
    return out;
  }

  std::unique_ptr<domain::BookingRepository> bookings_;
  std::string author_, client_;
  int booked_ = 0;
};

TEST_P(NoteRepositoryContract, AnInsertedNoteIsFoundWithEveryFieldAndItsTextByteForByte) {
  const SealedSessionNote untied = Sample(client_, kT0);
  const SealedSessionNote tied = Sample(client_, kT0 + 1'000, Book(client_));
  for (const auto& n : {untied, tied}) {
    ASSERT_TRUE(repo().Insert(n));
    const auto found = Found(author_, n.id);
    ASSERT_TRUE(found);
    ExpectSame(*found, n);
  }
  EXPECT_FALSE(Found(author_, "nt_" + NewId()));
}

// Retention (domain/notes/note_retention.h): every author's notes changed
// before a time, oldest change first, in batches; and a delete that keeps a
// note changed since.
TEST_P(NoteRepositoryContract, UnchangedSinceListsOldestChangeFirstUpToTheLimit) {
  const auto a = Sample(client_, kT0 + 3'000'000);
  const auto b = Sample(client_, kT0);
  const auto c = Sample(NewUser().id, kT0 + 1'000'000);
  const auto recent = Sample(client_, kT0 + 9'000'000);
  for (const auto& n : {a, b, c, recent}) ASSERT_TRUE(repo().Insert(n));
  const Instant before{kT0 + 5'000'000};
  auto two = repo().UnchangedSince(before, 2);
  ASSERT_TRUE(two) << two.error().message;
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[0].id, b.id);
  EXPECT_EQ((*two)[1].id, c.id);
  ExpectSame((*two)[0], b);
  auto all = repo().UnchangedSince(before, 100);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[2].id, a.id);
}

TEST_P(NoteRepositoryContract, DeleteIfUnchangedSinceKeepsANoteChangedSince) {
  const auto n = Sample(client_, kT0);
  ASSERT_TRUE(repo().Insert(n));
  const Instant before{kT0 + 120'000};
  ASSERT_TRUE(repo().UpdateText(author_, n.id, "changed", Instant{kT0 + 200'000}));
  auto kept = repo().DeleteIfUnchangedSince(n.id, before);
  ASSERT_TRUE(kept);
  EXPECT_FALSE(*kept);
  EXPECT_TRUE(*repo().Find(author_, n.id));
  auto gone = repo().DeleteIfUnchangedSince(n.id, Instant{kT0 + 300'000});
  ASSERT_TRUE(gone);
  EXPECT_TRUE(*gone);
  EXPECT_FALSE(*repo().Find(author_, n.id));
}

TEST_P(NoteRepositoryContract, AnIdIsUsedOnce) {
  const SealedSessionNote n = Sample(client_, kT0);
  ASSERT_TRUE(repo().Insert(n));
  SealedSessionNote same = Sample(NewUser().id, kT0 + 9);
  same.id = n.id;
  const auto refused = repo().Insert(same);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  ExpectSame(*Found(author_, n.id), n);
}

TEST_P(NoteRepositoryContract, UpdateTextChangesTheTextAndUpdatedAtOnly) {
  const std::string booking = Book(client_);
  const SealedSessionNote n = Sample(client_, kT0, booking);
  ASSERT_TRUE(repo().Insert(n));
  const std::string text = Sample(client_, 0).sealed_text;
  auto updated = repo().UpdateText(author_, n.id, text, Instant{kT0 + 999'000});
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_TRUE(*updated);
  SealedSessionNote want = n;
  want.sealed_text = text;
  want.updated_at = Instant{kT0 + 999'000};
  ExpectSame(*Found(author_, n.id), want);

  updated = repo().UpdateText(author_, "nt_" + NewId(), text, Instant{kT0});
  ASSERT_TRUE(updated);
  EXPECT_FALSE(*updated);
}

TEST_P(NoteRepositoryContract, NotesBelongToTheirAuthor) {
  const SealedSessionNote mine = Sample(client_, kT0);
  ASSERT_TRUE(repo().Insert(mine));
  const std::string colleague = NewUser().id;
  EXPECT_FALSE(Found(colleague, mine.id));
  EXPECT_TRUE(AboutIds(colleague, client_).empty());
  auto updated = repo().UpdateText(colleague, mine.id, "x", Instant{kT0 + 1});
  ASSERT_TRUE(updated);
  EXPECT_FALSE(*updated);
  auto deleted = repo().Delete(colleague, mine.id);
  ASSERT_TRUE(deleted);
  EXPECT_FALSE(*deleted);
  ExpectSame(*Found(author_, mine.id), mine);
}

TEST_P(NoteRepositoryContract, DeleteRemovesTheRowAndSaysWhetherOneWent) {
  const SealedSessionNote gone = Sample(client_, kT0);
  const SealedSessionNote kept = Sample(client_, kT0);
  ASSERT_TRUE(repo().Insert(gone));
  ASSERT_TRUE(repo().Insert(kept));
  auto deleted = repo().Delete(author_, gone.id);
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_TRUE(*deleted);
  EXPECT_FALSE(Found(author_, gone.id));
  EXPECT_EQ(AboutIds(author_, client_), std::vector<std::string>{kept.id});
  deleted = repo().Delete(author_, gone.id);
  ASSERT_TRUE(deleted);
  EXPECT_FALSE(*deleted);
}

TEST_P(NoteRepositoryContract, AboutIsOneClientsNotesNewestFirstThenIdDescending) {
  SealedSessionNote a = Sample(client_, kT0);
  SealedSessionNote b = Sample(client_, kT0);
  a.id = "nt_a" + a.id.substr(4);
  b.id = "nt_b" + b.id.substr(4);
  const SealedSessionNote older = Sample(client_, kT0 - 60'000);
  const SealedSessionNote newer = Sample(client_, kT0 + 60'000, Book(client_));
  for (const auto& n : {a, older, newer, b}) ASSERT_TRUE(repo().Insert(n));
  // Another client's note, and a colleague's about this client.
  ASSERT_TRUE(repo().Insert(Sample(NewUser().id, kT0 + 120'000)));
  SealedSessionNote hers = Sample(client_, kT0 + 120'000);
  hers.author_id = NewUser().id;
  ASSERT_TRUE(repo().Insert(hers));

  EXPECT_EQ(AboutIds(author_, client_), (std::vector<std::string>{newer.id, b.id, a.id, older.id}));
  auto about = repo().About(author_, client_);
  ASSERT_TRUE(about);
  ExpectSame(about->front(), newer);
  ExpectSame(about->back(), older);
  EXPECT_EQ(AboutIds(hers.author_id, client_), std::vector<std::string>{hers.id});
}

INSTANTIATE_TEST_SUITE_P(AllBackends, NoteRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

class NoteRepositorySqlContract : public NoteRepositoryContract {
 protected:
  void DeleteBooking(const std::string& id) {
    auto ok = db_->db().Write("test.delete_booking", [&](soci::session& sql) -> Status {
      sql << "DELETE FROM bookings WHERE id = :id", soci::use(id);
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().message;
  }
};

TEST_P(NoteRepositorySqlContract, NotesGoWithTheClientsAccount) {
  const std::string other = NewUser().id;
  ASSERT_TRUE(repo().Insert(Sample(client_, kT0, Book(client_))));
  ASSERT_TRUE(repo().Insert(Sample(client_, kT0 + 1)));
  const SealedSessionNote kept = Sample(other, kT0);
  ASSERT_TRUE(repo().Insert(kept));
  DeleteOwner(client_);
  EXPECT_EQ(CountRows("session_notes"), 1);
  EXPECT_EQ(AboutIds(author_, other), std::vector<std::string>{kept.id});
}

TEST_P(NoteRepositorySqlContract, NotesGoWithTheAuthorsAccount) {
  ASSERT_TRUE(repo().Insert(Sample(client_, kT0)));
  DeleteOwner(author_);
  EXPECT_EQ(CountRows("session_notes"), 0);
}

TEST_P(NoteRepositorySqlContract, ABookingThatGoesLeavesItsNoteUntied) {
  const std::string booking = Book(client_);
  const SealedSessionNote n = Sample(client_, kT0, booking);
  ASSERT_TRUE(repo().Insert(n));
  DeleteBooking(booking);
  SealedSessionNote want = n;
  want.booking_id.reset();
  ExpectSame(*Found(author_, n.id), want);
}

TEST_P(NoteRepositorySqlContract, ANoteNeedsItsAuthorClientAndBooking) {
  SealedSessionNote no_author = Sample(client_, kT0);
  no_author.author_id = NewId();
  SealedSessionNote no_booking = Sample(client_, kT0, "bk_" + NewId());
  for (const auto& n : {no_author, Sample(NewId(), kT0), no_booking}) {
    const auto inserted = repo().Insert(n);
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().code, ErrorCode::kConflict);
  }
  EXPECT_EQ(CountRows("session_notes"), 0);
}

// A damaged column comes back as no text (which opens with no key) rather
// than failing the whole read: one bad row must not hide the rest.
TEST_P(NoteRepositorySqlContract, ATextColumnThatIsNotHexReadsAsEmpty) {
  const SealedSessionNote damaged = Sample(client_, kT0);
  const SealedSessionNote fine = Sample(client_, kT0 - 1'000);
  ASSERT_TRUE(repo().Insert(damaged));
  ASSERT_TRUE(repo().Insert(fine));
  auto ok = db_->db().Write("test.damage", [&](soci::session& sql) -> Status {
    sql << "UPDATE session_notes SET sealed_text = 'not hex' WHERE id = :id", soci::use(damaged.id);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  auto about = repo().About(author_, client_);
  ASSERT_TRUE(about);
  ASSERT_EQ(about->size(), 2u);
  EXPECT_TRUE((*about)[0].sealed_text.empty());
  EXPECT_EQ((*about)[1].sealed_text, fine.sealed_text);
}

INSTANTIATE_TEST_SUITE_P(SqlBackends, NoteRepositorySqlContract,
                         ::testing::Values(ContractBackend::kSqlite, ContractBackend::kPostgresql),
                         testing::ContractBackendName);

}  // namespace
}  // namespace securebase
