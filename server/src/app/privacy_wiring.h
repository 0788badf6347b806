// PrivacyWiring: a learner's data rights and the notes' keeping period,
// kept alive while serving (or for one command) — the deletion of an
// account with the eraser it ends in, the reader of everything held about
// someone (their download, `securebase export-user`), and the session
// notes' retention pass the ticker runs.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include <chrono>

#include "domain/notes/note_retention.h"
#include "domain/privacy/account_deletion.h"
#include "domain/privacy/personal_records.h"
#include "storage/database.h"
#include "storage/sql_account_eraser.h"

namespace securebase::app {

struct PrivacyWiring {
  PrivacyWiring(storage::Database& db, const domain::AccountParts& parts, domain::Login& login,
                domain::TwoFactorService& two_factor, domain::BookingService& bookings,
                domain::AuditTrail& audit, domain::NoteRepository& notes,
                domain::PersonalSources sources, const Clock& clock, std::chrono::days keep_notes)
      : eraser(db),
        deletion(parts, login, two_factor, bookings, audit, eraser),
        records(sources),
        retention(notes, audit, clock, keep_notes) {}

  storage::SqlAccountEraser eraser;
  domain::AccountDeletion deletion;
  domain::PersonalRecordsReader records;
  domain::NoteRetention retention;
};

}  // namespace securebase::app
