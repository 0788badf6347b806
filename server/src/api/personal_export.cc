#include "api/personal_export.h"

#include <boost/json.hpp>

#include "api/booking_json.h"
#include "api/checkin_json.h"
#include "api/course_json.h"
#include "api/journal_report_json.h"
#include "api/me_json.h"
#include "api/practice_session_json.h"
#include "api/share_json.h"
#include "common/rfc3339.h"
#include "common/zip_writer.h"

namespace securebase::api {

namespace json = boost::json;

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

// Every file of the download, by name.
std::vector<std::pair<std::string, json::object>> Files(const domain::PersonalRecords& r,
                                                        std::string_view current_session_id,
                                                        domain::TwoFactorState session_state,
                                                        Instant now) {
  std::vector<std::pair<std::string, json::object>> files;
  files.emplace_back("account.json", EncodeMe(r.user, r.two_factor, session_state));

  json::array browsers;
  for (const auto& b : r.sessions) {
    browsers.push_back(json::object{{"created_at", Rfc3339(b.created_at)},
                                    {"last_seen_at", Rfc3339(b.last_seen_at)},
                                    {"current", b.id == current_session_id}});
  }
  files.emplace_back("sign-ins.json", json::object{{"sessions", std::move(browsers)}});

  json::array results;
  for (const auto& c : r.checkins) results.push_back(EncodeCheckin(c, r.content->questionnaires));
  files.emplace_back("checkins.json", json::object{{"checkins", std::move(results)}});

  json::array sessions;
  for (const auto& s : r.practice) sessions.push_back(EncodePracticeSession(s));
  files.emplace_back("practice.json",
                     json::object{{"sessions", std::move(sessions)},
                                  {"stats", EncodePracticeStats(r.practice_stats)}});

  json::array courses, answers;
  for (const auto& overview : r.courses) courses.push_back(EncodeCourse(overview.status, true));
  for (const auto& a : r.answers) {
    answers.push_back(
        json::object{{"lesson_id", a.lesson_id}, {"prompt_id", a.prompt_id}, {"text", a.text}});
  }
  files.emplace_back("course.json", json::object{{"courses", std::move(courses)},
                                                 {"answers", std::move(answers)}});

  files.emplace_back("journal.json", EncodeJournalExport(r.journal, now));

  json::array booked;
  for (const auto& b : r.bookings) booked.push_back(EncodeConsoleBooking(b));
  files.emplace_back("bookings.json", json::object{{"bookings", std::move(booked)}});

  json::array waiting;
  for (const auto& p : r.waitlist) waiting.push_back(EncodeWaitlistEntry(p));
  files.emplace_back("waitlist.json", json::object{{"waitlist", std::move(waiting)}});

  json::array with, looked;
  for (const auto& p : r.shares) with.push_back(EncodePractitionerShare(p));
  for (const auto& line : r.reads) {
    looked.push_back(json::object{{"at", Rfc3339(line.entry.at)},
                                  {"practitioner_id", line.entry.actor_id},
                                  {"action", line.entry.action},
                                  {"detail", line.entry.detail}});
  }
  files.emplace_back("sharing.json",
                     json::object{{"shares", std::move(with)}, {"reads", std::move(looked)}});
  return files;
}

}  // namespace

Result<std::string> PersonalExportZip(const domain::PersonalRecords& records,
                                      std::string_view current_session_id,
                                      domain::TwoFactorState session_state, Instant now) {
  ZipWriter zip(now);
  if (auto added = zip.Add("README.txt", kReadme); !added) return std::unexpected(added.error());
  for (auto& [name, value] : Files(records, current_session_id, session_state, now)) {
    value["schema_version"] = kExportSchemaVersion;
    if (auto added = zip.Add(name, json::serialize(value)); !added) {
      return std::unexpected(added.error());
    }
  }
  return std::move(zip).Finish();
}

std::string PersonalExportFileName(Instant now) {
  return "secure-base-" + Rfc3339(now).substr(0, 10) + ".zip";
}

}  // namespace securebase::api
