// Whose things are whose, across the whole route table (#11's access matrix,
// with access_test.cc checking each route's declared access): learner A
// keeps a journal entry, a check-in, a booking with answers to its questions
// and a signed-in browser, shares the entry with the practitioner, waits for
// a session type, and the practitioner keeps a note about A. Then every
// route of the real table is called as nobody, as learner B and as the
// practitioner still owing her two-factor code, with A's ids in every path
// parameter and a body of A's ids. No answer may carry A's words, email or
// ids; every refusal is a bare problem; and afterwards every one of A's
// things is as it was. The same walk as A and as the practitioner (code
// given) shows nothing reaches anyone it is not for: A never sees the
// practitioner's note, and she sees A's words only through the client page,
// and A's answers to the booking questions only by opening that booking's
// (an audited read of its own, not her calendar or the client page).
// Controls show the test can see a leak: A reading A's entry, booking and
// check-in, and the practitioner reading what A shares.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "api/routes.h"
#include "api/session_cookies.h"
#include "support/api_world.h"
#include "support/route_call.h"
#include "support/sample_questionnaires.h"

namespace securebase::api {
namespace {

using boost::beast::http::field;
using boost::beast::http::verb;
using domain::Role;
using domain::TwoFactorState;

constexpr const char* kJournalWords = "A-private: the quiet pier at dawn";
constexpr const char* kNoteWords = "A-note: spoke about the pier";
constexpr const char* kIntakeWords = "A-intake: sleeping badly since the move";

// What a refusal may say: its kind, a kind sentence, the status, and which
// fields were wrong. Nothing else, so nothing of anyone's can ride along.
const std::set<std::string> kProblemMembers = {"type",   "title",  "status",
                                               "detail", "errors", "retry_after"};

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

    auto content = std::make_shared<domain::PublishedContent>();
    content->questionnaires = {testing::SampleAttachment()};
    world_.catalog.Publish(content);
    domain::Answers answers;
    for (const auto& item : content->questionnaires[0].items) answers[item.id] = 6;
    auto checkin = world_.checkin_service.Submit(content->questionnaires[0], a_.id, answers, {});
    ASSERT_TRUE(checkin) << checkin.error().message;
    checkin_id_ = checkin->result.checkin.id;

    BookA();
    a_browser_ =
        domain::PublicSessionId(w_.sessions.Start(a_, TwoFactorState::kNotRequired)->session.id);
  }

  // Every day open, so that A's booking two days out is a free slot.
  void BookA() {
    domain::Schedule schedule{"UTC", {}, {}};
    for (int d = 0; d < 7; ++d) schedule.weekly.push_back({d, {0, 24 * 60}});
    ASSERT_TRUE(world_.scheduling_setup.SaveSchedule(schedule));
    domain::BookingSettings settings;
    settings.served_countries = {"GB"};
    ASSERT_TRUE(world_.scheduling_setup.SaveSettings(settings));
    domain::SessionType type;
    type.name = "Therapy session";
    type.duration_minutes = 50;
    type.minimum_notice_minutes = 60;
    type.horizon_days = 30;
    type.slot_step_minutes = 30;
    type.intake = {{"hopes", "What would you like help with?", true}};
    auto added = world_.scheduling_setup.AddType(type);
    ASSERT_TRUE(added) << added.error().message;
    constexpr std::int64_t kHourMs = 3'600'000;
    domain::BookingRequest request;
    request.session_type_id = added->id;
    request.start = Instant{(w_.clock.Now().millis / kHourMs + 48) * kHourMs};
    request.time_zone = "Europe/London";
    request.location = {"GB", ""};
    request.intake = {{"hopes", kIntakeWords}};
    request.policy_accepted = true;
    auto booked = world_.booking_service.Book(a_.id, request);
    ASSERT_TRUE(booked) << booked.error().message;
    booking_id_ = booked->view.booking.id;
    booking_start_ = booked->view.booking.start;
  }

  // A's id for whatever a path parameter names, by the route's pattern.
  std::string IdFor(const std::string& pattern) const {
    if (pattern.find("/journal/entries/") != std::string::npos) return entry_id_;
    if (pattern.find("/console/notes/") != std::string::npos) return note_id_;
    if (pattern.find("/console/clients/") != std::string::npos) return a_.id;
    if (pattern.find("/waitlist/") != std::string::npos) return "wl_a";
    if (pattern.find("/bookings/") != std::string::npos) return booking_id_;
    if (pattern.find("/checkins/") != std::string::npos) return checkin_id_;
    if (pattern.find("/me/sessions/") != std::string::npos) return a_browser_;
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
                           R"(","booking_id":")" + booking_id_ + R"(","checkin_id":")" +
                           checkin_id_ + R"(","session_id":")" + a_browser_ +
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
    EXPECT_TRUE(std::ranges::any_of(*sessions, [&](const domain::Session& s) {
      return domain::PublicSessionId(s.id) == a_browser_;
    })) << "A's browser is still signed in";
    auto booking = world_.bookings.Find(booking_id_);
    ASSERT_TRUE(booking && *booking);
    EXPECT_EQ((*booking)->status, domain::BookingStatus::kConfirmed);
    EXPECT_EQ((*booking)->start.millis, booking_start_.millis);
    EXPECT_EQ((*booking)->client_id, a_.id);
    auto checkin = world_.checkins.Find(a_.id, checkin_id_);
    ASSERT_TRUE(checkin && *checkin) << "A's check-in is still there";
  }

  // Everything A's that must not be in an answer meant for someone else.
  std::vector<std::string> AsMarks() const {
    return {kJournalWords, kNoteWords,  kIntakeWords, a_.email,  entry_id_,
            note_id_,      booking_id_, checkin_id_,  a_browser_};
  }

  // A refusal is problem+json with only kProblemMembers, and says nothing
  // of A's: not even the id that was asked for.
  void ExpectBareRefusal(const http::Response& res, const std::string& where) {
    if (res.result_int() < 400) return;
    EXPECT_EQ(res[field::content_type], "application/problem+json") << where;
    boost::system::error_code ec;
    const auto v = boost::json::parse(res.body(), ec);
    ASSERT_FALSE(ec) << where << ": " << res.body();
    ASSERT_TRUE(v.is_object()) << where;
    for (const auto& member : v.as_object()) {
      EXPECT_TRUE(kProblemMembers.contains(std::string(member.key())))
          << where << " carries \"" << member.key() << "\"";
    }
    for (const auto& mark : AsMarks()) {
      EXPECT_EQ(res.body().find(mark), std::string::npos) << where << " names " << mark;
    }
  }

  static std::string Where(const http::Route& route, Who who, const http::Response& res) {
    return std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern +
           " as caller " + std::to_string(int(who)) + " → " + std::to_string(res.result_int());
  }

  testing::ApiWorld world_{WebSecurity{false, "https://care.example.org", false}};
  testing::AccountWorld& w_ = world_.w;
  ApiContext& ctx_ = world_.ctx;
  http::Router router_;
  domain::User a_, b_, her_;
  std::string entry_id_, note_id_, checkin_id_, booking_id_, a_browser_;
  Instant booking_start_;
};

TEST_F(OwnershipTest, NobodyElseReadsOrChangesWhatIsAs) {
  int calls = 0;
  for (const auto& route : router_.routes()) {
    for (Who who : {Who::kAnonymous, Who::kLearnerB, Who::kPractitionerOwingCode}) {
      const http::Response res = Call(route, RequestAs(route, who));
      ++calls;
      const std::string where = Where(route, who, res);
      EXPECT_LT(res.result_int(), 500) << where << ": " << res.body();
      for (const auto& mark : AsMarks()) {
        // The answer to "end my own sessions" lists the caller's own, by
        // their public ids, which A's can never be among.
        EXPECT_EQ(res.body().find(mark), std::string::npos) << where << " names " << mark;
      }
      ExpectBareRefusal(res, where);
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

TEST_F(OwnershipTest, WhatIsMeantForOneIsSeenByNoOneElse) {
  // A's own walk, then hers: no route fails, A never meets the practitioner's
  // note, and she meets A's words only on A's client page and its notes.
  for (Who who : {Who::kLearnerA, Who::kPractitioner}) {
    for (const auto& route : router_.routes()) {
      if (route.pattern == "/api/v1/auth/logout" ||
          route.pattern.starts_with("/api/v1/me/sessions"))
        continue;  // would end the session the walk goes on with
      const http::Response res = Call(route, RequestAs(route, who));
      const std::string where = Where(route, who, res);
      EXPECT_LT(res.result_int(), 500) << where << ": " << res.body();
      if (who == Who::kLearnerA) {
        EXPECT_EQ(res.body().find(kNoteWords), std::string::npos) << where;
        continue;
      }
      const bool client_page = route.pattern.starts_with("/api/v1/console/clients/{id}") ||
                               route.pattern.starts_with("/api/v1/console/notes/");
      const bool booking_answers = route.pattern == "/api/v1/console/bookings/{id}/intake";
      if (!client_page) {
        EXPECT_EQ(res.body().find(kJournalWords), std::string::npos) << where;
        EXPECT_EQ(res.body().find(kNoteWords), std::string::npos) << where;
      }
      if (!booking_answers) {
        EXPECT_EQ(res.body().find(kIntakeWords), std::string::npos) << where;
      }
    }
  }
}

TEST_F(OwnershipTest, TheControlsSeeAsWordsWhereTheyMayBeSeen) {
  // A reads A's own entry.
  const auto& entry = RouteFor(verb::get, "/api/v1/journal/entries/{id}");
  const http::Response own = Call(entry, RequestAs(entry, Who::kLearnerA));
  EXPECT_EQ(own.result_int(), 200);
  EXPECT_NE(own.body().find(kJournalWords), std::string::npos);
  // A reads A's booking (its answers are for the practitioner), and A's
  // check-in.
  const auto& booking = RouteFor(verb::get, "/api/v1/bookings/{id}");
  const http::Response own_booking = Call(booking, RequestAs(booking, Who::kLearnerA));
  EXPECT_EQ(own_booking.result_int(), 200) << own_booking.body();
  EXPECT_NE(own_booking.body().find(booking_id_), std::string::npos);
  const auto& checkin = RouteFor(verb::get, "/api/v1/checkins/{id}");
  const http::Response own_checkin = Call(checkin, RequestAs(checkin, Who::kLearnerA));
  EXPECT_EQ(own_checkin.result_int(), 200) << own_checkin.body();
  EXPECT_NE(own_checkin.body().find(checkin_id_), std::string::npos);
  // The practitioner, code given, reads what A shares and her own note.
  const auto& client = RouteFor(verb::get, "/api/v1/console/clients/{id}");
  const http::Response shared = Call(client, RequestAs(client, Who::kPractitioner));
  EXPECT_EQ(shared.result_int(), 200) << shared.body();
  EXPECT_NE(shared.body().find(kJournalWords), std::string::npos);
  const auto& notes = RouteFor(verb::get, "/api/v1/console/clients/{id}/notes");
  const http::Response hers = Call(notes, RequestAs(notes, Who::kPractitioner));
  EXPECT_NE(hers.body().find(kNoteWords), std::string::npos);
  // Her calendar lists A's booking and says it has answers; she reads them
  // by opening that booking's.
  const auto& calendar = RouteFor(verb::get, "/api/v1/console/bookings");
  const http::Response diary = Call(calendar, RequestAs(calendar, Who::kPractitioner));
  EXPECT_EQ(diary.result_int(), 200) << diary.body();
  EXPECT_NE(diary.body().find(booking_id_), std::string::npos);
  EXPECT_NE(diary.body().find(R"("has_intake":true)"), std::string::npos) << diary.body();
  const auto& answers = RouteFor(verb::get, "/api/v1/console/bookings/{id}/intake");
  const http::Response opened = Call(answers, RequestAs(answers, Who::kPractitioner));
  EXPECT_EQ(opened.result_int(), 200) << opened.body();
  EXPECT_NE(opened.body().find(kIntakeWords), std::string::npos);
}

}  // namespace
}  // namespace securebase::api
