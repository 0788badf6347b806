#include "api/console_content_handlers.h"

#include "api/access_guard.h"
#include "api/console_content_json.h"
#include "api/json_body.h"
#include "api/json_fields.h"
#include "common/log.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::status;
using boost::json::object;

namespace {

struct FileEdit {
  std::string path;
  std::string text;
  std::optional<std::string> revision;
};

Result<FileEdit> ReadEdit(const http::Request& req) {
  auto body = ParseJsonObject(req);
  if (!body) return std::unexpected(body.error());
  JsonFields f(*body);
  FileEdit edit{f.Text("path"), f.Text("text"), f.OptionalText("revision")};
  if (auto ok = f.Check(); !ok) return std::unexpected(ok.error());
  return edit;
}

// 422 with every problem; the content being served is named too, so the
// console can say what learners still see.
http::Response ContentInvalid(const domain::ContentChange& change, std::string message) {
  object extra{{"problems", EncodeContentProblems(change.problems)},
               {"content", EncodeServedContent(*change.published)}};
  return http::ProblemFromError(
      Error{ErrorCode::kUnprocessable, std::move(message), {}, "content-invalid"},
      std::move(extra));
}

// The change has happened whatever happens here (the file is written and
// served): a row that cannot be written is logged for the operator, and
// must not tell her to save again.
void Audit(ApiContext& ctx, const std::string& actor, std::string_view action, std::string detail) {
  if (auto logged = ctx.audit.Record(actor, action, std::nullopt, std::move(detail)); !logged) {
    Log(LogLevel::kError, "audit_not_written",
        {{"action", std::string(action)}, {"error", logged.error().message}});
  }
}

}  // namespace

http::Handler ListConsoleContentHandler(ApiContext& ctx) {
  return [&ctx](http::Request&) -> boost::asio::awaitable<http::Response> {
    co_return http::Json(status::ok, EncodeContentTree(*ctx.catalog.Current()));
  };
}

http::Handler GetConsoleContentFileHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string path(req.Query("path").value_or(""));
    auto file = co_await ctx.pool.Run([&] { return ctx.content_editor.Read(path); });
    if (!file) co_return http::ProblemFromError(file.error());
    co_return http::Json(
        status::ok,
        object{{"path", file->path}, {"text", file->text}, {"revision", file->revision}});
  };
}

http::Handler PreviewConsoleContentHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto edit = ReadEdit(req);
    if (!edit) co_return http::ProblemFromError(edit.error());
    auto check =
        co_await ctx.pool.Run([&] { return ctx.content_editor.Check(edit->path, edit->text); });
    if (!check) co_return http::ProblemFromError(check.error());
    co_return http::Json(status::ok,
                         object{{"path", edit->path},
                                {"ok", check->ok()},
                                {"problems", EncodeContentProblems(check->problems)},
                                {"lesson", EncodeLessonPreview(check->content, edit->path)}});
  };
}

http::Handler PutConsoleContentFileHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    auto edit = ReadEdit(req);
    if (!edit) co_return http::ProblemFromError(edit.error());
    const std::string user = CallerSession(req).user_id;
    auto saved = co_await ctx.pool.Run([&]() -> Result<domain::ContentChange> {
      std::optional<std::string_view> base;
      if (edit->revision) base = *edit->revision;
      auto change = ctx.content_editor.Save(edit->path, edit->text, base);
      if (change && change->ok()) Audit(ctx, user, domain::audit_action::kContentSaved, edit->path);
      return change;
    });
    if (!saved) co_return http::ProblemFromError(saved.error());
    if (!saved->ok()) {
      co_return ContentInvalid(*saved, "The content would have problems: nothing was saved.");
    }
    co_return http::Json(status::ok, object{{"path", edit->path},
                                            {"revision", saved->file_revision},
                                            {"content", EncodeServedContent(*saved->published)}});
  };
}

http::Handler ReloadConsoleContentHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const std::string user = CallerSession(req).user_id;
    auto reloaded = co_await ctx.pool.Run([&]() -> Result<domain::ContentChange> {
      auto change = ctx.content_editor.Reload();
      if (change && change->ok()) Audit(ctx, user, domain::audit_action::kContentReloaded, "");
      return change;
    });
    if (!reloaded) co_return http::ProblemFromError(reloaded.error());
    if (!reloaded->ok()) {
      co_return ContentInvalid(
          *reloaded, "The files have problems: learners still see the content as it was.");
    }
    co_return http::Json(status::ok, EncodeServedContent(*reloaded->published));
  };
}

}  // namespace securebase::api
