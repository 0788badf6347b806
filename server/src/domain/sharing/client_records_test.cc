#include "domain/sharing/client_records.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace securebase::domain
