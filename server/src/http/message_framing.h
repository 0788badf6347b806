// How long a request's body is, told only one way: RFC 9112 §6 leaves room
// for a proxy in front and this server to read one message's length
// differently, and a request smuggled in the difference. Any head that
// could be read two ways is refused (400, connection closed) before its
// body is read.
//
// Thread-safety: pure function.
#pragma once

#include <boost/beast/http/fields.hpp>

#include <optional>
#include <string_view>

namespace securebase::http {

// Why the head's framing is refused, for the problem's detail; nullopt when
// it is plain: at most one Content-Length of digits alone, or one
// Transfer-Encoding that is exactly "chunked", never both.
std::optional<std::string_view> AmbiguousFraming(const boost::beast::http::fields& head);

}  // namespace securebase::http
