#include "app/assessment_wiring.h"

namespace securebase::app {

AssessmentWiring::AssessmentWiring(const Config& config, storage::Database& db, const Clock& clock)
    : checkins(db), service(checkins, clock, static_cast<int>(config.checkin_cadence_days)) {}

}  // namespace securebase::app
