// For the console's unit tests: the console's routes (routes.tsx) inside the session, at `path`,
// against a fake server (test/fake-api.ts), as app.tsx will mount them.
import { render } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { ApiClient } from '../../api/client';
import { jsonResponse } from '../../api/fake-fetch';
import { person, type Handler } from '../../test/fake-api';
import { SessionProvider } from '../account/session';
import { consoleRoutes } from './routes';

export function renderConsole(path: string, client: ApiClient) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <SessionProvider client={client}>
        <main>
          <Router>
            {consoleRoutes.map((route) => (
              <Route key={route.path} path={route.path} component={route.component} />
            ))}
          </Router>
        </main>
      </SessionProvider>
    </LocationProvider>,
  );
}

/** GET /api/v1/me for the practitioner, her two-factor step done. */
export const practitioner: Handler = () =>
  jsonResponse(
    200,
    person({
      id: 'p1',
      display_name: 'Dr Rivera',
      role: 'practitioner',
      time_zone: 'Europe/London',
      country: 'GB',
      two_factor: { enrolled: true, required: true, passed: true },
    }),
  );
