#include "api/routes.h"

#include "api/access_guard.h"
#include "api/audit_handlers.h"
#include "api/auth_handlers.h"
#include "api/booking_handlers.h"
#include "api/checkin_handlers.h"
#include "api/client_handlers.h"
#include "api/console_content_handlers.h"
#include "api/course_handlers.h"
#include "api/crisis_lines_handlers.h"
#include "api/email_handlers.h"
#include "api/health_handlers.h"
#include "api/journal_handlers.h"
#include "api/journal_report_handlers.h"
#include "api/me_handlers.h"
#include "api/mfa_handlers.h"
#include "api/note_handlers.h"
#include "api/password_handlers.h"
#include "api/personal_export_handlers.h"
#include "api/practice_handlers.h"
#include "api/practice_session_handlers.h"
#include "api/psychometrics_handlers.h"
#include "api/questionnaire_handlers.h"
#include "api/rate_limited.h"
#include "api/scheduling_handlers.h"
#include "api/session_list_handlers.h"
#include "api/setup_handlers.h"
#include "api/share_handlers.h"
#include "api/waitlist_handlers.h"

namespace securebase::api {

using http::Access;
using http::Route;
using Verb = boost::beast::http::verb;

namespace {
// Small JSON forms: a few fields each.
constexpr std::size_t kFormBytes = 16 * 1024;
// A reflection answer: up to domain::kMaxAnswerBytes of text, JSON-escaped.
constexpr std::size_t kAnswerBytes = 8 * domain::kMaxAnswerBytes;
// A schedule: up to 50 weekly ranges and 400 dated overrides.
constexpr std::size_t kSetupBytes = 64 * 1024;
// A booking: ten intake answers of up to 2,000 characters, JSON-escaped.
constexpr std::size_t kBookingBytes = 10 * 6 * domain::kMaxIntakeAnswerChars + 4096;
// A share: 200 journal entry ids of up to 36 characters, JSON-quoted.
constexpr std::size_t kShareBytes = 16 * 1024;
}  // namespace

void AddRoutes(http::Router& router, ApiContext& ctx) {
  // Every route passes the access guard (CSRF, session, two-factor, role):
  // the one place where "who may call this" is enforced.
  const auto add = [&](Verb method, std::string pattern, Access access, http::Handler handler,
                       std::size_t max_body = 0, bool json_body = false) {
    router.Add(Guarded(
        ctx, Route{method, std::move(pattern), access, std::move(handler), max_body, json_body}));
  };
  const auto form = [&](std::string pattern, Access access, http::Handler handler) {
    add(Verb::post, std::move(pattern), access, std::move(handler), kFormBytes, true);
  };

  // Operations: probes and metrics, for load balancers and Prometheus.
  add(Verb::get, "/healthz", Access::kPublic, HealthzHandler(ctx));
  add(Verb::get, "/readyz", Access::kPublic, ReadyzHandler(ctx));
  add(Verb::get, "/metrics", Access::kPublic, MetricsHandler(ctx));

  // Safety: help now, signed in or not.
  add(Verb::get, "/api/v1/crisis-lines", Access::kPublic, CrisisLinesHandler(ctx));

  // Accounts: first-run setup of the practitioner (refuses once done).
  add(Verb::get, "/api/v1/setup", Access::kPublic, GetSetupHandler(ctx));
  form("/api/v1/setup", Access::kPublic, PostSetupHandler(ctx));

  // Accounts: signing up and in (docs/api/accounts.md).
  // Sign-ups, reset mails, bookings and exports are rate limited per address
  // and per account (domain/limits/rate_limits.h); log-in has its own waits.
  // Every mail that asks someone to confirm an address (signing up, sending
  // the link again, changing the email) counts against the sign-up limits,
  // so none of them can be used to flood someone's inbox.
  using domain::LimitedAction;
  form("/api/v1/auth/signup", Access::kPublic,
       RateLimited(ctx, LimitedAction::kSignUp, LimitedBy::kBodyEmail, SignUpHandler(ctx)));
  form("/api/v1/auth/verify", Access::kPublic, VerifyEmailHandler(ctx));
  form("/api/v1/auth/verify/resend", Access::kPublic,
       RateLimited(ctx, LimitedAction::kSignUp, LimitedBy::kBodyEmail,
                   ResendVerificationHandler(ctx)));
  form("/api/v1/auth/login", Access::kPublic, LoginHandler(ctx));
  form("/api/v1/auth/logout", Access::kSignedIn, LogoutHandler(ctx));
  form("/api/v1/auth/password/forgot", Access::kPublic,
       RateLimited(ctx, LimitedAction::kPasswordForgot, LimitedBy::kBodyEmail,
                   ForgotPasswordHandler(ctx)));
  form("/api/v1/auth/password/reset", Access::kPublic,
       RateLimited(ctx, LimitedAction::kPasswordReset, LimitedBy::kAddressOnly,
                   ResetPasswordHandler(ctx)));
  form("/api/v1/auth/password/change", Access::kLearner, ChangePasswordHandler(ctx));
  form("/api/v1/auth/email/change", Access::kLearner,
       RateLimited(ctx, LimitedAction::kSignUp, LimitedBy::kCaller, ChangeEmailHandler(ctx)));
  form("/api/v1/auth/email/confirm", Access::kPublic, ConfirmEmailHandler(ctx));

  // Accounts: two-factor. Reachable by a session that still owes its code.
  form("/api/v1/auth/mfa", Access::kSignedIn, MfaHandler(ctx));
  form("/api/v1/auth/mfa/enroll", Access::kSignedIn, MfaEnrollHandler(ctx));
  form("/api/v1/auth/mfa/confirm", Access::kSignedIn, MfaConfirmHandler(ctx));
  // New recovery codes: only once signed in with the second factor, and the
  // password again (wrong ones slowed as at log-in). Each renewal mails the
  // owner, so it also counts against the per-person limit of the other
  // routes that send account mail on request.
  form("/api/v1/auth/mfa/recovery-codes", Access::kLearner,
       RateLimited(ctx, LimitedAction::kSignUp, LimitedBy::kCaller, MfaRecoveryCodesHandler(ctx)));

  // The signed-in person.
  add(Verb::get, "/api/v1/me", Access::kSignedIn, GetMeHandler(ctx));
  add(Verb::patch, "/api/v1/me", Access::kLearner, PatchMeHandler(ctx), kFormBytes, true);
  // Everything held about them, as a zip of JSON (docs/data-export.md).
  add(Verb::get, "/api/v1/me/export", Access::kLearner,
      RateLimited(ctx, LimitedAction::kExport, LimitedBy::kCaller, ExportMeHandler(ctx)));
  // Their signed-in browsers: see them, end one, end all the others.
  add(Verb::get, "/api/v1/me/sessions", Access::kLearner, ListSessionsHandler(ctx));
  add(Verb::delete_, "/api/v1/me/sessions/{id}", Access::kLearner, EndSessionHandler(ctx));
  add(Verb::delete_, "/api/v1/me/sessions", Access::kLearner, EndOtherSessionsHandler(ctx));

  // The course: reading, progress and reflection answers (docs/api/course.md).
  add(Verb::get, "/api/v1/courses", Access::kLearner, ListCoursesHandler(ctx));
  add(Verb::get, "/api/v1/courses/{id}", Access::kLearner, GetCourseHandler(ctx));
  add(Verb::get, "/api/v1/lessons/{id}", Access::kLearner, GetLessonHandler(ctx));
  add(Verb::put, "/api/v1/lessons/{id}/progress", Access::kLearner, PutLessonProgressHandler(ctx),
      kFormBytes, true);
  add(Verb::get, "/api/v1/lessons/{id}/answers", Access::kLearner, GetLessonAnswersHandler(ctx));
  add(Verb::put, "/api/v1/lessons/{id}/answers/{prompt}", Access::kLearner,
      PutLessonAnswerHandler(ctx), kAnswerBytes, true);

  // The check-in: questionnaires (readable before signing up), results and
  // the personal plan (docs/api/checkins.md).
  add(Verb::get, "/api/v1/questionnaires", Access::kPublic, ListQuestionnairesHandler(ctx));
  add(Verb::get, "/api/v1/questionnaires/{id}", Access::kPublic, GetQuestionnaireHandler(ctx));
  form("/api/v1/checkins", Access::kLearner, PostCheckinHandler(ctx));
  add(Verb::get, "/api/v1/checkins", Access::kLearner, ListCheckinsHandler(ctx));
  add(Verb::get, "/api/v1/checkins/{id}", Access::kLearner, GetCheckinHandler(ctx));
  add(Verb::get, "/api/v1/plan", Access::kLearner, GetPlanHandler(ctx));

  // Practices: the catalogue, open before signing up and cached for
  // offline use (docs/api/practices.md).
  add(Verb::get, "/api/v1/practices", Access::kPublic, ListPracticesHandler(ctx));
  add(Verb::get, "/api/v1/practices/{id}", Access::kPublic, GetPracticeHandler(ctx));
  // The learner's own sessions (sent again from an offline queue: counted
  // once) and what they add up to.
  form("/api/v1/practice-sessions", Access::kLearner, PostPracticeSessionHandler(ctx));
  add(Verb::get, "/api/v1/practice-sessions", Access::kLearner, ListPracticeSessionsHandler(ctx));
  add(Verb::get, "/api/v1/practice-stats", Access::kLearner, GetPracticeStatsHandler(ctx));

  // The journal (docs/api/journal.md): the learner's own entries, sealed at
  // rest; another learner's are 404 as missing ones.
  add(Verb::put, "/api/v1/journal/entries/{id}", Access::kLearner, PutJournalEntryHandler(ctx),
      kJournalEntryBytes, true);
  add(Verb::get, "/api/v1/journal/entries/{id}", Access::kLearner, GetJournalEntryHandler(ctx));
  add(Verb::delete_, "/api/v1/journal/entries/{id}", Access::kLearner,
      DeleteJournalEntryHandler(ctx));
  add(Verb::get, "/api/v1/journal/entries", Access::kLearner, ListJournalEntriesHandler(ctx));
  // What the trigger logs show together, and the whole journal as a download.
  add(Verb::get, "/api/v1/journal/insights", Access::kLearner, GetJournalInsightsHandler(ctx));
  add(Verb::get, "/api/v1/journal/export", Access::kLearner,
      RateLimited(ctx, LimitedAction::kExport, LimitedBy::kCaller, ExportJournalHandler(ctx)));

  // Sharing (docs/api/sharing.md): what a learner lets the practitioner see.
  add(Verb::get, "/api/v1/shares", Access::kLearner, ListSharesHandler(ctx));
  add(Verb::put, "/api/v1/shares", Access::kLearner, PutShareHandler(ctx), kShareBytes, true);
  add(Verb::delete_, "/api/v1/shares", Access::kLearner, DeleteSharesHandler(ctx));
  add(Verb::get, "/api/v1/shares/reads", Access::kLearner, ListShareReadsHandler(ctx));

  // Booking: the practitioner's setup (docs/api/scheduling.md).
  constexpr auto kConsole = Access::kPractitioner;
  add(Verb::get, "/api/v1/console/psychometrics", kConsole, ConsolePsychometricsHandler(ctx));
  // Her clients and what each shares; opening one is audited.
  add(Verb::get, "/api/v1/console/clients", kConsole, ListClientsHandler(ctx));
  add(Verb::get, "/api/v1/console/clients/{id}", kConsole, GetClientHandler(ctx));
  // Who read or changed what, newest first (docs/api/sharing.md).
  add(Verb::get, "/api/v1/console/audit", kConsole, ConsoleAuditHandler(ctx));
  add(Verb::get, "/api/v1/console/schedule", kConsole, GetScheduleHandler(ctx));
  add(Verb::put, "/api/v1/console/schedule", kConsole, PutScheduleHandler(ctx), kSetupBytes, true);
  add(Verb::get, "/api/v1/console/booking-settings", kConsole, GetBookingSettingsHandler(ctx));
  add(Verb::put, "/api/v1/console/booking-settings", kConsole, PutBookingSettingsHandler(ctx),
      kFormBytes, true);
  add(Verb::get, "/api/v1/console/session-types", kConsole, ListSessionTypesHandler(ctx));
  form("/api/v1/console/session-types", kConsole, PostSessionTypeHandler(ctx));
  add(Verb::put, "/api/v1/console/session-types/{id}", kConsole, PutSessionTypeHandler(ctx),
      kFormBytes, true);
  add(Verb::delete_, "/api/v1/console/session-types/{id}", kConsole, DeleteSessionTypeHandler(ctx));
  // Her calendar: who booked, what they answered, who came.
  add(Verb::get, "/api/v1/console/bookings", kConsole, ListConsoleBookingsHandler(ctx));
  add(Verb::get, "/api/v1/console/bookings/{id}/intake", kConsole,
      GetConsoleBookingIntakeHandler(ctx));
  form("/api/v1/console/bookings/{id}/cancel", kConsole, ConsoleCancelBookingHandler(ctx));
  form("/api/v1/console/bookings/{id}/attendance", kConsole, ConsoleAttendanceHandler(ctx));
  add(Verb::get, "/api/v1/console/waitlist", kConsole, ConsoleWaitlistHandler(ctx));
  // Her private calendar feed: the URL's secret is the key, so the file
  // itself is public.
  add(Verb::get, "/api/v1/console/calendar-feed", kConsole, GetCalendarFeedHandler(ctx));
  form("/api/v1/console/calendar-feed", kConsole, CreateCalendarFeedHandler(ctx));
  add(Verb::delete_, "/api/v1/console/calendar-feed", kConsole, RevokeCalendarFeedHandler(ctx));
  add(Verb::get, "/calendar/{file}", Access::kPublic, CalendarFileHandler(ctx));
  // Her session notes (docs/api/notes.md): hers alone, sealed at rest; no
  // learner route reads them.
  add(Verb::get, "/api/v1/console/clients/{id}/notes", kConsole, ListClientNotesHandler(ctx));
  add(Verb::post, "/api/v1/console/clients/{id}/notes", kConsole, PostClientNoteHandler(ctx),
      kNoteBytes, true);
  add(Verb::put, "/api/v1/console/notes/{id}", kConsole, PutNoteHandler(ctx), kNoteBytes, true);
  add(Verb::delete_, "/api/v1/console/notes/{id}", kConsole, DeleteNoteHandler(ctx));
  // The course content (docs/api/content.md): edits are checked whole
  // before they are written, and published as an import is.
  add(Verb::get, "/api/v1/console/content", kConsole, ListConsoleContentHandler(ctx));
  add(Verb::get, "/api/v1/console/content/file", kConsole, GetConsoleContentFileHandler(ctx));
  add(Verb::put, "/api/v1/console/content/file", kConsole, PutConsoleContentFileHandler(ctx),
      kContentFileBodyBytes, true);
  add(Verb::post, "/api/v1/console/content/preview", kConsole, PreviewConsoleContentHandler(ctx),
      kContentFileBodyBytes, true);
  form("/api/v1/console/content/reload", kConsole, ReloadConsoleContentHandler(ctx));

  // Booking: clients choose a type and a time; the database keeps bookings
  // from overlapping.
  add(Verb::get, "/api/v1/session-types", Access::kLearner, GetBookingCatalogHandler(ctx));
  add(Verb::get, "/api/v1/slots", Access::kLearner, GetSlotsHandler(ctx));
  add(Verb::post, "/api/v1/bookings", Access::kLearner,
      RateLimited(ctx, LimitedAction::kBooking, LimitedBy::kCaller, PostBookingHandler(ctx)),
      kBookingBytes, true);
  add(Verb::get, "/api/v1/bookings", Access::kLearner, ListBookingsHandler(ctx));
  add(Verb::get, "/api/v1/bookings/{id}", Access::kLearner, GetBookingHandler(ctx));
  form("/api/v1/bookings/{id}/cancel", Access::kLearner, CancelBookingHandler(ctx));
  form("/api/v1/bookings/{id}/reschedule", Access::kLearner, RescheduleBookingHandler(ctx));
  // When nothing is free: wait, and be told when a time opens.
  add(Verb::get, "/api/v1/waitlist", Access::kLearner, ListWaitlistHandler(ctx));
  form("/api/v1/waitlist", Access::kLearner, JoinWaitlistHandler(ctx));
  add(Verb::delete_, "/api/v1/waitlist/{id}", Access::kLearner, LeaveWaitlistHandler(ctx));

  // Deleting their account (docs/api/accounts.md#deleting-your-account).
  add(Verb::delete_, "/api/v1/me", Access::kLearner, DeleteMeHandler(ctx), kFormBytes, true);
}

}  // namespace securebase::api
