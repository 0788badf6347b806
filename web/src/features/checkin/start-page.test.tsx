import { screen, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadCheckinPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import type { Checkin } from '../../api/checkins';
import { fakeApi, person } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { draftKey } from './draft-store';
import { attachmentResult } from './test-fixtures';

beforeAll(() => preloadCheckinPages());
beforeEach(() => localStorage.clear());

const summaries = {
  questionnaires: [
    { id: 'attachment', version: 1, title: 'How I am in close relationships', kind: 'attachment', item_count: 16 },
    { id: 'eight-signs', version: 1, title: 'The eight signs', kind: 'signs', item_count: 8 },
  ],
};

function openSignedIn(checkins: Checkin[] = []) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/questionnaires': () => jsonResponse(200, summaries),
    'GET /api/v1/checkins': () => jsonResponse(200, { checkins }),
  });
  renderAt('/check-in', api.client);
  return api;
}

const ready = () => screen.findByRole('heading', { level: 2, name: 'When you’re ready' });

describe('/check-in', () => {
  it('says what the check-in is, honestly, with help close by', async () => {
    renderAt('/check-in', fakeApi({}).client);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check-in');
    expect(document.title).toBe('Check-in · Secure Base');
    const main = screen.getByRole('main').textContent ?? '';
    expect(main).toContain('two short parts');
    expect(main).toContain('five to ten minutes');
    expect(main).toContain('They are not a diagnosis.');
    expect(main).toContain('has not been tested in research');
    expect(screen.getByRole('button', { name: 'Need help now? See who you can contact' })).toBeTruthy();
  });

  it('signed out: asks to log in first, and comes back here', async () => {
    renderAt('/check-in', fakeApi({}).client);
    const login = await within(screen.getByRole('main')).findByRole('link', { name: 'Log in' });
    expect(login.getAttribute('href')).toBe('/login?next=%2Fcheck-in');
  });

  it('signed in: begins with part 1', async () => {
    openSignedIn();
    await ready();
    expect((await screen.findByRole('link', { name: 'Begin the check-in' })).getAttribute('href')).toBe('/check-in/attachment');
    expect(screen.queryByRole('link', { name: 'See your earlier results' })).toBeNull();
  });

  it('offers to carry on with a part left unfinished on this device', async () => {
    localStorage.setItem(draftKey('u1', 'attachment', 1), JSON.stringify({ answers: { 'anx-01': 3 }, step: 1, savedAt: Date.now() }));
    openSignedIn();
    expect((await screen.findByRole('link', { name: 'Carry on with part 1' })).getAttribute('href')).toBe('/check-in/attachment');
  });

  it('offers part 2 when part 1 was saved today and part 2 was not', async () => {
    openSignedIn([attachmentResult('a1', new Date(Date.now() - 60_000).toISOString(), 4, 3)]);
    expect((await screen.findByRole('link', { name: 'Carry on with part 2' })).getAttribute('href')).toBe('/check-in/eight-signs');
    expect(screen.getByRole('link', { name: 'See your earlier results' }).getAttribute('href')).toBe('/check-in/results');
  });
});
