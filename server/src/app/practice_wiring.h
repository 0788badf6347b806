// PracticeWiring: the practice sessions' repository on the open database and
// the service that records them and works out the stats, kept alive while
// serving.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "api/api_context.h"
#include "common/clock.h"
#include "domain/accounts/user_repository.h"
#include "domain/practice/practice_session_service.h"
#include "storage/database.h"
#include "storage/sql_practice_session_repository.h"

namespace securebase::app {

struct PracticeWiring {
  PracticeWiring(storage::Database& db, domain::UserRepository& users, const Clock& clock)
      : sessions(db), service(sessions, users, clock) {}

  api::PracticeApi Api() { return api::PracticeApi{service}; }

  storage::SqlPracticeSessionRepository sessions;
  domain::PracticeSessionService service;
};

}  // namespace securebase::app
