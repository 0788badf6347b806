#include "http/request.h"

namespace securebase::http {

std::string_view Request::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::string_view Request::Header(beast_http::field field) const {
  const auto it = message.find(field);
  if (it == message.end()) return {};
  return {it->value().data(), it->value().size()};
}

}  // namespace securebase::http
