#include "http/response.h"

#include <boost/json/serialize.hpp>

namespace securebase::http {

Response Json(beast_http::status status, const boost::json::value& body) {
  Response res{status, 11};
  res.set(beast_http::field::content_type, "application/json");
  res.body() = boost::json::serialize(body);
  return res;
}

Response Text(beast_http::status status, std::string body, std::string_view content_type) {
  Response res{status, 11};
  res.set(beast_http::field::content_type, content_type);
  res.body() = std::move(body);
  return res;
}

Response NoContent() {
  return Response{beast_http::status::no_content, 11};
}

}  // namespace securebase::http
