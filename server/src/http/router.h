// Router: the one route table's machinery. The api layer declares each route
// (method, pattern, who may call it, body rules, handler) and the connection
// loop asks the router to match a request.
//
// Patterns are literal segments and {name} parameters:
//   "/api/v1/lessons/{id}/progress"
// A path that matches some route's pattern but not its method is a 405 with
// an Allow header; a path that matches none is left to the static files (or
// a 404 under /api/).
//
// Thread-safety: add routes before serving; matching is read-only and safe
// from every I/O thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace securebase::http {

// Who may call a route. The api layer's access guard (api/access_guard.cc)
// checks it before the handler runs; docs/api/accounts.md has the table.
enum class Access {
  kPublic,        // anyone, signed in or not
  kSignedIn,      // any session, even one that still owes its two-factor code
  kLearner,       // anyone who has finished signing in (two-factor passed where needed)
  kPractitioner,  // the practitioner, after two-factor
};

const char* AccessName(Access access);

struct Route {
  beast_http::verb method = beast_http::verb::get;
  std::string pattern;
  Access access = Access::kPublic;
  Handler handler;
  // Largest body accepted, in bytes; 0 means the server-wide default.
  std::size_t max_body_bytes = 0;
  // When true, a request with a body must say Content-Type: application/json.
  bool json_body = false;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
};

struct NoMatch {
  bool path_known = false;  // some route has this path with another method
  std::string allow;        // "GET, HEAD" when path_known
};

class Router {
 public:
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  // A matching route, or why there is none.
  std::optional<RouteMatch> Match(beast_http::verb method, std::string_view path,
                                  NoMatch* why = nullptr) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace securebase::http
