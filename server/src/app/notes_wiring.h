// NotesWiring: the practitioner's session notes — their repository on the
// open database and the service that seals, opens and audits them — kept
// alive while serving. It reads the accounts (is the id a client's?) and
// the bookings (is the session hers?), and writes to the audit trail.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "api/api_context.h"
#include "common/clock.h"
#include "common/secret_box.h"
#include "domain/accounts/user_repository.h"
#include "domain/audit/audit_trail.h"
#include "domain/notes/note_service.h"
#include "domain/scheduling/booking_repository.h"
#include "storage/database.h"
#include "storage/sql_note_repository.h"

namespace securebase::app {

struct NotesWiring {
  NotesWiring(storage::Database& db, domain::UserRepository& users,
              domain::BookingRepository& bookings, domain::AuditTrail& audit, const SecretBox& box,
              const Clock& clock)
      : notes(db), service(notes, users, bookings, audit, box, clock) {}

  api::NotesApi Api() { return api::NotesApi{service}; }

  storage::SqlNoteRepository notes;
  domain::NoteService service;
};

}  // namespace securebase::app
