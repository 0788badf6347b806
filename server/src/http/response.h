// Helpers to build responses. Every response also passes through
// security_headers.cc before it is written, so handlers never set those.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "http/request.h"

namespace securebase::http {

Response Json(beast_http::status status, const boost::json::value& body);
Response Text(beast_http::status status, std::string body, std::string_view content_type);
Response NoContent();

}  // namespace securebase::http
