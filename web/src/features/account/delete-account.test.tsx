import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadAccountPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import type { Me } from '../../api/me';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';

beforeAll(() => preloadAccountPages());

function open(routes: Record<string, Handler> = {}, me: Me = person()) {
  let signedIn = true;
  const api = fakeApi({
    'GET /api/v1/me': () => (signedIn ? jsonResponse(200, me) : problem(401, 'unauthenticated')),
    'GET /api/v1/me/sessions': () => jsonResponse(200, { sessions: [] }),
    ...routes,
  });
  renderAt('/account', api.client);
  return { api, signOut: () => (signedIn = false) };
}

const section = async () =>
  (await screen.findByRole('heading', { name: 'Delete my account' })).closest('section')!;
const password = (panel: HTMLElement) => within(panel).getByLabelText('Your password');
const confirm = (panel: HTMLElement) => within(panel).getByRole('button', { name: 'Delete my account for good' });

describe('Delete my account, on /account', () => {
  it('says what goes and what stays, and offers the download first', async () => {
    open();
    const panel = await section();
    expect(panel.textContent).toContain('This cannot be undone.');
    expect(panel.textContent).toContain('your journal');
    expect(panel.textContent).toContain('stay in your therapist’s records');
    expect(panel.textContent).toContain('without your name');
    const download = within(panel).getByRole('link', { name: 'download everything about you' });
    expect(download.getAttribute('href')).toBe('/api/v1/me/export');
    expect(within(panel).queryByLabelText('Code from your authenticator app')).toBeNull();
  });

  it('asks for the password before sending anything', async () => {
    const { api } = open();
    const panel = await section();
    fireEvent.click(confirm(panel));
    await waitFor(() => expect(password(panel).getAttribute('aria-invalid')).toBe('true'));
    expect(panel.textContent).toContain('Please enter your password.');
    expect(api.sent('DELETE /api/v1/me')).toEqual([]);
  });

  it('shows a wrong password beside the field and keeps the account', async () => {
    const { api } = open({
      'DELETE /api/v1/me': () =>
        problem(400, 'invalid-argument', { errors: [{ field: 'password', message: 'doesn\'t match your current password' }] }),
    });
    const panel = await section();
    fireEvent.input(password(panel), { target: { value: 'not it' } });
    fireEvent.click(confirm(panel));
    await waitFor(() => expect(password(panel).getAttribute('aria-invalid')).toBe('true'));
    expect(api.sent('DELETE /api/v1/me')).toEqual([{ password: 'not it' }]);
    expect(screen.getByRole('heading', { name: 'Your account' })).toBeTruthy();
  });

  it('with two-factor on, asks for a code too and sends it', async () => {
    const { api, signOut } = open(
      {
        'DELETE /api/v1/me': () => {
          signOut();
          return noContent();
        },
      },
      person({ two_factor: { enrolled: true, required: true, passed: true, recovery_codes_left: 10 } }),
    );
    const panel = await section();
    fireEvent.input(password(panel), { target: { value: 'lanterns over the quiet harbour' } });
    fireEvent.click(confirm(panel));
    expect(await within(panel).findAllByText(/Please enter a code from your authenticator app\./)).not.toHaveLength(0);
    expect(api.sent('DELETE /api/v1/me')).toEqual([]);
    fireEvent.input(within(panel).getByLabelText('Code from your authenticator app'), { target: { value: ' 123456 ' } });
    fireEvent.click(confirm(panel));
    expect(await screen.findByRole('heading', { name: 'Your account has been deleted' })).toBeTruthy();
    expect(api.sent('DELETE /api/v1/me')).toEqual([{ password: 'lanterns over the quiet harbour', code: '123456' }]);
  });

  it('lands on a kind goodbye with help now, and forgets the drafts on this device', async () => {
    localStorage.setItem('securebase.checkin.u1.attachment.1', '{"answers":{}}');
    const { signOut } = open({
      'DELETE /api/v1/me': () => {
        signOut();
        return noContent();
      },
    });
    const panel = await section();
    fireEvent.input(password(panel), { target: { value: 'lanterns over the quiet harbour' } });
    fireEvent.click(confirm(panel));
    expect(await screen.findByRole('heading', { name: 'Your account has been deleted' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Goodbye · Secure Base'));
    expect(screen.getAllByRole('button', { name: /help now/i }).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: 'sign up again' }).getAttribute('href')).toBe('/signup');
    expect(localStorage.getItem('securebase.checkin.u1.attachment.1')).toBeNull();
  });

  it('is not offered to the practitioner', async () => {
    open({}, person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: true } }));
    await screen.findByRole('heading', { name: 'Your data' });
    expect(screen.queryByRole('heading', { name: 'Delete my account' })).toBeNull();
  });
});
