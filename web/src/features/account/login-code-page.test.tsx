import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadAccountPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';

beforeAll(() => preloadAccountPages());

const owing = person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: false } });
const passed = { ...owing, two_factor: { enrolled: true, required: true, passed: true } };

function open(path: string, answer: Handler) {
  const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, owing), 'POST /api/v1/auth/mfa': answer });
  renderAt(path, api.client);
  return api;
}

describe('/login/code', () => {
  it('asks for six digits with a numeric keypad and the code the phone offers', async () => {
    open('/login/code', () => jsonResponse(200, passed));
    const code = await screen.findByLabelText('Six-digit code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.title).toBe('Two-factor code · Secure Base'));
  });

  it('sends the code without spaces and goes on to `next`', async () => {
    const api = open('/login/code?next=%2Faccount', () => jsonResponse(200, passed));
    fireEvent.input(await screen.findByLabelText('Six-digit code'), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(location.pathname).toBe('/account'));
    expect(api.sent('POST /api/v1/auth/mfa')).toEqual([{ code: '123456' }]);
    expect(await screen.findByRole('heading', { name: 'Your details' })).toBeTruthy();
  });

  it('a wrong code: a kind message beside the field, keeping it', async () => {
    open('/login/code', () => problem(400, 'invalid-code'));
    fireEvent.input(await screen.findByLabelText('Six-digit code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const link = await screen.findByRole('link', { name: /^That code didn’t work\. Codes change every 30 seconds/ });
    expect(link.getAttribute('href')).toBe('#login-code');
    const code = screen.getByLabelText('Six-digit code') as HTMLInputElement;
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.value).toBe('000000');
  });

  it('an empty code: asked for before anything is sent', async () => {
    const api = open('/login/code', () => jsonResponse(200, passed));
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('link', { name: 'Please enter the six-digit code from your authenticator app.' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/mfa')).toEqual([]);
  });

  it('a recovery code instead', async () => {
    const api = open('/login/code', () => jsonResponse(200, passed));
    fireEvent.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    const field = await screen.findByLabelText('Recovery code');
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.input(field, { target: { value: ' abcd-efgh ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(api.sent('POST /api/v1/auth/mfa')).toEqual([{ code: 'abcd-efgh' }]);
  });

  it('too many tries: how long to wait', async () => {
    open('/login/code', () => problem(429, 'too-many-requests', { detail: 'Please wait 15 minutes.' }));
    fireEvent.input(await screen.findByLabelText('Six-digit code'), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Please wait 15 minutes.')).toBeTruthy();
  });

  it('without a session: a kind way back to log in', async () => {
    renderAt('/login/code?next=%2Faccount', fakeApi({}).client);
    expect(await screen.findByRole('heading', { name: 'Please log in again' })).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/login?next=%2Faccount',
    );
  });
});
