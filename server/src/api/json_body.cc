#include "api/json_body.h"

#include <boost/json/parse.hpp>

namespace securebase::api {

Result<boost::json::object> ParseJsonObject(const http::Request& req) {
  const std::string& body = req.message.body();
  if (body.empty()) return InvalidArgument("The request needs a JSON object as its body.");
  boost::system::error_code ec;
  // Depth and size are bounded: the body limit caps size, the parser's
  // default depth (32) caps nesting.
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return InvalidArgument("The request body is not valid JSON.");
  if (!value.is_object()) return InvalidArgument("The request body must be a JSON object.");
  return std::move(value.as_object());
}

}  // namespace securebase::api
