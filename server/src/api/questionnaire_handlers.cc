#include "api/questionnaire_handlers.h"

#include <boost/json.hpp>

#include "api/checkin_json.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

http::Handler ListQuestionnairesHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    boost::json::array list;
    for (const auto& q : content->questionnaires) list.push_back(EncodeQuestionnaireSummary(q));
    co_return http::Json(status::ok, boost::json::object{{"questionnaires", std::move(list)}});
  };
}

http::Handler GetQuestionnaireHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    const auto* q = domain::FindQuestionnaire(content->questionnaires, req.Param("id"));
    if (!q)
      co_return http::ProblemFromError(NotFound("There is no questionnaire with this id.").error());
    co_return http::Json(status::ok, EncodeQuestionnaire(*q));
  };
}

}  // namespace securebase::api
