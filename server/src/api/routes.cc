#include "api/routes.h"

#include "api/crisis_lines_handlers.h"
#include "api/health_handlers.h"
#include "api/setup_handlers.h"

namespace securebase::api {

using http::Access;
using http::Route;
using Verb = boost::beast::http::verb;

void AddRoutes(http::Router& router, ApiContext& ctx) {
  // Operations: probes and metrics, for load balancers and Prometheus.
  router.Add(Route{Verb::get, "/healthz", Access::kPublic, HealthzHandler(ctx)});
  router.Add(Route{Verb::get, "/readyz", Access::kPublic, ReadyzHandler(ctx)});
  router.Add(Route{Verb::get, "/metrics", Access::kPublic, MetricsHandler(ctx)});

  // Safety: help now, signed in or not.
  router.Add(Route{Verb::get, "/api/v1/crisis-lines", Access::kPublic, CrisisLinesHandler(ctx)});

  // Accounts: first-run setup of the practitioner (refuses once done).
  router.Add(Route{Verb::get, "/api/v1/setup", Access::kPublic, GetSetupHandler(ctx)});
  router.Add(Route{Verb::post, "/api/v1/setup", Access::kPublic, PostSetupHandler(ctx), 16 * 1024,
                   /*json_body=*/true});
}

}  // namespace securebase::api
