import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, person, problem } from '../../test/fake-api';
import { preloadAccountPages } from '../../app';
import { renderAt } from '../../test/render-at';

const banner = () => screen.getByRole('banner');

// The account pages load lazily; load them once up front so each test's first find is quick.
beforeAll(() => preloadAccountPages());

describe('the account corner of the banner', () => {
  it('signed out: offers "Log in" and "Sign up"', async () => {
    const api = fakeApi({});
    renderAt('/', api.client);
    const login = await within(banner()).findByRole('link', { name: 'Log in' });
    expect(login.getAttribute('href')).toBe('/login');
    expect(within(banner()).getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/signup');
    expect(within(banner()).queryByRole('button', { name: 'Log out' })).toBeNull();
    // The main navigation is unchanged.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Log in' })).toBeNull();
  });

  it('signed in: the name leads to /account, with "Log out" beside it', async () => {
    const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, person()) });
    renderAt('/', api.client);
    const name = await within(banner()).findByRole('link', { name: 'Your account: Ana' });
    expect(name.getAttribute('href')).toBe('/account');
    expect(name.textContent).toBe('Your account: Ana');
    expect(within(banner()).getByRole('button', { name: 'Log out' })).toBeTruthy();
    expect(within(banner()).queryByRole('link', { name: 'Log in' })).toBeNull();
  });

  it('shows nothing while it is still asking the server', () => {
    const api = fakeApi({ 'GET /api/v1/me': () => new Promise<Response>(() => {}) });
    renderAt('/', api.client);
    expect(within(banner()).queryByRole('link', { name: 'Log in' })).toBeNull();
    expect(within(banner()).queryByRole('button', { name: 'Log out' })).toBeNull();
  });

  it('offline: still offers "Log in"', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderAt('/', api.client);
    expect(await within(banner()).findByRole('link', { name: 'Log in' })).toBeTruthy();
  });

  it('a session still owing its code shows the way to finish logging in', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () =>
        jsonResponse(200, person({ two_factor: { enrolled: true, required: true, passed: false } })),
    });
    renderAt('/', api.client);
    const finish = await within(banner()).findByRole('link', { name: 'Finish logging in' });
    expect(finish.getAttribute('href')).toBe('/login/code');
    expect(within(banner()).queryByRole('link', { name: /Your account/ })).toBeNull();
  });

  it('logs out: posts once, goes home, and offers "Log in" again', async () => {
    const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, person()), 'POST /api/v1/auth/logout': noContent });
    // An unfinished check-in from this device: it goes with the log-out.
    localStorage.setItem('securebase.checkin.u1.attachment.1', '{"answers":{}}');
    renderAt('/about', api.client);
    fireEvent.click(await within(banner()).findByRole('button', { name: 'Log out' }));

    expect(await within(banner()).findByRole('link', { name: 'Log in' })).toBeTruthy();
    expect(location.pathname).toBe('/');
    expect(api.sent('POST /api/v1/auth/logout')).toHaveLength(1);
    expect(api.requests.find((r) => r.url === '/api/v1/auth/logout')?.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(screen.getByText('You’ve logged out.')).toBeTruthy();
    expect(localStorage.getItem('securebase.checkin.u1.attachment.1')).toBeNull();
  });

  it('says so if logging out did not reach the server, and stays logged in', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => jsonResponse(200, person()),
      'POST /api/v1/auth/logout': () => problem(503, 'unavailable'),
    });
    renderAt('/about', api.client);
    fireEvent.click(await within(banner()).findByRole('button', { name: 'Log out' }));
    expect(await within(banner()).findByText(/couldn’t log you out/)).toBeTruthy();
    expect(within(banner()).getByRole('link', { name: 'Your account: Ana' })).toBeTruthy();
    expect(location.pathname).toBe('/about');
  });

  it('keeps nothing about the person in storage', async () => {
    const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, person()) });
    renderAt('/', api.client);
    await within(banner()).findByRole('button', { name: 'Log out' });
    await waitFor(() => expect(localStorage.length).toBe(0));
    expect(sessionStorage.length).toBe(0);
  });
});
