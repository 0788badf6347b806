// Everything an ApiContext refers to, on fakes (support/account_world.h for
// the accounts, in-memory repositories for the rest), for tests that call
// handlers or the whole route table directly. The web security settings
// and the hashing queue limit are the test's to choose.
#pragma once

#include <memory>
#include <vector>

#include "api/api_context.h"
#include "api/journal_json.h"
#include "domain/assessment/checkin_service.h"
#include "domain/audit/audit_trail.h"
#include "domain/catalog/catalog.h"
#include "domain/course/course_service.h"
#include "domain/journal/journal_service.h"
#include "domain/notes/note_service.h"
#include "domain/practice/practice_session_service.h"
#include "domain/privacy/account_deletion.h"
#include "domain/privacy/personal_records.h"
#include "domain/scheduling/booking_service.h"
#include "domain/scheduling/scheduling_setup.h"
#include "domain/sharing/client_records.h"
#include "domain/sharing/sharing_service.h"
#include "fakes/memory_audit_repository.h"
#include "fakes/memory_booking_repository.h"
#include "fakes/memory_checkin_repository.h"
#include "fakes/memory_journal_repository.h"
#include "fakes/memory_lesson_progress_repository.h"
#include "fakes/memory_note_repository.h"
#include "fakes/memory_practice_session_repository.h"
#include "fakes/memory_prompt_answer_repository.h"
#include "fakes/memory_rate_counter_repository.h"
#include "fakes/memory_settings_repository.h"
#include "fakes/memory_share_repository.h"
#include "fakes/memory_waitlist_repository.h"
#include "fakes/no_content_files.h"
#include "fakes/recording_account_eraser.h"
#include "http/blocking_pool.h"
#include "support/account_world.h"

namespace securebase::testing {

struct ApiWorld {
  explicit ApiWorld(api::WebSecurity web = {}, std::size_t hashing_queue_limit = 32)
      : ctx{pool,
            metrics,
            w.clock,
            [] { return Status{}; },
            setup,
            api::AccountsApi{w.parts, w.registration, w.login, w.passwords, w.email_change,
                             w.two_factor},
            std::move(web),
            hashing,
            hashing_queue_limit,
            catalog,
            courses,
            api::AssessmentApi{checkin_service},
            api::PracticeApi{practice_service},
            api::JournalApi{journal_service},
            api::SchedulingApi{scheduling_setup, booking_service, waitlist, calendar_feed},
            api::SharingApi{sharing_service, client_records},
            audit,
            limits,
            api::NotesApi{note_service},
            content_editor,
            account_deletion,
            personal_records,
            ""} {}

  AccountWorld w;
  fakes::MemorySettingsRepository settings;
  domain::SetupService setup{w.users, settings, w.account_service, w.clock};
  MetricsRegistry metrics;
  http::BlockingPool pool{2};
  http::BlockingPool hashing{1};
  domain::Catalog catalog;
  fakes::MemoryLessonProgressRepository lesson_progress;
  fakes::MemoryPromptAnswerRepository prompt_answers;
  domain::CourseService courses{catalog, lesson_progress, prompt_answers, w.box, w.clock};
  fakes::MemoryCheckinRepository checkins;
  domain::CheckinService checkin_service{checkins, w.clock};
  fakes::MemoryPracticeSessionRepository practice_sessions;
  domain::PracticeSessionService practice_service{practice_sessions, w.users, w.clock};
  fakes::MemoryJournalRepository journal_entries;
  api::JsonJournalContentsCodec journal_codec;
  domain::JournalService journal_service{journal_entries, w.box, journal_codec, w.clock};
  domain::SchedulingSetup scheduling_setup{settings, w.clock};
  fakes::MemoryBookingRepository bookings;
  fakes::RecordingBookingNotices booking_notices;
  domain::BookingService booking_service{bookings, scheduling_setup, w.users,
                                         w.box,    booking_notices,  w.clock};
  fakes::MemoryWaitlistRepository waitlist_places;
  domain::Waitlist waitlist{waitlist_places, booking_service, scheduling_setup,       w.outbox,
                            w.users,         w.clock,         "http://localhost:8080"};
  domain::CalendarFeed calendar_feed{settings, bookings, scheduling_setup, w.clock,
                                     "http://localhost:8080"};
  fakes::MemoryAuditRepository audit_rows;
  domain::AuditTrail audit{audit_rows, w.users, w.clock};
  fakes::MemoryShareRepository shares;
  domain::SharingService sharing_service{shares, w.users, journal_entries, audit, w.clock};
  domain::ClientRecords client_records{
      shares,
      w.users,
      bookings,
      booking_service,
      {catalog, checkin_service, practice_service, courses, journal_service},
      audit,
      w.clock};
  fakes::MemoryNoteRepository note_rows;
  domain::NoteService note_service{note_rows, w.users, bookings, audit, w.box, w.clock};
  fakes::MemoryRateCounterRepository rate_counters;
  domain::RateLimits limits{rate_counters, w.clock, domain::RateLimitSettings{}};
  fakes::NoContentFiles content_editor;
  fakes::RecordingAccountEraser eraser;
  domain::AccountDeletion account_deletion{w.parts,         w.login, w.two_factor,
                                           booking_service, audit,   eraser};
  domain::PersonalRecordsReader personal_records{
      {catalog, w.users, w.sessions, w.two_factor, checkin_service, practice_service, courses,
       journal_service, booking_service, waitlist, sharing_service}};
  api::ApiContext ctx;
};

}  // namespace securebase::testing
