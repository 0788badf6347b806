import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import type { CountryCrisisLines } from '../../api/crisis-lines';
import { fakeFetch, jsonResponse, type RecordedRequest } from '../../api/fake-fetch';
import { storageKey } from './country-guess';
import { HelpPanel } from './help-panel';
import { openHelpPanel } from './help-request';

const verified = '2026-11-29';

const data: Record<string, CountryCrisisLines> = {
  GB: {
    country: 'GB',
    name: 'United Kingdom',
    emergency: '999',
    last_verified: verified,
    lines: [
      {
        id: 'samaritans',
        name: 'Samaritans',
        description: 'Someone to listen, whatever you are going through.',
        phone: '116 123',
        url: 'https://www.samaritans.org',
        hours: '24 hours, every day',
        last_verified: verified,
      },
      {
        id: 'shout',
        name: 'Shout',
        description: 'A free, confidential text conversation.',
        sms: '85258',
        sms_keyword: 'SHOUT',
        hours: '24 hours, every day',
        last_verified: verified,
      },
    ],
  },
  IE: {
    country: 'IE',
    name: 'Ireland',
    emergency: '112 or 999',
    last_verified: verified,
    lines: [
      {
        id: 'samaritans',
        name: 'Samaritans',
        description: 'Someone to listen.',
        phone: '116 123',
        hours: '24 hours, every day',
        last_verified: verified,
      },
    ],
  },
  US: {
    country: 'US',
    name: 'United States',
    emergency: '911',
    last_verified: verified,
    lines: [
      {
        id: '988-lifeline',
        name: '988 Suicide & Crisis Lifeline',
        description: 'Free, confidential support.',
        phone: '988',
        sms: '988',
        url: 'javascript:alert(1)',
        hours: '24 hours, every day',
        last_verified: verified,
      },
    ],
  },
  PT: { country: 'PT', name: 'Portugal', emergency: '112', last_verified: verified, lines: [] },
};

const countries = [
  { code: 'IE', name: 'Ireland' },
  { code: 'PT', name: 'Portugal' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'US', name: 'United States' },
];

/** The server as the panel sees it. */
function server(request: RecordedRequest): Response {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname !== '/api/v1/crisis-lines') return jsonResponse(404, {}, 'application/problem+json');
  const code = url.searchParams.get('country');
  if (code === null) return jsonResponse(200, { countries });
  const found = data[code];
  return found
    ? jsonResponse(200, found)
    : jsonResponse(404, { type: 'about:blank', title: 'Not found', status: 404 }, 'application/problem+json');
}

function offline(): Response {
  throw new TypeError('Failed to fetch');
}

function renderPanel(respond: (request: RecordedRequest) => Response | Promise<Response> = server, timeoutMs?: number) {
  const { fetch, requests } = fakeFetch(respond);
  const client = createClient({ fetch });
  const view = render(
    <div>
      <button type="button">Opener</button>
      <HelpPanel client={client} timeoutMs={timeoutMs} />
    </div>,
  );
  return { ...view, requests };
}

function open() {
  screen.getByRole('button', { name: 'Opener' }).focus();
  act(() => openHelpPanel());
  return screen.getByRole('dialog', { name: 'Need help now' });
}

describe('help panel', () => {
  it('is closed and empty until asked for', () => {
    const { requests, container } = renderPanel();
    const dialog = container.querySelector('dialog');
    expect(dialog?.open).toBe(false);
    expect(dialog?.childElementCount).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it('opens with focus on its heading and shows the emergency number at once', () => {
    sessionStorage.setItem(storageKey, 'GB');
    renderPanel(() => new Promise<Response>(() => {}));
    const dialog = open();

    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { level: 2, name: 'Need help now' }));
    // Before the server answers: the built-in emergency number is already there.
    const call = within(dialog).getByRole('link', { name: 'If you are in danger now, call 999' });
    expect(call.getAttribute('href')).toBe('tel:999');
    expect(within(dialog).getByRole('status').textContent).toContain('Finding the numbers for United Kingdom');
  });

  it('shows the lines from the server, in order, with call and text links', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    const { requests } = renderPanel();
    const dialog = open();

    const list = await within(dialog).findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'Samaritans',
      'Shout',
    ]);

    const samaritans = items[0] as HTMLElement;
    expect(within(samaritans).getByRole('link', { name: 'Call Samaritans on 116 123' }).getAttribute('href')).toBe(
      'tel:116123',
    );
    expect(samaritans.textContent).toContain('24 hours, every day');
    expect(samaritans.textContent).toContain('Someone to listen, whatever you are going through.');
    expect(samaritans.textContent).toContain('Checked 29 November 2026');
    const site = within(samaritans).getByRole('link', { name: 'Samaritans website (opens in a new tab)' });
    expect(site.getAttribute('href')).toBe('https://www.samaritans.org');
    expect(site.getAttribute('rel')).toBe('noopener noreferrer');

    const shout = items[1] as HTMLElement;
    expect(within(shout).getByRole('link', { name: 'Text SHOUT to 85258' }).getAttribute('href')).toBe(
      'sms:85258?&body=SHOUT',
    );
    expect(within(shout).queryByRole('link', { name: /Call/ })).toBeNull();

    // The emergency number comes first, then the country, then the lines, then what this is not.
    const text = dialog.textContent ?? '';
    const order = ['call 999', 'Your country', 'Samaritans', 'not an emergency service'].map((s) => text.indexOf(s));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    expect(requests.map((r) => r.url).sort()).toEqual(['/api/v1/crisis-lines', '/api/v1/crisis-lines?country=GB']);
  });

  it('offers every country from the server in the picker', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    renderPanel();
    const dialog = open();
    const picker = within(dialog).getByRole('combobox', { name: 'Your country' }) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(4));
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      'Ireland',
      'Portugal',
      'United Kingdom',
      'United States',
    ]);
    expect(picker.value).toBe('GB');
  });

  it('switches country, remembers it for this tab only, and never links an unsafe site', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    renderPanel();
    const dialog = open();
    await within(dialog).findByRole('link', { name: 'Call Samaritans on 116 123' });

    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Your country' }), { target: { value: 'US' } });

    const call = await within(dialog).findByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline on 988' });
    expect(call.getAttribute('href')).toBe('tel:988');
    expect(
      within(dialog).getByRole('link', { name: 'Text 988 Suicide & Crisis Lifeline on 988' }).getAttribute('href'),
    ).toBe('sms:988');
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 911' }).getAttribute('href')).toBe(
      'tel:911',
    );
    expect(within(dialog).queryByRole('link', { name: /website/ })).toBeNull();
    expect(within(dialog).getByRole('status').textContent).toContain('Showing the numbers for United States');
    expect(sessionStorage.getItem(storageKey)).toBe('US');
    expect(localStorage.length).toBe(0);
  });

  it('offers both numbers when a country has two', async () => {
    sessionStorage.setItem(storageKey, 'IE');
    renderPanel();
    const dialog = open();
    await within(dialog).findByRole('link', { name: 'Call Samaritans on 116 123' });
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 112' }).getAttribute('href')).toBe(
      'tel:112',
    );
    expect(within(dialog).getByRole('link', { name: 'Or call 999' }).getAttribute('href')).toBe('tel:999');
  });

  it('says kindly when a country has no line listed yet', async () => {
    sessionStorage.setItem(storageKey, 'PT');
    renderPanel();
    const dialog = open();
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('We don’t list a support line'));
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 112' })).toBeTruthy();
    expect(within(dialog).queryByRole('list')).toBeNull();
  });

  it('falls back to the built-in numbers when the server cannot be reached', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    renderPanel(offline);
    const dialog = open();

    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('needs a connection'));
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 999' }).getAttribute('href')).toBe(
      'tel:999',
    );
    expect(within(dialog).getByRole('link', { name: 'Call Samaritans on 116 123' }).getAttribute('href')).toBe(
      'tel:116123',
    );
    // Every country can still be picked, and each still shows its emergency number.
    const picker = within(dialog).getByRole('combobox', { name: 'Your country' }) as HTMLSelectElement;
    expect(picker.options.length).toBeGreaterThanOrEqual(29);

    fireEvent.change(picker, { target: { value: 'US' } });
    await within(dialog).findByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline on 988' });
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 911' })).toBeTruthy();

    fireEvent.change(picker, { target: { value: 'DE' } });
    await within(dialog).findByRole('link', { name: 'If you are in danger now, call 112' });
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('112 is free from any phone'));
  });

  it('tries again when asked, and shows the full list once the server answers', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    let reachable = false;
    renderPanel((request) => (reachable ? server(request) : offline()));
    const dialog = open();
    const retry = await within(dialog).findByRole('button', { name: 'Try again' });

    reachable = true;
    fireEvent.click(retry);

    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { level: 3, name: 'Someone to talk to' }));
    await within(dialog).findByRole('link', { name: 'Text SHOUT to 85258' });
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('does not keep someone waiting on a server that never answers', async () => {
    sessionStorage.setItem(storageKey, 'IE');
    renderPanel(() => new Promise<Response>(() => {}), 20);
    const dialog = open();
    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('needs a connection'));
    expect(within(dialog).getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeTruthy();
  });

  it('closes with its button and gives focus back to what opened it', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    const { container } = renderPanel();
    const dialog = open();
    await within(dialog).findByRole('list');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));

    expect(container.querySelector('dialog')?.open).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Opener' }));
  });

  it('reopens instantly from what it already fetched', async () => {
    sessionStorage.setItem(storageKey, 'GB');
    const { requests } = renderPanel();
    let dialog = open();
    await within(dialog).findByRole('list');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const linesRequests = () => requests.filter((r) => r.url.includes('country=')).length;
    expect(linesRequests()).toBe(1);

    dialog = open();
    expect(within(dialog).getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeTruthy();
    expect(linesRequests()).toBe(1);
  });
});
