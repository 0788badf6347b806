#include "api/query_params.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <string>

#include "common/rfc3339.h"
#include "http/problem.h"

namespace securebase::api {

http::Response Refused(std::vector<FieldError> errors) {
  const std::string message = errors.front().field + " " + errors.front().message + ".";
  return http::ProblemFromError(InvalidArgument(message, std::move(errors)).error());
}

std::optional<std::string_view> QueryValue(const http::Request& req, std::string_view name) {
  auto text = req.Query(name);
  if (text && text->empty()) text.reset();
  return text;
}

std::optional<int> QueryInt(const http::Request& req, const char* name, const char* message,
                            std::vector<FieldError>& errors) {
  const auto text = QueryValue(req, name);
  if (!text) return std::nullopt;
  long long value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ptr != end) {
    errors.push_back({name, message});
    return std::nullopt;
  }
  if (ec == std::errc::result_out_of_range) value = text->front() == '-' ? LLONG_MIN : LLONG_MAX;
  return static_cast<int>(std::clamp<long long>(value, INT_MIN, INT_MAX));
}

std::optional<Instant> QueryInstant(const http::Request& req, const char* name,
                                    std::vector<FieldError>& errors) {
  const auto text = QueryValue(req, name);
  if (!text) return std::nullopt;
  auto at = ParseRfc3339(*text);
  if (!at) errors.push_back({name, "must be a time such as 2026-03-30T08:00:00Z"});
  return at;
}

}  // namespace securebase::api
