// ApiContext: what the handlers need from the rest of the server, assembled
// by app/ at start. Handlers reach domain services and repositories only
// through here, never storage or SQL.
//
// Thread-safety: everything referenced here is safe to use from every I/O
// thread; blocking calls go through `pool` (or `hashing`, for the slow
// password work).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "common/clock.h"
#include "common/error.h"
#include "common/metrics.h"
#include "domain/accounts/account_parts.h"
#include "domain/accounts/email_change.h"
#include "domain/accounts/login.h"
#include "domain/accounts/passwords.h"
#include "domain/accounts/registration.h"
#include "domain/accounts/setup_service.h"
#include "domain/accounts/two_factor_service.h"
#include "domain/assessment/checkin_service.h"
#include "domain/audit/audit_trail.h"
#include "domain/catalog/catalog.h"
#include "domain/catalog/content_editor.h"
#include "domain/course/course_service.h"
#include "domain/journal/journal_service.h"
#include "domain/limits/rate_limits.h"
#include "domain/notes/note_service.h"
#include "domain/practice/practice_session_service.h"
#include "domain/privacy/account_deletion.h"
#include "domain/privacy/personal_records.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/calendar_feed.h"
#include "domain/scheduling/scheduling_setup.h"
#include "domain/scheduling/waitlist.h"
#include "domain/sharing/client_records.h"
#include "domain/sharing/sharing_service.h"
#include "http/blocking_pool.h"

namespace securebase::api {

// The account flows (domain/accounts), for the auth, me and mfa handlers.
struct AccountsApi {
  const domain::AccountParts& parts;
  domain::Registration& registration;
  domain::Login& login;
  domain::Passwords& passwords;
  domain::EmailChange& email_change;
  domain::TwoFactorService& two_factor;
};

// The attachment check-in (domain/assessment), for the questionnaire,
// check-in and plan handlers.
struct AssessmentApi {
  domain::CheckinService& checkins;
};

// Recorded practice sessions and their stats (domain/practice), for the
// practice-session and practice-stats handlers.
struct PracticeApi {
  domain::PracticeSessionService& sessions;
};

// The learner's journal (domain/journal): entries sealed at rest, for the
// journal handlers (entries; insights and export read through the same
// service).
struct JournalApi {
  domain::JournalService& entries;
};

// Booking (domain/scheduling): the practitioner's setup and the bookings
// made against it, for the console and client scheduling handlers.
struct SchedulingApi {
  domain::SchedulingSetup& setup;
  domain::BookingService& bookings;
  domain::Waitlist& waitlist;
  domain::CalendarFeed& feed;
};

// Sharing (domain/sharing): the learner's choices, and the practitioner's
// clients with what each shares.
struct SharingApi {
  domain::SharingService& shares;
  domain::ClientRecords& clients;
};

// The practitioner's session notes about her clients (domain/notes): hers
// alone, for the console's note handlers; no learner route reads them.
struct NotesApi {
  domain::NoteService& notes;
};

// How the browser is told who it is: cookie names and attributes, and which
// origins may send state-changing requests.
struct WebSecurity {
  bool tls = false;           // served over HTTPS: Secure cookies, __Host- prefix
  std::string public_origin;  // "https://app.example.org": the one trusted Origin
  // Behind a reverse proxy every request comes from the proxy's address:
  // then the client's is the last X-Forwarded-For entry (which the proxy
  // added). Only when the operator says a proxy is in front.
  bool trust_forwarded_for = false;
};

struct ApiContext {
  http::BlockingPool& pool;
  MetricsRegistry& metrics;
  const Clock& clock;
  // Is the database answering? (storage's Database::Ping, injected by app/.)
  std::function<Status()> check_database;
  // First-run setup of the practitioner account.
  domain::SetupService& setup;
  AccountsApi accounts;
  WebSecurity web;
  // Password hashing (argon2id: ~19 MiB and tens of ms each) runs here, off
  // the I/O threads; beyond `hashing_queue_limit` waiting jobs the server
  // answers 503 rather than queue without bound.
  http::BlockingPool& hashing;
  std::size_t hashing_queue_limit = 32;
  // The content being served now (replaced on reload) and the learner's
  // side of the course.
  const domain::Catalog& catalog;
  domain::CourseService& courses;
  AssessmentApi assessment;
  PracticeApi practice;
  JournalApi journal;
  SchedulingApi scheduling;
  SharingApi sharing;
  // Who read or changed what (docs/api/sharing.md#the-audit-log): written
  // by the routes that show shared data or change her records; read in the
  // console.
  domain::AuditTrail& audit;
  // How often sign-up, reset mails, booking and exports may be asked for.
  domain::RateLimits& limits;
  NotesApi notes;
  // The content files, for the practitioner's console: read, preview, save
  // (checked whole first) and reload.
  domain::ContentEditor& content_editor;
  // A learner's own deletion of their account (DELETE /api/v1/me).
  domain::AccountDeletion& account_deletion;
  // Everything held about a learner, for their download (GET /me/export).
  domain::PersonalRecordsReader& personal_records;
  // metrics.token: the Bearer token GET /metrics asks for; empty: only a
  // direct loopback peer may read it (api/metrics_access.h).
  std::string metrics_token;
};

}  // namespace securebase::api
