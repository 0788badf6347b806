import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { preloadAccountPages } from '../../app';
import { renderAt } from '../../test/render-at';

async function logIn(path: string, answer: Handler, email = 'ana@example.org', password = 'quiet harbour lantern') {
  const api = fakeApi({ 'POST /api/v1/auth/login': answer });
  renderAt(path, api.client);
  fireEvent.input(await screen.findByLabelText('Email address'), { target: { value: ` ${email} ` } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
  return api;
}

// The account pages load lazily; load them once up front so each test's first find is quick.
beforeAll(() => preloadAccountPages());

describe('/login', () => {
  it('has its heading, title and labelled fields, with ways to a new password and to sign up', async () => {
    renderAt('/login', fakeApi({}).client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Log in · Secure Base'));
    expect(screen.getByLabelText('Email address').getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByRole('link', { name: 'Forgotten your password?' }).getAttribute('href')).toBe('/forgot-password');
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe('/signup');
  });

  it('logs in and goes to where the person was headed, with the name in the banner', async () => {
    const api = await logIn('/login?next=%2Faccount', () => jsonResponse(200, person()));
    await waitFor(() => expect(location.pathname).toBe('/account'));
    expect(api.sent('POST /api/v1/auth/login')).toEqual([
      { email: 'ana@example.org', password: 'quiet harbour lantern' },
    ]);
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Your account: Ana' })).toBeTruthy();
  });

  it('goes home when `next` leads to another site', async () => {
    await logIn('/login?next=https%3A%2F%2Fevil.example%2F', () => jsonResponse(200, person()));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(location.host).not.toBe('evil.example');
  });

  it('goes on to the code when two-factor is on, keeping `next`', async () => {
    await logIn('/login?next=%2Fjournal', () =>
      jsonResponse(200, { ...person({ two_factor: { enrolled: true, required: true, passed: false } }), mfa_required: true }),
    );
    await waitFor(() => expect(location.pathname).toBe('/login/code'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/journal');
    expect(await screen.findByRole('heading', { level: 1, name: 'Enter your code' })).toBeTruthy();
  });

  it('goes on to set up two-factor when the account needs it first', async () => {
    await logIn('/login', () =>
      jsonResponse(200, {
        ...person({ role: 'practitioner', two_factor: { enrolled: false, required: true, passed: false } }),
        mfa_enrollment_required: true,
      }),
    );
    await waitFor(() => expect(location.pathname).toBe('/account/two-factor'));
    expect(await screen.findByRole('heading', { name: 'One more step before you go on' })).toBeTruthy();
  });

  it('a wrong email or password: one message that does not say which, keeping what was typed', async () => {
    await logIn('/login', () => problem(401, 'invalid-credentials', { detail: 'No such user.' }));
    const summary = (await screen.findByRole('heading', { name: 'We couldn’t log you in' })).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('That email and password don’t match.');
    expect(summary.textContent).not.toContain('No such user');
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('ana@example.org');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('quiet harbour lantern');
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBeNull();
  });

  it('an unconfirmed address: says a new link has been sent', async () => {
    await logIn('/login', () => problem(403, 'email-not-verified'));
    const summary = (await screen.findByRole('heading', { name: 'Please confirm your email address first' }))
      .parentElement!;
    expect(summary.textContent).toContain('We’ve just sent a new link to ana@example.org.');
  });

  it('too many tries: says how long to wait, from Retry-After', async () => {
    await logIn(
      '/login',
      () =>
        new Response(JSON.stringify({ type: 'urn:securebase:problem:too-many-requests', title: 'x', status: 429 }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '240' },
        }),
    );
    const summary = (await screen.findByRole('heading', { name: 'Please wait a little while' })).parentElement!;
    expect(summary.textContent).toContain('Please wait 4 minutes, then try again.');
  });

  it('field errors from the server appear beside their fields', async () => {
    await logIn('/login', () =>
      problem(400, 'invalid-argument', { errors: [{ field: 'email', message: 'it needs exactly one @.' }] }),
    );
    const message = 'Please check your email address: it needs exactly one @.';
    expect(await screen.findByRole('link', { name: message })).toBeTruthy();
    const email = screen.getByLabelText('Email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('login-email-error');
    expect(document.getElementById('login-email-error')?.textContent).toBe(`Error: ${message}`);
  });

  it('offline: says the server could not be reached', async () => {
    await logIn('/login', () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await screen.findByText(/couldn’t reach Secure Base/)).toBeTruthy();
  });
});
