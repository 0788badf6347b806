#include "api/psychometrics_handlers.h"

#include <boost/json.hpp>

#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

namespace {

json::value Number(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::object Encode(const domain::Questionnaire& q, const domain::Psychometrics& p) {
  json::array subscales;
  for (const auto& s : p.subscales) {
    const auto* subscale = q.FindSubscale(s.subscale);
    const auto& stats = s.statistics;
    subscales.push_back(json::object{
        {"id", s.subscale},
        {"title", subscale ? subscale->title : s.subscale},
        {"items", s.items},
        {"n", s.n},
        {"mean", Number(stats ? std::optional(stats->mean) : std::nullopt)},
        {"sd", Number(stats ? std::optional(stats->sd) : std::nullopt)},
        {"alpha", Number(stats ? stats->alpha : std::nullopt)},
        {"meaning", s.meaning},
    });
  }
  return {{"id", q.id},         {"version", q.version},
          {"title", q.title},   {"kind", domain::QuestionnaireKindName(q.kind)},
          {"people", p.people}, {"subscales", std::move(subscales)}};
}

}  // namespace

http::Handler ConsolePsychometricsHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    const auto content = ctx.catalog.Current();
    auto figures = co_await ctx.pool.Run(
        [&] { return ctx.assessment.checkins.SitePsychometrics(content->questionnaires); });
    if (!figures) co_return http::ProblemFromError(figures.error());
    json::array list;
    for (std::size_t i = 0; i < figures->size(); ++i) {
      list.push_back(Encode(content->questionnaires[i], (*figures)[i]));
    }
    co_return http::Json(status::ok, json::object{{"minimum_people", domain::kMinimumResponses},
                                                  {"questionnaires", std::move(list)}});
  };
}

}  // namespace securebase::api
