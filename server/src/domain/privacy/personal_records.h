// PersonalRecords: everything Secure Base holds about one learner, gathered
// through the same services that show them each part, for their download
// (GET /api/v1/me/export) and the operator's `securebase export-user`; the
// api layer turns it into the zip (api/personal_export.h, the schema in
// docs/data-export.md). What they wrote is opened in memory for this one
// call and kept nowhere. The practitioner's session notes are hers, not
// part of it.
//
// Calls block on the repositories: from the HTTP layer, run them on the pool.
//
// Thread-safety: safe from any thread (state lives in the services).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/session_service.h"
#include "domain/accounts/two_factor_service.h"
#include "domain/accounts/user_repository.h"
#include "domain/assessment/checkin_service.h"
#include "domain/catalog/catalog.h"
#include "domain/course/course_service.h"
#include "domain/journal/journal_service.h"
#include "domain/practice/practice_session_service.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/waitlist.h"
#include "domain/sharing/sharing_service.h"

namespace securebase::domain {

struct WrittenAnswer {
  std::string lesson_id;
  std::string prompt_id;
  std::string text;
};

struct PersonalRecords {
  std::shared_ptr<const PublishedContent> content;  // the catalog the records were read against
  User user;
  TwoFactorStatus two_factor;
  std::vector<Session> sessions;  // signed-in browsers
  std::vector<CheckinResult> checkins;
  std::vector<PracticeSession> practice;  // every recorded session, newest first
  PracticeStats practice_stats;
  std::vector<CourseOverview> courses;
  std::vector<WrittenAnswer> answers;
  WholeJournal journal;
  std::vector<CalendarEntry> bookings;
  std::vector<WaitlistEntry> waitlist;
  std::vector<PractitionerShare> shares;
  std::vector<AuditLine> reads;  // every time a practitioner looked, newest first
};

// The services the records are read through (built once by app/).
struct PersonalSources {
  const Catalog& catalog;
  UserRepository& users;
  SessionService& sessions;
  TwoFactorService& two_factor;
  CheckinService& checkins;
  PracticeSessionService& practice;
  CourseService& courses;
  JournalService& journal;
  BookingService& bookings;
  Waitlist& waitlist;
  SharingService& sharing;
};

class PersonalRecordsReader {
 public:
  explicit PersonalRecordsReader(PersonalSources sources) : s_(sources) {}

  // kNotFound when there is no such account.
  Result<PersonalRecords> Gather(std::string_view user_id);

 private:
  PersonalSources s_;
};

}  // namespace securebase::domain
