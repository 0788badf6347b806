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

std::string JsonFields::Text(std::string_view key) { return OptionalText(key).value_or(""); }

Status JsonFields::Check() const {
  if (wrong_type_.empty()) return {};
  return InvalidArgument("Please check these details.", wrong_type_);
}

}  // namespace securebase::api
