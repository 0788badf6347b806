#include "domain/sharing/sharing_service.h"

#include <gtest/gtest.h>

#include "fakes/memory_audit_repository.h"
#include "fakes/memory_journal_repository.h"
#include "fakes/memory_share_repository.h"
#include "fakes/memory_user_repository.h"
#include "support/sample_user.h"

namespace securebase::domain {
namespace {

using testing::SampleUser;

class SharingServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    her_ = SampleUser(Role::kPractitioner, Instant{1'000});
    her_.display_name = "Amara";
    other_practitioner_ = SampleUser(Role::kPractitioner, Instant{2'000});
    learner_ = SampleUser();
    stranger_ = SampleUser();
    for (const auto& u : {her_, other_practitioner_, learner_, stranger_}) {
      ASSERT_TRUE(users_.Create(u));
    }
  }

  std::string Entry(const std::string& owner) {
    SealedJournalEntry e;
    e.id = NewId();
    e.user_id = owner;
    e.sealed_body = "sealed";
    EXPECT_TRUE(journal_.Save(e));
    return e.id;
  }

  ShareChoice Choice(std::vector<std::string> entries = {}) {
    return ShareChoice{her_.id, true, false, true, std::move(entries)};
  }

  static bool Names(const Error& e, std::string_view field) {
    return e.fields.size() == 1 && e.fields[0].field == field;
  }

  FakeClock clock_{Instant{1'800'000'000'000}};
  fakes::MemoryUserRepository users_;
  fakes::MemoryJournalRepository journal_;
  fakes::MemoryShareRepository shares_;
  fakes::MemoryAuditRepository audit_rows_;
  AuditTrail audit_{audit_rows_, users_, clock_};
  SharingService service_{shares_, users_, journal_, audit_, clock_};
  User her_, other_practitioner_, learner_, stranger_;
};

TEST_F(SharingServiceTest, EveryPractitionerIsListedWithNothingSharedAtFirst) {
  const auto list = service_.ForLearner(learner_.id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].practitioner_id, her_.id);
  EXPECT_EQ((*list)[0].practitioner_name, "Amara");
  EXPECT_EQ((*list)[1].practitioner_id, other_practitioner_.id);
  EXPECT_FALSE((*list)[0].share);
  EXPECT_FALSE((*list)[1].share);
}

TEST_F(SharingServiceTest, AChoiceIsSavedSortedAndAudited) {
  const std::string b = Entry(learner_.id), a = Entry(learner_.id);
  const auto saved = service_.Choose(learner_.id, Choice({b, a}));
  ASSERT_TRUE(saved) << saved.error().message;
  ASSERT_TRUE(saved->share);
  std::vector<std::string> sorted{a, b};
  std::ranges::sort(sorted);
  EXPECT_EQ(saved->share->journal_entry_ids, sorted);
  EXPECT_EQ(saved->share->updated_at, clock_.Now());

  const auto list = service_.ForLearner(learner_.id);
  ASSERT_TRUE(list);
  ASSERT_TRUE((*list)[0].share);
  EXPECT_TRUE((*list)[0].share->checkins);
  EXPECT_FALSE((*list)[1].share) << "sharing with her shares nothing with anyone else";

  const auto rows = audit_rows_.rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].actor_id, learner_.id);
  EXPECT_EQ(rows[0].action, audit_action::kSharingChanged);
  EXPECT_EQ(rows[0].subject_id, std::optional(her_.id));
  EXPECT_EQ(rows[0].detail, "checkins, course, journal_entries:2");
}

TEST_F(SharingServiceTest, OnlyAPractitionerCanBeSharedWith) {
  for (const std::string& id : {stranger_.id, std::string("nobody"), std::string()}) {
    ShareChoice c = Choice();
    c.practitioner_id = id;
    const auto saved = service_.Choose(learner_.id, c);
    ASSERT_FALSE(saved) << id;
    EXPECT_EQ(saved.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(Names(saved.error(), "practitioner_id"));
  }
  EXPECT_TRUE(audit_rows_.rows().empty());
}

TEST_F(SharingServiceTest, OnlyTheLearnersOwnEntriesOnceEachAndNotTooMany) {
  const std::string mine = Entry(learner_.id);
  const std::string theirs = Entry(stranger_.id);
  const std::vector<std::vector<std::string>> refused = {
      {mine, theirs},
      {mine, mine},
      {"no-such-entry"},
      std::vector<std::string>(kMaxSharedJournalEntries + 1, mine)};
  for (const auto& ids : refused) {
    const auto saved = service_.Choose(learner_.id, Choice(ids));
    ASSERT_FALSE(saved);
    EXPECT_TRUE(Names(saved.error(), "journal_entries")) << saved.error().message;
  }
  EXPECT_FALSE(*shares_.Find(learner_.id, her_.id)) << "nothing saved";
}

// ADR 0009: a change that cannot be put on record is not made.
TEST_F(SharingServiceTest, WhenTheAuditLogCannotBeWrittenNothingChanges) {
  ASSERT_TRUE(service_.Choose(learner_.id, Choice()));
  audit_rows_.fail_appends = true;
  ShareChoice wider = Choice();
  wider.practice = true;
  const auto saved = service_.Choose(learner_.id, wider);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE((**shares_.Find(learner_.id, her_.id)).practice) << "the wider share is not live";
  EXPECT_FALSE(service_.Revoke(learner_.id, her_.id));
  EXPECT_TRUE(*shares_.Find(learner_.id, her_.id)) << "still shared: its end was not recorded";
}

TEST_F(SharingServiceTest, RevokingEndsTheShareAndIsAudited) {
  ASSERT_TRUE(service_.Choose(learner_.id, Choice()));
  ShareChoice elsewhere = Choice();
  elsewhere.practitioner_id = other_practitioner_.id;
  ASSERT_TRUE(service_.Choose(learner_.id, elsewhere));

  ASSERT_TRUE(service_.Revoke(learner_.id, her_.id));
  EXPECT_FALSE(*shares_.Find(learner_.id, her_.id));
  EXPECT_TRUE(*shares_.Find(learner_.id, other_practitioner_.id));

  ASSERT_TRUE(service_.Revoke(learner_.id, std::nullopt));
  EXPECT_FALSE(*shares_.Find(learner_.id, other_practitioner_.id));

  // Nothing left to stop: no more rows.
  ASSERT_TRUE(service_.Revoke(learner_.id, std::nullopt));
  const auto rows = audit_rows_.rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[2].action, audit_action::kSharingRevoked);
  EXPECT_EQ(rows[2].subject_id, std::optional(her_.id));
  EXPECT_EQ(rows[3].subject_id, std::optional(other_practitioner_.id));
}

}  // namespace
}  // namespace securebase::domain
