// Problem details (RFC 9457): the one shape every error takes on the wire.
//
//   {"type": "urn:securebase:problem:not-found", "title": "Not found",
//    "status": 404, "detail": "There is nothing at this address.",
//    "errors": [{"field": "time_zone", "message": "..."}]}
//
// ProblemFromError is the single place where an Error's code becomes an HTTP
// status; nothing else in the server decides that.
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

#include "common/error.h"
#include "http/request.h"

namespace securebase::http {

// slug names the problem type ("not-found", "payload-too-large"...).
Response Problem(beast_http::status status, std::string_view slug, std::string_view title,
                 std::string_view detail, const std::vector<FieldError>& fields = {});

// The answer for an address with nothing at it; also what a caller who may
// not know that something is there gets (GET /metrics refused).
Response NothingHere();

beast_http::status StatusFor(ErrorCode code);

Response ProblemFromError(const Error& error);
// With more members for clients that act on them (a taken slot's fresh
// slots); the standard members win over `extra`'s.
Response ProblemFromError(const Error& error, boost::json::object extra);

}  // namespace securebase::http
