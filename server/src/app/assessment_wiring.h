// AssessmentWiring: the check-in's repository on the open database and the
// check-in service with its configured cadence, kept alive while serving.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "api/api_context.h"
#include "app/config.h"
#include "common/clock.h"
#include "domain/assessment/checkin_service.h"
#include "storage/database.h"
#include "storage/sql_checkin_repository.h"

namespace securebase::app {

struct AssessmentWiring {
  AssessmentWiring(const Config& config, storage::Database& db, const Clock& clock);

  api::AssessmentApi Api() { return api::AssessmentApi{service}; }

  storage::SqlCheckinRepository checkins;
  domain::CheckinService service;
};

}  // namespace securebase::app
