// Reading a GET route's query parameters into field errors: one way for
// every handler that takes parameters (practice sessions and stats, journal
// insights and export), so a bad parameter reads the same everywhere.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "http/request.h"
#include "http/response.h"

namespace securebase::api {

// 400 naming every bad parameter; the message names the first.
http::Response Refused(std::vector<FieldError> errors);

// A query value; an empty one counts as absent (a form's blank field).
std::optional<std::string_view> QueryValue(const http::Request& req, std::string_view name);

// A whole number from the query, clamped into int (the domain says what
// range it wants); nullopt when absent; a field error when not a number.
std::optional<int> QueryInt(const http::Request& req, const char* name, const char* message,
                            std::vector<FieldError>& errors);

// An instant (RFC 3339) from the query; nullopt when absent; a field error
// when present but unreadable.
std::optional<Instant> QueryInstant(const http::Request& req, const char* name,
                                    std::vector<FieldError>& errors);

}  // namespace securebase::api
