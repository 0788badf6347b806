import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import { fakeFetch, jsonResponse, type RecordedRequest } from '../../api/fake-fetch';
import { renderAt } from '../../test/render-at';
import { SetupPage } from './setup-page';

const problem = (status: number, errors: { field: string; message: string }[]) =>
  jsonResponse(
    status,
    { type: 'about:blank', title: 'Refused', status, detail: 'Please check these details.', errors },
    'application/problem+json',
  );

/** The server as the page sees it: setup needed, and `post` answers the form. */
function renderPage(post: (request: RecordedRequest) => Response | Promise<Response>, needed = true) {
  const { fetch, requests } = fakeFetch((request) =>
    request.init.method === 'POST' ? post(request) : jsonResponse(200, { needed }),
  );
  const view = render(<SetupPage client={createClient({ fetch })} />);
  return { ...view, requests };
}

async function fillIn() {
  fireEvent.input(await screen.findByLabelText('Setup token'), {
    target: { value: '0123456789abcdef0123456789abcdef' },
  });
  fireEvent.input(screen.getByLabelText('Email address'), { target: { value: 'sam@example.org' } });
  fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Sam Taylor' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'quiet harbour lantern' } });
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create the account' }));

describe('setup page', () => {
  it('is at /setup with its own heading and title, and not in the navigation', async () => {
    renderAt('/setup');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Set up Secure Base');
    expect(document.title).toBe('Set up · Secure Base');
    const nav = screen.getAllByRole('navigation');
    for (const n of nav) expect(within(n).queryByRole('link', { name: /set up/i })).toBeNull();
  });

  it('says kindly that the site is already set up, with no form', async () => {
    const { container } = renderPage(() => jsonResponse(500, {}), false);
    expect(await screen.findByRole('heading', { name: 'This site is already set up' })).toBeTruthy();
    expect(screen.getByText(/nothing more to do here/)).toBeTruthy();
    expect(container.querySelector('form, input')).toBeNull();
  });

  it('labels every field, explains the token, and guesses time zone and country', async () => {
    renderPage(() => jsonResponse(500, {}));
    const token = await screen.findByLabelText('Setup token');
    expect(token.getAttribute('aria-describedby')).toBe('setup-token-hint');
    expect(screen.getByText(/“setup_needed”/)).toBeTruthy();
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('type')).toBe('password');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(zone.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const country = screen.getByLabelText('Country') as HTMLSelectElement;
    expect([...country.options].map((o) => o.value)).toEqual(expect.arrayContaining(['GB', 'IE', 'US', 'DE', 'FR']));
  });

  it('shows and hides the password', async () => {
    renderPage(() => jsonResponse(500, {}));
    const toggle = await screen.findByRole('button', { name: 'Show password' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
  });

  it('shows each refused field beside its input and a focused summary from a 400', async () => {
    renderPage(() =>
      problem(400, [
        { field: 'email', message: 'it needs exactly one @.' },
        { field: 'password', message: 'must be at least 8 characters' },
        { field: 'display_name', message: 'must be text' },
      ]),
    );
    await fillIn();
    submit();

    const summary = (await screen.findByRole('heading', { name: 'Please check these details' })).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual([
      'Please check your email address: it needs exactly one @.',
      'Please enter your name as text.',
      'Your password must be at least 8 characters.',
    ]);

    const email = screen.getByLabelText('Email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const emailError = document.getElementById(email.getAttribute('aria-describedby')!);
    expect(emailError?.textContent).toBe('Error: Please check your email address: it needs exactly one @.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-describedby')).toBe('setup-password-hint setup-password-error');
    expect(screen.getByLabelText('Setup token').getAttribute('aria-invalid')).toBeNull();

    // A link in the summary takes you to its field.
    fireEvent.click(within(summary).getAllByRole('link')[2]!);
    expect(document.activeElement).toBe(password);
  });

  it('shows a wrong token beside the token field from a 403', async () => {
    renderPage(() => problem(403, [{ field: 'token', message: 'does not match the one in the server log' }]));
    await fillIn();
    submit();
    const message =
      'That setup token does not match the one in the server log. Please copy it again, all 32 characters.';
    expect(await screen.findByRole('link', { name: message })).toBeTruthy();
    const token = screen.getByLabelText('Setup token');
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(token.getAttribute('aria-describedby')).toBe('setup-token-hint setup-token-error');
    expect(document.getElementById('setup-token-error')?.textContent).toBe(`Error: ${message}`);
  });

  it('says so when the server cannot be reached, keeping what was typed', async () => {
    renderPage(() => {
      throw new TypeError('Failed to fetch');
    });
    await fillIn();
    submit();
    expect(await screen.findByRole('heading', { name: 'The account was not created' })).toBeTruthy();
    expect(screen.getByText(/couldn’t reach Secure Base/)).toBeTruthy();
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('sam@example.org');
  });

  it('sends the form once, with the button disabled while sending, then gives the next step', async () => {
    let answer: (response: Response) => void = () => {};
    const { requests } = renderPage(() => new Promise<Response>((resolve) => (answer = resolve)));
    await fillIn();
    submit();

    const button = await screen.findByRole('button', { name: 'Creating the account…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const posts = requests.filter((r) => r.init.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.init.body as string)).toEqual({
      token: '0123456789abcdef0123456789abcdef',
      email: 'sam@example.org',
      display_name: 'Sam Taylor',
      password: 'quiet harbour lantern',
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      country: expect.stringMatching(/^[A-Z]{2}$/),
    });

    answer(jsonResponse(201, { id: 'u1', email: 'sam@example.org', role: 'practitioner' }));
    const heading = await screen.findByRole('heading', { name: 'Your practitioner account is ready' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/^You can log in now\. The first time, you’ll set up two-factor sign-in/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login');
    expect(document.querySelector('form')).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('turns a 409 into the "already set up" message', async () => {
    renderPage(() => problem(409, []));
    await fillIn();
    submit();
    expect(await screen.findByRole('heading', { name: 'This site is already set up' })).toBeTruthy();
  });
});
