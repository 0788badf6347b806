#include "http/message_framing.h"

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <cctype>

namespace securebase::http {

namespace {

using boost::beast::http::field;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string_view> AmbiguousFraming(const boost::beast::http::fields& head) {
  const auto lengths = head.count(field::content_length);
  const auto codings = head.count(field::transfer_encoding);
  if (lengths > 0 && codings > 0)
    return "The request gives both Content-Length and Transfer-Encoding.";
  if (lengths > 1) return "The request gives Content-Length more than once.";
  if (lengths == 1) {
    const std::string_view value = Trim(head[field::content_length]);
    if (value.empty() ||
        !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
      return "The request's Content-Length is not a single number.";
    }
  }
  if (codings > 1) return "The request gives Transfer-Encoding more than once.";
  if (codings == 1 && !boost::beast::iequals(Trim(head[field::transfer_encoding]), "chunked")) {
    return "The only transfer coding this server reads is chunked, on its own.";
  }
  return std::nullopt;
}

}  // namespace securebase::http
