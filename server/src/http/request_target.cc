#include "http/request_target.h"

#include <boost/url/parse.hpp>

namespace securebase::http {

bool ReadRequestTarget(std::string_view target, Request& req) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  req.path = parsed->path();
  if (req.path.empty()) req.path = "/";
  for (const auto& p : parsed->params()) req.query.emplace_back(p.key, p.value);
  return true;
}

}  // namespace securebase::http
