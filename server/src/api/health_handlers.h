// Operations endpoints:
//   GET /healthz  the process is up and serving              200 {"status":"ok"}
//   GET /readyz   ready for traffic (the database answers)   200 {"status":"ready"} | 503 problem
//   GET /metrics  Prometheus text format, to whom api/metrics_access.h allows;
//                 404 like an empty address to anyone else
#pragma once

#include "api/api_context.h"
#include "http/request.h"

namespace securebase::api {

http::Handler HealthzHandler(ApiContext& ctx);
http::Handler ReadyzHandler(ApiContext& ctx);
http::Handler MetricsHandler(ApiContext& ctx);

}  // namespace securebase::api
