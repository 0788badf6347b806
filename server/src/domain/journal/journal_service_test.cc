// JournalService on the in-memory repository with a real SecretBox and the
// JSON codec; and, on a real SQLite database, that sealed bodies moved
// between rows do not open.
#include "domain/journal/journal_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <chrono>

#include "api/journal_json.h"
#include "common/random.h"
#include "common/rfc3339.h"
#include "domain/journal/journal_sealing.h"
#include "fakes/memory_journal_repository.h"
#include "storage/sql_journal_repository.h"
#include "storage/sql_user_repository.h"
#include "support/account_world.h"
#include "support/sample_user.h"
#include "support/test_database.h"

namespace securebase::domain {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kHour = 3600 * kSecond;
const Instant kNow{1'800'000'000'000};  // 2027-01-15T08:00:00Z
constexpr const char* kUser = "u-learner";

// A UUID-shaped id: "00000000-0000-4000-8000-<n, 12 digits>", in order of n.
std::string IdOf(int n) {
  char tail[13];
  std::snprintf(tail, sizeof tail, "%012d", n);
  return std::string("00000000-0000-4000-8000-") + tail;
}

JournalDraft TriggerDraft(std::string id, Instant at, std::string situation) {
  JournalDraft d;
  d.id = std::move(id);
  d.occurred_at = at;
  TriggerLog t;
  t.situation = std::move(situation);
  t.state = NervousState::kActivated;
  t.emotions = {{"Afraid", 7}};
  t.signs = {"fear_of_abandonment"};
  d.contents.body = std::move(t);
  return d;
}

JournalDraft ReflectionDraft(std::string id, Instant at, std::string text) {
  JournalDraft d;
  d.id = std::move(id);
  d.occurred_at = at;
  d.contents.body = Reflection{std::move(text), "", ""};
  return d;
}

JournalDraft PartsDraft(std::string id, Instant at, std::string name) {
  JournalDraft d;
  d.id = std::move(id);
  d.occurred_at = at;
  d.contents.body = PartsNote{std::move(name), "", "", ""};
  return d;
}

std::vector<std::string> Ids(const std::vector<JournalEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.id);
  return out;
}

std::vector<std::string> Ids(const std::vector<UnreadableJournalEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.id);
  return out;
}

class JournalServiceTest : public ::testing::Test {
 protected:
  JournalServiceTest()
      : box_((InitRandom(), testing::TestSecretBox())),
        clock_(kNow),
        service_(repo_, box_, codec_, clock_) {}

  JournalEntry Saved(const JournalDraft& d, std::string_view user = kUser) {
    auto saved = service_.Save(user, d);
    EXPECT_TRUE(saved) << (saved ? "" : saved.error().message);
    return saved ? saved->entry : JournalEntry{};
  }

  JournalPage Listed(const JournalQuery& q, std::string_view user = kUser) {
    auto page = service_.List(user, q);
    EXPECT_TRUE(page) << (page ? "" : page.error().message);
    return page ? *page : JournalPage{};
  }

  fakes::MemoryJournalRepository repo_;
  SecretBox box_;
  api::JsonJournalContentsCodec codec_;
  FakeClock clock_;
  JournalService service_;
};

TEST_F(JournalServiceTest, SavesANewEntryAndReadsItBack) {
  JournalDraft d = TriggerDraft("0B6F9D3E-2C51-4A7E-9F10-6A2D5C8E1B47",
                                Instant{kNow.millis - kHour + 250}, "Sam hadn't replied.");
  d.contents.tags = {" Texting ", "evenings", "TEXTING"};
  auto saved = service_.Save(kUser, d);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->created);
  const JournalEntry& e = saved->entry;
  EXPECT_EQ(e.id, "0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47");
  EXPECT_EQ(e.occurred_at, Instant{kNow.millis - kHour});  // whole seconds
  EXPECT_EQ(e.created_at, kNow);
  EXPECT_EQ(e.updated_at, kNow);
  EXPECT_EQ(e.contents.tags, (std::vector<std::string>{"evenings", "texting"}));
  EXPECT_EQ(e.kind(), JournalKind::kTrigger);

  // In either case of the id.
  for (const auto& id : {std::string(e.id), std::string("0B6F9D3E-2C51-4A7E-9F10-6A2D5C8E1B47")}) {
    auto found = service_.Find(kUser, id);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(found->id, e.id);
    EXPECT_EQ(found->occurred_at, e.occurred_at);
    EXPECT_EQ(found->contents.tags, e.contents.tags);
    EXPECT_EQ(std::get<TriggerLog>(found->contents.body).situation, "Sam hadn't replied.");
  }
}

TEST_F(JournalServiceTest, TheStoredRowHoldsNoPlaintextAndIsBoundToItsRowAndOwner) {
  Saved(TriggerDraft(IdOf(1), Instant{kNow.millis - kHour}, "a distinctive lantern"));
  auto row = repo_.Find(kUser, IdOf(1));
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*row)->sealed_body.find("lantern"), std::string::npos);
  EXPECT_EQ((*row)->sealed_body.find("Afraid"), std::string::npos);
  EXPECT_TRUE(box_.Open((*row)->sealed_body, JournalBodyAd(IdOf(1), kUser)));
  EXPECT_FALSE(box_.Open((*row)->sealed_body, JournalBodyAd(IdOf(2), kUser)));
  EXPECT_FALSE(box_.Open((*row)->sealed_body, JournalBodyAd(IdOf(1), "u-other")));
}

TEST_F(JournalServiceTest, SavingAgainReplacesAndKeepsCreatedAt) {
  const JournalEntry first = Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "one"));
  clock_.Advance(std::chrono::minutes(10));
  auto again =
      service_.Save(kUser, ReflectionDraft(IdOf(1), Instant{kNow.millis - 2 * kHour}, "two"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->entry.created_at, first.created_at);
  EXPECT_EQ(again->entry.updated_at, clock_.Now());
  EXPECT_EQ(again->entry.occurred_at, Instant{kNow.millis - 2 * kHour});
  auto found = service_.Find(kUser, IdOf(1));
  ASSERT_TRUE(found);
  EXPECT_EQ(std::get<Reflection>(found->contents.body).text, "two");
  EXPECT_EQ(found->created_at, first.created_at);
  EXPECT_EQ(found->updated_at, clock_.Now());
  EXPECT_EQ(Listed({}).total, 1u);
}

TEST_F(JournalServiceTest, TheKindOfAnEntryCannotChange) {
  Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "kept"));
  auto changed = service_.Save(kUser, PartsDraft(IdOf(1), Instant{kNow.millis - kHour}, "x"));
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(changed.error().type, kJournalKindConflict);
  EXPECT_NE(changed.error().message.find("a reflection"), std::string::npos);
  auto found = service_.Find(kUser, IdOf(1));
  ASSERT_TRUE(found);
  EXPECT_EQ(std::get<Reflection>(found->contents.body).text, "kept");
}

TEST_F(JournalServiceTest, RefusesADraftThatBreaksTheRulesAndStoresNothing) {
  JournalDraft d = PartsDraft("not-a-uuid", Instant{kNow.millis + kHour}, "");
  auto saved = service_.Save(kUser, d);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : saved.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"id", "occurred_at", "parts.name"}));
  EXPECT_EQ(Listed({}).total, 0u);
}

TEST_F(JournalServiceTest, EntriesAreTheirOwnersAlone) {
  Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "mine"));
  for (auto user : {"u-other", ""}) {
    auto found = service_.Find(user, IdOf(1));
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(service_.Delete(user, IdOf(1)).error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Listed({}, user).total, 0u);
  }
  // Their own entry with the same id, even of another kind, is theirs.
  auto theirs = service_.Save("u-other", PartsDraft(IdOf(1), Instant{kNow.millis}, "watcher"));
  ASSERT_TRUE(theirs) << theirs.error().message;
  EXPECT_TRUE(theirs->created);
  auto mine = service_.Find(kUser, IdOf(1));
  ASSERT_TRUE(mine);
  EXPECT_EQ(std::get<Reflection>(mine->contents.body).text, "mine");
}

TEST_F(JournalServiceTest, DeletesForGood) {
  Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "gone"));
  Saved(ReflectionDraft(IdOf(2), Instant{kNow.millis - kHour}, "stays"));
  EXPECT_TRUE(service_.Delete(kUser, IdOf(1)));
  EXPECT_EQ(service_.Find(kUser, IdOf(1)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Delete(kUser, IdOf(1)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.Delete(kUser, "nonsense").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Ids(Listed({}).entries), std::vector<std::string>{IdOf(2)});
}

TEST_F(JournalServiceTest, AnEntryThatDoesNotOpenIsUnreadableAloneAndNamesNoContent) {
  Saved(TriggerDraft(IdOf(1), Instant{kNow.millis - 3 * kHour}, "first"));
  Saved(TriggerDraft(IdOf(2), Instant{kNow.millis - 2 * kHour}, "a secret sentence"));
  Saved(ReflectionDraft(IdOf(3), Instant{kNow.millis - kHour}, "third"));
  ASSERT_TRUE(repo_.Tamper(kUser, IdOf(2), [](SealedJournalEntry& r) { r.sealed_body[30] ^= 1; }));

  auto found = service_.Find(kUser, IdOf(2));
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::kInternal);
  EXPECT_EQ(found.error().type, kJournalEntryUnreadable);
  EXPECT_EQ(found.error().message.find("secret"), std::string::npos);
  EXPECT_TRUE(service_.Find(kUser, IdOf(1)));

  const JournalPage page = Listed({});
  EXPECT_EQ(Ids(page.entries), (std::vector<std::string>{IdOf(3), IdOf(1)}));
  ASSERT_EQ(Ids(page.unreadable), std::vector<std::string>{IdOf(2)});
  EXPECT_EQ(page.unreadable[0].kind, JournalKind::kTrigger);
  EXPECT_EQ(page.unreadable[0].occurred_at, Instant{kNow.millis - 2 * kHour});
  EXPECT_EQ(page.total, 3u);
  // Kind and dates still list it; a filter that reads contents cannot know.
  EXPECT_EQ(Ids(Listed({.kind = "trigger"}).unreadable), std::vector<std::string>{IdOf(2)});
  EXPECT_EQ(Ids(Listed({.from = "2027-01-15", .to = "2027-01-15"}).unreadable),
            std::vector<std::string>{IdOf(2)});
  EXPECT_TRUE(Listed({.kind = "reflection"}).unreadable.empty());
  const JournalPage searched = Listed({.q = "first"});
  EXPECT_EQ(Ids(searched.entries), std::vector<std::string>{IdOf(1)});
  EXPECT_TRUE(searched.unreadable.empty());
  EXPECT_EQ(searched.total, 1u);

  auto all = service_.ReadAll(kUser);
  ASSERT_TRUE(all);
  EXPECT_EQ(Ids(all->entries), (std::vector<std::string>{IdOf(1), IdOf(3)}));  // oldest first
  EXPECT_EQ(Ids(all->unreadable), std::vector<std::string>{IdOf(2)});

  // It can still be deleted, or written over with a new body.
  EXPECT_TRUE(service_.Save(kUser, TriggerDraft(IdOf(2), Instant{kNow.millis}, "again")));
  EXPECT_TRUE(service_.Find(kUser, IdOf(2)));
}

TEST_F(JournalServiceTest, ABodyThatOpensButDoesNotReadOrHasAnotherKindIsUnreadable) {
  Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "x"));
  Saved(ReflectionDraft(IdOf(2), Instant{kNow.millis - kHour}, "y"));
  auto garbage = box_.Seal(R"({"reflection": "not an object"})", JournalBodyAd(IdOf(1), kUser));
  ASSERT_TRUE(garbage);
  ASSERT_TRUE(
      repo_.Tamper(kUser, IdOf(1), [&](SealedJournalEntry& r) { r.sealed_body = *garbage; }));
  ASSERT_TRUE(
      repo_.Tamper(kUser, IdOf(2), [](SealedJournalEntry& r) { r.kind = JournalKind::kParts; }));
  for (int n : {1, 2}) {
    auto found = service_.Find(kUser, IdOf(n));
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().type, kJournalEntryUnreadable);
  }
  EXPECT_EQ(Ids(Listed({}).unreadable), (std::vector<std::string>{IdOf(2), IdOf(1)}));
}

TEST_F(JournalServiceTest, ListIsNewestFirstAndSearchesEveryTextFieldAllWordsFound) {
  JournalDraft trigger = TriggerDraft(IdOf(1), Instant{kNow.millis - 4 * kHour}, "");
  auto& t = std::get<TriggerLog>(trigger.contents.body);
  t.self_talk = "They are LOSING interest.";
  t.body_note = "jittery";
  t.urge_note = "to text again";
  t.action = "breathed slowly";
  t.helped_note = "the window";
  t.emotions = {{"Ashamed", 3}};
  t.sensations = {"racing_heart"};
  trigger.contents.tags = {"Evenings"};
  Saved(trigger);
  Saved(ReflectionDraft(IdOf(2), Instant{kNow.millis - 3 * kHour}, "Un été tranquille"));
  JournalDraft parts = PartsDraft(IdOf(3), Instant{kNow.millis - 2 * kHour}, "The Watcher");
  std::get<PartsNote>(parts.contents.body).fears = "being left";
  std::get<PartsNote>(parts.contents.body).protects = "by checking";
  std::get<PartsNote>(parts.contents.body).needs = "rest";
  Saved(parts);

  EXPECT_EQ(Ids(Listed({}).entries), (std::vector<std::string>{IdOf(3), IdOf(2), IdOf(1)}));
  const auto found = [&](std::string q) { return Ids(Listed({.q = q}).entries); };
  for (auto q : {"losing", "JITTERY", "text", "Slowly", "window", "ashamed", "evenings",
                 "losing  jittery evenings"}) {
    EXPECT_EQ(found(q), std::vector<std::string>{IdOf(1)}) << q;
  }
  EXPECT_EQ(found("watcher left checking rest"), std::vector<std::string>{IdOf(3)});
  EXPECT_EQ(found("été"), std::vector<std::string>{IdOf(2)});
  EXPECT_EQ(found("ÉTÉ"), std::vector<std::string>{});             // only ASCII letters fold
  EXPECT_EQ(found("losing watcher"), std::vector<std::string>{});  // all words must be found
  EXPECT_EQ(found("racing_heart"), std::vector<std::string>{});    // choice ids are not text
  EXPECT_EQ(found("   "), (std::vector<std::string>{IdOf(3), IdOf(2), IdOf(1)}));
}

TEST_F(JournalServiceTest, FindsWordsAndTagsHoldingCharactersJsonEscapes) {
  JournalDraft d = ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, R"(She said "Stay\")");
  d.contents.tags = {"a\"b"};
  Saved(d);
  Saved(ReflectionDraft(IdOf(2), Instant{kNow.millis - kHour}, "stay"));
  EXPECT_EQ(Ids(Listed({.q = R"("stay\")"}).entries), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(Ids(Listed({.q = "stay"}).entries), (std::vector<std::string>{IdOf(2), IdOf(1)}));
  EXPECT_EQ(Ids(Listed({.tag = "A\"B"}).entries), std::vector<std::string>{IdOf(1)});
}

TEST_F(JournalServiceTest, FiltersByKindSignStateAndTag) {
  JournalDraft a = TriggerDraft(IdOf(1), Instant{kNow.millis - 4 * kHour}, "a");
  std::get<TriggerLog>(a.contents.body).signs = {"rumination"};
  std::get<TriggerLog>(a.contents.body).state = NervousState::kShutDown;
  a.contents.tags = {"work"};
  Saved(a);
  JournalDraft b = TriggerDraft(IdOf(2), Instant{kNow.millis - 3 * kHour}, "b");
  std::get<TriggerLog>(b.contents.body).state.reset();
  b.contents.tags = {"Work", "home"};
  Saved(b);
  JournalDraft c = ReflectionDraft(IdOf(3), Instant{kNow.millis - 2 * kHour}, "c");
  c.contents.tags = {"home"};
  Saved(c);

  const auto ids = [&](const JournalQuery& q) { return Ids(Listed(q).entries); };
  EXPECT_EQ(ids({.kind = "trigger"}), (std::vector<std::string>{IdOf(2), IdOf(1)}));
  EXPECT_EQ(ids({.kind = "parts"}), std::vector<std::string>{});
  EXPECT_EQ(ids({.sign = "rumination"}), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(ids({.sign = "fear_of_abandonment"}), std::vector<std::string>{IdOf(2)});
  EXPECT_EQ(ids({.state = "shut_down"}), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(ids({.state = "activated"}), std::vector<std::string>{});
  EXPECT_EQ(ids({.tag = " WORK "}), (std::vector<std::string>{IdOf(2), IdOf(1)}));
  EXPECT_EQ(ids({.tag = "home"}), (std::vector<std::string>{IdOf(3), IdOf(2)}));
  EXPECT_EQ(ids({.kind = "reflection", .tag = "home"}), std::vector<std::string>{IdOf(3)});
  EXPECT_EQ(Listed({.tag = "home"}).total, 2u);
}

TEST_F(JournalServiceTest, DatesAreLocalDaysInTheZoneBothIncluded) {
  // 2027-01-14T23:30:00Z is the 14th in London and the 15th in Auckland (UTC+13).
  const Instant late_14th{kNow.millis - 8 * kHour - 30 * 60 * kSecond};
  const Instant early_14th{kNow.millis - 30 * kHour};  // 2027-01-14T02:00:00Z
  const Instant the_13th{kNow.millis - 60 * kHour};    // 2027-01-12T20:00:00Z: the 13th there
  Saved(ReflectionDraft(IdOf(1), the_13th, "x"));
  Saved(ReflectionDraft(IdOf(2), early_14th, "x"));
  Saved(ReflectionDraft(IdOf(3), late_14th, "x"));
  const auto ids = [&](const JournalQuery& q) { return Ids(Listed(q).entries); };
  EXPECT_EQ(ids({.from = "2027-01-14", .to = "2027-01-14"}),
            (std::vector<std::string>{IdOf(3), IdOf(2)}));
  EXPECT_EQ(ids({.from = "2027-01-14", .to = "2027-01-14", .tz = "Europe/London"}),
            (std::vector<std::string>{IdOf(3), IdOf(2)}));
  EXPECT_EQ(ids({.from = "2027-01-15", .tz = "Pacific/Auckland"}),
            std::vector<std::string>{IdOf(3)});
  EXPECT_EQ(ids({.to = "2027-01-13", .tz = "Pacific/Auckland"}), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(ids({.to = "2027-01-12"}), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(Listed({.from = "2027-01-13"}).total, 2u);
}

TEST_F(JournalServiceTest, PagesWithNextBeforeNeverSplittingOneSecond) {
  // Five entries in three seconds (on 2027-01-14): 23:00 ×1, 22:00 ×3, 21:00 ×1.
  const Instant ten_pm{kNow.millis - 10 * kHour};
  Saved(ReflectionDraft(IdOf(1), Instant{ten_pm.millis + kHour}, "x"));
  for (int n : {2, 3, 4}) Saved(ReflectionDraft(IdOf(n), ten_pm, "x"));
  Saved(ReflectionDraft(IdOf(5), Instant{ten_pm.millis - kHour}, "x"));

  // A page of two would split the three at ten: it stops before them.
  JournalPage page = Listed({.limit = "2"});
  EXPECT_EQ(Ids(page.entries), std::vector<std::string>{IdOf(1)});
  EXPECT_EQ(page.next_before, Instant{ten_pm.millis + kHour});
  EXPECT_EQ(page.total, 5u);
  // The group alone fills the page and more: the page takes all of it.
  page = Listed({.before = "2027-01-14T23:00:00Z", .limit = "2"});
  EXPECT_EQ(Ids(page.entries), (std::vector<std::string>{IdOf(4), IdOf(3), IdOf(2)}));
  EXPECT_EQ(page.next_before, ten_pm);
  EXPECT_EQ(page.total, 5u);
  page = Listed({.before = "2027-01-14T22:00:00Z", .limit = "2"});
  EXPECT_EQ(Ids(page.entries), std::vector<std::string>{IdOf(5)});
  EXPECT_FALSE(page.next_before);

  // Walking the pages sees every entry once, with a search as without.
  for (const JournalQuery& base : {JournalQuery{}, JournalQuery{.q = "x"}}) {
    std::vector<std::string> seen;
    std::optional<std::string> before;
    for (int pages = 0; pages < 10; ++pages) {
      JournalQuery q = base;
      q.before = before;
      q.limit = "3";
      const JournalPage p = Listed(q);
      EXPECT_EQ(p.total, 5u);
      for (const auto& id : Ids(p.entries)) seen.push_back(id);
      if (!p.next_before) break;
      before = Rfc3339(*p.next_before);
    }
    EXPECT_EQ(seen, (std::vector<std::string>{IdOf(1), IdOf(4), IdOf(3), IdOf(2), IdOf(5)}));
  }
}

TEST_F(JournalServiceTest, RefusesBadParametersNamingEach) {
  auto page = service_.List(kUser, {.q = std::string(501, 'a'),
                                    .kind = "dream",
                                    .sign = "sadness",
                                    .state = "calm",
                                    .tag = std::string(41, 't'),
                                    .from = "2027-02-30",
                                    .to = "yesterday",
                                    .tz = "Mars/Olympus",
                                    .before = "soon",
                                    .limit = "101"});
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : page.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"q", "kind", "sign", "state", "tag", "from", "to",
                                              "tz", "before", "limit"}));
  for (auto limit : {"0", "-1", "2.5", "ten", "1000"}) {
    EXPECT_FALSE(service_.List(kUser, {.limit = limit})) << limit;
  }
  auto reversed = service_.List(kUser, {.from = "2027-01-15", .to = "2027-01-14"});
  ASSERT_FALSE(reversed);
  EXPECT_EQ(reversed.error().fields.at(0).field, "to");
  EXPECT_EQ(service_.List(kUser, {.tag = "   "}).error().fields.at(0).field, "tag");
  EXPECT_TRUE(service_.List(kUser, {.q = "", .kind = "", .limit = ""}));  // blank: not given
}

TEST_F(JournalServiceTest, ReadAllIsOldestFirst) {
  Saved(ReflectionDraft(IdOf(2), Instant{kNow.millis - kHour}, "x"));
  Saved(ReflectionDraft(IdOf(1), Instant{kNow.millis - kHour}, "x"));
  Saved(ReflectionDraft(IdOf(3), Instant{kNow.millis - 2 * kHour}, "x"));
  Saved(ReflectionDraft(IdOf(4), Instant{kNow.millis}, "x"), "u-other");
  auto all = service_.ReadAll(kUser);
  ASSERT_TRUE(all);
  EXPECT_EQ(Ids(all->entries), (std::vector<std::string>{IdOf(3), IdOf(1), IdOf(2)}));
  EXPECT_TRUE(all->unreadable.empty());
}

// On a real database: bodies swapped between two rows (of one learner, or of
// two) open in neither place.
TEST(JournalServiceSql, SealedBodiesSwappedBetweenRowsDoNotOpen) {
  ASSERT_TRUE(InitRandom());
  testing::TestDatabase db(testing::TestBackend::kSqlite);
  storage::SqlUserRepository users(db.db());
  const User a = testing::SampleUser(Role::kLearner, kNow);
  const User b = testing::SampleUser(Role::kLearner, kNow);
  ASSERT_TRUE(users.Create(a));
  ASSERT_TRUE(users.Create(b));
  storage::SqlJournalRepository repo(db.db());
  const SecretBox box = testing::TestSecretBox();
  const api::JsonJournalContentsCodec codec;
  FakeClock clock(kNow);
  JournalService service(repo, box, codec, clock);
  for (const auto& [user, n] : {std::pair{a.id, 1}, std::pair{a.id, 2}, std::pair{b.id, 3}}) {
    auto saved = service.Save(user, ReflectionDraft(IdOf(n), kNow, "words " + std::to_string(n)));
    ASSERT_TRUE(saved) << saved.error().message;
    ASSERT_TRUE(service.Find(user, IdOf(n)));
  }
  const auto swap = [&](const std::string& user1, int n1, const std::string& user2, int n2) {
    auto ok = db.db().Write("test.swap", [&](soci::session& sql) -> Status {
      std::string one, two;
      const std::string id1 = IdOf(n1), id2 = IdOf(n2);
      sql << "SELECT sealed_body FROM journal_entries WHERE user_id = :u AND id = :i",
          soci::use(user1), soci::use(id1), soci::into(one);
      sql << "SELECT sealed_body FROM journal_entries WHERE user_id = :u AND id = :i",
          soci::use(user2), soci::use(id2), soci::into(two);
      sql << "UPDATE journal_entries SET sealed_body = :s WHERE user_id = :u AND id = :i",
          soci::use(two), soci::use(user1), soci::use(id1);
      sql << "UPDATE journal_entries SET sealed_body = :s WHERE user_id = :u AND id = :i",
          soci::use(one), soci::use(user2), soci::use(id2);
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().message;
  };
  swap(a.id, 1, a.id, 2);  // two rows of one learner
  for (int n : {1, 2}) {
    auto found = service.Find(a.id, IdOf(n));
    ASSERT_FALSE(found) << n;
    EXPECT_EQ(found.error().type, kJournalEntryUnreadable);
  }
  swap(a.id, 1, a.id, 2);  // back where they belong: they open again
  EXPECT_TRUE(service.Find(a.id, IdOf(1)));
  swap(a.id, 1, b.id, 3);  // two learners
  EXPECT_FALSE(service.Find(a.id, IdOf(1)));
  EXPECT_FALSE(service.Find(b.id, IdOf(3)));
  auto page = service.List(a.id, {});
  ASSERT_TRUE(page);
  EXPECT_EQ(Ids(page->entries), std::vector<std::string>{IdOf(2)});
  EXPECT_EQ(Ids(page->unreadable), std::vector<std::string>{IdOf(1)});

  // A column that is not even hex any more reads as unreadable too.
  auto damaged = db.db().Write("test.damage", [&](soci::session& sql) -> Status {
    const std::string id = IdOf(2);
    sql << "UPDATE journal_entries SET sealed_body = 'zz' WHERE user_id = :u AND id = :i",
        soci::use(a.id), soci::use(id);
    return {};
  });
  ASSERT_TRUE(damaged);
  EXPECT_EQ(service.Find(a.id, IdOf(2)).error().type, kJournalEntryUnreadable);
}

}  // namespace
}  // namespace securebase::domain
