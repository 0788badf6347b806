#include "api/note_handlers.h"

#include <boost/json.hpp>

#include "api/access_guard.h"
#include "api/json_body.h"
#include "api/json_reader.h"
#include "api/query_params.h"
#include "common/rfc3339.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
namespace json = boost::json;

namespace {

json::value OrNull(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::value OrNull(const std::optional<Instant>& at) {
  return at ? json::value(Rfc3339(*at)) : json::value(nullptr);
}

json::object EncodeNote(const domain::SessionNote& n) {
  return {{"id", n.id},
          {"client_id", n.client_id},
          {"booking_id", OrNull(n.booking_id)},
          {"booking_start", OrNull(n.booking_start)},
          {"written_at", Rfc3339(n.written_at)},
          {"updated_at", Rfc3339(n.updated_at)},
          {"text", n.text}};
}

json::object EncodeUnreadable(const domain::UnreadableNote& n) {
  return {{"id", n.id},
          {"booking_id", OrNull(n.booking_id)},
          {"written_at", Rfc3339(n.written_at)},
          {"updated_at", Rfc3339(n.updated_at)}};
}

}  // namespace

http::Handler ListClientNotesHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string author = CallerSession(req).user_id;
    const std::string client(req.Param("id"));
    auto found = co_await ctx.pool.Run([&] { return ctx.notes.notes.About(author, client); });
    if (!found) co_return http::ProblemFromError(found.error());
    json::array notes, unreadable;
    for (const auto& n : found->notes) notes.push_back(EncodeNote(n));
    for (const auto& n : found->unreadable) unreadable.push_back(EncodeUnreadable(n));
    co_return http::Json(status::ok, json::object{{"notes", std::move(notes)},
                                                  {"unreadable", std::move(unreadable)}});
  };
}

http::Handler PostClientNoteHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "", {"text", "booking_id"});
    domain::NoteDraft draft;
    draft.text = r.Text(*body, "", "text");
    // Missing, null or "" (a form's "no session"): not tied.
    if (std::string booking = r.Text(*body, "", "booking_id"); !booking.empty()) {
      draft.booking_id = std::move(booking);
    }
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string author = CallerSession(req).user_id;
    const std::string client(req.Param("id"));
    auto note = co_await ctx.pool.Run([&] { return ctx.notes.notes.Write(author, client, draft); });
    if (!note) co_return http::ProblemFromError(note.error());
    co_return http::Json(status::created, EncodeNote(*note));
  };
}

http::Handler PutNoteHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto body = ParseJsonObject(req);
    if (!body) co_return http::ProblemFromError(body.error());
    std::vector<FieldError> errors;
    JsonReader r(errors, /*strict=*/true);
    r.OnlyKnown(*body, "", {"text"});
    const std::string text = r.Text(*body, "", "text");
    if (!errors.empty()) co_return Refused(std::move(errors));
    const std::string author = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto note = co_await ctx.pool.Run([&] { return ctx.notes.notes.Change(author, id, text); });
    if (!note) co_return http::ProblemFromError(note.error());
    co_return http::Json(status::ok, EncodeNote(*note));
  };
}

http::Handler DeleteNoteHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string author = CallerSession(req).user_id;
    const std::string id(req.Param("id"));
    auto deleted = co_await ctx.pool.Run([&] { return ctx.notes.notes.Delete(author, id); });
    if (!deleted) co_return http::ProblemFromError(deleted.error());
    co_return http::NoContent();
  };
}

}  // namespace securebase::api
