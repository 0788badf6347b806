// Request and Response: what a handler sees and returns.
//
// A handler is a plain function from Request to Response (awaitable so that
// it can hand blocking work to the BlockingPool); it knows nothing of
// sockets, timeouts or limits, which the connection loop (connection.cc)
// owns. Response is Beast's string-body response: handlers build it with the
// helpers in response.h.
//
// Thread-safety: a Request belongs to one connection at a time.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace securebase::http {

namespace beast_http = boost::beast::http;

using Message = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

// Who is calling, once the access guard has found their session.
struct Caller {
  std::string user_id;
  std::string session_id;  // the stored hash of the session token
  std::string role;        // "learner" | "practitioner" | "admin"
  std::string two_factor;  // where the session stands with two-factor, as the api layer names it
};

struct Request {
  Message message;
  std::string path;                                         // decoded path, without the query
  std::vector<std::pair<std::string, std::string>> query;   // decoded, in order
  std::vector<std::pair<std::string, std::string>> params;  // from the route pattern
  std::string_view route;  // the matched route's pattern (the router's table outlives requests)
  std::string request_id;
  std::string remote_address;
  std::optional<Caller> caller;  // set by the access guard for signed-in routes

  // A path parameter by name ("" when absent: the router guarantees presence).
  std::string_view Param(std::string_view name) const;
  // The first query value with that name.
  std::optional<std::string_view> Query(std::string_view name) const;
  std::string_view Header(beast_http::field field) const;
  // A cookie's value from the Cookie header(s).
  std::optional<std::string_view> Cookie(std::string_view name) const;
};

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;

}  // namespace securebase::http
