#include "api/personal_export_handlers.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/booking_json.h"
#include "api/checkin_json.h"
#include "api/course_json.h"
#include "api/journal_report_json.h"
#include "api/me_handlers.h"
#include "api/practice_session_json.h"
#include "api/share_json.h"
#include "common/rfc3339.h"
#include "common/zip_writer.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::field;
using boost::beast::http::status;

namespace {

// The version of the files' shapes (docs/data-export.md); raised when a
// file's fields change meaning.
constexpr int kExportSchemaVersion = 1;

constexpr std::string_view kReadme =
    "Everything Secure Base holds about you, as it was when you downloaded it.\n"
    "\n"
    "Each file is JSON. account.json: your account. sign-ins.json: the browsers signed in\n"
    "as you. checkins.json: every check-in result and your answers. practice.json: every\n"
    "practice you recorded and what they add up to. course.json: your progress through\n"
    "each course and what you wrote in its lessons. journal.json: your whole journal.\n"
    "bookings.json: the sessions you booked and what you told the practitioner when\n"
    "booking. waitlist.json: where you are waiting. sharing.json: what you share with\n"
    "each practitioner and each time she looked.\n"
    "\n"
    "The practitioner's own session notes are not part of this download. Times are UTC\n"
    "(RFC 3339). The fields are described in Secure Base's docs/data-export.md.\n";

Result<json::object> PracticeFile(ApiContext& ctx, const std::string& user,
                                  const domain::PublishedContent& content) {
  json::array sessions;
  std::optional<Instant> before;
  for (;;) {
    auto page = ctx.practice.sessions.History(user, before, domain::kMaxPracticePageSize);
    if (!page) return std::unexpected(page.error());
    for (const auto& s : page->sessions) sessions.push_back(EncodePracticeSession(s));
    if (!page->next_before) break;
    before = page->next_before;
  }
  auto stats = ctx.practice.sessions.Stats(content.practices, user, std::nullopt,
                                           domain::kDefaultStatsWeeks);
  if (!stats) return std::unexpected(stats.error());
  return json::object{{"sessions", std::move(sessions)}, {"stats", EncodePracticeStats(*stats)}};
}

Result<json::object> CourseFile(ApiContext& ctx, const std::string& user) {
  auto overviews = ctx.courses.Overviews(user);
  if (!overviews) return std::unexpected(overviews.error());
  json::array courses, answers;
  for (const auto& overview : *overviews) {
    courses.push_back(EncodeCourse(overview.status, true));
    for (const auto& module : overview.status.course->modules) {
      for (const auto& lesson : module.lessons) {
        auto written = ctx.courses.WrittenAnswers(user, lesson);
        if (!written) return std::unexpected(written.error());
        for (const auto& [prompt, text] : *written) {
          answers.push_back(
              json::object{{"lesson_id", lesson.id}, {"prompt_id", prompt}, {"text", text}});
        }
      }
    }
  }
  return json::object{{"courses", std::move(courses)}, {"answers", std::move(answers)}};
}

// Every file of the download, by name.
Result<std::vector<std::pair<std::string, json::value>>> Files(ApiContext& ctx,
                                                               const domain::Session& s) {
  const std::string& user = s.user_id;
  const auto content = ctx.catalog.Current();
  std::vector<std::pair<std::string, json::value>> files;

  auto me = LoadMe(ctx, user, s.two_factor);
  if (!me) return std::unexpected(me.error());
  files.emplace_back("account.json", std::move(*me));

  auto signed_in = ctx.accounts.parts.sessions.ListFor(user);
  if (!signed_in) return std::unexpected(signed_in.error());
  json::array browsers;
  for (const auto& b : *signed_in) {
    browsers.push_back(json::object{{"created_at", Rfc3339(b.created_at)},
                                    {"last_seen_at", Rfc3339(b.last_seen_at)},
                                    {"current", b.id == s.id}});
  }
  files.emplace_back("sign-ins.json", json::object{{"sessions", std::move(browsers)}});

  auto checkins = ctx.assessment.checkins.History(content->questionnaires, user, std::nullopt);
  if (!checkins) return std::unexpected(checkins.error());
  json::array results;
  for (const auto& c : *checkins) results.push_back(EncodeCheckin(c, content->questionnaires));
  files.emplace_back("checkins.json", json::object{{"checkins", std::move(results)}});

  auto practice = PracticeFile(ctx, user, *content);
  if (!practice) return std::unexpected(practice.error());
  files.emplace_back("practice.json", std::move(*practice));

  auto course = CourseFile(ctx, user);
  if (!course) return std::unexpected(course.error());
  files.emplace_back("course.json", std::move(*course));

  auto journal = ctx.journal.entries.ReadAll(user);
  if (!journal) return std::unexpected(journal.error());
  files.emplace_back("journal.json", EncodeJournalExport(*journal, ctx.clock.Now()));

  auto bookings = ctx.scheduling.bookings.ClientSessions(user);
  if (!bookings) return std::unexpected(bookings.error());
  json::array booked;
  for (const auto& b : *bookings) booked.push_back(EncodeConsoleBooking(b));
  files.emplace_back("bookings.json", json::object{{"bookings", std::move(booked)}});

  auto places = ctx.scheduling.waitlist.ForClient(user);
  if (!places) return std::unexpected(places.error());
  json::array waiting;
  for (const auto& p : *places) waiting.push_back(EncodeWaitlistEntry(p));
  files.emplace_back("waitlist.json", json::object{{"waitlist", std::move(waiting)}});

  auto shares = ctx.sharing.shares.ForLearner(user);
  if (!shares) return std::unexpected(shares.error());
  json::array with, looked;
  for (const auto& p : *shares) with.push_back(EncodePractitionerShare(p));
  // Every look, page by page: a request for one's data is never cut short.
  std::optional<std::string> before;
  do {
    auto reads = ctx.sharing.shares.ReadsOf(user, 100, before);
    if (!reads) return std::unexpected(reads.error());
    for (const auto& r : reads->entries) {
      looked.push_back(json::object{{"at", Rfc3339(r.entry.at)},
                                    {"practitioner_id", r.entry.actor_id},
                                    {"detail", r.entry.detail}});
    }
    before = reads->next;
  } while (before);
  files.emplace_back("sharing.json",
                     json::object{{"shares", std::move(with)}, {"reads", std::move(looked)}});
  return files;
}

}  // namespace

http::Handler ExportMeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const domain::Session s = CallerSession(req);
    const Instant now = ctx.clock.Now();
    auto archive = co_await ctx.pool.Run([&]() -> Result<std::string> {
      auto files = Files(ctx, s);
      if (!files) return std::unexpected(files.error());
      ZipWriter zip(now);
      if (auto added = zip.Add("README.txt", kReadme); !added)
        return std::unexpected(added.error());
      for (auto& [name, value] : *files) {
        if (value.is_object()) value.as_object()["schema_version"] = kExportSchemaVersion;
        if (auto added = zip.Add(name, json::serialize(value)); !added) {
          return std::unexpected(added.error());
        }
      }
      return std::move(zip).Finish();
    });
    if (!archive) co_return http::ProblemFromError(archive.error());
    http::Response res = http::Text(status::ok, std::move(*archive), "application/zip");
    res.set(field::content_disposition,
            fmt::format("attachment; filename=\"secure-base-{}.zip\"", Rfc3339(now).substr(0, 10)));
    co_return res;
  };
}

}  // namespace securebase::api
