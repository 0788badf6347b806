// Feeds raw bytes to the server's request handling up to the router, as the
// connection loop (http/connection.cc) takes them, without a socket: Beast's
// request parser under the server's header limit, the target read into a
// decoded path and query (ReadRequestTarget), the framing check
// (AmbiguousFraming), the real route table (api::AddRoutes over the tests'
// in-memory world), then the body under the matched route's limit, and the
// cookie and query lookups a handler makes.
//
// Beyond "no crash" it checks that a head the framing check accepts has one
// reading of its length (Content-Length is the parser's, chunked only with
// Transfer-Encoding: chunked), and that a route match is sound: the path's
// segments are the pattern's, a parameter for each {name}, none empty or
// holding a '/'.
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/routes.h"
#include "api/session_cookies.h"
#include "http/message_framing.h"
#include "http/request_target.h"
#include "http/router.h"
#include "http/server.h"
#include "support/api_world.h"

namespace {

namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using namespace securebase;

void Require(bool ok) {
  if (!ok) std::abort();
}

const http::Router& RouteTable() {
  static testing::ApiWorld* world = new testing::ApiWorld();
  static http::Router* router = [] {
    auto* r = new http::Router();
    api::AddRoutes(*r, world->ctx);
    return r;
  }();
  return *router;
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    const auto end = path.find('/', i);
    const auto seg =
        path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (!seg.empty()) out.push_back(seg);
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return out;
}

void CheckMatch(const http::RouteMatch& m, std::string_view path) {
  const auto want = Segments(m.route->pattern);
  const auto got = Segments(path);
  Require(want.size() == got.size());
  std::size_t param = 0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].front() == '{') {
      Require(param < m.params.size());
      Require(m.params[param].second == got[i]);
      Require(!got[i].empty() && got[i].find('/') == std::string_view::npos);
      ++param;
    } else {
      Require(want[i] == got[i]);
    }
  }
  Require(param == m.params.size());
}

void CheckFraming(const beast_http::request_parser<beast_http::string_body>& parser) {
  const auto& head = parser.get();
  const auto length = head.find(beast_http::field::content_length);
  if (length != head.end()) {
    Require(parser.content_length().has_value());
    Require(!parser.chunked());
    const std::string_view text = length->value();
    const auto digits = text.find_first_of("0123456789");
    Require(digits != std::string_view::npos);
    Require(std::strtoull(std::string(text.substr(digits)).c_str(), nullptr, 10) ==
            *parser.content_length());
  } else if (head.find(beast_http::field::transfer_encoding) != head.end()) {
    Require(parser.chunked());
  } else {
    Require(!parser.chunked());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const http::Router& router = RouteTable();
  const http::Limits limits;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  parser.body_limit(boost::none);
  parser.eager(false);

  beast::error_code ec;
  const char* at = reinterpret_cast<const char*>(data);
  std::size_t left = size;
  while (left > 0 && !parser.is_header_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(at, left), ec);
    if (ec || used == 0) break;
    at += used;
    left -= used;
  }
  if (ec || !parser.is_header_done()) return 0;

  http::Request req;
  if (!http::ReadRequestTarget(parser.get().target(), req)) return 0;
  Require(!req.path.empty() && req.path.front() == '/');
  if (http::AmbiguousFraming(parser.get())) return 0;
  CheckFraming(parser);

  http::NoMatch why;
  const auto match = router.Match(parser.get().method(), req.path, &why);
  if (match) {
    CheckMatch(*match, req.path);
  } else {
    Require(why.path_known == !why.allow.empty());
  }
  const std::size_t body_limit =
      match && match->route->max_body_bytes ? match->route->max_body_bytes : limits.max_body_bytes;
  if (parser.content_length() && *parser.content_length() > body_limit) return 0;
  parser.body_limit(body_limit);
  parser.eager(true);
  while (left > 0 && !parser.is_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(at, left), ec);
    if (ec || used == 0) break;
    at += used;
    left -= used;
  }
  if (!parser.is_done()) {
    parser.put_eof(ec);
    if (ec) return 0;
  }
  Require(parser.get().body().size() <= body_limit);

  req.message = parser.release();
  if (match) req.params = match->params;
  (void)req.Cookie(api::SessionCookieName({}));
  (void)req.Cookie(api::kCsrfCookie);
  (void)req.Query("before");
  (void)req.Header(beast_http::field::content_type);
  return 0;
}
