#include "http/router.h"

#include <stdexcept>

namespace securebase::http {
namespace {

// Splits "/a/b/c" into {"a","b","c"}; a trailing slash is not a segment.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const auto end = path.find('/', i);
    out.push_back(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (end == std::string_view::npos) break;
    i = end;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::vector<std::pair<std::string, std::string>>* params) {
  const auto want = Segments(pattern);
  const auto got = Segments(path);
  if (want.size() != got.size()) return false;
  std::vector<std::pair<std::string, std::string>> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found.emplace_back(std::string(w.substr(1, w.size() - 2)), std::string(got[i]));
    } else if (w != got[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

const char* AccessName(Access access) {
  switch (access) {
    case Access::kPublic: return "public";
    case Access::kSignedIn: return "signed-in";
    case Access::kLearner: return "learner";
    case Access::kPractitioner: return "practitioner";
  }
  return "public";
}

void Router::Add(Route route) {
  for (const auto& r : routes_) {
    if (r.method == route.method && r.pattern == route.pattern) {
      throw std::logic_error("route declared twice: " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

std::optional<RouteMatch> Router::Match(beast_http::verb method, std::string_view path,
                                        NoMatch* why) const {
  // HEAD is served by the GET route (the body is dropped when writing).
  const auto effective = method == beast_http::verb::head ? beast_http::verb::get : method;
  std::string allow;
  for (const auto& route : routes_) {
    RouteMatch m;
    if (!MatchPattern(route.pattern, path, &m.params)) continue;
    if (route.method == effective) {
      m.route = &route;
      return m;
    }
    if (!allow.empty()) allow += ", ";
    allow += std::string(beast_http::to_string(route.method));
    if (route.method == beast_http::verb::get) allow += ", HEAD";
  }
  if (why) {
    why->path_known = !allow.empty();
    why->allow = std::move(allow);
  }
  return std::nullopt;
}

}  // namespace securebase::http
