import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { preloadAccountPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { groupedSecret, qrImageSource } from './enrolment-steps';
import { recoveryCodesText } from './recovery-codes';

beforeAll(() => preloadAccountPages());

const practitioner = person({
  role: 'practitioner',
  email: 'sam@example.org',
  two_factor: { enrolled: false, required: true, passed: false },
});
const enrolled = { ...practitioner, two_factor: { enrolled: true, required: true, passed: true } };
const codes = Array.from({ length: 10 }, (_, i) => `rc${i}-abcd`);
const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauth_uri: 'otpauth://totp/Secure%20Base:sam%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Secure%20Base',
  qr_svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/><script>x</script></svg>',
  recovery_codes: codes,
};

function open(confirm: Handler, path = '/account/two-factor?next=%2Fsessions') {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, practitioner),
    'POST /api/v1/auth/mfa/enroll': () => jsonResponse(200, enrolment),
    'POST /api/v1/auth/mfa/confirm': confirm,
  });
  renderAt(path, api.client);
  return api;
}

async function begin(password = 'a long and gentle password') {
  fireEvent.input(await screen.findByLabelText('Your password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
  return screen.findByRole('heading', { name: /Add Secure Base to your app/ });
}

describe('/account/two-factor', () => {
  it('explains why first, and asks for a secret only when the person begins', async () => {
    const api = open(() => jsonResponse(200, enrolled));
    expect(await screen.findByRole('heading', { name: 'One more step before you go on' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/mfa/enroll')).toEqual([]);
    await begin();
    expect(api.sent('POST /api/v1/auth/mfa/enroll')).toEqual([{ current_password: 'a long and gentle password' }]);
  });

  it('asks for the password again before beginning; a wrong one is said beside the field', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => jsonResponse(200, practitioner),
      'POST /api/v1/auth/mfa/enroll': () =>
        problem(400, 'validation-failed', {
          errors: [{ field: 'current_password', message: 'is not right' }],
        }),
    });
    renderAt('/account/two-factor', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Begin' }));
    expect(await screen.findByRole('link', { name: 'Please enter your password.' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/mfa/enroll')).toEqual([]);

    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
    expect(await screen.findByRole('link', { name: 'Your password is not right.' })).toBeTruthy();
    expect(screen.getByLabelText('Your password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('heading', { name: /Add Secure Base to your app/ })).toBeNull();
  });

  it('shows the QR code as an image with alt text (never as markup), the key in fours, and the ten codes', async () => {
    open(() => jsonResponse(200, enrolled));
    await begin();
    const qr = screen.getByRole('img', { name: /QR code for adding Secure Base/ }) as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(qrImageSource(enrolment.qr_svg));
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(document.querySelector('main svg script, main script')).toBeNull();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open your authenticator app' }).getAttribute('href')).toBe(
      enrolment.otpauth_uri,
    );
    const list = screen.getByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes);
  });

  it('copies the codes, with a note saying so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    open(() => jsonResponse(200, enrolled));
    await begin();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the codes' }));
    expect(await screen.findByText(/^Copied\./)).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(recoveryCodesText(codes, 'sam@example.org'));
  });

  it('needs the codes saved and a code typed before it sends anything', async () => {
    const api = open(() => jsonResponse(200, enrolled));
    await begin();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    const summary = (await screen.findByRole('heading', { name: 'Nearly there' })).parentElement!;
    expect(within(summary).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([
      '#two-factor-saved',
      '#two-factor-code',
    ]);
    expect(screen.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(api.sent('POST /api/v1/auth/mfa/confirm')).toEqual([]);
  });

  it('a wrong code: says so beside the field; the right one turns it on and carries on to `next`', async () => {
    let calls = 0;
    const api = open(() => {
      calls += 1;
      return calls === 1 ? problem(400, 'invalid-code') : jsonResponse(200, enrolled);
    });
    await begin();
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }));
    const code = screen.getByLabelText('Six-digit code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    fireEvent.input(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    expect(await screen.findByRole('link', { name: /^That code didn’t work/ })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Six-digit code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    const done = await screen.findByRole('heading', { name: 'Two-factor sign-in is on' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByRole('link', { name: 'Continue' }).getAttribute('href')).toBe('/sessions');
    expect(api.sent('POST /api/v1/auth/mfa/confirm')).toEqual([{ code: '000000' }, { code: '123456' }]);
    // The banner now shows the person, signing in complete.
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Your account: Ana' })).toBeTruthy();
    expect(localStorage.length).toBe(0);
  });

  it('already on: says so, with the codes left', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () =>
        jsonResponse(200, { ...enrolled, two_factor: { ...enrolled.two_factor, recovery_codes_left: 3 } }),
    });
    renderAt('/account/two-factor', api.client);
    expect(await screen.findByRole('heading', { name: 'Two-factor sign-in is on' })).toBeTruthy();
    expect(screen.getByText('You have 3 recovery codes left.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Make new recovery codes' })).toBeTruthy();
  });

  it('signed out: goes to log in first', async () => {
    renderAt('/account/two-factor', fakeApi({}).client);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(location.search).toBe('?next=%2Faccount%2Ftwo-factor');
  });
});

describe('/account/two-factor: new recovery codes', () => {
  const newCodes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pqrs-tuvw-xy${i + 20}`);

  function openEnrolled(renew: Handler) {
    let left = 2;
    const api = fakeApi({
      'GET /api/v1/me': () =>
        jsonResponse(200, { ...enrolled, two_factor: { ...enrolled.two_factor, recovery_codes_left: left } }),
      'POST /api/v1/auth/mfa/recovery-codes': (request) => {
        const answer = renew(request);
        left = 10;
        return answer;
      },
    });
    renderAt('/account/two-factor', api.client);
    return api;
  }

  it('asks for the password before sending anything; a wrong one is said beside the field', async () => {
    const api = openEnrolled(() =>
      problem(400, 'validation-failed', { errors: [{ field: 'current_password', message: 'is not right' }] }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Make new recovery codes' }));
    expect(await screen.findByRole('link', { name: 'Please enter your password.' })).toBeTruthy();
    expect(api.sent('POST /api/v1/auth/mfa/recovery-codes')).toEqual([]);

    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    expect(await screen.findByRole('link', { name: 'Your password is not right.' })).toBeTruthy();
    expect(screen.getByLabelText('Your password').getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('POST /api/v1/auth/mfa/recovery-codes')).toEqual([{ current_password: 'not it' }]);
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('shows the new codes once, says the old ones no longer work, and updates the count', async () => {
    const api = openEnrolled(() => jsonResponse(200, { recovery_codes: newCodes }));
    expect(await screen.findByText('You have 2 recovery codes left.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Your password'), { target: { value: 'a long and gentle password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    const heading = await screen.findByRole('heading', { name: 'Your new recovery codes' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Your old codes no longer work. These ten replace them.')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(newCodes);
    // Each code may wrap after a dash on a narrow phone, and only there.
    expect(list.querySelectorAll('li:first-child wbr')).toHaveLength(5);
    expect(await screen.findByText('You have 10 recovery codes left.')).toBeTruthy();
    expect(screen.queryByLabelText('Your password')).toBeNull();
    expect(api.sent('POST /api/v1/auth/mfa/recovery-codes')).toEqual([
      { current_password: 'a long and gentle password' },
    ]);
    expect(localStorage.length).toBe(0);
  });

  it('too many tries: says how long to wait, kindly', async () => {
    openEnrolled(() => {
      const answer = problem(429, 'too-many-requests');
      answer.headers.set('Retry-After', '120');
      return answer;
    });
    fireEvent.input(await screen.findByLabelText('Your password'), { target: { value: 'pw pw pw pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    expect(await screen.findByRole('heading', { name: 'We could not make new codes' })).toBeTruthy();
    expect(screen.getByText(/Please wait 2 minutes, then try again\./)).toBeTruthy();
  });
});

describe('enrolment helpers', () => {
  it('groups the key in fours', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupedSecret('ABCDE')).toBe('ABCD E');
  });

  it('writes the codes file with a word on what they are', () => {
    const text = recoveryCodesText(['a1', 'b2'], 'sam@example.org');
    expect(text).toContain('For the account sam@example.org');
    expect(text.trim().split('\n').slice(-2)).toEqual(['a1', 'b2']);
  });
});
