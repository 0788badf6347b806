// The pages a link in a mail opens: /verify, /reset-password, /confirm-email.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, person, problem } from '../../test/fake-api';
import { preloadAccountPages } from '../../app';
import { renderAt } from '../../test/render-at';

// The account pages load lazily; load them once up front so each test's first find is quick.
beforeAll(() => preloadAccountPages());

describe('/verify', () => {
  it('confirms the address from the link, then offers to log in', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/verify': () => jsonResponse(200, { verified: true }) });
    renderAt('/verify?token=abc123', api.client);
    const heading = await screen.findByRole('heading', { name: 'Your email is confirmed' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(api.sent('POST /api/v1/auth/verify')).toEqual([{ token: 'abc123' }]);
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login');
    // The used token does not stay in the address bar (or the history).
    expect(location.search).toBe('');
  });

  it('an expired link: a kind word and a way to get a new one', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/verify': () => problem(400, 'invalid-token'),
      'POST /api/v1/auth/verify/resend': () => jsonResponse(202, {}),
    });
    renderAt('/verify?token=old', api.client);
    expect(await screen.findByRole('heading', { name: 'This link has expired or has already been used' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'ana@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    const sent = (await screen.findByRole('heading', { name: 'Check your email' })).parentElement!;
    expect(sent.textContent).toContain('If ana@example.org has an account waiting to be confirmed');
    expect(api.sent('POST /api/v1/auth/verify/resend')).toEqual([{ email: 'ana@example.org' }]);
  });

  it('no token at all: the same kind word, and nothing sent', async () => {
    const api = fakeApi({});
    renderAt('/verify', api.client);
    expect(await screen.findByRole('heading', { name: 'This link has expired or has already been used' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/verify')).toEqual([]);
  });

  it('asking for a new link with no address: a field error', async () => {
    renderAt('/verify', fakeApi({}).client);
    fireEvent.click(await screen.findByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByRole('link', { name: 'Please enter your email address.' })).toBeTruthy();
    expect(screen.getByLabelText('Email address').getAttribute('aria-invalid')).toBe('true');
  });

  it('offline: says so, and tries again', async () => {
    let calls = 0;
    const api = fakeApi({
      'POST /api/v1/auth/verify': () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return jsonResponse(200, { verified: true });
      },
    });
    renderAt('/verify?token=abc', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Your email is confirmed' })).toBeTruthy();
  });
});

describe('/reset-password', () => {
  it('saves the new password, then says every device was logged out', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => jsonResponse(200, person()),
      'POST /api/v1/auth/password/reset': noContent,
    });
    renderAt('/reset-password?token=r1', api.client);
    const field = await screen.findByLabelText('New password');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
    fireEvent.input(field, { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the new password' }));

    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/password/reset')).toEqual([{ token: 'r1', password: 'a brand new password' }]);
    // This browser's session ended too.
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Log in' })).toBeTruthy();
  });

  it('a refused password is shown beside the field', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/password/reset': () =>
        problem(400, 'invalid-argument', { errors: [{ field: 'password', message: 'must be at least 8 characters' }] }),
    });
    renderAt('/reset-password?token=r1', api.client);
    fireEvent.input(await screen.findByLabelText('New password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('link', { name: 'Your new password must be at least 8 characters.' })).toBeTruthy();
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('short');
  });

  it('an expired link: says so, with the way to a new one', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/password/reset': () => problem(400, 'invalid-token') });
    renderAt('/reset-password?token=old', api.client);
    fireEvent.input(await screen.findByLabelText('New password'), { target: { value: 'a brand new password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('heading', { name: 'This link has expired or has already been used' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Send me a new link' }).getAttribute('href')).toBe('/forgot-password');
  });
});

describe('/forgot-password', () => {
  it('asks for the address, then answers the same whether or not there is an account', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/password/forgot': () => jsonResponse(202, {}) });
    renderAt('/forgot-password', api.client);
    fireEvent.input(await screen.findByLabelText('Email address'), { target: { value: 'ana@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    const sent = (await screen.findByRole('heading', { name: 'Check your email' })).parentElement!;
    expect(sent.textContent).toContain('If there’s an account for ana@example.org, we’ve sent it a link');
    expect(sent.textContent).toContain('The link works for 1 hour.');
    expect(api.sent('POST /api/v1/auth/password/forgot')).toEqual([{ email: 'ana@example.org' }]);
  });
});

describe('/confirm-email', () => {
  it('confirms the new address and says what it now is', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/email/confirm': () => jsonResponse(200, { email: 'new@example.org' }) });
    renderAt('/confirm-email?token=c1', api.client);
    const heading = await screen.findByRole('heading', { name: 'Your email address has changed' });
    expect(heading.parentElement!.textContent).toContain('From now on, Secure Base uses new@example.org.');
    expect(api.sent('POST /api/v1/auth/email/confirm')).toEqual([{ token: 'c1' }]);
  });

  it('an expired link: the address has not changed', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/email/confirm': () => problem(400, 'invalid-token') });
    renderAt('/confirm-email?token=old', api.client);
    const heading = await screen.findByRole('heading', { name: 'This link has expired or has already been used' });
    expect(heading.parentElement!.textContent).toContain('Your address has not changed.');
  });
});
