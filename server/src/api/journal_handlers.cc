#include "api/journal_handlers.h"

#include <boost/json.hpp>

#include <algorithm>
#include <string>

#include "api/access_guard.h"
#include "api/journal_json.h"
#include "api/json_body.h"
#include "api/query_params.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;

namespace {

// Whether `field` is `named` or lies inside it ("trigger.emotions[1].name"
// inside "trigger.emotions" or "trigger").
bool Within(const std::string& field, const std::string& named) {
  if (field.size() < named.size() || field.compare(0, named.size(), named) != 0) return false;
  return field.size() == named.size() || field[named.size()] == '.' || field[named.size()] == '[';
}

std::optional<std::string> QueryText(const http::Request& req, std::string_view name) {
  const auto text = req.Query(name);
  if (!text) return std::nullopt;
  return std::string(*text);
}

}  // namespace

http::Handler PutJournalEntryHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    DecodedJournalDraft decoded = DecodeJournalDraft(req.Param("id"), *body);
    if (!decoded.errors.empty()) {
      // Name every field at once: what could not be read, and the rules the
      // rest breaks (not again inside a field already named).
      std::vector<FieldError> errors = std::move(decoded.errors);
      for (auto& e : domain::CheckJournalDraft(decoded.draft, ctx.clock.Now())) {
        const bool named = std::any_of(errors.begin(), errors.end(), [&](const FieldError& f) {
          return Within(e.field, f.field);
        });
        if (!named) errors.push_back(std::move(e));
      }
      co_return Refused(std::move(errors));
    }
    const std::string user = CallerSession(req).user_id;
    auto saved =
        co_await ctx.pool.Run([&] { return ctx.journal.entries.Save(user, decoded.draft); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::Json(saved->created ? status::created : status::ok,
                         EncodeJournalEntry(saved->entry));
  };
}

http::Handler GetJournalEntryHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto entry = co_await ctx.pool.Run([&] { return ctx.journal.entries.Find(user, id); });
    if (!entry) co_return http::ProblemFromError(entry.error());
    co_return http::Json(status::ok, EncodeJournalEntry(*entry));
  };
}

http::Handler DeleteJournalEntryHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto deleted = co_await ctx.pool.Run([&] { return ctx.journal.entries.Delete(user, id); });
    if (!deleted) co_return http::ProblemFromError(deleted.error());
    co_return http::NoContent();
  };
}

http::Handler ListJournalEntriesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    // The words searched for are never logged: the access log names the
    // route pattern only, and the service logs ids alone.
    const domain::JournalQuery query{QueryText(req, "q"),      QueryText(req, "kind"),
                                     QueryText(req, "sign"),   QueryText(req, "state"),
                                     QueryText(req, "tag"),    QueryText(req, "from"),
                                     QueryText(req, "to"),     QueryText(req, "tz"),
                                     QueryText(req, "before"), QueryText(req, "limit")};
    const std::string user = CallerSession(req).user_id;
    auto page = co_await ctx.pool.Run([&] { return ctx.journal.entries.List(user, query); });
    if (!page) co_return http::ProblemFromError(page.error());
    co_return http::Json(status::ok, EncodeJournalPage(*page));
  };
}

}  // namespace securebase::api
