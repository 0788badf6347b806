// Error is the one way an expected failure travels through Secure Base.
//
// Domain, storage and content code return Result<T> (std::expected) instead of
// throwing; the HTTP layer maps an Error to a problem+json response in exactly
// one place (http/problem.cc). Exceptions are reserved for bugs and are caught
// at the connection boundary.
//
// An Error's message is written for the person who will read it (a learner in
// the app, an operator at the terminal): specific, kind, and free of personal
// data, because messages may be logged.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace securebase {

enum class ErrorCode {
  kInvalidArgument,   // the input is wrong; the caller can fix it
  kUnprocessable,     // well formed, but what it names or carries breaks the rules of
                      // its kind (a content edit that fails the content check)
  kNotFound,          // the thing does not exist (or the caller may not know it does)
  kConflict,          // the request clashes with the current state
  kUnauthenticated,   // who are you?
  kPermissionDenied,  // known, but not allowed
  kTooManyRequests,   // slow down
  kUnavailable,       // a dependency (database, mail) is down; try again
  kInternal,          // a bug or a broken invariant
};

// A problem with one named input field, e.g. {"time_zone", "is not a known zone"}.
struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
  // A more specific problem type than the code's ("invalid-token",
  // "email-not-verified"), for clients that act on it; empty: the code's.
  std::string type = {};
  // For kTooManyRequests and kUnavailable: when to try again (0: unknown).
  long retry_after_seconds = 0;
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void>: success carries nothing.
using Status = Result<void>;

inline std::unexpected<Error> Fail(ErrorCode code, std::string message,
                                   std::vector<FieldError> fields = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(fields)});
}

inline std::unexpected<Error> InvalidArgument(std::string message,
                                              std::vector<FieldError> fields = {}) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::move(fields));
}

inline std::unexpected<Error> NotFound(std::string message) {
  return Fail(ErrorCode::kNotFound, std::move(message));
}

inline std::unexpected<Error> Unavailable(std::string message) {
  return Fail(ErrorCode::kUnavailable, std::move(message));
}

// An Error with a specific problem type, e.g.
//   return Refuse(ErrorCode::kInvalidArgument, "invalid-token", "This link has expired.");
inline std::unexpected<Error> Refuse(ErrorCode code, std::string type, std::string message) {
  return std::unexpected(Error{code, std::move(message), {}, std::move(type)});
}

// Too many attempts: try again after `seconds`.
inline std::unexpected<Error> TooManyRequests(std::string message, long seconds) {
  return std::unexpected(Error{ErrorCode::kTooManyRequests, std::move(message), {}, {}, seconds});
}

inline std::unexpected<Error> Internal(std::string message) {
  return Fail(ErrorCode::kInternal, std::move(message));
}

// A short stable name for the code, used in logs and problem type URIs.
const char* ErrorCodeName(ErrorCode code);

}  // namespace securebase
