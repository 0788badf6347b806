// JournalWiring: the journal entries' repository on the open database, the
// sealed format of their bodies and the service that seals, opens, lists and
// searches them, kept alive while serving. (Insights and export read through
// the same service.)
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include "api/api_context.h"
#include "api/journal_json.h"
#include "common/clock.h"
#include "common/secret_box.h"
#include "domain/journal/journal_service.h"
#include "storage/database.h"
#include "storage/sql_journal_repository.h"

namespace securebase::app {

struct JournalWiring {
  JournalWiring(storage::Database& db, const SecretBox& box, const Clock& clock)
      : entries(db), service(entries, box, codec, clock) {}

  api::JournalApi Api() { return api::JournalApi{service}; }

  storage::SqlJournalRepository entries;
  api::JsonJournalContentsCodec codec;  // before the service, which holds it
  domain::JournalService service;
};

}  // namespace securebase::app
