import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { preloadAccountPages } from '../../app';
import { renderAt } from '../../test/render-at';

// The account pages load lazily; load them once up front so each test's first find is quick.
beforeAll(() => preloadAccountPages());

async function fillIn() {
  fireEvent.input(await screen.findByLabelText('Email address'), { target: { value: 'ana@example.org' } });
  fireEvent.input(screen.getByLabelText('Your name'), { target: { value: ' Ana ' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'quiet harbour lantern' } });
}

function open(answer: Handler, more: Record<string, Handler> = {}) {
  const api = fakeApi({ 'POST /api/v1/auth/signup': answer, ...more });
  renderAt('/signup', api.client);
  return api;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

describe('/signup', () => {
  it('says the password rule up front, and picks the time zone and a country for this device', async () => {
    open(() => jsonResponse(202, { status: 'check-email' }));
    const password = await screen.findByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    expect(document.getElementById(password.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /^At least 8 characters\./,
    );
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone.options.length).toBeGreaterThan(300);
    expect(zone.selectedOptions[0]?.textContent).toMatch(/ \(\w+\)$|^UTC$/);
    const country = screen.getByLabelText('Country') as HTMLSelectElement;
    expect(country.value).toMatch(/^[A-Z]{2}$/);
    expect(country.options.length).toBeGreaterThan(200);
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login');
  });

  it('shows and hides the password', async () => {
    open(() => jsonResponse(202, {}));
    const toggle = await screen.findByRole('button', { name: 'Show password' });
    fireEvent.click(toggle);
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('sends the form, then says "check your email" without saying whether the address was known', async () => {
    const api = open(() => jsonResponse(202, { status: 'check-email' }), {
      'POST /api/v1/auth/verify/resend': () => jsonResponse(202, {}),
    });
    await fillIn();
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'CA' } });
    submit();

    const heading = await screen.findByRole('heading', { name: 'Check your email' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(api.sent('POST /api/v1/auth/signup')).toEqual([
      {
        email: 'ana@example.org',
        display_name: 'Ana',
        password: 'quiet harbour lantern',
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        country: 'CA',
      },
    ]);
    const note = heading.parentElement!;
    expect(note.textContent).toContain('We’ve sent a message to ana@example.org.');
    expect(note.textContent).toContain('If this address already has an account, the message says so instead');
    // The form is hidden, not gone: it keeps what was typed.
    expect(screen.getByLabelText('Password').closest('[hidden]')).not.toBeNull();

    fireEvent.click(within(note).getByRole('button', { name: 'Send it again' }));
    expect(await within(note).findByText('We’ve sent it again.')).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/verify/resend')).toEqual([{ email: 'ana@example.org' }]);

    // A different address: the form comes back with everything as it was typed.
    fireEvent.click(within(note).getByRole('button', { name: 'Use a different email address' }));
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('ana@example.org');
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe(' Ana ');
  });

  it('shows each refused field beside its input, with a focused summary, keeping what was typed', async () => {
    open(() =>
      problem(400, 'invalid-argument', {
        errors: [
          { field: 'password', message: 'is too common' },
          { field: 'email', message: 'it needs exactly one @.' },
          { field: 'time_zone', message: 'is not a known IANA time zone' },
        ],
      }),
    );
    await fillIn();
    submit();

    const summary = (await screen.findByRole('heading', { name: 'Please check these details' })).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Please check your email address: it needs exactly one @.',
      'Your password is too common.',
      'Please choose your time zone from the list.',
    ]);
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe('signup-password-hint signup-password-error');
    expect((password as HTMLInputElement).value).toBe('quiet harbour lantern');
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBeNull();

    fireEvent.click(within(summary).getAllByRole('link')[1]!);
    expect(document.activeElement).toBe(password);
  });

  it('a problem with no field: a general message', async () => {
    open(() => problem(500, 'internal'));
    await fillIn();
    submit();
    const summary = (await screen.findByRole('heading', { name: 'Your account was not created' })).parentElement!;
    expect(summary.textContent).toContain('Something went wrong on our side.');
  });

  it('sends once, however fast the button is pressed', async () => {
    const api = open(() => new Promise<Response>(() => {}));
    await fillIn();
    const button = screen.getByRole('button', { name: 'Create account' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByRole('button', { name: 'Creating your account…' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/signup')).toHaveLength(1);
  });

  it('already logged in: says so, with the way to the account', async () => {
    const api = fakeApi({ 'GET /api/v1/me': () => jsonResponse(200, person()) });
    renderAt('/signup', api.client);
    expect(await screen.findByText(/You’re already logged in as Ana/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create account' })).toBeNull();
  });
});
