#include "domain/sharing/client_records.h"

#include <gtest/gtest.h>

#include "common/random.h"
#include "domain/scheduling/booking_sealing.h"
#include "domain/scheduling/text_pairs.h"
#include "support/api_world.h"

namespace securebase::domain {
namespace {

class ClientRecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    her_ = world_.w.AddUser("her@example.org", Role::kPractitioner);
    sam_ = world_.w.AddUser("sam@example.org");
    kim_ = world_.w.AddUser("kim@example.org");
  }

  void Share(const std::string& learner, bool checkins, bool course = false) {
    const auto saved =
        world_.sharing_service.Choose(learner, ShareChoice{her_.id, checkins, false, course, {}});
    ASSERT_TRUE(saved) << saved.error().message;
  }

  // A session booked by `client` (stored as it is, outside the booking
  // rules) of a type that asks one question, answered with `answer`.
  std::string Booked(const std::string& client, const std::string& answer) {
    SessionType type;
    type.name = "Therapy session";
    type.intake = {{"hopes", "What would you like help with?", true}};
    auto added = world_.scheduling_setup.AddType(type);
    EXPECT_TRUE(added) << added.error().message;
    Booking b;
    b.id = "bk_" + NewId();
    b.client_id = client;
    b.session_type_id = added->id;
    // A day apart, so no two overlap.
    b.start = Instant{world_.w.clock.Now().millis + 24 * 3600 * 1000 * ++booked_};
    b.end = Instant{b.start.millis + 50 * 60 * 1000};
    b.blocked = Busy{b.start, b.end};
    b.time_zone = "Europe/London";
    b.location = {"GB", ""};
    b.request_fingerprint = "f";
    b.sealed_intake =
        *world_.w.box.Seal(EncodeTextPairs({{"hopes", answer}}), BookingIntakeAd(b.id, client));
    EXPECT_TRUE(world_.bookings.Insert(b));
    return b.id;
  }

  std::vector<AuditEntry> IntakeReads() {
    std::vector<AuditEntry> out;
    for (const auto& r : world_.audit_rows.rows()) {
      if (r.action == audit_action::kIntakeRead) out.push_back(r);
    }
    return out;
  }

  std::vector<AuditEntry> Reads() {
    std::vector<AuditEntry> out;
    for (const auto& r : world_.audit_rows.rows()) {
      if (r.action == audit_action::kSharedRead) out.push_back(r);
    }
    return out;
  }

  testing::ApiWorld world_;
  ClientRecords& records_ = world_.client_records;
  User her_, sam_, kim_;
  std::int64_t booked_ = 0;
};

TEST_F(ClientRecordsTest, SomeoneWhoNeitherBookedNorSharesIsNoClient) {
  const auto opened = records_.Open(her_.id, sam_.id);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Reads().empty());
  const auto list = records_.List(her_.id);
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_TRUE(list->empty());
}

TEST_F(ClientRecordsTest, ShesShownOnlyWhatIsSharedAndTheReadIsOnRecord) {
  Share(sam_.id, /*checkins=*/true);
  const auto opened = records_.Open(her_.id, sam_.id);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->client.id, sam_.id);
  EXPECT_TRUE(opened->checkins.has_value());
  EXPECT_FALSE(opened->practice.has_value());
  EXPECT_FALSE(opened->courses.has_value());
  EXPECT_TRUE(opened->journal_entries.empty());

  const auto reads = Reads();
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].actor_id, her_.id);
  EXPECT_EQ(reads[0].subject_id, std::optional(sam_.id));
  EXPECT_EQ(reads[0].detail, "checkins");
}

TEST_F(ClientRecordsTest, WhenTheReadCannotBeRecordedNothingIsShown) {
  Share(sam_.id, true, true);
  world_.audit_rows.fail_appends = true;
  const auto opened = records_.Open(her_.id, sam_.id);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
}

TEST_F(ClientRecordsTest, TheListHoldsThoseWhoShareSomethingByName) {
  Share(sam_.id, true);
  Share(kim_.id, false, true);
  const auto list = records_.List(her_.id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_LE((*list)[0].client.display_name, (*list)[1].client.display_name);
  EXPECT_TRUE(Reads().empty()) << "the list shows no shared data";

  // Sharing nothing at all (every switch off) is not sharing.
  Share(kim_.id, false, false);
  ASSERT_TRUE(world_.sharing_service.Revoke(sam_.id, std::nullopt));
  EXPECT_TRUE(records_.List(her_.id)->empty());
  EXPECT_EQ(records_.Open(her_.id, sam_.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(records_.Open(her_.id, kim_.id).error().code, ErrorCode::kNotFound);
}

TEST_F(ClientRecordsTest, AnotherPractitionerSeesNothingSharedWithHer) {
  const User other = world_.w.AddUser("other@example.org", Role::kPractitioner);
  Share(sam_.id, true, true);
  EXPECT_EQ(records_.Open(other.id, sam_.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(records_.List(other.id)->empty());
}

TEST_F(ClientRecordsTest, TheClientPageSaysThereAreAnswersWithoutOpeningThem) {
  Booked(sam_.id, "Sleeping through the night.");
  const auto opened = records_.Open(her_.id, sam_.id);
  ASSERT_TRUE(opened) << opened.error().message;
  ASSERT_EQ(opened->sessions.size(), 1u);
  EXPECT_TRUE(opened->sessions[0].view.has_intake);
  EXPECT_FALSE(opened->sessions[0].view.intake);
  EXPECT_EQ(Reads().size(), 1u);
  EXPECT_TRUE(IntakeReads().empty());
}

TEST_F(ClientRecordsTest, OpeningOneSessionsAnswersIsOnRecordAndInTheClientsViewOfTheLog) {
  const auto sams = Booked(sam_.id, "Sleeping through the night.");
  Booked(kim_.id, "Kim's own words.");
  const auto opened = records_.OpenIntake(her_.id, sams);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->booking.id, sams);
  ASSERT_TRUE(opened->intake);
  EXPECT_EQ(*FindText(*opened->intake, "hopes"), "Sleeping through the night.");

  const auto rows = IntakeReads();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor_id, her_.id);
  EXPECT_EQ(rows[0].subject_id, std::optional(sam_.id));
  EXPECT_EQ(rows[0].detail, "booking:" + sams);  // an id, never the answers

  // Sam's "who has looked" tells them; Kim's, whose answers she did not
  // open, does not.
  const auto sam_sees = world_.sharing_service.ReadsOf(sam_.id, 20);
  ASSERT_TRUE(sam_sees) << sam_sees.error().message;
  ASSERT_EQ(sam_sees->entries.size(), 1u);
  EXPECT_EQ(sam_sees->entries[0].entry.action, audit_action::kIntakeRead);
  EXPECT_EQ(sam_sees->entries[0].actor_name, her_.display_name);
  EXPECT_TRUE(world_.sharing_service.ReadsOf(kim_.id, 20)->entries.empty());
}

TEST_F(ClientRecordsTest, WhenTheIntakeReadCannotBeRecordedNoAnswersAreOpened) {
  const auto sams = Booked(sam_.id, "Sleeping through the night.");
  world_.audit_rows.fail_appends = true;
  const auto opened = records_.OpenIntake(her_.id, sams);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(IntakeReads().empty());
}

TEST_F(ClientRecordsTest, AnUnknownSessionOrAFormerClientsHasNoAnswersToOpen) {
  const auto gone = Booked("", "Erased with the account.");
  for (const std::string& id : {gone, std::string("bk_") + NewId(), std::string("nope")}) {
    const auto opened = records_.OpenIntake(her_.id, id);
    ASSERT_FALSE(opened) << id;
    EXPECT_EQ(opened.error().code, ErrorCode::kNotFound) << id;
  }
  EXPECT_TRUE(IntakeReads().empty()) << "nothing was read, so nothing is on record";
}

}  // namespace
}  // namespace securebase::domain
