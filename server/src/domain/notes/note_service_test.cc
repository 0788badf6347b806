// NoteService on the in-memory repositories with a real SecretBox and the
// audit trail: what is kept and how (trimmed, sealed, bound to its note,
// client and author), what is refused, whose notes are whose, and the audit
// row each change writes first.
#include "domain/notes/note_service.h"

#include <gtest/gtest.h>

#include <string>

#include "common/random.h"
#include "domain/notes/note_sealing.h"
#include "fakes/memory_audit_repository.h"
#include "fakes/memory_booking_repository.h"
#include "fakes/memory_note_repository.h"
#include "fakes/memory_user_repository.h"
#include "support/account_world.h"
#include "support/sample_user.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kMinute = 60'000;
const Instant kNow{1'800'000'000'000};

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

class NoteServiceTest : public ::testing::Test {
 protected:
  NoteServiceTest()
      : box_((InitRandom(), testing::TestSecretBox())),
        clock_(kNow),
        audit_(audit_rows_, users_, clock_),
        service_(notes_, users_, bookings_, audit_, box_, clock_) {
    her_ = Add(Role::kPractitioner);
    colleague_ = Add(Role::kPractitioner);
    client_ = Add(Role::kLearner);
    other_client_ = Add(Role::kLearner);
  }

  std::string Add(Role role) {
    User u = testing::SampleUser(role, kNow);
    EXPECT_TRUE(users_.Create(u));
    return u.id;
  }

  std::string Book(const std::string& client) {
    Booking b;
    b.id = "bk_" + NewId();
    b.client_id = client;
    b.session_type_id = "st_1";
    b.start = Instant{kNow.millis + 1000 * kMinute * static_cast<std::int64_t>(++booked_)};
    b.end = Instant{b.start.millis + 50 * kMinute};
    b.blocked = Busy{b.start, b.end};
    EXPECT_TRUE(bookings_.Insert(b));
    return b.id;
  }

  SessionNote Written(std::string text, std::optional<std::string> booking = std::nullopt,
                      const std::string& client = "") {
    auto note = service_.Write(her_, client.empty() ? client_ : client,
                               NoteDraft{std::move(text), std::move(booking)});
    EXPECT_TRUE(note) << (note ? "" : note.error().message);
    return note ? *note : SessionNote{};
  }

  ClientNotes About(const std::string& author, const std::string& client) {
    auto found = service_.About(author, client);
    EXPECT_TRUE(found) << (found ? "" : found.error().message);
    return found ? *found : ClientNotes{};
  }

  std::vector<std::string> Ids(const ClientNotes& notes) {
    std::vector<std::string> out;
    for (const auto& n : notes.notes) out.push_back(n.id);
    return out;
  }

  SecretBox box_;
  FakeClock clock_;
  fakes::MemoryNoteRepository notes_;
  fakes::MemoryUserRepository users_;
  fakes::MemoryBookingRepository bookings_;
  fakes::MemoryAuditRepository audit_rows_;
  AuditTrail audit_;
  NoteService service_;
  std::string her_, colleague_, client_, other_client_;
  int booked_ = 0;
};

TEST_F(NoteServiceTest, WritesATrimmedNoteAndListsIt) {
  const SessionNote note = Written("\n  Spoke about the weekend apart. Calmer by the end.  \n\n");
  EXPECT_TRUE(IsNoteId(note.id)) << note.id;
  EXPECT_EQ(note.author_id, her_);
  EXPECT_EQ(note.client_id, client_);
  EXPECT_FALSE(note.booking_id);
  EXPECT_FALSE(note.booking_start);
  EXPECT_EQ(note.written_at, kNow);
  EXPECT_EQ(note.updated_at, kNow);
  EXPECT_EQ(note.text, "Spoke about the weekend apart. Calmer by the end.");

  const ClientNotes listed = About(her_, client_);
  ASSERT_EQ(listed.notes.size(), 1u);
  EXPECT_EQ(listed.notes[0].id, note.id);
  EXPECT_EQ(listed.notes[0].text, note.text);
  EXPECT_TRUE(listed.unreadable.empty());
}

TEST_F(NoteServiceTest, TheStoredTextIsSealedAndBoundToItsNoteClientAndAuthor) {
  const SessionNote note = Written("a distinctive lighthouse");
  auto row = notes_.Find(her_, note.id);
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->sealed_text.find("lighthouse"), std::string::npos);
  EXPECT_TRUE(box_.Open((*row)->sealed_text, SessionNoteAd(note.id, her_, client_)));
  EXPECT_FALSE(box_.Open((*row)->sealed_text, SessionNoteAd("nt_" + NewId(), her_, client_)));
  EXPECT_FALSE(box_.Open((*row)->sealed_text, SessionNoteAd(note.id, colleague_, client_)));
  EXPECT_FALSE(box_.Open((*row)->sealed_text, SessionNoteAd(note.id, her_, other_client_)));
}

TEST_F(NoteServiceTest, RefusesEmptyOrTooLongTextNamingTheField) {
  for (const std::string text : {"", "   \n\t  "}) {
    auto refused = service_.Write(her_, client_, NoteDraft{text, std::nullopt});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(refused.error()), std::vector<std::string>{"text"});
  }
  // Counted in characters, not bytes: 20,000 of "é" (two bytes each) fit.
  std::string longest;
  for (std::size_t i = 0; i < kMaxNoteChars; ++i) longest += "\xC3\xA9";
  EXPECT_EQ(Written("  " + longest + "  ").text, longest);
  auto refused = service_.Write(her_, client_, NoteDraft{longest + "x", std::nullopt});
  ASSERT_FALSE(refused);
  EXPECT_EQ(Fields(refused.error()), std::vector<std::string>{"text"});
  EXPECT_NE(refused.error().fields[0].message.find("20,000"), std::string::npos);
  EXPECT_EQ(About(her_, client_).notes.size(), 1u);
}

TEST_F(NoteServiceTest, OnlyALearnersAccountIsAClient) {
  for (const std::string& who : {NewId(), colleague_, her_}) {
    auto listed = service_.About(her_, who);
    ASSERT_FALSE(listed);
    EXPECT_EQ(listed.error().code, ErrorCode::kNotFound);
    auto written = service_.Write(her_, who, NoteDraft{"Some words.", std::nullopt});
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, ErrorCode::kNotFound);
  }
  EXPECT_TRUE(audit_rows_.rows().empty());
}

TEST_F(NoteServiceTest, ATieIsToOneOfTheClientsOwnBookings) {
  const std::string hers = Book(client_);
  const std::string theirs = Book(other_client_);
  const SessionNote tied = Written("Before the first session.", hers);
  EXPECT_EQ(tied.booking_id, hers);
  const Instant start = bookings_.Find(hers).value()->start;
  EXPECT_EQ(tied.booking_start, start);
  EXPECT_EQ(About(her_, client_).notes.at(0).booking_start, start);

  for (const std::string& booking : {theirs, std::string("bk_") + NewId(), std::string("nope")}) {
    auto refused = service_.Write(her_, client_, NoteDraft{"Some words.", booking});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(refused.error()), std::vector<std::string>{"booking_id"});
  }
  // Every broken rule at once.
  auto both = service_.Write(her_, client_, NoteDraft{" ", theirs});
  ASSERT_FALSE(both);
  EXPECT_EQ(Fields(both.error()), (std::vector<std::string>{"text", "booking_id"}));
  EXPECT_EQ(About(her_, client_).notes.size(), 1u);
}

TEST_F(NoteServiceTest, ListsOnlyHerNotesAboutThatClientNewestFirst) {
  const SessionNote first = Written("First.");
  clock_.Advance(std::chrono::minutes(5));
  const SessionNote second = Written("Second.");
  Written("About someone else.", std::nullopt, other_client_);
  ASSERT_TRUE(service_.Write(colleague_, client_, NoteDraft{"Hers, not yours.", std::nullopt}));
  clock_.Advance(std::chrono::minutes(5));
  // A change does not reorder: written_at stays.
  ASSERT_TRUE(service_.Change(her_, first.id, "First, changed."));
  EXPECT_EQ(Ids(About(her_, client_)), (std::vector<std::string>{second.id, first.id}));
  EXPECT_EQ(About(colleague_, client_).notes.size(), 1u);
  EXPECT_TRUE(About(colleague_, other_client_).notes.empty());
}

TEST_F(NoteServiceTest, ChangeReplacesTheTextAndKeepsTheRest) {
  const std::string booking = Book(client_);
  const SessionNote note = Written("Draft.", booking);
  clock_.Advance(std::chrono::minutes(3));
  auto changed = service_.Change(her_, note.id, "  Settled after the break.  ");
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->text, "Settled after the break.");
  EXPECT_EQ(changed->written_at, kNow);
  EXPECT_EQ(changed->updated_at, Instant{kNow.millis + 3 * kMinute});
  EXPECT_EQ(changed->booking_id, booking);
  EXPECT_EQ(changed->booking_start, bookings_.Find(booking).value()->start);
  EXPECT_EQ(changed->client_id, client_);
  const ClientNotes listed = About(her_, client_);
  ASSERT_EQ(listed.notes.size(), 1u);
  EXPECT_EQ(listed.notes[0].text, "Settled after the break.");
  EXPECT_EQ(listed.notes[0].updated_at, changed->updated_at);

  auto empty = service_.Change(her_, note.id, "\n");
  ASSERT_FALSE(empty);
  EXPECT_EQ(Fields(empty.error()), std::vector<std::string>{"text"});
  EXPECT_EQ(About(her_, client_).notes[0].text, "Settled after the break.");
}

TEST_F(NoteServiceTest, AnotherPractitionersNoteIsNotFoundLikeAMissingOne) {
  const SessionNote note = Written("Mine.");
  for (const std::string& id : {note.id, "nt_" + NewId(), std::string("nt_x"), std::string("")}) {
    const std::string& author = id == note.id ? colleague_ : her_;
    auto changed = service_.Change(author, id, "Theirs now.");
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().code, ErrorCode::kNotFound);
    auto deleted = service_.Delete(author, id);
    ASSERT_FALSE(deleted);
    EXPECT_EQ(deleted.error().code, ErrorCode::kNotFound);
  }
  EXPECT_EQ(About(her_, client_).notes[0].text, "Mine.");
}

TEST_F(NoteServiceTest, DeleteRemovesTheNoteForGood) {
  const SessionNote gone = Written("Gone.");
  const SessionNote kept = Written("Kept.");
  ASSERT_TRUE(service_.Delete(her_, gone.id));
  EXPECT_EQ(Ids(About(her_, client_)), std::vector<std::string>{kept.id});
  auto again = service_.Delete(her_, gone.id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
}

TEST_F(NoteServiceTest, EachChangeIsAuditedByIdNeverByText) {
  const SessionNote note = Written("Private words about the week.");
  ASSERT_TRUE(service_.Change(her_, note.id, "Other private words."));
  ASSERT_TRUE(service_.Delete(her_, note.id));
  const auto rows = audit_rows_.rows();
  ASSERT_EQ(rows.size(), 3u);
  const std::vector<std::string_view> actions = {
      audit_action::kNoteWritten, audit_action::kNoteWritten, audit_action::kNoteDeleted};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].action, actions[i]);
    EXPECT_EQ(rows[i].actor_id, her_);
    EXPECT_EQ(rows[i].subject_id, client_);
    EXPECT_EQ(rows[i].detail, note.id);
  }
  // Reading is not a change.
  About(her_, client_);
  EXPECT_EQ(audit_rows_.rows().size(), 3u);
}

TEST_F(NoteServiceTest, WhenTheAuditRowCannotBeWrittenNothingChanges) {
  const SessionNote note = Written("Kept as it was.");
  audit_rows_.fail_appends = true;
  auto written = service_.Write(her_, client_, NoteDraft{"Never kept.", std::nullopt});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kUnavailable);
  auto changed = service_.Change(her_, note.id, "Never kept.");
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kUnavailable);
  auto deleted = service_.Delete(her_, note.id);
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, ErrorCode::kUnavailable);
  audit_rows_.fail_appends = false;
  const ClientNotes listed = About(her_, client_);
  ASSERT_EQ(listed.notes.size(), 1u);
  EXPECT_EQ(listed.notes[0].text, "Kept as it was.");
}

TEST_F(NoteServiceTest, ANoteThatDoesNotOpenIsListedApart) {
  const SessionNote fine = Written("Fine.");
  clock_.Advance(std::chrono::minutes(1));
  const SessionNote damaged = Written("Damaged.");
  // Its text moved to another note's row: it no longer opens there.
  auto fine_row = notes_.Find(her_, fine.id);
  ASSERT_TRUE(fine_row && *fine_row);
  ASSERT_TRUE(notes_.UpdateText(her_, damaged.id, (*fine_row)->sealed_text, kNow));
  const ClientNotes listed = About(her_, client_);
  EXPECT_EQ(Ids(listed), std::vector<std::string>{fine.id});
  ASSERT_EQ(listed.unreadable.size(), 1u);
  EXPECT_EQ(listed.unreadable[0].id, damaged.id);
  // It can still be written over, or deleted.
  auto changed = service_.Change(her_, damaged.id, "Written again.");
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(About(her_, client_).notes.size(), 2u);
}

}  // namespace
}  // namespace securebase::domain
