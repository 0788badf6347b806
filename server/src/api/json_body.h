// Reading a JSON request body. Invalid JSON, a body that is not an object,
// or an empty body become a 400-class Error with a message that says which.
// (The Content-Type check happens earlier, in the connection loop, for
// routes declared with json_body.)
#pragma once

#include <boost/json/object.hpp>

#include "common/error.h"
#include "http/request.h"

namespace securebase::api {

Result<boost::json::object> ParseJsonObject(const http::Request& req);

}  // namespace securebase::api
