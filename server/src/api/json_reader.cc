#include "api/json_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>

namespace securebase::api {

namespace json = boost::json;

std::string JsonReader::Join(std::string_view at, std::string_view key) {
  if (at.empty()) return std::string(key);
  return fmt::format("{}.{}", at, key);
}

std::string JsonReader::Indexed(std::string_view at, std::size_t i) {
  return fmt::format("{}[{}]", at, i);
}

void JsonReader::Fail(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

void JsonReader::OnlyKnown(const json::object& obj, std::string_view at,
                           std::initializer_list<std::string_view> known) {
  if (!strict_) return;
  for (const auto& field : obj) {
    const std::string_view key = field.key();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      Fail(Join(at, key), "is not a field we know: please check its spelling");
    }
  }
}

std::string JsonReader::Text(const json::object& obj, std::string_view at, std::string_view key) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return {};
  if (!v->is_string()) {
    Fail(Join(at, key), "must be text");
    return {};
  }
  return std::string(v->get_string());
}

std::vector<std::string> JsonReader::TextList(const json::object& obj, std::string_view at,
                                              std::string_view key) {
  std::vector<std::string> out;
  const json::array* items = Array(obj, at, key);
  if (!items) return out;
  const std::string path = Join(at, key);
  out.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    if ((*items)[i].is_string()) {
      out.emplace_back((*items)[i].get_string());
    } else {
      Fail(Indexed(path, i), "must be text");
    }
  }
  return out;
}

std::optional<int> JsonReader::Whole(const json::value* v, const std::string& path,
                                     const char* message) {
  if (!v || v->is_null()) return std::nullopt;
  double x = 0;
  if (v->is_int64()) {
    return static_cast<int>(std::clamp<std::int64_t>(v->get_int64(), INT_MIN, INT_MAX));
  } else if (v->is_uint64()) {
    return static_cast<int>(std::min<std::uint64_t>(v->get_uint64(), INT_MAX));
  } else if (v->is_double()) {
    x = v->get_double();
  } else {
    Fail(path, message);
    return std::nullopt;
  }
  if (!std::isfinite(x) || std::floor(x) != x) {
    Fail(path, message);
    return std::nullopt;
  }
  return static_cast<int>(std::clamp(x, double{INT_MIN}, double{INT_MAX}));
}

std::optional<bool> JsonReader::Bool(const json::object& obj, std::string_view at,
                                     std::string_view key) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool()) {
    Fail(Join(at, key), "must be true or false");
    return std::nullopt;
  }
  return v->get_bool();
}

const json::object* JsonReader::Object(const json::object& obj, std::string_view at,
                                       std::string_view key) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) {
    Fail(Join(at, key), "must be an object");
    return nullptr;
  }
  return &v->get_object();
}

const json::array* JsonReader::Array(const json::object& obj, std::string_view at,
                                     std::string_view key) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    Fail(Join(at, key), "must be a list");
    return nullptr;
  }
  return &v->get_array();
}

}  // namespace securebase::api
