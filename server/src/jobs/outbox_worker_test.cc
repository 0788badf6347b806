#include "jobs/outbox_worker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <random>
#include <sstream>

#include "common/log.h"
#include "common/random.h"
#include "fakes/memory_outbox_repository.h"
#include "jobs/eml_mailer.h"
#include "storage/sql_outbox_repository.h"
#include "support/test_database.h"

namespace securebase::jobs {
namespace {

using namespace std::chrono_literals;
using domain::OutboxStatus;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr Instant kT0{1'774'857'600'000};

// A Mailer that answers from a script (success when the script is empty)
// and remembers what it was given.
class ScriptedMailer final : public domain::Mailer {
 public:
  Status Send(const domain::OutgoingMail& mail) override {
    std::lock_guard lock(mu_);
    sent_.push_back(mail);
    if (on_send_) on_send_();
    if (script_.empty()) return {};
    Status next = script_.front();
    if (!repeat_) script_.pop_front();
    return next;
  }
  void Then(Status s) { script_.push_back(std::move(s)); }
  void Always(Status s) {
    script_ = {std::move(s)};
    repeat_ = true;
  }
  void OnSend(std::function<void()> fn) { on_send_ = std::move(fn); }
  const std::vector<domain::OutgoingMail>& sent() const { return sent_; }

 private:
  std::mutex mu_;
  std::deque<Status> script_;
  bool repeat_ = false;
  std::function<void()> on_send_;
  std::vector<domain::OutgoingMail> sent_;
};

domain::OutgoingMail Mail(Instant created = kT0, std::string kind = "verify-email") {
  return domain::OutgoingMail{
      NewId(),           "ana@example.org",
      "Private subject", "Private body https://example.org/verify?token=secret-token\n",
      std::move(kind),   created};
}

std::uint64_t CounterValue(MetricsRegistry& m, std::string_view family, std::string_view kind) {
  return m.GetCounter(family, {{"kind", kind}}).Value();
}

class OutboxWorkerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitRandom()); }
  OutboxWorker Worker(OutboxWorkerOptions options = {}) {
    return OutboxWorker(outbox_, mailer_, clock_, metrics_, options);
  }
  domain::OutboxRecord Record(const std::string& id) { return **outbox_.Find(id); }
  std::string Enqueue(Instant created = kT0, std::string kind = "verify-email") {
    const auto m = Mail(created, std::move(kind));
    EXPECT_TRUE(outbox_.Enqueue(m));
    return m.id;
  }

  fakes::MemoryOutboxRepository outbox_;
  ScriptedMailer mailer_;
  FakeClock clock_{kT0};
  MetricsRegistry metrics_;
};

TEST_F(OutboxWorkerTest, SendsDueMailOldestFirstAndErasesItOnceSent) {
  const auto a = Enqueue(Instant{kT0.millis - 2});
  const auto b = Enqueue(Instant{kT0.millis - 1});
  const auto later = Enqueue(Instant{kT0.millis + 60'000});
  auto worker = Worker();
  const auto pass = worker.RunOnce();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->sent, 2);
  ASSERT_EQ(mailer_.sent().size(), 2u);
  EXPECT_EQ(mailer_.sent()[0].id, a);
  EXPECT_EQ(mailer_.sent()[1].id, b);
  EXPECT_EQ(mailer_.sent()[0].text, "Private body https://example.org/verify?token=secret-token\n");
  for (const auto& id : {a, b}) {
    const auto r = Record(id);
    EXPECT_EQ(r.status, OutboxStatus::kSent);
    EXPECT_EQ(r.mail.text, "");
    EXPECT_EQ(r.mail.to, "");
    EXPECT_EQ(r.sent_at, kT0);
  }
  EXPECT_EQ(Record(later).status, OutboxStatus::kPending);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_sent_total", "verify-email"), 2u);
}

TEST_F(OutboxWorkerTest, ARetryableFailureIsTriedAgainWithGrowingWaits) {
  const auto id = Enqueue();
  mailer_.Then(Unavailable("Could not connect to the mail server."));
  mailer_.Then(Unavailable("The mail server did not answer in time."));
  auto worker = Worker();

  ASSERT_EQ(worker.RunOnce()->retried, 1);
  auto r = Record(id);
  EXPECT_EQ(r.status, OutboxStatus::kPending);
  EXPECT_EQ(r.next_attempt_at, Instant{kT0.millis + 60'000});
  EXPECT_EQ(r.last_error, "Could not connect to the mail server.");
  EXPECT_EQ(r.mail.text, Mail().text);  // unsent: kept whole

  clock_.Advance(59s);
  EXPECT_EQ(worker.RunOnce()->retried, 0);  // not due yet
  EXPECT_EQ(mailer_.sent().size(), 1u);
  clock_.Advance(1s);
  ASSERT_EQ(worker.RunOnce()->retried, 1);
  EXPECT_EQ(Record(id).next_attempt_at, Instant{clock_.Now().millis + 120'000});

  clock_.Advance(2min);
  ASSERT_EQ(worker.RunOnce()->sent, 1);
  EXPECT_EQ(Record(id).status, OutboxStatus::kSent);
  EXPECT_EQ(mailer_.sent().size(), 3u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_failed_total", "verify-email"), 2u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_sent_total", "verify-email"), 1u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_given_up_total", "verify-email"), 0u);
}

TEST_F(OutboxWorkerTest, ARefusedMessageIsKeptAsFailedAndNeverTriedAgain) {
  const auto id = Enqueue(kT0, "password-reset");
  mailer_.Then(InvalidArgument("The mail server refused the recipient (550)."));
  auto worker = Worker();
  ASSERT_EQ(worker.RunOnce()->given_up, 1);
  const auto r = Record(id);
  EXPECT_EQ(r.status, OutboxStatus::kFailed);
  EXPECT_EQ(r.last_error, "The mail server refused the recipient (550).");
  EXPECT_EQ(r.mail.to, "ana@example.org");  // never lost: kept for the operator
  clock_.Advance(100h);
  EXPECT_EQ(worker.RunOnce()->sent, 0);
  EXPECT_EQ(mailer_.sent().size(), 1u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_given_up_total", "password-reset"), 1u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_failed_total", "password-reset"), 1u);
}

TEST_F(OutboxWorkerTest, AfterThreeDaysOfFailuresItGivesUpAndKeepsTheMail) {
  const auto id = Enqueue();
  mailer_.Always(Unavailable("Could not connect to the mail server."));
  auto worker = Worker();
  int passes = 0;
  while (Record(id).status == OutboxStatus::kPending) {
    ASSERT_TRUE(worker.RunOnce());
    clock_.Set(Record(id).next_attempt_at);
    ASSERT_LT(++passes, 1000);
  }
  const auto r = Record(id);
  EXPECT_EQ(r.status, OutboxStatus::kFailed);
  EXPECT_GE(r.attempts, 70);
  EXPECT_LE(r.attempts, 80);
  EXPECT_LE(r.failed_at->millis - kT0.millis, 72LL * 3600 * 1000);
  EXPECT_GE(r.failed_at->millis - kT0.millis, 71LL * 3600 * 1000);
  EXPECT_EQ(r.mail.text, Mail().text);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_given_up_total", "verify-email"), 1u);
  EXPECT_EQ(CounterValue(metrics_, "securebase_mail_failed_total", "verify-email"),
            static_cast<std::uint64_t>(r.attempts));
}

TEST_F(OutboxWorkerTest, DrainsSeveralBatchesInOnePass) {
  for (int i = 0; i < 7; ++i) Enqueue(Instant{kT0.millis - i});
  OutboxWorkerOptions options;
  options.batch_size = 2;
  auto worker = Worker(options);
  EXPECT_EQ(worker.RunOnce()->sent, 7);
  options.max_batches = 1;
  for (int i = 0; i < 7; ++i) Enqueue(Instant{kT0.millis - i});
  auto capped = Worker(options);
  EXPECT_EQ(capped.RunOnce()->sent, 2);
}

TEST_F(OutboxWorkerTest, StopFinishesTheMessageInHandAndHandsTheRestBack) {
  const auto a = Enqueue(Instant{kT0.millis - 3}), b = Enqueue(Instant{kT0.millis - 2}),
             c = Enqueue(Instant{kT0.millis - 1});
  auto worker = Worker();
  mailer_.OnSend([&] { worker.RequestStop(); });
  const auto pass = worker.RunOnce();
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->sent, 1);
  EXPECT_EQ(pass->released, 2);
  EXPECT_EQ(Record(a).status, OutboxStatus::kSent);
  for (const auto& id : {b, c}) {
    EXPECT_EQ(Record(id).status, OutboxStatus::kPending);
    EXPECT_EQ(Record(id).attempts, 0);
  }
  // Released mail is due again at once for the next instance.
  EXPECT_EQ(outbox_.ClaimDue(kT0, 1min, 10)->size(), 2u);
  // A stopped worker does nothing more.
  EXPECT_EQ(worker.RunOnce()->sent, 0);
}

TEST_F(OutboxWorkerTest, DoesNotStartASendThatCouldOutliveTheLease) {
  for (int i = 0; i < 3; ++i) Enqueue(Instant{kT0.millis - i});
  OutboxWorkerOptions options;
  options.lease = 10min;
  options.max_send_time = 2min;
  auto worker = Worker(options);
  mailer_.OnSend([&] { clock_.Advance(5min); });  // a very slow server
  const auto pass = worker.RunOnce();
  ASSERT_TRUE(pass);
  // 0 min: send (→5), 5 min: 5 + 2 ≤ 10, send (→10), 10 min: 10 + 2 > 10, release.
  EXPECT_EQ(pass->sent, 2);
  EXPECT_EQ(pass->released, 1);
}

TEST_F(OutboxWorkerTest, LogsIdsAndKindsButNeverAddressesSubjectsOrBodies) {
  Enqueue();
  Enqueue();
  Enqueue();
  mailer_.Then({});
  mailer_.Then(Unavailable("The mail server did not answer in time."));
  mailer_.Then(InvalidArgument("The mail server refused the recipient (550)."));
  auto worker = Worker();
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(worker.RunOnce());
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(log, HasSubstr("\"event\":\"mail_sent\""));
  EXPECT_THAT(log, HasSubstr("\"event\":\"mail_retry\""));
  EXPECT_THAT(log, HasSubstr("\"event\":\"mail_given_up\""));
  EXPECT_THAT(log, HasSubstr("\"kind\":\"verify-email\""));
  EXPECT_THAT(log, HasSubstr(mailer_.sent()[0].id));
  EXPECT_THAT(log, Not(HasSubstr("ana@example.org")));
  EXPECT_THAT(log, Not(HasSubstr("Private")));
  EXPECT_THAT(log, Not(HasSubstr("secret-token")));
}

TEST_F(OutboxWorkerTest, PurgeDeletesOnlySentMailOlderThanAWeek) {
  const auto old_id = Enqueue();
  auto worker = Worker();
  ASSERT_EQ(worker.RunOnce()->sent, 1);
  clock_.Advance(24h * 7 - 1ms);
  const auto failed = Enqueue(clock_.Now());
  mailer_.Then(InvalidArgument("refused"));
  ASSERT_EQ(worker.RunOnce()->given_up, 1);
  ASSERT_TRUE(worker.PurgeSent());
  EXPECT_TRUE(outbox_.Find(old_id)->has_value());
  clock_.Advance(2ms);
  ASSERT_TRUE(worker.PurgeSent());
  EXPECT_FALSE(outbox_.Find(old_id)->has_value());
  clock_.Advance(1000h);
  ASSERT_TRUE(worker.PurgeSent());
  EXPECT_TRUE(outbox_.Find(failed)->has_value());
}

// The whole path with real parts: the SQLite outbox and .eml files on disk.
TEST(OutboxWorkerEndToEnd, MailInTheSqliteOutboxBecomesAnEmlFile) {
  ASSERT_TRUE(InitRandom());
  testing::TestDatabase db(testing::TestBackend::kSqlite);
  storage::SqlOutboxRepository outbox(db.db());
  const auto dir = std::filesystem::temp_directory_path() /
                   ("sb-worker-" + std::to_string(std::random_device{}()));
  FakeClock clock(kT0);
  EmlMailer mailer(dir / "mail", {"Secure Base", "no-reply@localhost"}, clock);
  MetricsRegistry metrics;
  OutboxWorker worker(outbox, mailer, clock, metrics);
  const auto mail = Mail();
  ASSERT_TRUE(outbox.Enqueue(mail));
  ASSERT_TRUE(worker.Tick());

  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir / "mail")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename().string(), "20260330T080000000Z-" + mail.id + ".eml");
  std::ifstream in(files[0]);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("token=3Dsecret-token"));
  const auto record = outbox.Find(mail.id);
  ASSERT_TRUE(record && record->has_value());
  EXPECT_EQ((*record)->status, OutboxStatus::kSent);
  EXPECT_EQ((*record)->mail.text, "");
  EXPECT_THAT(metrics.RenderPrometheus(),
              HasSubstr("securebase_mail_sent_total{kind=\"verify-email\"} 1"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace securebase::jobs
