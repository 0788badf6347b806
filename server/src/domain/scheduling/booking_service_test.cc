// BookingService on the in-memory repositories with a real SecretBox and a
// fake clock: the rules a booking must pass (in the order a client meets
// them), replays, the policy for cancelling and moving, and attendance.
// The schedule: Monday to Friday 09:00–17:00 in London; the clock stands on
// Monday 2 March 2026, 08:00 UTC.
#include "domain/scheduling/booking_service.h"

#include <gtest/gtest.h>

#include <atomic>

#include "common/random.h"
#include "domain/scheduling/booking_sealing.h"
#include "fakes/memory_booking_repository.h"
#include "fakes/memory_settings_repository.h"
#include "fakes/memory_user_repository.h"
#include "support/account_world.h"
#include "support/sample_user.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;
// 2026-03-02T08:00:00Z, a Monday (London is on GMT until 29 March).
constexpr std::int64_t kNow = 1'772'438'400'000;

Instant At(std::int64_t offset) {
  return Instant{kNow + offset};
}

// The in-memory settings, counting reads: the setup (schedule, settings,
// types) lives there, so this counts how often a call reads it.
// SetAway(true) makes every read fail as a database that is down does.
class CountingSettings final : public SettingsRepository {
 public:
  Result<std::optional<Setting>> Get(std::string_view key) override {
    ++reads_;
    if (away_) return Unavailable("The database is unavailable right now.");
    return inner_.Get(key);
  }
  Status Put(std::string_view key, std::string_view value, Instant now) override {
    return inner_.Put(key, value, now);
  }
  Result<bool> PutIfAbsent(std::string_view key, std::string_view value, Instant now) override {
    return inner_.PutIfAbsent(key, value, now);
  }
  Result<bool> Remove(std::string_view key) override { return inner_.Remove(key); }

  int TakeReads() { return reads_.exchange(0); }
  void SetAway(bool away) { away_ = away; }

 private:
  fakes::MemorySettingsRepository inner_;
  std::atomic<int> reads_{0};
  std::atomic<bool> away_{false};
};

class BookingServiceTest : public ::testing::Test {
 protected:
  BookingServiceTest()
      : box_((InitRandom(), testing::TestSecretBox())),
        clock_(Instant{kNow}),
        setup_(settings_, clock_),
        service_(bookings_, setup_, users_, box_, notices_, clock_) {}

  void SetUp() override {
    Schedule s{"Europe/London", {}, {}};
    for (int d = 0; d < 5; ++d) s.weekly.push_back({d, {9 * 60, 17 * 60}});
    ASSERT_TRUE(setup_.SaveSchedule(s));
    BookingSettings settings;
    settings.served_countries = {"GB", "DE"};
    settings.served_us_states = {"NY"};
    settings.outside_message = "I can only see people in the UK, Germany and New York.";
    settings.late_window_hours = 48;
    settings.late_action = LateAction::kRefuse;
    ASSERT_TRUE(setup_.SaveSettings(settings));
    SessionType t;
    t.name = "Therapy session";
    t.duration_minutes = 50;
    t.buffer_after_minutes = 10;
    t.minimum_notice_minutes = 24 * 60;
    t.horizon_days = 30;
    t.slot_step_minutes = 30;
    t.intake = {{"hopes", "What would you like help with?", true},
                {"other", "Anything else?", false}};
    auto added = setup_.AddType(t);
    ASSERT_TRUE(added) << added.error().message;
    type_ = *added;
  }

  // Tuesday 3 March 2026 at 10:00 London (= UTC): 26 hours from now.
  BookingRequest Request(Instant start = At(26 * kHour)) {
    BookingRequest r;
    r.session_type_id = type_.id;
    r.start = start;
    r.time_zone = "America/New_York";
    r.location = {"US", "NY"};
    r.intake = {{"hopes", "Feeling calmer, with commas; and\nnew lines."}};
    r.policy_accepted = true;
    return r;
  }

  static std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
  }

  SecretBox box_;
  FakeClock clock_;
  CountingSettings settings_;
  fakes::MemoryBookingRepository bookings_;
  fakes::MemoryUserRepository users_;
  fakes::RecordingBookingNotices notices_;
  SchedulingSetup setup_;
  BookingService service_;
  SessionType type_;
};

// Found by durability.postgresql.test.ts: while PostgreSQL restarted, a
// booking was refused as a wrong choice of session (400) rather than as the
// outage it was (503), and a client would have been told to pick another.
TEST_F(BookingServiceTest, ADatabaseThatIsAwayIsAnOutageNotAWrongChoice) {
  settings_.SetAway(true);
  auto booked = service_.Book("client-1", Request());
  ASSERT_FALSE(booked);
  EXPECT_EQ(booked.error().code, ErrorCode::kUnavailable);
  auto slots = service_.Slots(type_.id, At(0), At(7 * kDay));
  ASSERT_FALSE(slots);
  EXPECT_EQ(slots.error().code, ErrorCode::kUnavailable);
  settings_.SetAway(false);
  EXPECT_TRUE(service_.Book("client-1", Request()));
}

TEST_F(BookingServiceTest, BooksAFreeSlotSealsTheAnswersAndTellsBothPeople) {
  auto booked = service_.Book("client-1", Request());
  ASSERT_TRUE(booked) << booked.error().message;
  EXPECT_TRUE(booked->created);
  const Booking& b = booked->view.booking;
  EXPECT_EQ(b.start, At(26 * kHour));
  EXPECT_EQ(b.end, At(26 * kHour + 50 * kMinute));
  EXPECT_EQ(b.blocked.until, At(26 * kHour + 60 * kMinute));
  EXPECT_EQ(b.sealed_intake.find("calmer"), std::string::npos);
  auto opened = box_.Open(b.sealed_intake, BookingIntakeAd(b.id, "client-1"));
  ASSERT_TRUE(opened);
  EXPECT_NE(opened->find("calmer"), std::string::npos);
  ASSERT_EQ(notices_.notices().size(), 1u);
  EXPECT_EQ(notices_.notices()[0].change, BookingChange::kBooked);
  // 26 hours ahead, inside the 48-hour window that refuses changes online.
  EXPECT_FALSE(booked->view.can_change);
  EXPECT_NE(booked->view.change_refused_reason.find("48 hours"), std::string::npos);
  // Her calendar says there are answers without opening them; opening
  // one booking's gives them back, question by question.
  auto calendar = service_.Calendar(At(0), At(7 * kDay));
  ASSERT_TRUE(calendar);
  ASSERT_EQ(calendar->size(), 1u);
  EXPECT_TRUE((*calendar)[0].has_intake);
  EXPECT_FALSE((*calendar)[0].intake);
  auto with_answers = service_.WithIntake(b);
  ASSERT_TRUE(with_answers) << with_answers.error().message;
  ASSERT_TRUE(with_answers->intake);
  EXPECT_EQ(*FindText(*with_answers->intake, "hopes"),
            "Feeling calmer, with commas; and\nnew lines.");
}

TEST_F(BookingServiceTest, NamesEveryBadFieldAtOnce) {
  BookingRequest r = Request();
  r.time_zone = "Mars/Olympus";
  r.location = {"US", "XX"};
  r.policy_accepted = false;
  r.intake = {{"nope", "?"}, {"other", std::string(2001, 'a')}};
  auto refused = service_.Book("client-1", r);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(refused.error()),
            (std::vector<std::string>{"time_zone", "client_location.region", "policy_accepted",
                                      "intake.nope", "intake.other", "intake.hopes"}));
}

TEST_F(BookingServiceTest, RefusesTimesOutsideTheRules) {
  const auto field_of = [&](Instant start) {
    auto r = service_.Book("client-1", Request(start));
    EXPECT_FALSE(r);
    return r ? std::string() : r.error().fields.at(0).message;
  };
  EXPECT_NE(field_of(At(-kHour)).find("passed"), std::string::npos);
  EXPECT_NE(field_of(At(2 * kHour)).find("too soon"), std::string::npos);
  EXPECT_NE(field_of(At(31 * kDay)).find("further ahead"), std::string::npos);
  EXPECT_NE(field_of(At(26 * kHour + 10 * kMinute)).find("isn't one of the times"),
            std::string::npos);  // off the step
  EXPECT_NE(field_of(At(26 * kHour + 12 * kHour)).find("isn't one of the times"),
            std::string::npos);  // 22:00, outside her hours
}

TEST_F(BookingServiceTest, ATakenSlotIsAConflictAndAReplayIsTheSameBooking) {
  BookingRequest first = Request();
  first.idempotency_key = "attempt-1";
  auto a = service_.Book("client-1", first);
  ASSERT_TRUE(a);
  auto again = service_.Book("client-1", first);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->view.booking.id, a->view.booking.id);
  EXPECT_EQ(notices_.notices().size(), 1u);
  BookingRequest changed = first;
  changed.start = At(27 * kHour);
  auto reused = service_.Book("client-1", changed);
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().type, "idempotency-key-reused");
  auto taken = service_.Book("client-2", Request(At(26 * kHour + 30 * kMinute)));
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().type, "slot-taken");
}

TEST_F(BookingServiceTest, RefusesPlacesSheDoesNotServeWithHerMessage) {
  BookingRequest r = Request();
  r.location = {"US", "CA"};
  auto refused = service_.Book("client-1", r);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().type, "outside-jurisdiction");
  EXPECT_EQ(refused.error().message, "I can only see people in the UK, Germany and New York.");
  r.location = {"FR", ""};
  EXPECT_FALSE(service_.Book("client-1", r));
  r.location = {"DE", ""};
  EXPECT_TRUE(service_.Book("client-1", r));
}

TEST_F(BookingServiceTest, ATypeForExistingClientsNeedsAnAttendedSession) {
  type_.new_clients = false;
  ASSERT_TRUE(setup_.ReplaceType(type_.id, type_));
  auto refused = service_.Book("client-1", Request());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().type, "existing-clients-only");
  auto catalog = service_.Catalog("client-1");
  ASSERT_TRUE(catalog);
  EXPECT_TRUE(catalog->new_client);
  EXPECT_FALSE(catalog->offers.at(0).bookable);
}

TEST_F(BookingServiceTest, CancellingInsideARefusingWindowIsRefusedOutsideItWorks) {
  auto near = service_.Book("client-1", Request());
  ASSERT_TRUE(near);
  auto refused = service_.CancelByClient("client-1", near->view.booking.id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().type, "late-change-refused");
  EXPECT_FALSE(near->view.can_change);
  // Another client's booking is not there for them.
  auto theirs = service_.CancelByClient("client-2", near->view.booking.id);
  ASSERT_FALSE(theirs);
  EXPECT_EQ(theirs.error().code, ErrorCode::kNotFound);

  auto far = service_.Book("client-1", Request(At(7 * kDay + 2 * kHour)));
  ASSERT_TRUE(far) << far.error().message;
  auto cancelled = service_.CancelByClient("client-1", far->view.booking.id);
  ASSERT_TRUE(cancelled) << cancelled.error().message;
  EXPECT_EQ(cancelled->booking.status, BookingStatus::kCancelled);
  EXPECT_EQ(cancelled->booking.sequence, 1);
  EXPECT_FALSE(cancelled->booking.late_cancel);
  EXPECT_EQ(notices_.freed(), 1);
  auto twice = service_.CancelByClient("client-1", far->view.booking.id);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().type, "not-changeable");
}

TEST_F(BookingServiceTest, ALateCancelIsMarkedWhenThePolicyAllowsIt) {
  auto settings = setup_.GetSettings();
  settings->late_action = LateAction::kAllow;
  ASSERT_TRUE(setup_.SaveSettings(*settings));
  auto near = service_.Book("client-1", Request());
  ASSERT_TRUE(near);
  auto cancelled = service_.CancelByClient("client-1", near->view.booking.id);
  ASSERT_TRUE(cancelled);
  EXPECT_TRUE(cancelled->booking.late_cancel);
}

TEST_F(BookingServiceTest, MovingRaisesTheSequenceAndChecksTheNewTime) {
  auto b = service_.Book("client-1", Request(At(7 * kDay + 2 * kHour)));
  ASSERT_TRUE(b);
  auto other = service_.Book("client-2", Request(At(8 * kDay + 2 * kHour)));
  ASSERT_TRUE(other);
  auto onto = service_.MoveByClient("client-1", b->view.booking.id, At(8 * kDay + 2 * kHour),
                                    "Europe/London");
  ASSERT_FALSE(onto);
  EXPECT_EQ(onto.error().type, "slot-taken");
  auto moved = service_.MoveByClient("client-1", b->view.booking.id, At(9 * kDay + 3 * kHour),
                                     "Europe/London");
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->booking.sequence, 1);
  EXPECT_EQ(moved->booking.start, At(9 * kDay + 3 * kHour));
  EXPECT_EQ(notices_.notices().back().change, BookingChange::kMoved);
}

TEST_F(BookingServiceTest, AttendanceOnceASessionHasBegun) {
  auto b = service_.Book("client-1", Request());
  ASSERT_TRUE(b);
  auto early = service_.MarkAttendance(b->view.booking.id, BookingStatus::kAttended);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().type, "not-changeable");
  clock_.Set(At(26 * kHour + 5 * kMinute));
  auto marked = service_.MarkAttendance(b->view.booking.id, BookingStatus::kAttended);
  ASSERT_TRUE(marked) << marked.error().message;
  EXPECT_EQ(marked->booking.status, BookingStatus::kAttended);
  auto catalog = service_.Catalog("client-1");
  ASSERT_TRUE(catalog);
  EXPECT_FALSE(catalog->new_client);
}

TEST_F(BookingServiceTest, SlotsLeaveOutBookedTimeAndRefuseLongWindows) {
  auto before = service_.Slots(type_.id, At(26 * kHour), At(27 * kHour + 1));
  ASSERT_TRUE(before);
  EXPECT_EQ(before->slots.size(), 3u);  // 10:00, 10:30, 11:00
  ASSERT_TRUE(service_.Book("client-1", Request()));
  auto after = service_.Slots(type_.id, At(26 * kHour), At(27 * kHour + 1));
  ASSERT_TRUE(after);
  ASSERT_EQ(after->slots.size(), 1u);  // 11:00: 10:00 + 50 + 10 buffer
  EXPECT_EQ(after->slots[0].start, At(27 * kHour));
  EXPECT_FALSE(service_.Slots(type_.id, At(0), At(94 * kDay)));
  EXPECT_FALSE(service_.Slots(type_.id, At(kDay), At(0)));
  auto unknown = service_.Slots("st_missing", At(0), At(kDay));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_F(BookingServiceTest, ListsReadTheSetupOnceWhateverTheirLength) {
  // Bookings on every weekday morning for three weeks, some for each client.
  int booked = 0;
  for (int day = 1; day <= 25; ++day) {
    const Instant start = At(day * kDay + 2 * kHour);  // 10:00 London
    auto b = service_.Book(booked % 2 == 0 ? "client-1" : "client-2", Request(start));
    if (b) ++booked;
  }
  ASSERT_GE(booked, 15);
  (void)settings_.TakeReads();

  auto calendar = service_.Calendar(At(0), At(30 * kDay));
  ASSERT_TRUE(calendar) << calendar.error().message;
  EXPECT_EQ(static_cast<int>(calendar->size()), booked);
  // Her settings and the types: one read each, not one each per booking.
  EXPECT_LE(settings_.TakeReads(), 2);

  auto mine = service_.ForClient("client-1");
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_GE(mine->size(), 7u);
  EXPECT_LE(settings_.TakeReads(), 2);

  // A list of none reads nothing of the setup.
  auto none = service_.ForClient("client-3");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(settings_.TakeReads(), 0);
}

TEST_F(BookingServiceTest, HerCalendarNamesEachClientAndDefaultsToADayAgoFor60Days) {
  // Stored as they are (outside the booking rules, to reach the range's
  // edges): a day ago is the default start, 60 days on from there its end.
  const auto stored = [&](std::string client, std::int64_t start_offset) {
    Booking b;
    b.id = "bk_" + NewId();
    b.client_id = std::move(client);
    b.session_type_id = type_.id;
    b.start = At(start_offset);
    b.end = At(start_offset + 50 * kMinute);
    b.blocked = {b.start, b.end};
    b.time_zone = "Europe/London";
    b.location = {"GB", ""};
    b.request_fingerprint = "f";
    b.sealed_intake =
        *box_.Seal(EncodeTextPairs({{"hopes", "Rest"}}), BookingIntakeAd(b.id, b.client_id));
    b.created_at = b.updated_at = At(-30 * kDay);
    EXPECT_TRUE(bookings_.Insert(b));
    return b.id;
  };
  User ana = testing::SampleUser();
  ana.display_name = "Ana";
  User ben = testing::SampleUser();
  ben.display_name = "Ben";
  ASSERT_TRUE(users_.Create(ana));
  ASSERT_TRUE(users_.Create(ben));
  stored(ana.id, -kDay - kHour);                     // before the default range
  const auto first = stored(ben.id, -kDay + kHour);  // inside, at its start
  const auto second = stored(ana.id, 3 * kDay);
  const auto gone = stored("an-account-now-gone", 10 * kDay);
  const auto last = stored(ben.id, 59 * kDay - kHour);  // inside, at its end
  stored(ana.id, 59 * kDay + kHour);                    // after it

  auto entries = service_.CalendarWithClients(std::nullopt, std::nullopt);
  ASSERT_TRUE(entries) << entries.error().message;
  std::vector<std::string> ids, names, emails;
  for (const auto& e : *entries) {
    ids.push_back(e.view.booking.id);
    names.push_back(e.client.display_name);
    emails.push_back(e.client.email);
    EXPECT_EQ(e.client.id, e.view.booking.client_id);
    // Not opened for a glance at the calendar (ClientRecords::OpenIntake
    // opens one booking's, on record), only said to be there.
    EXPECT_FALSE(e.view.intake);
    EXPECT_TRUE(e.view.has_intake);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{first, second, gone, last}));
  EXPECT_EQ(names, (std::vector<std::string>{"Ben", "Ana", "", "Ben"}));
  EXPECT_EQ(emails, (std::vector<std::string>{ben.email, ana.email, "", ben.email}));

  // Given a start, the end is 60 days after it; given both, both hold.
  entries = service_.CalendarWithClients(At(0), std::nullopt);
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), 4u);  // second, gone, last and the one after
  entries = service_.CalendarWithClients(At(0), At(5 * kDay));
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].view.booking.id, second);
  // An end before the start is refused, as for Calendar.
  EXPECT_FALSE(service_.CalendarWithClients(At(0), At(-kDay)));
}

}  // namespace
}  // namespace securebase::domain
