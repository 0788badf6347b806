// After booking, the session's page offers sharing and never asks for it: the booking shows the
// same with the offer taken, put away, or unavailable.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { preloadSchedulingPages } from '../../app';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { booking, typesAnswer } from '../scheduling/scheduling-fixtures';
import { practitionerShare } from './sharing-fixtures';

beforeAll(() => preloadSchedulingPages());
beforeEach(() => {
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
    timeZone: 'Europe/London',
  } as Intl.ResolvedDateTimeFormatOptions);
});

const session = booking(72);

function booked(shares: Handler) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/bookings/bk_1': () => jsonResponse(200, session),
    'GET /api/v1/session-types': () => jsonResponse(200, typesAnswer()),
    'GET /api/v1/shares': shares,
  });
  renderAt('/sessions/bk_1?booked=1', api.client);
  return api;
}

const offerTitle = 'Would you like to share anything with Dr Amara Lewis before your session?';

describe('the offer to share after booking', () => {
  it('offers sharing by name, leads to the Sharing page, and “No thanks” puts it away', async () => {
    const api = booked(() => jsonResponse(200, { practitioners: [practitionerShare()] }));
    const title = await screen.findByRole('heading', { level: 2, name: offerTitle });
    expect(screen.getByText(/your session is booked either way/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Choose what to share' }).getAttribute('href')).toBe('/sharing');
    expect(screen.getByRole('main').textContent).toContain('Your session is booked for');
    fireEvent.click(screen.getByRole('button', { name: 'No thanks' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: title.textContent! })).toBeNull());
    const line = screen.getByText(/Nothing is shared\. If you change your mind/);
    expect(document.activeElement).toBe(line);
    // Only read, never written.
    expect(api.requests.filter((r) => r.url.startsWith('/api/v1/shares')).map((r) => r.init.method)).toEqual(['GET']);
  });

  it('when something is shared already, says so quietly instead', async () => {
    booked(() => jsonResponse(200, { practitioners: [practitionerShare({ practice: true }, '2026-11-02T09:14:00Z')] }));
    expect(await screen.findByText(/You already share some things with Dr Amara Lewis\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See or change what you share' }).getAttribute('href')).toBe('/sharing');
    expect(screen.queryByRole('heading', { name: offerTitle })).toBeNull();
  });

  it('when sharing cannot be read, the booking shows without the offer', async () => {
    const api = booked(() => problem(503, 'unavailable'));
    const main = await screen.findByRole('main');
    await waitFor(() => expect(main.textContent).toContain('Your session is booked for'));
    await waitFor(() => expect(api.requests.some((r) => r.url === '/api/v1/shares')).toBe(true));
    expect(screen.queryByRole('heading', { level: 2, name: /share anything/ })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
