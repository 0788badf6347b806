import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadAccountPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import type { Me } from '../../api/me';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';

beforeAll(() => preloadAccountPages());

const browsers = [
  { id: 'aaaaaaaaaaaaaaaa', created_at: '2026-11-30T09:00:00Z', last_seen_at: '2026-11-30T10:00:00Z', expires_at: '2026-12-14T10:00:00Z', current: true },
  { id: 'bbbbbbbbbbbbbbbb', created_at: '2026-11-02T08:15:00Z', last_seen_at: '2026-11-20T21:00:00Z', expires_at: '2026-12-04T21:00:00Z', current: false },
];

function open(routes: Record<string, Handler> = {}, me: Me = person()) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, me),
    'GET /api/v1/me/sessions': () => jsonResponse(200, { sessions: browsers }),
    ...routes,
  });
  renderAt('/account', api.client);
  return api;
}

const section = async (name: string) => (await screen.findByRole('heading', { name })).closest('section')!;

describe('/account', () => {
  it('lists the browsers signed in as them, and signs one out, or all the others', async () => {
    let listed = browsers;
    const api = open({
      'GET /api/v1/me/sessions': () => jsonResponse(200, { sessions: listed }),
      'DELETE /api/v1/me/sessions/bbbbbbbbbbbbbbbb': () => {
        listed = [browsers[0]!];
        return noContent();
      },
      'DELETE /api/v1/me/sessions': () => noContent(),
    });
    const panel = await section('Signed-in browsers');
    const items = await within(panel).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toMatch(/^This browser\. Signed in on .*30 November 2026/);
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    fireEvent.click(within(items[1]!).getByRole('button', { name: /^Sign out the browser signed in on .*2 November 2026/ }));
    expect(await within(panel).findByText('That browser is signed out.')).toBeTruthy();
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(1));
    expect(within(panel).queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
    expect(api.requests.map((r) => `${r.init.method ?? 'GET'} ${r.url}`)).toContain('DELETE /api/v1/me/sessions/bbbbbbbbbbbbbbbb');
  });

  it('signs every other browser out at once, and says so when that fails', async () => {
    let fail = true;
    open({ 'DELETE /api/v1/me/sessions': () => (fail ? problem(503, 'unavailable') : noContent()) });
    const panel = await section('Signed-in browsers');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Sign out everywhere else' }));
    expect(await within(panel).findByText('That didn’t work just now. Please try again.')).toBeTruthy();
    fail = false;
    fireEvent.click(await within(panel).findByRole('button', { name: 'Sign out everywhere else' }));
    expect(await within(panel).findByText('Every other browser is signed out.')).toBeTruthy();
  });

  it('offers a download of everything held about them', async () => {
    open();
    const data = await section('Your data');
    const link = within(data).getByRole('link', { name: 'Download everything about me' });
    expect(link.getAttribute('href')).toBe('/api/v1/me/export');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('with two-factor on: says so, and how many recovery codes are left', async () => {
    open({}, person({ two_factor: { enrolled: true, required: true, passed: true, recovery_codes_left: 9 } }));
    const twoFactor = await section('Two-factor sign-in');
    expect(twoFactor.textContent).toContain('On.');
    expect(twoFactor.textContent).toContain('You have 9 recovery codes left.');
    expect(within(twoFactor).queryByRole('link', { name: 'Set up two-factor sign-in' })).toBeNull();
  });

  it('a learner finds where to choose what they share; the practitioner does not', async () => {
    open();
    const sharing = await section('Sharing with your therapist');
    expect(sharing.textContent).toContain('Nothing you record here is shared unless you choose it.');
    expect(within(sharing).getByRole('link', { name: 'Choose what you share' }).getAttribute('href')).toBe('/sharing');
  });

  it('the practitioner has no sharing section', async () => {
    open({}, person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: true } }));
    await section('Two-factor sign-in');
    expect(screen.queryByRole('heading', { name: 'Sharing with your therapist' })).toBeNull();
  });

  it('signed out: goes to log in, and back here afterwards', async () => {
    renderAt('/account', fakeApi({}).client);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(location.search).toBe('?next=%2Faccount');
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
  });

  it('a session still owing its code: goes to the code first', async () => {
    renderAt(
      '/account',
      fakeApi({
        'GET /api/v1/me': () =>
          jsonResponse(200, person({ two_factor: { enrolled: true, required: true, passed: false } })),
      }).client,
    );
    await waitFor(() => expect(location.pathname).toBe('/login/code'));
    expect(location.search).toBe('?next=%2Faccount');
  });

  it('saves only what changed in "Your details", and the banner follows', async () => {
    const api = open({
      'PATCH /api/v1/me': () => jsonResponse(200, person({ display_name: 'Ana P', country: 'IE' })),
    });
    const details = await section('Your details');
    const name = within(details).getByLabelText('Your name') as HTMLInputElement;
    expect(name.value).toBe('Ana');
    expect((within(details).getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Lisbon');
    expect((within(details).getByLabelText('Country') as HTMLSelectElement).value).toBe('PT');

    fireEvent.input(name, { target: { value: 'Ana P' } });
    fireEvent.change(within(details).getByLabelText('Country'), { target: { value: 'IE' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));

    expect(await within(details).findByText('Your details are saved.')).toBeTruthy();
    expect(api.sent('PATCH /api/v1/me')).toEqual([{ display_name: 'Ana P', country: 'IE' }]);
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Your account: Ana P' })).toBeTruthy();
  });

  it('shows a refused name beside the field', async () => {
    open({
      'PATCH /api/v1/me': () =>
        problem(400, 'invalid-argument', { errors: [{ field: 'display_name', message: 'must be 1 to 80 characters' }] }),
    });
    const details = await section('Your details');
    fireEvent.input(within(details).getByLabelText('Your name'), { target: { value: ' ' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save changes' }));
    expect(await within(details).findByRole('link', { name: 'Your name must be 1 to 80 characters.' })).toBeTruthy();
    expect(within(details).getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');
  });

  it('changes the password; a wrong current password is shown beside that field', async () => {
    let calls = 0;
    const api = open({
      'POST /api/v1/auth/password/change': () => {
        calls += 1;
        return calls === 1
          ? problem(400, 'invalid-argument', { errors: [{ field: 'current_password', message: 'is not right' }] })
          : noContent();
      },
    });
    const password = await section('Password');
    fireEvent.input(within(password).getByLabelText('Current password'), { target: { value: 'wrong one' } });
    fireEvent.input(within(password).getByLabelText('New password'), { target: { value: 'a brand new password' } });
    fireEvent.click(within(password).getByRole('button', { name: 'Change password' }));

    expect(await within(password).findByRole('link', { name: 'Your current password is not right.' })).toBeTruthy();
    expect((within(password).getByLabelText('New password') as HTMLInputElement).value).toBe('a brand new password');

    fireEvent.input(within(password).getByLabelText('Current password'), { target: { value: 'the right one' } });
    fireEvent.click(within(password).getByRole('button', { name: 'Change password' }));
    expect(await within(password).findByText(/Your password has been changed\./)).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/password/change')[1]).toEqual({
      current_password: 'the right one',
      new_password: 'a brand new password',
    });
    expect((within(password).getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('changes the email address with the password, saying where the link went', async () => {
    const api = open({ 'POST /api/v1/auth/email/change': () => jsonResponse(202, { status: 'check-email' }) });
    const email = await section('Email address');
    expect(email.textContent).toContain('You log in with ana@example.org.');
    fireEvent.click(within(email).getByRole('button', { name: 'Change email address' }));
    expect(await within(email).findByRole('link', { name: 'Please enter the new email address.' })).toBeTruthy();

    fireEvent.input(within(email).getByLabelText('New email address'), { target: { value: 'ana.new@example.org' } });
    fireEvent.input(within(email).getByLabelText('Your password'), { target: { value: 'quiet harbour lantern' } });
    fireEvent.click(within(email).getByRole('button', { name: 'Change email address' }));
    expect(await within(email).findByText(/we’ve sent a link to/)).toBeTruthy();
    expect(email.textContent).toContain('ana.new@example.org');
    expect(api.sent('POST /api/v1/auth/email/change')).toEqual([
      { new_email: 'ana.new@example.org', password: 'quiet harbour lantern' },
    ]);
  });

  it('says whether two-factor sign-in is on, with the way to set it up', async () => {
    open();
    const twoFactor = await section('Two-factor sign-in');
    expect(twoFactor.textContent).toContain('Off.');
    expect(within(twoFactor).getByRole('link', { name: 'Set up two-factor sign-in' }).getAttribute('href')).toBe(
      '/account/two-factor',
    );
  });
});
