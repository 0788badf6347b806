// JsonFields reads the text fields of a JSON request object: a missing or
// null field is empty (the domain's rules then say what it needs), a field
// of another type is collected as a field error, and Check reports all of
// them together.
//
//   JsonFields f(body);
//   std::string email = f.Text("email");
//   std::optional<std::string> tz = f.OptionalText("time_zone");
//   std::optional<bool> done = f.OptionalBool("completed");
//   if (auto ok = f.Check(); !ok) co_return http::ProblemFromError(ok.error());
//
// Thread-safety: one per request.
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace securebase::api {

class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& body) : body_(body) {}

  std::string Text(std::string_view key);
  // nullopt when the field is absent or null (PATCH: leave unchanged).
  std::optional<std::string> OptionalText(std::string_view key);
  // nullopt when absent or null; a value of another type is a field error.
  std::optional<bool> OptionalBool(std::string_view key);
  std::optional<double> OptionalNumber(std::string_view key);  // integers too
  Status Check() const;

 private:
  const boost::json::object& body_;
  std::vector<FieldError> wrong_type_;
};

}  // namespace securebase::api
