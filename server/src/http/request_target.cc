#include "http/request_target.h"

#include <boost/url/parse.hpp>

namespace securebase::http {

bool ReadRequestTarget(std::string_view target, Request& req) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  // One assignment, not a path and then "/" over it: gcc 12 at -O2 takes the
  // second copy for an overlapping one (-Wrestrict, a known false alarm).
  const std::string path = parsed->path();
  req.path = path.empty() ? std::string("/") : path;
  for (const auto& p : parsed->params()) req.query.emplace_back(p.key, p.value);
  return true;
}

}  // namespace securebase::http
