// Waitlist::NotifyOpenings on a real SQLite database (the SQL waitlist,
// booking, settings, user and outbox repositories, as serve.cc wires them):
// those waiting are mailed in the order they joined — not by id, not by the
// order their rows were written — nobody is told twice within a day, and
// nobody is told while nothing is free.
#include "domain/scheduling/waitlist.h"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/random.h"
#include "fakes/memory_booking_repository.h"
#include "storage/sql_booking_repository.h"
#include "storage/sql_outbox_repository.h"
#include "storage/sql_settings_repository.h"
#include "storage/sql_user_repository.h"
#include "storage/sql_waitlist_repository.h"
#include "support/account_world.h"
#include "support/sample_user.h"
#include "support/test_database.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kMinute = 60LL * 1000, kHour = 60 * kMinute;
// 2026-03-02T08:00:00Z, a Monday.
constexpr std::int64_t kNow = 1'772'438'400'000;

// The SQL outbox, remembering to whom each message was queued, in order.
class RecordingOutbox final : public OutboxRepository {
 public:
  explicit RecordingOutbox(OutboxRepository& inner) : inner_(inner) {}

  std::vector<std::string> Recipients() const {
    std::lock_guard lock(mu_);
    return recipients_;
  }

  Status Enqueue(const OutgoingMail& mail) override {
    {
      std::lock_guard lock(mu_);
      recipients_.push_back(mail.to);
    }
    return inner_.Enqueue(mail);
  }
  Result<std::vector<ClaimedMail>> ClaimDue(Instant now, std::chrono::milliseconds lease,
                                            int limit) override {
    return inner_.ClaimDue(now, lease, limit);
  }
  Status MarkSent(std::string_view id, Instant at) override { return inner_.MarkSent(id, at); }
  Status MarkRetry(std::string_view id, std::string_view claim, Instant next,
                   std::string_view reason) override {
    return inner_.MarkRetry(id, claim, next, reason);
  }
  Status MarkFailed(std::string_view id, std::string_view claim, Instant at,
                    std::string_view reason) override {
    return inner_.MarkFailed(id, claim, at, reason);
  }
  Status Release(std::string_view id, std::string_view claim) override {
    return inner_.Release(id, claim);
  }
  Result<std::optional<OutboxRecord>> Find(std::string_view id) override { return inner_.Find(id); }
  Result<OutboxCounts> Counts() override { return inner_.Counts(); }
  Result<long> PurgeSent(Instant before) override { return inner_.PurgeSent(before); }
  Result<long> ForgetRecipient(std::string_view address) override {
    return inner_.ForgetRecipient(address);
  }

 private:
  OutboxRepository& inner_;
  mutable std::mutex mu_;
  std::vector<std::string> recipients_;
};

// Another instance's view of the waitlist, read a moment ago: All() gives
// the places as they were when it was made; everything else is the real
// table. Two instances looking for openings at once see each other so.
class StaleWaitlist final : public WaitlistRepository {
 public:
  explicit StaleWaitlist(WaitlistRepository& inner) : inner_(inner), seen_(*inner.All()) {}
  Status Add(const WaitlistEntry& e) override { return inner_.Add(e); }
  Result<bool> Remove(std::string_view client, std::string_view id) override {
    return inner_.Remove(client, id);
  }
  Status RemoveForType(std::string_view client, std::string_view type) override {
    return inner_.RemoveForType(client, type);
  }
  Result<std::vector<WaitlistEntry>> All() override { return seen_; }
  Result<std::vector<WaitlistEntry>> ForClient(std::string_view client) override {
    return inner_.ForClient(client);
  }
  Result<bool> ClaimNotice(std::string_view id, Instant at, Instant not_since) override {
    return inner_.ClaimNotice(id, at, not_since);
  }

 private:
  WaitlistRepository& inner_;
  std::vector<WaitlistEntry> seen_;
};

class WaitlistTest : public ::testing::Test {
 protected:
  WaitlistTest()
      : box_((InitRandom(), testing::TestSecretBox())),
        db_(testing::TestBackend::kSqlite),
        settings_(db_.db()),
        users_(db_.db()),
        sql_outbox_(db_.db()),
        outbox_(sql_outbox_),
        bookings_(db_.db()),
        places_(db_.db()),
        setup_(settings_, clock_),
        service_(bookings_, setup_, users_, box_, notices_, clock_),
        waitlist_(places_, service_, setup_, outbox_, users_, clock_, "https://care.example.org") {}

  void SetUp() override {
    SessionType t;
    t.name = "Therapy session";
    t.horizon_days = 30;
    auto added = setup_.AddType(t);
    ASSERT_TRUE(added) << added.error().message;
    type_ = *added;
  }

  // Monday to Friday, 09:00–17:00 in London: plenty free.
  void OpenHours() {
    Schedule s{"Europe/London", {}, {}};
    for (int d = 0; d < 5; ++d) s.weekly.push_back({d, {9 * 60, 17 * 60}});
    ASSERT_TRUE(setup_.SaveSchedule(s));
  }

  // A client with a place for the type, with this id, joined at this moment.
  std::string Waiting(std::string id, std::int64_t joined_offset,
                      std::optional<std::int64_t> notified_offset = std::nullopt) {
    User client = testing::SampleUser(Role::kLearner, Instant{kNow - 100 * kHour});
    EXPECT_TRUE(users_.Create(client));
    WaitlistEntry e{std::move(id), client.id, type_.id, Instant{kNow + joined_offset},
                    std::nullopt};
    EXPECT_TRUE(places_.Add(e));
    if (notified_offset) {
      const Instant at{kNow + *notified_offset};
      EXPECT_EQ(places_.ClaimNotice(e.id, at, at), true);
    }
    return client.email;
  }

  SecretBox box_;
  FakeClock clock_{Instant{kNow}};
  testing::TestDatabase db_;
  storage::SqlSettingsRepository settings_;
  storage::SqlUserRepository users_;
  storage::SqlOutboxRepository sql_outbox_;
  RecordingOutbox outbox_;
  storage::SqlBookingRepository bookings_;
  storage::SqlWaitlistRepository places_;
  fakes::RecordingBookingNotices notices_;
  SchedulingSetup setup_;
  BookingService service_;
  Waitlist waitlist_;
  SessionType type_;
};

TEST_F(WaitlistTest, MailsThoseWaitingInTheOrderTheyJoined) {
  OpenHours();
  // Written in this order; the earliest to join has the id that sorts last
  // and the row written last, so neither the ids nor the rows' order give
  // the order they joined.
  const std::string second = Waiting("wl_aaaa", -2 * kHour);
  const std::string third = Waiting("wl_mmmm", -1 * kHour);
  const std::string first = Waiting("wl_zzzz", -3 * kHour);
  const std::string fourth = Waiting("wl_bbbb", -30 * kMinute);

  auto told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 4);
  EXPECT_EQ(outbox_.Recipients(), (std::vector<std::string>{first, second, third, fourth}));
  auto counts = sql_outbox_.Counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->pending, 4);
  // Every place is marked told at this moment.
  auto places = places_.All();
  ASSERT_TRUE(places);
  ASSERT_EQ(places->size(), 4u);
  for (const auto& p : *places) EXPECT_EQ(p.notified_at, Instant{kNow}) << p.id;
}

TEST_F(WaitlistTest, TellsNobodyAgainWithinADay) {
  OpenHours();
  const std::string told_yesterday = Waiting("wl_1", -48 * kHour, -25 * kHour);
  Waiting("wl_2", -47 * kHour, -23 * kHour);  // told 23 hours ago: not yet again
  const std::string never_told = Waiting("wl_3", -5 * kHour);

  auto told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 2);
  EXPECT_EQ(outbox_.Recipients(), (std::vector<std::string>{told_yesterday, never_told}));

  // Straight after, nobody is told again.
  told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told);
  EXPECT_EQ(*told, 0);
  EXPECT_EQ(outbox_.Recipients().size(), 2u);

  // A day on, all three are told again, still in the order they joined.
  clock_.Set(Instant{kNow + 24 * kHour});
  told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told);
  EXPECT_EQ(*told, 3);
  EXPECT_EQ(outbox_.Recipients().size(), 5u);
}

// Two instances look at the same moment: each person is mailed once.
TEST_F(WaitlistTest, TwoInstancesLookingAtOnceTellEachPersonOnce) {
  OpenHours();
  const std::string a = Waiting("wl_1", -2 * kHour);
  const std::string b = Waiting("wl_2", -1 * kHour);
  StaleWaitlist seen_before(places_);  // the other instance read the list just now
  Waitlist other(seen_before, service_, setup_, outbox_, users_, clock_,
                 "https://care.example.org");

  auto told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 2);
  auto again = other.NotifyOpenings();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(outbox_.Recipients(), (std::vector<std::string>{a, b}));
}

TEST_F(WaitlistTest, TellsNobodyWhileNothingIsFree) {
  // No hours yet: nothing is free.
  Waiting("wl_1", -3 * kHour);
  Waiting("wl_2", -2 * kHour);
  auto told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 0);
  EXPECT_TRUE(outbox_.Recipients().empty());
  auto places = places_.All();
  ASSERT_TRUE(places);
  for (const auto& p : *places) EXPECT_FALSE(p.notified_at) << p.id;

  // Hours open: now both are told.
  OpenHours();
  told = waitlist_.NotifyOpenings();
  ASSERT_TRUE(told);
  EXPECT_EQ(*told, 2);
}

TEST_F(WaitlistTest, ListsEveryoneWaitingWithTheirClientsInTheOrderTheyJoined) {
  const std::string second = Waiting("wl_aaaa", -2 * kHour);
  const std::string first = Waiting("wl_zzzz", -3 * kHour);
  auto listed = waitlist_.AllWithClients();
  ASSERT_TRUE(listed) << listed.error().message;
  std::vector<std::string> ids, emails;
  for (const auto& w : *listed) {
    ids.push_back(w.entry.id);
    emails.push_back(w.client.email);
    EXPECT_EQ(w.client.id, w.entry.client_id);
    EXPECT_EQ(w.client.display_name, "Sam");
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"wl_zzzz", "wl_aaaa"}));
  EXPECT_EQ(emails, (std::vector<std::string>{first, second}));
}

TEST_F(WaitlistTest, FreedTimeIsOnlyNotedAndTheNextLookTellsThoseWaiting) {
  OpenHours();
  // The first look of a new process looks at once (nothing was noted yet).
  auto told = waitlist_.LookForOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 0);

  const std::string first = Waiting("wl_1", -2 * kHour);
  const std::string second = Waiting("wl_2", -1 * kHour);
  // A cancel or a move tells the waitlist; nothing is mailed then.
  waitlist_.TimeFreed();
  EXPECT_TRUE(outbox_.Recipients().empty());
  // The ticker's next look does it.
  told = waitlist_.LookForOpenings();
  ASSERT_TRUE(told) << told.error().message;
  EXPECT_EQ(*told, 2);
  EXPECT_EQ(outbox_.Recipients(), (std::vector<std::string>{first, second}));
}

TEST_F(WaitlistTest, WithNothingFreedItLooksOnceAMinute) {
  OpenHours();
  ASSERT_TRUE(waitlist_.LookForOpenings());  // the first look
  const std::string waiting = Waiting("wl_1", -kHour);
  // Nothing freed and under a minute since the last look: no look.
  clock_.Set(Instant{kNow + 59'000});
  auto told = waitlist_.LookForOpenings();
  ASSERT_TRUE(told);
  EXPECT_EQ(*told, 0);
  EXPECT_TRUE(outbox_.Recipients().empty());
  // A minute on, it looks anyway (days come into the horizon; another
  // instance may have freed the time).
  clock_.Set(Instant{kNow + Waitlist::kLookEveryMillis});
  told = waitlist_.LookForOpenings();
  ASSERT_TRUE(told);
  EXPECT_EQ(*told, 1);
  EXPECT_EQ(outbox_.Recipients(), (std::vector<std::string>{waiting}));
}

}  // namespace
}  // namespace securebase::domain
