#include "domain/audit/audit_trail.h"

#include <gtest/gtest.h>

#include "fakes/memory_audit_repository.h"
#include "fakes/memory_user_repository.h"

namespace securebase::domain {
namespace {

class AuditTrailTest : public ::testing::Test {
 protected:
  FakeClock clock_{Instant{1'800'000'000'000}};
  fakes::MemoryAuditRepository rows_;
  fakes::MemoryUserRepository users_;
  AuditTrail trail_{rows_, users_, clock_};
};

bool HasField(const Error& e, std::string_view field) {
  for (const auto& f : e.fields) {
    if (f.field == field) return true;
  }
  return false;
}

TEST_F(AuditTrailTest, RecordStampsTheTimeAndAnId) {
  ASSERT_TRUE(trail_.Record("u_her", audit_action::kSharedRead, "u_sam", "checkins"));
  clock_.Advance(std::chrono::seconds(1));
  ASSERT_TRUE(trail_.Record("u_sam", audit_action::kSharingRevoked, std::nullopt, ""));
  const auto rows = rows_.rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at, Instant{1'800'000'000'000});
  EXPECT_EQ(rows[1].at, Instant{1'800'000'001'000});
  EXPECT_TRUE(rows[0].id.starts_with("a_"));
  EXPECT_NE(rows[0].id, rows[1].id);
  EXPECT_EQ(rows[0].subject_id, std::optional<std::string>("u_sam"));
  EXPECT_EQ(rows[1].subject_id, std::nullopt);
}

TEST_F(AuditTrailTest, AnUnknownActionIsABugNotARow) {
  const auto recorded = trail_.Record("u_her", "shared.peeked", "u_sam", "");
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().code, ErrorCode::kInternal);
  EXPECT_TRUE(rows_.rows().empty());
}

TEST_F(AuditTrailTest, AFailedWriteIsReported) {
  rows_.fail_appends = true;
  const auto recorded = trail_.Record("u_her", audit_action::kSharedRead, "u_sam", "");
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().code, ErrorCode::kUnavailable);
}

TEST_F(AuditTrailTest, PagesFollowTheCursorToTheEnd) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(trail_.Record("u_her", audit_action::kSharedRead, "u_sam", std::to_string(i)));
  }
  AuditFilter f;
  f.limit = 2;
  std::vector<std::string> details;
  for (int page = 0; page < 4; ++page) {
    auto got = trail_.Search(f);
    ASSERT_TRUE(got) << got.error().message;
    for (const auto& line : got->entries) details.push_back(line.entry.detail);
    if (!got->next) break;
    f.before = got->next;
  }
  // Five rows in one millisecond: the order is the ids', but every row comes once.
  ASSERT_EQ(details.size(), 5u);
  std::ranges::sort(details);
  EXPECT_EQ(details, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
}

TEST_F(AuditTrailTest, LinesCarryTheNamesOfThePeopleTheyName) {
  User her;
  her.id = "u_her";
  her.display_name = "Amara";
  her.email = "amara@example.org";
  ASSERT_TRUE(users_.Create(her));
  ASSERT_TRUE(trail_.Record("u_her", audit_action::kSharedRead, "u_gone", ""));
  ASSERT_TRUE(trail_.Record("u_her", audit_action::kContentReloaded, std::nullopt, ""));
  const auto got = trail_.Search(AuditFilter{});
  ASSERT_TRUE(got) << got.error().message;
  ASSERT_EQ(got->entries.size(), 2u);
  for (const auto& line : got->entries) {
    EXPECT_EQ(line.actor_name, "Amara");
    EXPECT_EQ(line.subject_name, "");  // a deleted account, or no subject at all
  }
}

TEST_F(AuditTrailTest, TheLastPageHasNoNext) {
  ASSERT_TRUE(trail_.Record("u_her", audit_action::kSharedRead, "u_sam", ""));
  AuditFilter f;
  f.limit = 1;
  const auto got = trail_.Search(f);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->entries.size(), 1u);
  EXPECT_FALSE(got->next.has_value());
}

TEST_F(AuditTrailTest, BadFiltersNameTheirFields) {
  AuditFilter f;
  f.action = "shared.peeked";
  f.from = Instant{2'000};
  f.to = Instant{1'000};
  f.before = "not-a-cursor";
  f.limit = 0;
  const auto got = trail_.Search(f);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(HasField(got.error(), "action"));
  EXPECT_TRUE(HasField(got.error(), "to"));
  EXPECT_TRUE(HasField(got.error(), "before"));
  EXPECT_TRUE(HasField(got.error(), "limit"));

  for (const char* cursor : {".a_1", "12.", "-5.a_1", "12x.a_1", "12"}) {
    AuditFilter c;
    c.before = cursor;
    EXPECT_FALSE(trail_.Search(c)) << cursor;
  }
  AuditFilter too_many;
  too_many.limit = AuditTrail::kMaxLimit + 1;
  EXPECT_FALSE(trail_.Search(too_many));
}

}  // namespace
}  // namespace securebase::domain
