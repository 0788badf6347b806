// SharingWiring: the audit log and sharing, kept alive while serving — the
// audit log's rows and trail, the shares' repository, the learner's sharing
// service and the practitioner's client records, which read what is shared
// through the services that show learners their own records.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "api/api_context.h"
#include "common/clock.h"
#include "domain/accounts/user_repository.h"
#include "domain/audit/audit_trail.h"
#include "domain/journal/journal_repository.h"
#include "domain/scheduling/booking_repository.h"
#include "domain/scheduling/booking_service.h"
#include "domain/sharing/client_records.h"
#include "domain/sharing/sharing_service.h"
#include "storage/database.h"
#include "storage/sql_audit_repository.h"
#include "storage/sql_share_repository.h"

namespace securebase::app {

struct SharingWiring {
  SharingWiring(storage::Database& db, domain::UserRepository& users,
                domain::JournalRepository& journal, domain::BookingRepository& bookings,
                domain::BookingService& sessions, domain::SharedSources sources, const Clock& clock)
      : audit_rows(db),
        audit(audit_rows, users, clock),
        shares(db),
        service(shares, users, journal, audit, clock),
        clients(shares, users, bookings, sessions, sources, audit, clock) {}

  api::SharingApi Api() { return api::SharingApi{service, clients}; }

  storage::SqlAuditRepository audit_rows;
  domain::AuditTrail audit;
  storage::SqlShareRepository shares;
  domain::SharingService service;
  domain::ClientRecords clients;
};

}  // namespace securebase::app
