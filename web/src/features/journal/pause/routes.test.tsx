// The app routes /journal/insights and /journal/pause[/:id] to their pages, not to an entry.
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../api/fake-fetch';
import { fakeApi, person } from '../../../test/fake-api';
import { renderAt } from '../../../test/render-at';
import { notReadyInsights } from '../insights/insight-fixtures';

const signedIn = () =>
  fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/journal/insights': () => jsonResponse(200, notReadyInsights(1)),
  });

describe('the routes of insights and pause', () => {
  it('/journal/insights is the insights page', async () => {
    renderAt('/journal/insights', signedIn().client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Patterns in your trigger logs' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Journal insights · Secure Base'));
  });

  it('/journal/pause starts a pause, and /journal/pause/:id resumes one', async () => {
    const view = renderAt('/journal/pause', signedIn().client);
    expect(await screen.findByRole('heading', { level: 2, name: /Step 1 of 3/ })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Pause before reacting']);
    view.unmount();
    renderAt('/journal/pause/0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47', signedIn().client);
    expect(await screen.findByText(/There is no unfinished pause at this address/)).toBeTruthy();
  });
});
