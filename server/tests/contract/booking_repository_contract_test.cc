// The BookingRepository contract on the in-memory fake, SQLite and
// PostgreSQL: bookings stored and read back whole, idempotency keys per
// client, no two active bookings whose blocked times overlap (touching is
// fine, cancelled ones free their time), optimistic changes by sequence —
// and the races: 50 threads booking one slot, and on PostgreSQL two
// "instances" (two connection pools) at once, leave exactly one booking.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/random.h"
#include "fakes/memory_booking_repository.h"
#include "storage/sql_booking_repository.h"
#include "support/owned_rows_contract.h"

namespace securebase {
namespace {

using domain::Booking;
using domain::BookingStatus;

constexpr std::int64_t kT0 = 1'800'000'000'000;
constexpr std::int64_t kMinute = 60'000;

Booking SampleBooking(const std::string& client, std::int64_t start_minute, int minutes = 50,
                      int buffer_after = 10) {
  Booking b;
  b.id = "bk_" + NewId();
  b.client_id = client;
  b.session_type_id = "st_1";
  b.start = Instant{kT0 + start_minute * kMinute};
  b.end = Instant{b.start.millis + minutes * kMinute};
  b.blocked = {b.start, Instant{b.end.millis + buffer_after * kMinute}};
  b.time_zone = "America/New_York";
  b.location = {"US", "NY"};
  b.video_url = "https://meet.example.org/SecureBase-abc";
  b.request_fingerprint = "f1";
  b.sealed_intake = std::string("\x01\x02sealed\0bytes", 14);
  b.created_at = b.updated_at = Instant{kT0 - 86'400'000};
  return b;
}

class BookingRepositoryContract
    : public testing::OwnedRowsContract<domain::BookingRepository, storage::SqlBookingRepository,
                                        fakes::MemoryBookingRepository> {
 protected:
  Booking Inserted(const Booking& b) {
    auto r = repo().Insert(b);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->booking : Booking{};
  }
  std::size_t ActiveCount() {
    auto busy = repo().BusyBetween(Instant{0}, Instant{kT0 * 2});
    EXPECT_TRUE(busy);
    return busy ? busy->size() : 0;
  }
};

TEST_P(BookingRepositoryContract, StoresAndReadsABookingWhole) {
  Booking b = SampleBooking(user_.id, 60);
  b.idempotency_key = "key-1";
  Inserted(b);
  auto found = repo().Find(b.id);
  ASSERT_TRUE(found && *found);
  const Booking& got = **found;
  EXPECT_EQ(got.client_id, b.client_id);
  EXPECT_EQ(got.start, b.start);
  EXPECT_EQ(got.end, b.end);
  EXPECT_EQ(got.blocked.from, b.blocked.from);
  EXPECT_EQ(got.blocked.until, b.blocked.until);
  EXPECT_EQ(got.status, BookingStatus::kConfirmed);
  EXPECT_EQ(got.location, b.location);
  EXPECT_EQ(got.video_url, b.video_url);
  EXPECT_EQ(got.sealed_intake, b.sealed_intake);
  EXPECT_EQ(got.idempotency_key, "key-1");
  EXPECT_EQ(got.request_fingerprint, "f1");
  EXPECT_FALSE(got.cancelled_at);
  auto missing = repo().Find("bk_missing");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
}

TEST_P(BookingRepositoryContract, RefusesOverlapsWithBuffersButNotTouchingTimes) {
  Inserted(SampleBooking(user_.id, 60));  // blocked 60..120
  const domain::User other = NewUser();
  for (std::int64_t start : {10, 30, 100, 119}) {
    auto r = repo().Insert(SampleBooking(other.id, start, 50, 10));
    ASSERT_FALSE(r) << "start " << start;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().type, "slot-taken");
  }
  // 0..50 + 10 buffer ends at 60 exactly; 120.. begins where it ends.
  EXPECT_TRUE(repo().Insert(SampleBooking(other.id, 0, 50, 10)));
  EXPECT_TRUE(repo().Insert(SampleBooking(other.id, 120)));
  EXPECT_EQ(ActiveCount(), 3u);
}

TEST_P(BookingRepositoryContract, ACancelledBookingFreesItsTime) {
  Booking b = Inserted(SampleBooking(user_.id, 60));
  Booking cancelled = b;
  cancelled.status = BookingStatus::kCancelled;
  cancelled.cancelled_at = Instant{kT0};
  cancelled.sequence = 1;
  auto stored = repo().UpdateStatus(cancelled, 0);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->status, BookingStatus::kCancelled);
  EXPECT_EQ(stored->sequence, 1);
  EXPECT_TRUE(repo().Insert(SampleBooking(NewUser().id, 60)));
  // An old sequence is refused: someone changed it meanwhile.
  auto stale = repo().UpdateStatus(cancelled, 0);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().type, "booking-changed");
}

TEST_P(BookingRepositoryContract, AnIdempotencyKeyIsTheClientsOwn) {
  Booking first = SampleBooking(user_.id, 60);
  first.idempotency_key = "same";
  Inserted(first);
  Booking again = SampleBooking(user_.id, 300);
  again.idempotency_key = "same";
  auto replay = repo().Insert(again);
  ASSERT_TRUE(replay) << replay.error().message;
  EXPECT_FALSE(replay->created);
  EXPECT_EQ(replay->booking.id, first.id);
  // Another client may use the same key.
  Booking theirs = SampleBooking(NewUser().id, 300);
  theirs.idempotency_key = "same";
  auto other = repo().Insert(theirs);
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->created);
  auto by_key = repo().FindByIdempotencyKey(user_.id, "same");
  ASSERT_TRUE(by_key && *by_key);
  EXPECT_EQ((*by_key)->id, first.id);
}

TEST_P(BookingRepositoryContract, MovesOnlyToFreeTimeAndNotOverItself) {
  Booking a = Inserted(SampleBooking(user_.id, 60));
  Inserted(SampleBooking(NewUser().id, 240));
  Booking moved = a;
  moved.start = Instant{a.start.millis + 30 * kMinute};  // overlaps only its old self
  moved.end = Instant{moved.start.millis + 50 * kMinute};
  moved.blocked = {moved.start, Instant{moved.end.millis + 10 * kMinute}};
  moved.sequence = 1;
  auto ok = repo().Move(moved, 0);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->start, moved.start);
  EXPECT_EQ(ok->sequence, 1);
  Booking onto = *ok;
  onto.start = Instant{kT0 + 230 * kMinute};
  onto.end = Instant{onto.start.millis + 50 * kMinute};
  onto.blocked = {onto.start, Instant{onto.end.millis + 10 * kMinute}};
  onto.sequence = 2;
  auto taken = repo().Move(onto, 1);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().type, "slot-taken");
}

TEST_P(BookingRepositoryContract, ListsByClientAndByStart) {
  const domain::User other = NewUser();
  Booking late = Inserted(SampleBooking(user_.id, 600));
  Booking early = Inserted(SampleBooking(user_.id, 60));
  Inserted(SampleBooking(other.id, 300));
  auto mine = repo().ForClient(user_.id);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].id, early.id);
  EXPECT_EQ((*mine)[1].id, late.id);
  auto window = repo().StartingBetween(Instant{kT0 + 60 * kMinute}, Instant{kT0 + 600 * kMinute});
  ASSERT_TRUE(window);
  ASSERT_EQ(window->size(), 2u);  // 60 and 300; 600 is outside the half-open window
  auto attended = repo().CountWithStatus(user_.id, BookingStatus::kAttended);
  ASSERT_TRUE(attended);
  EXPECT_EQ(*attended, 0);
}

TEST_P(BookingRepositoryContract, TalliesEachClientsSessionsAtAnInstant) {
  const domain::User other = NewUser();
  const domain::User cancelled_only = NewUser();
  Inserted(SampleBooking(user_.id, 60));  // past
  Booking no_show = Inserted(SampleBooking(user_.id, 200));
  no_show.status = BookingStatus::kNoShow;
  ASSERT_TRUE(repo().UpdateStatus(no_show, no_show.sequence));  // past, still counted
  Inserted(SampleBooking(user_.id, 900));                       // upcoming, the later one
  Inserted(SampleBooking(user_.id, 600));                       // upcoming, the next
  Inserted(SampleBooking(other.id, 400));                       // upcoming: starts exactly at now
  Booking dropped = Inserted(SampleBooking(cancelled_only.id, 1200));
  dropped.status = BookingStatus::kCancelled;
  ASSERT_TRUE(repo().UpdateStatus(dropped, dropped.sequence));

  const auto tallies = repo().TallyByClient(Instant{kT0 + 400 * kMinute});
  ASSERT_TRUE(tallies) << tallies.error().message;
  ASSERT_EQ(tallies->size(), 3u);
  for (const auto& t : *tallies) {
    if (t.client_id == user_.id) {
      EXPECT_EQ(t.upcoming, 2);
      EXPECT_EQ(t.past, 2);
      EXPECT_EQ(t.next_start, std::optional(Instant{kT0 + 600 * kMinute}));
    } else if (t.client_id == other.id) {
      EXPECT_EQ(t.upcoming, 1);
      EXPECT_EQ(t.past, 0);
      EXPECT_EQ(t.next_start, std::optional(Instant{kT0 + 400 * kMinute}));
    } else {
      EXPECT_EQ(t.client_id, cancelled_only.id);
      EXPECT_EQ(t.upcoming, 0);
      EXPECT_EQ(t.past, 0);
      EXPECT_EQ(t.next_start, std::nullopt);
    }
  }
}

// 50 clients ask for one slot at the same moment: exactly one booking.
TEST_P(BookingRepositoryContract, FiftyConcurrentBookingsOfOneSlotMakeOne) {
  constexpr int kRacers = 50;
  std::vector<domain::User> clients;
  for (int i = 0; i < kRacers; ++i) clients.push_back(NewUser());
  std::atomic<int> created{0}, taken{0}, other{0};
  std::latch start(kRacers);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      // Different lengths and offsets, all meeting 60..120.
      Booking b = SampleBooking(clients[static_cast<std::size_t>(i)].id, 40 + i % 30, 50, 10);
      start.arrive_and_wait();
      auto r = repo().Insert(b);
      if (r && r->created) {
        ++created;
      } else if (!r && r.error().type == "slot-taken") {
        ++taken;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(taken.load(), kRacers - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ActiveCount(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, BookingRepositoryContract, SECUREBASE_ALL_CONTRACT_BACKENDS);

// Two server instances (two connection pools) on one PostgreSQL: exactly one
// booking, and promptly. Racers that deadlocked on each other's rows used to
// cost a deadlock_timeout (1 s) per cycle, and this race then ran for minutes
// (a CI timeout); taking turns on booked time keeps it well under a second.
TEST(BookingRepositoryTwoInstances, OnlyOneBookingWinsAcrossPools) {
  ASSERT_TRUE(InitRandom());
  testing::TestDatabase db(testing::TestBackend::kPostgresql);
  auto second = db.OpenAnother(8);
  storage::SqlUserRepository users(db.db());
  storage::SqlBookingRepository a(db.db()), b(*second);
  constexpr int kRacers = 60;
  std::vector<domain::User> clients;
  for (int i = 0; i < kRacers; ++i) {
    clients.push_back(testing::SampleUser(domain::Role::kLearner, Instant{kT0}));
    ASSERT_TRUE(users.Create(clients.back()));
  }
  std::atomic<int> created{0}, taken{0};
  std::latch start(kRacers);
  std::vector<std::thread> threads;
  const auto began = std::chrono::steady_clock::now();
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      Booking booking = SampleBooking(clients[static_cast<std::size_t>(i)].id, 60);
      start.arrive_and_wait();
      auto r = (i % 2 == 0 ? a : b).Insert(booking);
      if (r && r->created) ++created;
      if (!r && r.error().type == "slot-taken") ++taken;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(taken.load(), kRacers - 1);
  // Two deadlock cycles would already cost 2 s; the bound leaves room for a
  // slow sanitized build on a busy machine.
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(2));
}

}  // namespace
}  // namespace securebase
