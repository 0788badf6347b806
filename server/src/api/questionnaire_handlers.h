// The questionnaires being served (docs/api/checkins.md), open to anyone so
// that the check-in can be read before signing up:
//   GET /api/v1/questionnaires        the list, in file-name order
//   GET /api/v1/questionnaires/{id}   one, with its scale and items
// Each request reads the catalog snapshot current when it arrives.
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler ListQuestionnairesHandler(ApiContext& ctx);
http::Handler GetQuestionnaireHandler(ApiContext& ctx);

}  // namespace securebase::api
