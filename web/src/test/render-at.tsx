// Renders the whole app as if the browser had opened `path`, optionally against a fake server
// (see fake-api.ts); without one, the app's requests go to jsdom's fetch and fail as offline.
import { render } from '@testing-library/preact';
import type { ApiClient } from '../api/client';
import { App } from '../app';

export function renderAt(path: string, client?: ApiClient) {
  history.replaceState(null, '', path);
  return render(<App client={client} />);
}
