#include "api/audit_handlers.h"

#include <boost/json.hpp>

#include "api/query_params.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

namespace {

// {"id", "name"}; name is null for an account since deleted.
json::value Person(const std::string& id, const std::string& name) {
  return json::object{{"id", id},
                      {"name", name.empty() ? json::value(nullptr) : json::value(name)}};
}

json::object Encode(const domain::AuditLine& line) {
  const auto& e = line.entry;
  return {
      {"id", e.id},
      {"at", Rfc3339(e.at)},
      {"action", e.action},
      {"actor", Person(e.actor_id, line.actor_name)},
      {"subject", e.subject_id ? Person(*e.subject_id, line.subject_name) : json::value(nullptr)},
      {"detail", e.detail}};
}

std::optional<std::string> Text(const http::Request& req, std::string_view name) {
  const auto value = QueryValue(req, name);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

}  // namespace

http::Handler ConsoleAuditHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    domain::AuditFilter filter;
    filter.actor_id = Text(req, "actor");
    filter.subject_id = Text(req, "subject");
    filter.action = Text(req, "action");
    filter.from = QueryInstant(req, "from", errors);
    filter.to = QueryInstant(req, "to", errors);
    filter.before = Text(req, "before");
    filter.limit = QueryInt(req, "limit", "must be a whole number", errors).value_or(50);
    if (!errors.empty()) co_return Refused(std::move(errors));
    auto page = co_await ctx.pool.Run([&] { return ctx.audit.Search(filter); });
    if (!page) co_return http::ProblemFromError(page.error());
    json::array entries;
    for (const auto& line : page->entries) entries.push_back(Encode(line));
    json::array actions;
    for (const auto action : domain::AuditActions()) actions.push_back(json::string(action));
    co_return http::Json(status::ok,
                         json::object{{"entries", std::move(entries)},
                                      {"next", page->next ? json::value(*page->next) : nullptr},
                                      {"actions", std::move(actions)}});
  };
}

}  // namespace securebase::api
