// The OutboxRepository contract on the in-memory fake, SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "common/random.h"
#include "domain/notify/icalendar.h"
#include "fakes/memory_outbox_repository.h"
#include "storage/sql_outbox_repository.h"
#include "support/contract_backend.h"

namespace securebase {
namespace {

using namespace std::chrono_literals;
using domain::OutboxStatus;
using testing::ContractBackend;

constexpr Instant kT0{1'700'000'000'000};

Instant At(std::chrono::milliseconds d) {
  return Instant{kT0.millis + d.count()};
}

domain::OutgoingMail Mail(std::string to = "ana@example.org", Instant created = kT0) {
  return domain::OutgoingMail{NewId(),
                              std::move(to),
                              "Bestätigen Sie Ihre E-Mail · 東京",
                              "Hello Zoë,\nopen https://example.org/verify?token=abc\n",
                              "verify-email",
                              created};
}

// A mail carrying a booking invitation: CRLFs, folded lines and non-ASCII
// text in the calendar, which must come back byte for byte.
domain::OutgoingMail MailWithCalendar(Instant created = kT0) {
  domain::CalendarEvent e;
  e.uid = "bk_" + NewId() + "@securebase";
  e.start = At(24h);
  e.end = At(25h);
  e.stamp = created;
  e.summary = "Therapy session, 50 minutes; with Zoë · 東京 😀";
  e.description = "Join here:\nhttps://video.example.org/r/abc\n" + std::string(200, 'x');
  e.organizer = {"praxis@example.org", "Praxis Zoë"};
  e.attendees = {{"ana@example.org", "Ana"}};
  auto mail = Mail("ana@example.org", created);
  mail.kind = "booking-confirmed";
  mail.calendar = domain::WriteCalendar(domain::CalendarMethod::kRequest, {e});
  mail.calendar_method = "REQUEST";
  return mail;
}

class OutboxRepositoryContract : public ::testing::TestWithParam<ContractBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = testing::DatabaseFor(GetParam());
    repo_ = Make();
  }
  void TearDown() override {
    others_.clear();
    repo_.reset();
    db_.reset();
  }
  // Another handle on the same outbox: for SQL a second connection pool, as
  // a second server instance would have.
  domain::OutboxRepository& Another() {
    if (!db_) return *repo_;
    pools_.push_back(db_->OpenAnother());
    others_.push_back(std::make_unique<storage::SqlOutboxRepository>(*pools_.back()));
    return *others_.back();
  }
  std::unique_ptr<domain::OutboxRepository> Make() {
    if (db_) return std::make_unique<storage::SqlOutboxRepository>(db_->db());
    return std::make_unique<fakes::MemoryOutboxRepository>();
  }
  domain::OutboxRepository& repo() { return *repo_; }
  domain::OutboxRecord Record(const std::string& id) {
    auto found = repo().Find(id);
    EXPECT_TRUE(found && found->has_value()) << id;
    return found && found->has_value() ? **found : domain::OutboxRecord{};
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<domain::OutboxRepository> repo_;
  std::vector<std::unique_ptr<storage::Database>> pools_;
  std::vector<std::unique_ptr<domain::OutboxRepository>> others_;
};

TEST_P(OutboxRepositoryContract, AnEnqueuedMessageIsClaimedWithEveryField) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  const auto claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 1u);
  const auto& got = claimed->front();
  EXPECT_EQ(got.mail.id, mail.id);
  EXPECT_EQ(got.mail.to, mail.to);
  EXPECT_EQ(got.mail.subject, mail.subject);
  EXPECT_EQ(got.mail.text, mail.text);
  EXPECT_EQ(got.mail.kind, mail.kind);
  EXPECT_EQ(got.mail.created_at, mail.created_at);
  EXPECT_EQ(got.attempt, 1);
  EXPECT_FALSE(got.claim.empty());

  const auto record = Record(mail.id);
  EXPECT_EQ(record.status, OutboxStatus::kPending);
  EXPECT_EQ(record.attempts, 1);
  EXPECT_EQ(record.mail.text, mail.text);
  EXPECT_TRUE(record.last_error.empty());
}

TEST_P(OutboxRepositoryContract, ACalendarPartIsKeptUntilSentAndThenErased) {
  // Claimed together in this order: the plain one after the one with a
  // calendar must not inherit it.
  const auto invite = MailWithCalendar(kT0);
  const auto plain = Mail("ben@example.org", At(1ms));
  auto cancel = MailWithCalendar(At(2ms));
  cancel.calendar_method = "CANCEL";
  cancel.calendar += std::string(256 * 1024 - cancel.calendar.size(), ' ');  // the largest
  for (const auto& m : {invite, plain, cancel}) ASSERT_TRUE(repo().Enqueue(m));

  const auto claimed = repo().ClaimDue(At(1s), 10min, 10);
  ASSERT_TRUE(claimed) << claimed.error().message;
  ASSERT_EQ(claimed->size(), 3u);
  EXPECT_EQ((*claimed)[0].mail.id, invite.id);
  EXPECT_EQ((*claimed)[0].mail.calendar, invite.calendar);
  EXPECT_EQ((*claimed)[0].mail.calendar_method, "REQUEST");
  EXPECT_EQ((*claimed)[1].mail.id, plain.id);
  EXPECT_EQ((*claimed)[1].mail.calendar, "");
  EXPECT_EQ((*claimed)[1].mail.calendar_method, "");
  EXPECT_EQ((*claimed)[2].mail.calendar, cancel.calendar);
  EXPECT_EQ((*claimed)[2].mail.calendar_method, "CANCEL");
  EXPECT_EQ(Record(invite.id).mail.calendar, invite.calendar);
  EXPECT_EQ(Record(plain.id).mail.calendar_method, "");

  // Failed mail keeps its calendar for the operator; sent mail loses it
  // with the body, and keeps only what kind of calendar message it was.
  ASSERT_TRUE(repo().MarkFailed(cancel.id, (*claimed)[2].claim, At(2s), "refused (550)"));
  EXPECT_EQ(Record(cancel.id).mail.calendar, cancel.calendar);
  ASSERT_TRUE(repo().MarkSent(invite.id, At(2s)));
  const auto sent = Record(invite.id);
  EXPECT_EQ(sent.status, OutboxStatus::kSent);
  EXPECT_EQ(sent.mail.calendar, "");
  EXPECT_EQ(sent.mail.text, "");
  EXPECT_EQ(sent.mail.calendar_method, "REQUEST");
}

TEST_P(OutboxRepositoryContract, RefusesACalendarMethodWithoutACalendar) {
  auto mail = Mail();
  mail.calendar_method = "REQUEST";
  const auto refused = repo().Enqueue(mail);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  auto invite = MailWithCalendar();
  invite.calendar_method = "REPLY";
  EXPECT_FALSE(repo().Enqueue(invite));
  EXPECT_FALSE(repo().Find(mail.id)->has_value());
  EXPECT_FALSE(repo().Find(invite.id)->has_value());
}

TEST_P(OutboxRepositoryContract, RefusesUnsafeMailAndReusedIds) {
  auto bad = Mail("ana@example.org\r\nBcc: eve@example.org");
  const auto refused = repo().Enqueue(bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(repo().Find(bad.id)->has_value());

  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  auto again = Mail("other@example.org");
  again.id = mail.id;
  const auto conflict = repo().Enqueue(again);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
}

TEST_P(OutboxRepositoryContract, OnlyDueMailIsClaimedOldestFirstUpToTheLimit) {
  const auto later = Mail("later@example.org", At(5min));
  ASSERT_TRUE(repo().Enqueue(later));
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    const auto m = Mail("m@example.org", At(std::chrono::seconds(i)));
    ids.push_back(m.id);
    ASSERT_TRUE(repo().Enqueue(m));
  }
  EXPECT_TRUE(repo().ClaimDue(At(-1s), 10min, 10)->empty());  // nothing is due yet
  const auto first = repo().ClaimDue(At(1min), 10min, 3);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 3u);
  EXPECT_EQ((*first)[0].mail.id, ids[0]);
  EXPECT_EQ((*first)[1].mail.id, ids[1]);
  EXPECT_EQ((*first)[2].mail.id, ids[2]);
  const auto rest = repo().ClaimDue(At(1min), 10min, 10);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->size(), 2u);  // the later one is not due
  EXPECT_EQ((*rest)[0].mail.id, ids[3]);
  EXPECT_EQ((*rest)[1].mail.id, ids[4]);
  EXPECT_TRUE(repo().ClaimDue(At(1min), 10min, 0)->empty());
  const auto due_later = repo().ClaimDue(At(5min), 10min, 10);
  ASSERT_EQ(due_later->size(), 1u);
  EXPECT_EQ(due_later->front().mail.id, later.id);
}

TEST_P(OutboxRepositoryContract, ALeaseKeepsOthersAwayUntilItRunsOut) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  const auto first = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_TRUE(repo().ClaimDue(At(9min), 10min, 10)->empty());
  EXPECT_TRUE(Another().ClaimDue(At(9min), 10min, 10)->empty());

  // The first worker died: its lease runs out and another takes over.
  const auto second = Another().ClaimDue(At(10min), 10min, 10);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(second->front().attempt, 2);
  EXPECT_NE(second->front().claim, first->front().claim);

  // The old claim no longer counts for anything but "it was sent".
  const std::string old_claim = first->front().claim;
  for (const auto& s : {repo().MarkRetry(mail.id, old_claim, At(20min), "x"),
                        repo().MarkFailed(mail.id, old_claim, At(20min), "x"),
                        repo().Release(mail.id, old_claim)}) {
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  }
  EXPECT_EQ(Record(mail.id).status, OutboxStatus::kPending);
  EXPECT_TRUE(repo().MarkRetry(mail.id, second->front().claim, At(20min), "timeout"));
  EXPECT_FALSE(repo().MarkRetry(mail.id, "", At(20min), "x"));
}

TEST_P(OutboxRepositoryContract, SendingErasesTheRecipientSubjectAndBody) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  const auto claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(repo().MarkSent(mail.id, At(3s)));
  const auto record = Record(mail.id);
  EXPECT_EQ(record.status, OutboxStatus::kSent);
  EXPECT_EQ(record.sent_at, At(3s));
  EXPECT_EQ(record.mail.to, "");
  EXPECT_EQ(record.mail.subject, "");
  EXPECT_EQ(record.mail.text, "");
  EXPECT_EQ(record.mail.kind, "verify-email");
  EXPECT_EQ(record.attempts, 1);
  EXPECT_TRUE(repo().ClaimDue(At(1h), 10min, 10)->empty());
  const auto counts = repo().Counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->sent, 1);
  EXPECT_EQ(counts->pending, 0);

  const auto unknown = repo().MarkSent("nope", At(3s));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(OutboxRepositoryContract, MailSentUnderAnExpiredLeaseIsStillMarkedSent) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  ASSERT_EQ(repo().ClaimDue(kT0, 1min, 10)->size(), 1u);
  ASSERT_EQ(Another().ClaimDue(At(2min), 1min, 10)->size(), 1u);
  ASSERT_TRUE(repo().MarkSent(mail.id, At(2min)));
  EXPECT_EQ(Record(mail.id).status, OutboxStatus::kSent);
}

TEST_P(OutboxRepositoryContract, ARetryWaitsForItsTimeAndKeepsAShortReason) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  auto claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  const std::string long_reason(500, 'r');
  ASSERT_TRUE(repo().MarkRetry(mail.id, claimed->front().claim, At(1min), long_reason));
  auto record = Record(mail.id);
  EXPECT_EQ(record.status, OutboxStatus::kPending);
  EXPECT_EQ(record.next_attempt_at, At(1min));
  EXPECT_EQ(record.last_error, std::string(200, 'r'));
  EXPECT_EQ(record.mail.text, mail.text);  // unsent mail keeps its content

  EXPECT_TRUE(repo().ClaimDue(At(59s), 10min, 10)->empty());
  claimed = repo().ClaimDue(At(1min), 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->front().attempt, 2);
}

TEST_P(OutboxRepositoryContract, FailedMailIsKeptWithItsContentAndNeverClaimedAgain) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  const auto claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(repo().MarkFailed(mail.id, claimed->front().claim, At(5s), "refused (550)"));
  const auto record = Record(mail.id);
  EXPECT_EQ(record.status, OutboxStatus::kFailed);
  EXPECT_EQ(record.failed_at, At(5s));
  EXPECT_EQ(record.last_error, "refused (550)");
  EXPECT_EQ(record.mail.to, mail.to);
  EXPECT_EQ(record.mail.text, mail.text);
  EXPECT_TRUE(repo().ClaimDue(At(100h), 10min, 10)->empty());
  EXPECT_EQ(repo().Counts()->failed, 1);
  // Purging sent mail never touches it.
  EXPECT_EQ(repo().PurgeSent(At(1000h)), 0);
  EXPECT_TRUE(repo().Find(mail.id)->has_value());
}

TEST_P(OutboxRepositoryContract, AReleasedMessageIsDueAtOnceAndItsTryUncounted) {
  const auto mail = Mail();
  ASSERT_TRUE(repo().Enqueue(mail));
  auto claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(repo().Release(mail.id, claimed->front().claim));
  EXPECT_EQ(Record(mail.id).attempts, 0);
  claimed = repo().ClaimDue(kT0, 10min, 10);
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->front().attempt, 1);
}

TEST_P(OutboxRepositoryContract, PurgeDeletesOnlyOldSentMail) {
  const auto old_sent = Mail(), new_sent = Mail(), pending = Mail();
  for (const auto& m : {old_sent, new_sent, pending}) ASSERT_TRUE(repo().Enqueue(m));
  ASSERT_EQ(repo().ClaimDue(kT0, 10min, 2)->size(), 2u);
  ASSERT_TRUE(repo().MarkSent(old_sent.id, At(1h)));
  ASSERT_TRUE(repo().MarkSent(new_sent.id, At(48h)));
  EXPECT_EQ(repo().PurgeSent(At(24h)), 1);
  EXPECT_FALSE(repo().Find(old_sent.id)->has_value());
  EXPECT_TRUE(repo().Find(new_sent.id)->has_value());
  EXPECT_TRUE(repo().Find(pending.id)->has_value());
  const auto counts = repo().Counts();
  EXPECT_EQ(counts->sent, 1);
  EXPECT_EQ(counts->pending, 1);
}

TEST_P(OutboxRepositoryContract, ForgettingARecipientDeletesTheirMailOnly) {
  const auto a1 = Mail("ana@example.org"), a2 = Mail("ana@example.org"),
             b = Mail("ben@example.org");
  for (const auto& m : {a1, a2, b}) ASSERT_TRUE(repo().Enqueue(m));
  const auto claimed = repo().ClaimDue(kT0, 10min, 1);
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(repo().MarkFailed(claimed->front().mail.id, claimed->front().claim, kT0, "x"));
  // Sent mail has no recipient left; an empty address must not match it.
  EXPECT_EQ(repo().ForgetRecipient(""), 0);
  // Ana's two messages go whatever state they are in (one may be the failed one).
  EXPECT_EQ(repo().ForgetRecipient("ana@example.org"), 2);
  EXPECT_FALSE(repo().Find(a1.id)->has_value());
  EXPECT_FALSE(repo().Find(a2.id)->has_value());
  EXPECT_TRUE(repo().Find(b.id)->has_value());
}

// Workers on several threads (and, on SQL, two connection pools as two
// server instances would have) drain the outbox with every message claimed
// exactly once.
TEST_P(OutboxRepositoryContract, ConcurrentWorkersNeverClaimOneMessageTwice) {
  constexpr int kMessages = 60;
  std::set<std::string> all;
  for (int i = 0; i < kMessages; ++i) {
    const auto m = Mail("m@example.org", At(std::chrono::milliseconds(i)));
    all.insert(m.id);
    ASSERT_TRUE(repo().Enqueue(m));
  }
  domain::OutboxRepository& other = Another();
  std::mutex mu;
  std::multiset<std::string> seen;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    domain::OutboxRepository& r = t % 2 == 0 ? repo() : other;
    threads.emplace_back([&r, &mu, &seen, &errors] {
      for (;;) {
        const auto claimed = r.ClaimDue(At(1min), 10min, 4);
        if (!claimed) {
          ++errors;
          return;
        }
        if (claimed->empty()) return;
        for (const auto& c : *claimed) {
          if (!r.MarkSent(c.mail.id, At(1min))) ++errors;
          std::lock_guard lock(mu);
          seen.insert(c.mail.id);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(seen.size(), all.size());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), all);
  EXPECT_EQ(repo().Counts()->sent, kMessages);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, OutboxRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

}  // namespace
}  // namespace securebase
