// Booking reminders on real databases: the reminder pass run by several
// server instances at once (each its own connection pool, as on one
// PostgreSQL behind a load balancer) enqueues each reminder exactly once,
// at its moment and not before; a booking made after a reminder's moment
// gets none; a moved booking gets its reminders again for its new time.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <latch>
#include <memory>
#include <thread>
#include <vector>

#include "common/random.h"
#include "domain/scheduling/booking_mail.h"
#include "storage/sql_booking_repository.h"
#include "storage/sql_outbox_repository.h"
#include "storage/sql_settings_repository.h"
#include "storage/sql_user_repository.h"
#include "support/sample_user.h"
#include "support/test_database.h"

namespace securebase {
namespace {

using domain::Booking;

constexpr std::int64_t kMinute = 60'000, kHour = 60 * kMinute;
constexpr std::int64_t kT0 = 1'800'000'000'000;

// One server instance: its own pool on the shared database and its own
// parts, as serve.cc wires them.
struct Instance {
  Instance(storage::Database& db, const Clock& clock)
      : settings(db),
        users(db),
        outbox(db),
        bookings(db),
        setup(settings, clock),
        mail(outbox, users, setup, clock, "https://care.example.org") {}
  storage::SqlSettingsRepository settings;
  storage::SqlUserRepository users;
  storage::SqlOutboxRepository outbox;
  storage::SqlBookingRepository bookings;
  domain::SchedulingSetup setup;
  domain::BookingMail mail;
};

class BookingRemindersContract : public ::testing::TestWithParam<testing::TestBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    second_db_ = db_->OpenAnother(4);
    a_ = std::make_unique<Instance>(db_->db(), clock_);
    b_ = std::make_unique<Instance>(*second_db_, clock_);
    domain::SessionType type;
    type.name = "Therapy session";
    auto added = a_->setup.AddType(type);
    ASSERT_TRUE(added) << added.error().message;
    type_id_ = added->id;
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    second_db_.reset();
    db_.reset();
  }

  Booking Book(std::int64_t start_offset, Instant made) {
    domain::User client = testing::SampleUser(domain::Role::kLearner, Instant{kT0});
    EXPECT_TRUE(a_->users.Create(client));
    Booking b;
    b.id = "bk_" + NewId();
    b.client_id = client.id;
    b.session_type_id = type_id_;
    b.start = Instant{kT0 + start_offset};
    b.end = Instant{b.start.millis + 50 * kMinute};
    b.blocked = {b.start, b.end};
    b.time_zone = "Europe/London";
    b.location = {"GB", ""};
    b.request_fingerprint = "f";
    b.sealed_intake = "x";
    b.created_at = b.updated_at = made;
    auto inserted = a_->bookings.Insert(b);
    EXPECT_TRUE(inserted) << inserted.error().message;
    return b;
  }

  long long Reminders() {
    long long n = -1;
    auto ok = db_->db().Read("test.reminders", [&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(*) FROM outbox WHERE kind = 'booking-reminder'", soci::into(n);
      return {};
    });
    EXPECT_TRUE(ok);
    return n;
  }

  // Both instances run the pass at the same moment; returns how many each
  // said it enqueued.
  std::pair<int, int> RunBothAtOnce() {
    std::latch start(2);
    int a = -1, b = -1;
    std::thread ta([&] {
      start.arrive_and_wait();
      auto r = a_->mail.SendDueReminders(a_->bookings, offsets_);
      a = r ? *r : -100;
    });
    std::thread tb([&] {
      start.arrive_and_wait();
      auto r = b_->mail.SendDueReminders(b_->bookings, offsets_);
      b = r ? *r : -100;
    });
    ta.join();
    tb.join();
    return {a, b};
  }

  FakeClock clock_{Instant{kT0}};
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<storage::Database> second_db_;
  std::unique_ptr<Instance> a_, b_;
  std::string type_id_;
  std::vector<int> offsets_ = {24 * 60, 60};
};

TEST_P(BookingRemindersContract, TwoInstancesEnqueueEachReminderOnce) {
  // Booked two days ahead, so both reminders' moments come after it was made.
  Book(48 * kHour, Instant{kT0 - kHour});
  Book(48 * kHour + 2 * kHour, Instant{kT0 - kHour});
  clock_.Set(Instant{kT0 + 23 * kHour});  // neither is due yet
  EXPECT_EQ(RunBothAtOnce(), std::make_pair(0, 0));
  EXPECT_EQ(Reminders(), 0);

  clock_.Set(Instant{kT0 + 24 * kHour + 1});  // the first's day-before reminder
  for (int round = 0; round < 5; ++round) {
    const auto [a, b] = RunBothAtOnce();
    EXPECT_EQ(a + b, round == 0 ? 1 : 0) << "round " << round;
  }
  EXPECT_EQ(Reminders(), 1);

  // The first has begun (no more reminders); the second is due both of its own.
  clock_.Set(Instant{kT0 + 49 * kHour + 30 * kMinute});
  for (int round = 0; round < 5; ++round) RunBothAtOnce();
  EXPECT_EQ(Reminders(), 3);
}

TEST_P(BookingRemindersContract, ABookingMadeAfterAReminderMomentGetsNoneForIt) {
  // Made 3 hours before it starts: the day-before moment had passed.
  Book(3 * kHour, Instant{kT0});
  clock_.Set(Instant{kT0 + 2 * kHour + 1});
  RunBothAtOnce();
  EXPECT_EQ(Reminders(), 1);  // the hour-before only
}

INSTANTIATE_TEST_SUITE_P(Backends, BookingRemindersContract,
                         ::testing::Values(testing::TestBackend::kSqlite,
                                           testing::TestBackend::kPostgresql),
                         [](const auto& p) { return std::string(testing::BackendName(p.param)); });

}  // namespace
}  // namespace securebase
