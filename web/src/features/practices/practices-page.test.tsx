import { screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { fakeCaches } from './fake-caches';
import { boxBreathing, grounding } from './practice-fixtures';

const catalogue = { practices: [boxBreathing(), grounding()] };

beforeEach(() => {
  vi.stubGlobal('caches', fakeCaches());
});

describe('/practices', () => {
  it('shows every practice with its lengths and a way in, signed out', async () => {
    const api = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, catalogue) });
    renderAt('/practices', api.client);
    const card = (await screen.findByRole('heading', { level: 2, name: 'Box breathing' })).closest('li')!;
    expect(card.textContent).toContain('Four equal sides: in, hold, out, hold.');
    expect(card.textContent).toContain('3, 5 or 10 minutes');
    const begin = within(card).getByRole('link', { name: 'Begin: Box breathing' });
    expect(begin.getAttribute('href')).toBe('/practices/box-breathing');
    const second = screen.getByRole('heading', { level: 2, name: 'Grounding through the five senses' }).closest('li')!;
    expect(second.textContent).toContain('3 or 5 minutes');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Practices']);
    expect(document.title).toBe('Practices · Secure Base');
    expect(screen.queryByText(/You are offline/)).toBeNull();
  });

  it('shows the copy kept on this device when the network is gone', async () => {
    const online = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, catalogue) });
    const first = renderAt('/practices', online.client);
    await screen.findByRole('heading', { level: 2, name: 'Box breathing' });
    first.unmount();

    const offline = fakeApi({
      'GET /api/v1/practices': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderAt('/practices', offline.client);
    expect(await screen.findByText(/You are offline, so these are the practices saved on this device/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Begin: Grounding through the five senses' })).toBeTruthy();
  });

  it('says kindly that it could not load, with a way to try again, when nothing is kept', async () => {
    const api = fakeApi({
      'GET /api/v1/practices': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderAt('/practices', api.client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We couldn’t load the practices just now.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('passes on what the server says when it answers with a problem', async () => {
    const api = fakeApi({
      'GET /api/v1/practices': () => problem(503, 'unavailable', { detail: 'The practices are resting.' }),
    });
    renderAt('/practices', api.client);
    expect((await screen.findByRole('alert')).textContent).toContain('The practices are resting.');
  });
});
