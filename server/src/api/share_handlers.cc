#include "api/share_handlers.h"

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_reader.h"
#include "api/query_params.h"
#include "api/share_json.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

namespace json = boost::json;
using boost::beast::http::status;

http::Handler ListSharesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string learner = CallerSession(req).user_id;
    auto shares = co_await ctx.pool.Run([&] { return ctx.sharing.shares.ForLearner(learner); });
    if (!shares) co_return http::ProblemFromError(shares.error());
    json::array list;
    for (const auto& s : *shares) list.push_back(EncodePractitionerShare(s));
    co_return http::Json(status::ok, json::object{{"practitioners", std::move(list)}});
  };
}

http::Handler PutShareHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "",
                {"practitioner_id", "checkins", "practice", "course", "journal_entries"});
    domain::ShareChoice choice;
    choice.practitioner_id = r.Text(*body, "", "practitioner_id");
    if (choice.practitioner_id.empty()) r.Fail("practitioner_id", "is required");
    const auto flag = [&](const char* key, bool& into) {
      const auto value = r.Bool(*body, "", key);
      if (!value && !body->contains(key)) r.Fail(key, "is required: true or false");
      into = value.value_or(false);
    };
    flag("checkins", choice.checkins);
    flag("practice", choice.practice);
    flag("course", choice.course);
    if (!body->contains("journal_entries")) {
      r.Fail("journal_entries", "is required: a list of entry ids, empty to share none");
    }
    choice.journal_entry_ids = r.TextList(*body, "", "journal_entries");
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string learner = CallerSession(req).user_id;
    auto saved = co_await ctx.pool.Run([&] { return ctx.sharing.shares.Choose(learner, choice); });
    if (!saved) co_return http::ProblemFromError(saved.error());
    co_return http::Json(status::ok, EncodePractitionerShare(*saved));
  };
}

http::Handler DeleteSharesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string learner = CallerSession(req).user_id;
    // Present but empty is a mistake, not "everyone": that is the parameter left out.
    const auto from = req.Query("practitioner_id");
    if (from && from->empty()) {
      co_return Refused(
          {{"practitioner_id", "is empty: leave it out to stop sharing with everyone"}});
    }
    const std::optional<std::string> practitioner =
        from ? std::optional<std::string>(*from) : std::nullopt;
    auto revoked =
        co_await ctx.pool.Run([&] { return ctx.sharing.shares.Revoke(learner, practitioner); });
    if (!revoked) co_return http::ProblemFromError(revoked.error());
    co_return http::NoContent();
  };
}

http::Handler ListShareReadsHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    std::vector<FieldError> errors;
    const int limit = QueryInt(req, "limit", "must be a whole number", errors).value_or(20);
    if (!errors.empty()) co_return Refused(std::move(errors));
    const auto before = QueryValue(req, "before");
    const std::string learner = CallerSession(req).user_id;
    auto reads = co_await ctx.pool.Run([&] {
      return ctx.sharing.shares.ReadsOf(
          learner, limit, before ? std::optional<std::string>(*before) : std::nullopt);
    });
    if (!reads) co_return http::ProblemFromError(reads.error());
    json::array list;
    for (const auto& line : reads->entries) {
      list.push_back(json::object{
          {"id", line.entry.id},
          {"at", Rfc3339(line.entry.at)},
          {"practitioner",
           json::object{{"id", line.entry.actor_id},
                        {"name", line.actor_name.empty() ? json::value(nullptr)
                                                         : json::value(line.actor_name)}}},
          // "shared.read" (detail: the kinds shown) or "intake.read" (detail:
          // "booking:<id>").
          {"action", line.entry.action},
          {"detail", line.entry.detail}});
    }
    co_return http::Json(status::ok,
                         json::object{{"reads", std::move(list)},
                                      {"next", reads->next ? json::value(*reads->next) : nullptr}});
  };
}

}  // namespace securebase::api
