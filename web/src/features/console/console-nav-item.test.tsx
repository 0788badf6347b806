import { render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person } from '../../test/fake-api';
import { SessionProvider, useSession } from '../account/session';
import { ConsoleNavItem } from './console-nav-item';
import { practitioner } from './render-console';

/** Says what the app knows of the session, so a test can wait until it knows. */
function SessionStatus() {
  return <p data-testid="session">{useSession().state.status}</p>;
}

function renderItem(me: Parameters<typeof fakeApi>[0][string] | undefined, path = '/') {
  history.replaceState(null, '', path);
  const api = fakeApi(me ? { 'GET /api/v1/me': me } : {});
  return render(
    <LocationProvider>
      <SessionProvider client={api.client}>
        <SessionStatus />
        <ul>
          <ConsoleNavItem />
        </ul>
      </SessionProvider>
    </LocationProvider>,
  );
}

describe('the Console link in the main navigation', () => {
  it('is there for the practitioner, marked current inside the console', async () => {
    renderItem(practitioner, '/console/schedule');
    const link = await screen.findByRole('link', { name: 'Console' });
    expect(link.getAttribute('href')).toBe('/console');
    expect(link.getAttribute('aria-current')).toBe('page');
  });

  it('is not there for a learner, someone signed out, or a practitioner still owing her code', async () => {
    const owing = () =>
      jsonResponse(200, person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: false } }));
    const cases = [
      { me: () => jsonResponse(200, person()), known: 'signed-in' },
      { me: undefined, known: 'signed-out' },
      { me: owing, known: 'signed-in' },
    ];
    for (const { me, known } of cases) {
      const { unmount } = renderItem(me);
      await waitFor(() => expect(screen.getByTestId('session').textContent).toBe(known));
      expect(screen.queryByRole('link', { name: 'Console' })).toBeNull();
      unmount();
    }
  });
});
