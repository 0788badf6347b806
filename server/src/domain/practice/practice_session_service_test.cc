#include "domain/practice/practice_session_service.h"

#include <gtest/gtest.h>

#include <set>

#include "common/random.h"
#include "fakes/memory_practice_session_repository.h"
#include "fakes/memory_user_repository.h"
#include "support/sample_user.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kDay = 24 * 60 * 60 * kSecond;
constexpr const char* kId = "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b";

class PracticeSessionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    practices_.resize(2);
    practices_[0].id = "resonance-breathing";
    practices_[0].title = "Slow, even breathing";
    practices_[1].id = "box-breathing";
    practices_[1].title = "Breathing in four equal sides";
    user_ = testing::SampleUser();
    user_.time_zone = "America/New_York";
    ASSERT_TRUE(users_.Create(user_));
  }

  PracticeSessionDraft Draft(std::string id = kId, std::int64_t minutes_ago = 10) {
    PracticeSessionDraft d;
    d.id = std::move(id);
    d.practice_id = "resonance-breathing";
    d.started_at = Instant{clock_.Now().millis - minutes_ago * 60 * kSecond};
    d.duration_seconds = 300;
    d.distress_before = 7;
    d.distress_after = 4;
    return d;
  }

  // A UUID-shaped id from a number, so that their order is plain.
  static std::string IdOf(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
    return buf;
  }

  fakes::MemoryPracticeSessionRepository repo_;
  fakes::MemoryUserRepository users_;
  FakeClock clock_{Instant{1'800'000'000'000}};
  PracticeSessionService service_{repo_, users_, clock_};
  std::vector<Practice> practices_;
  User user_;
};

TEST_F(PracticeSessionServiceTest, RecordsANewSession) {
  const auto r = service_.Record(practices_, user_.id, Draft());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->created);
  EXPECT_EQ(r->session.id, kId);
  EXPECT_EQ(r->session.user_id, user_.id);
  EXPECT_EQ(r->session.recorded_at, clock_.Now());
  EXPECT_EQ(r->session.distress_before, 7);
  EXPECT_EQ(repo_.size(), 1u);
}

TEST_F(PracticeSessionServiceTest, TheSameSessionAgainCountsOnceAndGivesBackTheFirst) {
  const auto first = service_.Record(practices_, user_.id, Draft());
  ASSERT_TRUE(first);
  clock_.Advance(std::chrono::minutes(3));
  // Sent again from the queue, with the id in capitals this time.
  PracticeSessionDraft again = Draft(kId, 13);
  again.id = "3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B";
  const auto repeat = service_.Record(practices_, user_.id, again);
  ASSERT_TRUE(repeat) << repeat.error().message;
  EXPECT_FALSE(repeat->created);
  EXPECT_EQ(repeat->session.recorded_at, first->session.recorded_at);
  EXPECT_TRUE(SameContents(repeat->session, first->session));
  EXPECT_EQ(repo_.size(), 1u);
}

TEST_F(PracticeSessionServiceTest, ARepeatIsAcceptedEvenAfterTheRulesHaveMovedOn) {
  ASSERT_TRUE(service_.Record(practices_, user_.id, Draft()));
  // A year in a queue, and the practice gone from the catalogue meanwhile:
  // the second sending is still the session already recorded.
  clock_.Advance(std::chrono::hours(24 * 400));
  const std::vector<Practice> fewer = {practices_[1]};
  PracticeSessionDraft again = Draft(kId, 10 + 400 * 24 * 60);
  const auto repeat = service_.Record(fewer, user_.id, again);
  ASSERT_TRUE(repeat) << repeat.error().message;
  EXPECT_FALSE(repeat->created);
  // A changed one is refused for what is wrong with it.
  again.distress_after = 2;
  const auto changed = service_.Record(fewer, user_.id, again);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(PracticeSessionServiceTest, TheSameIdWithOtherContentsIsAConflict) {
  ASSERT_TRUE(service_.Record(practices_, user_.id, Draft()));
  std::vector<PracticeSessionDraft> changes(5, Draft());
  changes[0].distress_after = 5;
  changes[1].distress_before.reset();
  changes[2].duration_seconds = 301;
  changes[3].practice_id = "box-breathing";
  changes[4].started_at = Instant{changes[4].started_at->millis - kSecond};
  for (const auto& d : changes) {
    const auto r = service_.Record(practices_, user_.id, d);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().type, "practice-session-conflict");
    EXPECT_TRUE(r.error().fields.empty());
  }
  EXPECT_EQ(repo_.size(), 1u);
}

TEST_F(PracticeSessionServiceTest, AnotherLearnerMayUseTheSameIdForTheirOwnSession) {
  ASSERT_TRUE(service_.Record(practices_, user_.id, Draft()));
  PracticeSessionDraft theirs = Draft();
  theirs.practice_id = "box-breathing";
  const auto r = service_.Record(practices_, "someone-else", theirs);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->created);
  EXPECT_EQ(repo_.size(), 2u);
  const auto mine = service_.History(user_.id, std::nullopt, 10);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->sessions.size(), 1u);
  EXPECT_EQ(mine->sessions[0].practice_id, "resonance-breathing");
}

TEST_F(PracticeSessionServiceTest, RefusesBadDraftsNamingEachFieldAndStoresNothing) {
  PracticeSessionDraft d = Draft();
  d.practice_id = "no-such-practice";
  d.distress_after = 11;
  const auto r = service_.Record(practices_, user_.id, d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "practice_id");
  EXPECT_EQ(r.error().fields[1].field, "distress_after");
  EXPECT_EQ(r.error().message, "practice_id is not a practice on this site.");
  EXPECT_EQ(repo_.size(), 0u);
}

TEST_F(PracticeSessionServiceTest, HistoryPagesNewestFirst) {
  for (int i = 1; i <= 5; ++i)
    ASSERT_TRUE(service_.Record(practices_, user_.id, Draft(IdOf(i), 60 - i)));
  auto page = service_.History(user_.id, std::nullopt, 2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->sessions.size(), 2u);
  EXPECT_EQ(page->sessions[0].id, IdOf(5));
  EXPECT_EQ(page->sessions[1].id, IdOf(4));
  EXPECT_EQ(page->next_before, page->sessions[1].started_at);
  page = service_.History(user_.id, page->next_before, 2);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->sessions[0].id, IdOf(3));
  page = service_.History(user_.id, page->next_before, 2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->sessions.size(), 1u);
  EXPECT_EQ(page->sessions[0].id, IdOf(1));
  EXPECT_FALSE(page->next_before);
  // Exactly a page's worth: no next page to ask for.
  page = service_.History(user_.id, std::nullopt, 5);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->sessions.size(), 5u);
  EXPECT_FALSE(page->next_before);
}

TEST_F(PracticeSessionServiceTest, APageNeverSplitsSessionsThatStartedInTheSameSecond) {
  // Minutes ago: 10, then three at 20, one at 30, then four at 40, one at 50.
  int n = 0;
  for (int ago : {10, 20, 20, 20, 30, 40, 40, 40, 40, 50}) {
    ASSERT_TRUE(service_.Record(practices_, user_.id, Draft(IdOf(++n), ago)));
  }
  for (int limit : {1, 2, 3, 4, 5, 100}) {
    std::vector<std::string> seen;
    std::optional<Instant> before;
    int pages = 0;
    do {
      auto page = service_.History(user_.id, before, limit);
      ASSERT_TRUE(page);
      ASSERT_FALSE(page->sessions.empty()) << limit;
      for (const auto& s : page->sessions) seen.push_back(s.id);
      before = page->next_before;
      ASSERT_LT(++pages, 20);
    } while (before);
    // Every session once, in order: newest first, then by id descending.
    EXPECT_EQ(seen, (std::vector<std::string>{IdOf(1), IdOf(4), IdOf(3), IdOf(2), IdOf(5), IdOf(9),
                                              IdOf(8), IdOf(7), IdOf(6), IdOf(10)}))
        << "limit " << limit;
  }
  // With room for two, the first page stops before the group of three.
  auto page = service_.History(user_.id, std::nullopt, 2);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->sessions.size(), 1u);
  // A group larger than the page is given whole.
  page = service_.History(user_.id, page->next_before, 2);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->sessions.size(), 3u);
}

TEST_F(PracticeSessionServiceTest, HistoryRefusesALimitOutOfRange) {
  for (int limit : {0, -1, 101}) {
    const auto page = service_.History(user_.id, std::nullopt, limit);
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().fields.at(0).field, "limit");
  }
}

TEST_F(PracticeSessionServiceTest, StatsUseTheProfileZoneUnlessAskedForAnother) {
  ASSERT_TRUE(service_.Record(practices_, user_.id, Draft()));
  auto stats = service_.Stats(practices_, user_.id, std::nullopt, 12);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->time_zone, "America/New_York");
  EXPECT_EQ(stats->weeks.size(), 12u);
  EXPECT_EQ(stats->total_sessions, 1);
  ASSERT_EQ(stats->practices.size(), 1u);
  EXPECT_EQ(stats->practices[0].title, "Slow, even breathing");
  stats = service_.Stats(practices_, user_.id, "Asia/Tokyo", 2);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->time_zone, "Asia/Tokyo");
  EXPECT_EQ(stats->weeks.size(), 2u);
  const auto bad = service_.Stats(practices_, user_.id, "Mars/Olympus_Mons", 12);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "tz");
}

}  // namespace
}  // namespace securebase::domain
