#include "api/personal_export_handlers.h"

#include <fmt/format.h>

#include "api/access_guard.h"
#include "api/personal_export.h"
#include "http/problem.h"
#include "http/response.h"

namespace securebase::api {

using boost::beast::http::field;
using boost::beast::http::status;

http::Handler ExportMeHandler(ApiContext& ctx) {
  return [&ctx](http::Request& req) -> boost::asio::awaitable<http::Response> {
    const domain::Session s = CallerSession(req);
    const Instant now = ctx.clock.Now();
    auto archive = co_await ctx.pool.Run([&]() -> Result<std::string> {
      auto records = ctx.personal_records.Gather(s.user_id);
      if (!records) {
        if (records.error().code == ErrorCode::kNotFound) {
          return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
        }
        return std::unexpected(records.error());
      }
      return PersonalExportZip(*records, s.id, s.two_factor, now);
    });
    if (!archive) co_return http::ProblemFromError(archive.error());
    http::Response res = http::Text(status::ok, std::move(*archive), "application/zip");
    res.set(field::content_disposition,
            fmt::format("attachment; filename=\"{}\"", PersonalExportFileName(now)));
    co_return res;
  };
}

}  // namespace securebase::api
