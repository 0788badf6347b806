// NoteRetention with a fake clock on the in-memory notes and audit log:
// nothing goes with 0 days; a note goes once its last change is older than
// the period (a note edited since is kept), each deletion after its audit
// row (author, client, note id; never the words); a failing audit log
// deletes nothing; passes run in batches until none is left.
#include "domain/notes/note_retention.h"

#include <gtest/gtest.h>

#include <string>

#include "fakes/memory_audit_repository.h"
#include "fakes/memory_note_repository.h"
#include "fakes/memory_user_repository.h"

namespace securebase::domain {
namespace {

const Instant kStart{1'800'000'000'000};
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class NoteRetentionTest : public ::testing::Test {
 protected:
  NoteRetentionTest() : clock_(kStart), audit_(audit_rows_, users_, clock_) {}

  // A note written now by "her" about "client", with this id.
  void Write(const std::string& id) {
    SealedSessionNote n;
    n.id = id;
    n.author_id = "her";
    n.client_id = "client";
    n.written_at = n.updated_at = clock_.Now();
    n.sealed_text = "sealed words of " + id;
    ASSERT_TRUE(notes_.Insert(n));
  }

  bool Kept(const std::string& id) {
    auto found = notes_.Find("her", id);
    EXPECT_TRUE(found);
    return found && found->has_value();
  }

  std::vector<AuditEntry> Expired() {
    AuditQuery q;
    q.action = std::string(audit_action::kNoteExpired);
    q.limit = 1000;
    auto rows = audit_rows_.Find(q);
    EXPECT_TRUE(rows);
    return rows ? *rows : std::vector<AuditEntry>{};
  }

  FakeClock clock_;
  fakes::MemoryNoteRepository notes_;
  fakes::MemoryUserRepository users_;
  fakes::MemoryAuditRepository audit_rows_;
  AuditTrail audit_;
};

TEST_F(NoteRetentionTest, ZeroDaysKeepsEveryNote) {
  Write("nt_old");
  clock_.Advance(std::chrono::days(20 * 365));
  NoteRetention keep_all(notes_, audit_, clock_, std::chrono::days(0));
  auto deleted = keep_all.DeleteExpired();
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 0);
  EXPECT_TRUE(Kept("nt_old"));
  EXPECT_TRUE(Expired().empty());
}

TEST_F(NoteRetentionTest, DeletesNotesUnchangedForLongerThanThePeriodEachAfterItsAuditRow) {
  NoteRetention retention(notes_, audit_, clock_, std::chrono::days(30));
  Write("nt_a");
  clock_.Advance(std::chrono::days(10));
  Write("nt_b");
  clock_.Advance(std::chrono::days(20));
  // Exactly 30 days: not older than the period yet.
  auto none = retention.DeleteExpired();
  ASSERT_TRUE(none);
  EXPECT_EQ(*none, 0);
  EXPECT_TRUE(Kept("nt_a"));

  clock_.Advance(std::chrono::milliseconds(1));
  auto one = retention.DeleteExpired();
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, 1);
  EXPECT_FALSE(Kept("nt_a"));
  EXPECT_TRUE(Kept("nt_b"));
  const auto rows = Expired();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor_id, "her");
  EXPECT_EQ(rows[0].subject_id, "client");
  EXPECT_EQ(rows[0].detail, "nt_a");  // the id, never the words
  EXPECT_EQ(rows[0].at, clock_.Now());
}

TEST_F(NoteRetentionTest, ANoteChangedSinceIsKept) {
  NoteRetention retention(notes_, audit_, clock_, std::chrono::days(30));
  Write("nt_a");
  clock_.Advance(std::chrono::days(25));
  ASSERT_TRUE(notes_.UpdateText("her", "nt_a", "new sealed words", clock_.Now()));
  clock_.Advance(std::chrono::days(25));
  auto deleted = retention.DeleteExpired();
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 0);
  EXPECT_TRUE(Kept("nt_a"));
  // … until its own period has passed.
  clock_.Advance(std::chrono::days(6));
  ASSERT_TRUE(retention.DeleteExpired());
  EXPECT_FALSE(Kept("nt_a"));
}

TEST_F(NoteRetentionTest, WhenTheAuditLogCannotBeWrittenNothingIsDeleted) {
  NoteRetention retention(notes_, audit_, clock_, std::chrono::days(1));
  Write("nt_a");
  clock_.Advance(std::chrono::days(2));
  audit_rows_.fail_appends = true;
  EXPECT_FALSE(retention.DeleteExpired());
  EXPECT_TRUE(Kept("nt_a"));
}

TEST_F(NoteRetentionTest, APassGoesOnBatchAfterBatchUntilNoneIsLeft) {
  NoteRetention retention(notes_, audit_, clock_, std::chrono::days(1));
  for (int i = 0; i < 250; ++i) Write("nt_" + std::to_string(1000 + i));
  clock_.Advance(std::chrono::days(2));
  auto deleted = retention.DeleteExpired();
  ASSERT_TRUE(deleted);
  EXPECT_EQ(*deleted, 250);
  EXPECT_EQ(Expired().size(), 250u);
  auto left = notes_.UnchangedSince(Instant{clock_.Now().millis + kDay}, 1000);
  ASSERT_TRUE(left);
  EXPECT_TRUE(left->empty());
}

}  // namespace
}  // namespace securebase::domain
