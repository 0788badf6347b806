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

std::optional<std::string_view> Request::Cookie(std::string_view name) const {
  // Browsers may send several Cookie headers over HTTP/1.1 proxies; each is
  // "a=1; b=2". The first match wins, as in browsers' own ordering.
  for (const auto& field : message) {
    if (field.name() != beast_http::field::cookie) continue;
    std::string_view rest(field.value().data(), field.value().size());
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      std::string_view part = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      const auto eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      std::string_view key = part.substr(0, eq);
      while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
      if (key != name) continue;
      std::string_view value = part.substr(eq + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace securebase::http
