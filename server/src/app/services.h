// Services: every domain object of a running site, built once on the open
// database in the order they depend on each other. `serve` puts an HTTP
// server and the ticker's jobs around them; the commands that act on one
// person's data (`export-user`, `delete-user`) use the very same objects, so
// a deletion or a download from the command line is the one the app makes.
//
// Thread-safety: built once; the parts are then safe from any thread.
#pragma once

#include <memory>
#include <vector>

#include "app/accounts_wiring.h"
#include "app/assessment_wiring.h"
#include "app/config.h"
#include "app/content_publisher.h"
#include "app/course_wiring.h"
#include "app/journal_wiring.h"
#include "app/notes_wiring.h"
#include "app/practice_wiring.h"
#include "app/privacy_wiring.h"
#include "app/scheduling_wiring.h"
#include "app/sharing_wiring.h"
#include "content/content_loader.h"
#include "domain/accounts/setup_service.h"
#include "domain/catalog/catalog.h"
#include "domain/limits/rate_limits.h"
#include "storage/database.h"
#include "storage/sql_rate_counter_repository.h"
#include "storage/sql_settings_repository.h"

namespace securebase::app {

class Services {
 public:
  // Loads the keys and checks the configuration the parts need; publishes
  // `content` (read and checked by the caller) on the catalog. The message
  // of a failure says what to fix.
  static Result<std::unique_ptr<Services>> Create(const Config& config, storage::Database& db,
                                                  const Clock& clock,
                                                  content::ContentSet&& content);

  Services(const Config& config, storage::Database& db, const Clock& clock,
           std::unique_ptr<AccountsWiring> accounts_wiring, std::vector<int> reminder_minutes);

  std::unique_ptr<AccountsWiring> accounts;
  storage::SqlSettingsRepository settings;
  domain::Catalog catalog;
  ContentPublisher publisher;
  CourseWiring course;
  AssessmentWiring assessment;
  PracticeWiring practice;
  JournalWiring journal;
  SchedulingWiring scheduling;
  SharingWiring sharing;
  NotesWiring notes;
  domain::SetupService setup;
  storage::SqlRateCounterRepository rate_counters;
  domain::RateLimits limits;
  PrivacyWiring privacy;
};

}  // namespace securebase::app
