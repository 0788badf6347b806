// JsonReader reads a JSON request body into domain values, naming every
// value it cannot read by its API path ("weekly[2].start",
// "trigger.emotions[1].intensity") so that one answer lists every problem.
// Missing and null values are empty: the domain's rules say what is
// required. Handlers' codecs derive from it for their own shapes.
//
// Thread-safety: one per request.
#pragma once

#include <boost/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace securebase::api {

class JsonReader {
 public:
  // strict: keys outside those OnlyKnown names are errors.
  JsonReader(std::vector<FieldError>& errors, bool strict) : errors_(errors), strict_(strict) {}

  // "at.key" ("key" when `at` is empty) and "at[i]".
  static std::string Join(std::string_view at, std::string_view key);
  static std::string Indexed(std::string_view at, std::size_t i);

  void Fail(std::string field, std::string message);

  // Strict: every key of `obj` outside `known` is an error.
  void OnlyKnown(const boost::json::object& obj, std::string_view at,
                 std::initializer_list<std::string_view> known);

  std::string Text(const boost::json::object& obj, std::string_view at, std::string_view key);
  std::vector<std::string> TextList(const boost::json::object& obj, std::string_view at,
                                    std::string_view key);
  // A whole number, clamped into int (far out of range stays out of range
  // for the rules to refuse); nullopt for missing, null or anything else.
  std::optional<int> Whole(const boost::json::value* v, const std::string& path,
                           const char* message);
  // true/false; nullopt when missing or null; anything else an error.
  std::optional<bool> Bool(const boost::json::object& obj, std::string_view at,
                           std::string_view key);
  // The object or array under `key`; nullptr when missing or null, or (with
  // an error) when it is something else.
  const boost::json::object* Object(const boost::json::object& obj, std::string_view at,
                                    std::string_view key);
  const boost::json::array* Array(const boost::json::object& obj, std::string_view at,
                                  std::string_view key);

 protected:
  std::vector<FieldError>& errors_;
  bool strict_;
};

}  // namespace securebase::api
