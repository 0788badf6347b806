// Liveness and readiness of the server (not under /api/v1: operators and load balancers use
// them). GET /healthz → {"status":"ok"}; GET /readyz → {"status":"ready"} or a 503 problem,
// which the client throws as ApiError with status 503.
import type { ApiClient } from './client';
import { defaultClient } from './default-client';

export interface Healthz {
  status: 'ok';
}

export interface Readyz {
  status: 'ready';
}

export function healthz(client: ApiClient = defaultClient()): Promise<Healthz> {
  return client.get<Healthz>('/healthz');
}

export function readyz(client: ApiClient = defaultClient()): Promise<Readyz> {
  return client.get<Readyz>('/readyz');
}
