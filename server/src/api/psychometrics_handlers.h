// How each questionnaire behaves with the site's own learners, for the
// practitioner (docs/api/checkins.md, "Psychometrics"):
//   GET /api/v1/console/psychometrics
// n, mean, SD and Cronbach's alpha per subscale, figures only from 30 people
// (domain/assessment/psychometrics.h). The route is the practitioner's,
// after two-factor (api/routes.cc).
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ConsolePsychometricsHandler(ApiContext& ctx);

}  // namespace securebase::api
