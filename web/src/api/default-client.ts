// The client the browser app uses: same origin, csrf from the cookie. Created on first use so
// that importing a resource module in node (API tests) never touches browser globals.
import { createClient, type ApiClient } from './client';

let shared: ApiClient | undefined;

export function defaultClient(): ApiClient {
  shared ??= createClient();
  return shared;
}
