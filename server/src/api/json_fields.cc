#include "api/json_fields.h"

namespace securebase::api {

std::optional<std::string> JsonFields::OptionalText(std::string_view key) {
  const auto* v = body_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    wrong_type_.push_back({std::string(key), "must be text"});
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<bool> JsonFields::OptionalBool(std::string_view key) {
  const auto* v = body_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) {
    wrong_type_.push_back({std::string(key), "must be true or false"});
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<double> JsonFields::OptionalNumber(std::string_view key) {
  const auto* v = body_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  wrong_type_.push_back({std::string(key), "must be a number"});
  return std::nullopt;
}

std::string JsonFields::Text(std::string_view key) {
  return OptionalText(key).value_or("");
}

Status JsonFields::Check() const {
  if (wrong_type_.empty()) return {};
  return InvalidArgument("Please check these details.", wrong_type_);
}

}  // namespace securebase::api
