#include "http/problem.h"

#include <boost/json.hpp>

#include "http/response.h"

namespace securebase::http {

namespace {

Response ProblemWith(beast_http::status status, std::string_view slug, std::string_view title,
                     std::string_view detail, const std::vector<FieldError>& fields,
                     boost::json::object body) {
  body["type"] = std::string("urn:securebase:problem:") + std::string(slug);
  body["title"] = title;
  body["status"] = static_cast<int>(status);
  body["detail"] = detail;
  if (!fields.empty()) {
    boost::json::array errors;
    for (const auto& f : fields) errors.push_back({{"field", f.field}, {"message", f.message}});
    body["errors"] = std::move(errors);
  }
  Response res = Json(status, body);
  res.set(beast_http::field::content_type, "application/problem+json");
  return res;
}

}  // namespace

Response Problem(beast_http::status status, std::string_view slug, std::string_view title,
                 std::string_view detail, const std::vector<FieldError>& fields) {
  return ProblemWith(status, slug, title, detail, fields, {});
}

Response NothingHere() {
  return Problem(beast_http::status::not_found, "not-found", "Not found",
                 "There is nothing at this address.");
}

beast_http::status StatusFor(ErrorCode code) {
  using s = beast_http::status;
  switch (code) {
    case ErrorCode::kInvalidArgument: return s::bad_request;
    case ErrorCode::kUnprocessable: return s::unprocessable_entity;
    case ErrorCode::kNotFound: return s::not_found;
    case ErrorCode::kConflict: return s::conflict;
    case ErrorCode::kUnauthenticated: return s::unauthorized;
    case ErrorCode::kPermissionDenied: return s::forbidden;
    case ErrorCode::kTooManyRequests: return s::too_many_requests;
    case ErrorCode::kUnavailable: return s::service_unavailable;
    case ErrorCode::kInternal: return s::internal_server_error;
  }
  return s::internal_server_error;
}

Response ProblemFromError(const Error& error) {
  return ProblemFromError(error, {});
}

Response ProblemFromError(const Error& error, boost::json::object extra) {
  const auto status = StatusFor(error.code);
  const std::string_view title = beast_http::obsolete_reason(status);
  std::string_view detail = error.message;
  // Internal details stay in the log; the client gets a calm sentence.
  if (error.code == ErrorCode::kInternal) {
    detail = "Something went wrong on our side. Please try again in a moment.";
  }
  // Both branches as string_view: a mixed ?: would make a temporary string.
  const std::string_view slug = error.type.empty() ? std::string_view(ErrorCodeName(error.code))
                                                   : std::string_view(error.type);
  Response res = ProblemWith(status, slug, title, detail, error.fields, std::move(extra));
  if (error.retry_after_seconds > 0)
    res.set(beast_http::field::retry_after, std::to_string(error.retry_after_seconds));
  return res;
}

}  // namespace securebase::http
