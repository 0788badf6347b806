// ClientRecords: the practitioner's side of sharing — her clients (everyone
// who booked a session or shares something with her) and one client's
// page: who they are, their sessions, and what they share *now*, read
// through the same services that show the learner their own records.
//
// Opening a page writes its audit row ("shared.read", naming the kinds it
// shows) before anything shared is read; if the row cannot be written,
// nothing is shown. The page lists the client's sessions without their
// intake answers: opening one session's answers (OpenIntake) is a read of
// its own, with its own row ("intake.read") written first in the same way,
// so the log (and the client's "who has looked") says which answers she
// read and when, not merely that she opened a calendar.
//
// Thread-safety: safe from any thread (its parts are).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/user_repository.h"
#include "domain/assessment/checkin_service.h"
#include "domain/audit/audit_trail.h"
#include "domain/catalog/catalog.h"
#include "domain/course/course_service.h"
#include "domain/journal/journal_service.h"
#include "domain/practice/practice_session_service.h"
#include "domain/scheduling/booking_repository.h"
#include "domain/scheduling/booking_service.h"
#include "domain/sharing/share_repository.h"

namespace securebase::domain {

// A line of her client list: no shared data, only whether there is some.
struct ClientSummary {
  User client;
  std::optional<Share> share;  // nullopt or !Any(): shares nothing
  ClientTally sessions;        // zeros when they never booked
};

struct ClientRecord {
  User client;
  std::optional<Share> share;
  // The snapshot the records below were read against (questionnaires for
  // the check-ins).
  std::shared_ptr<const PublishedContent> content;
  std::optional<std::vector<CheckinResult>> checkins;  // nullopt: not shared
  std::optional<PracticeStats> practice;
  std::optional<std::vector<CourseOverview>> courses;
  std::vector<JournalEntry> journal_entries;  // the shared ones that still exist
  std::vector<CalendarEntry> sessions;        // newest first, answers not opened
};

// The services a client page reads the shared records through.
struct SharedSources {
  const Catalog& catalog;
  CheckinService& checkins;
  PracticeSessionService& practice;
  CourseService& courses;
  JournalService& journal;
};

class ClientRecords {
 public:
  ClientRecords(ShareRepository& shares, UserRepository& users, BookingRepository& bookings,
                BookingService& sessions, SharedSources sources, AuditTrail& audit,
                const Clock& clock)
      : shares_(shares),
        users_(users),
        bookings_(bookings),
        sessions_(sessions),
        sources_(sources),
        audit_(audit),
        clock_(clock) {}

  // Her clients, by name (then id).
  Result<std::vector<ClientSummary>> List(std::string_view practitioner_id);

  // One client's page; kNotFound unless they booked or share something.
  Result<ClientRecord> Open(std::string_view practitioner_id, std::string_view client_id);

  // One session with the answers its client gave when booking, opened
  // (view.intake). kNotFound for an unknown booking, and for a former
  // client's (their answers were erased with their account); the audit row
  // first, and nothing opened without it.
  Result<BookingView> OpenIntake(std::string_view practitioner_id, std::string_view booking_id);

 private:
  Status ReadShared(const Share& share, ClientRecord& record);

  ShareRepository& shares_;
  UserRepository& users_;
  BookingRepository& bookings_;
  BookingService& sessions_;
  SharedSources sources_;
  AuditTrail& audit_;
  const Clock& clock_;
};

}  // namespace securebase::domain
