// Whose things are whose, across the whole route table (toward #11's access
// matrix): learner A keeps a journal entry, shares it with the practitioner,
// waits for a session type, and the practitioner keeps a note about A. Then
// every route of the real table is called as nobody, as learner B and as the
// practitioner still owing her two-factor code, with A's ids in every path
// parameter and a body of A's ids. No answer may carry A's words or email,
// and afterwards every one of A's things is as it was. Two controls show the
// test can see a leak: A reading A's entry, and the practitioner, code
// given, reading what A shares.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "api/routes.h"
#include "api/session_cookies.h"
#include "support/api_world.h"
#include "support/route_call.h"

namespace securebase::api {
namespace {

using boost::beast::http::field;
using boost::beast::http::verb;
using domain::Role;
using domain::TwoFactorState;

constexpr const char* kJournalWords = "A-private: the quiet pier at dawn";
constexpr const char* kNoteWords = "A-note: spoke about the pier";

enum class Who { kAnonymous, kLearnerB, kPractitionerOwingCode, kLearnerA, kPractitioner };

class OwnershipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    AddRoutes(router_, ctx_);
    a_ = w_.AddUser("a-owner@example.org");
    b_ = w_.AddUser("b-other@example.org");
    her_ = w_.AddUser("her@example.org", Role::kPractitioner);

    domain::JournalDraft draft;
    draft.id = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    draft.occurred_at = w_.clock.Now();
    draft.contents.body = domain::Reflection{kJournalWords, "", ""};
    auto entry = world_.journal_service.Save(a_.id, draft);
    ASSERT_TRUE(entry) << entry.error().message;
    entry_id_ = entry->entry.id;

    auto shared = world_.sharing_service.Choose(
        a_.id, domain::ShareChoice{her_.id, true, true, true, {entry_id_}});
    ASSERT_TRUE(shared) << shared.error().message;

    auto note = world_.note_service.Write(her_.id, a_.id, domain::NoteDraft{kNoteWords, {}});
    ASSERT_TRUE(note) << note.error().message;
    note_id_ = note->id;

    ASSERT_TRUE(world_.waitlist_places.Add(
        domain::WaitlistEntry{"wl_a", a_.id, "st_1", w_.clock.Now(), std::nullopt}));
  }

  // A's id for whatever a path parameter names, by the route's pattern.
  std::string IdFor(const std::string& pattern) const {
    if (pattern.find("/journal/entries/") != std::string::npos) return entry_id_;
    if (pattern.find("/console/notes/") != std::string::npos) return note_id_;
    if (pattern.find("/console/clients/") != std::string::npos) return a_.id;
    if (pattern.find("/waitlist/") != std::string::npos) return "wl_a";
    return a_.id;
  }

  http::Request RequestAs(const http::Route& route, Who who) {
    http::Request req;
    req.message.method(route.method);
    req.path = std::regex_replace(route.pattern, std::regex("\\{[a-z_]+\\}"), IdFor(route.pattern));
    req.message.target(req.path);
    req.remote_address = "203.0.113.9";
    const std::string csrf(64, 'c');
    std::string cookies = std::string(kCsrfCookie) + "=" + csrf;
    req.message.set(kCsrfHeader, csrf);
    if (who != Who::kAnonymous) {
      const domain::User& user = who == Who::kLearnerB ? b_ : who == Who::kLearnerA ? a_ : her_;
      const TwoFactorState state = who == Who::kPractitionerOwingCode ? TwoFactorState::kPending
                                   : who == Who::kPractitioner        ? TwoFactorState::kPassed
                                                               : TwoFactorState::kNotRequired;
      auto started = w_.sessions.Start(user, state);
      cookies += "; " + std::string(SessionCookieName(ctx_.web)) + "=" + started->token;
    }
    req.message.set(field::cookie, cookies);
    if (route.method != verb::get) {
      // A's ids wherever a body might take one.
      req.message.set(field::content_type, "application/json");
      req.message.body() = R"({"id":")" + entry_id_ + R"(","practitioner_id":")" + her_.id +
                           R"(","journal_entries":[")" + entry_id_ + R"("],"client_id":")" + a_.id +
                           R"(","text":"B was here","checkins":true,"practice":true,)" +
                           R"("course":true})";
    }
    return req;
  }

  // As the connection would: the router fills the path's parameters.
  http::Response Call(const http::Route& route, http::Request req) {
    auto match = router_.Match(route.method, req.path);
    EXPECT_TRUE(match && match->route == &route) << req.path;
    if (match) req.params = match->params;
    return testing::CallRoute(route, std::move(req));
  }

  const http::Route& RouteFor(verb method, std::string_view pattern) {
    for (const auto& r : router_.routes()) {
      if (r.method == method && r.pattern == pattern) return r;
    }
    ADD_FAILURE() << "no route " << pattern;
    return router_.routes().front();
  }

  // Everything of A's, as it was set up.
  void ExpectAsItWas() {
    auto entry = world_.journal_service.Find(a_.id, entry_id_);
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(std::get<domain::Reflection>(entry->contents.body).text, kJournalWords);
    auto share = world_.shares.Find(a_.id, her_.id);
    ASSERT_TRUE(share && *share);
    EXPECT_EQ((*share)->journal_entry_ids, std::vector<std::string>{entry_id_});
    EXPECT_TRUE((*share)->checkins && (*share)->practice && (*share)->course);
    auto notes = world_.note_service.About(her_.id, a_.id);
    ASSERT_TRUE(notes) << notes.error().message;
    ASSERT_EQ(notes->notes.size(), 1u);
    EXPECT_EQ(notes->notes[0].text, kNoteWords);
    auto places = world_.waitlist_places.ForClient(a_.id);
    ASSERT_TRUE(places);
    EXPECT_EQ(places->size(), 1u);
    auto sessions = world_.w.sessions.ListFor(a_.id);
    ASSERT_TRUE(sessions);
  }

  testing::ApiWorld world_{WebSecurity{false, "https://care.example.org", false}};
  testing::AccountWorld& w_ = world_.w;
  ApiContext& ctx_ = world_.ctx;
  http::Router router_;
  domain::User a_, b_, her_;
  std::string entry_id_, note_id_;
};

TEST_F(OwnershipTest, NobodyElseReadsOrChangesWhatIsAs) {
  int calls = 0;
  for (const auto& route : router_.routes()) {
    for (Who who : {Who::kAnonymous, Who::kLearnerB, Who::kPractitionerOwingCode}) {
      const http::Response res = Call(route, RequestAs(route, who));
      ++calls;
      const std::string where = std::string(boost::beast::http::to_string(route.method)) + " " +
                                route.pattern + " as caller " + std::to_string(int(who)) + " → " +
                                std::to_string(res.result_int());
      EXPECT_EQ(res.body().find(kJournalWords), std::string::npos) << where;
      EXPECT_EQ(res.body().find(kNoteWords), std::string::npos) << where;
      EXPECT_EQ(res.body().find(a_.email), std::string::npos) << where;
      if (route.pattern.find("{") != std::string::npos && who == Who::kLearnerB &&
          route.pattern.starts_with("/api/v1/") && !route.pattern.starts_with("/api/v1/console") &&
          route.access != http::Access::kPublic) {
        // B naming A's thing is told it does not exist (or that the request is wrong).
        EXPECT_TRUE(res.result_int() == 404 || res.result_int() == 400) << where;
      }
    }
  }
  EXPECT_GT(calls, 150);
  ExpectAsItWas();
}

TEST_F(OwnershipTest, TheControlsSeeAsWordsWhereTheyMayBeSeen) {
  // A reads A's own entry.
  const auto& entry = RouteFor(verb::get, "/api/v1/journal/entries/{id}");
  const http::Response own = Call(entry, RequestAs(entry, Who::kLearnerA));
  EXPECT_EQ(own.result_int(), 200);
  EXPECT_NE(own.body().find(kJournalWords), std::string::npos);
  // The practitioner, code given, reads what A shares and her own note.
  const auto& client = RouteFor(verb::get, "/api/v1/console/clients/{id}");
  const http::Response shared = Call(client, RequestAs(client, Who::kPractitioner));
  EXPECT_EQ(shared.result_int(), 200) << shared.body();
  EXPECT_NE(shared.body().find(kJournalWords), std::string::npos);
  const auto& notes = RouteFor(verb::get, "/api/v1/console/clients/{id}/notes");
  const http::Response hers = Call(notes, RequestAs(notes, Who::kPractitioner));
  EXPECT_NE(hers.body().find(kNoteWords), std::string::npos);
}

}  // namespace
}  // namespace securebase::api
