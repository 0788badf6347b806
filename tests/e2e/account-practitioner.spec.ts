// The practitioner's way in: first-run setup (when the server still needs it), the first log-in,
// which can do nothing until two-factor sign-in is set up, enrolment with a real TOTP code
// computed here from the key on the page, log out, and a log-in with a code.
//
// The practitioner is the one tests/e2e/setup.spec.ts creates (same details), so the two specs
// agree whichever runs first. Against a server whose practitioner already has two-factor on,
// the key is unknown and the test is skipped: run it against a fresh data folder.
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { apiPost, fillInLogin, practitioner, setupTokenFromLog } from './support/accounts';
import { expect, test } from './support/fixtures';
import { stepSeconds, timeStep, totp } from './support/totp';
import { desktop, mobile } from './support/viewports';

const serverLog = process.env.SB_E2E_SERVER_LOG;

test('the TOTP helper gives RFC 6238’s SHA-1 test values', () => {
  // Appendix B: the key is the ASCII "12345678901234567890"; its base32 follows.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  expect(totp(secret, 59_000)).toBe('287082');
  expect(totp(secret, 1_111_111_109_000)).toBe('081804');
  expect(totp(secret, 1_234_567_890_000)).toBe('005924');
  expect(totp(secret, 20_000_000_000_000)).toBe('353130');
});

test('practitioner: setup, first log-in sets up two-factor, log out, log in with a code', async ({ openPage }) => {
  // Setup, enrolment and two log-ins with three axe scans: more than the default 30 seconds.
  test.setTimeout(60_000);
  const page = await openPage({ ...desktop, colorScheme: 'light', acceptDownloads: true });
  const banner = page.getByRole('banner');

  const setup = (await (await page.request.get('/api/v1/setup')).json()) as { needed: boolean };
  if (setup.needed) {
    test.skip(!serverLog, 'SB_E2E_SERVER_LOG is not set: the setup token is only in the server log');
    const token = setupTokenFromLog(serverLog!);
    expect(token, `a setup_needed line in ${serverLog}`).toMatch(/^[0-9a-f]{32}$/);
    await page.goto('/setup');
    await page.getByLabel('Setup token').fill(token!);
    await page.getByLabel('Email address').fill(practitioner.email);
    await page.getByLabel('Your name').fill(practitioner.name);
    await page.getByLabel('Password', { exact: true }).fill(practitioner.password);
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expect(page.getByRole('heading', { name: 'Your practitioner account is ready' })).toBeFocused();
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  } else {
    // Already set up (by setup.spec.ts, or an earlier run): is two-factor still to do?
    const login = await apiPost(page.request, '/api/v1/auth/login', {
      email: practitioner.email,
      password: practitioner.password,
    });
    const body = (await login.json()) as { mfa_enrollment_required?: boolean };
    test.skip(!body.mfa_enrollment_required, 'this practitioner already has two-factor on; use a fresh server');
    await apiPost(page.request, '/api/v1/auth/logout');
    await page.goto('/login');
  }

  // First log-in: straight on to setting up two-factor, which nothing else can skip.
  await fillInLogin(page, practitioner.email, practitioner.password);
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole('heading', { name: 'One more step before you go on' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Finish logging in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account\/two-factor\?next=%2Faccount$/);

  // Beginning asks for the password again.
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('link', { name: 'Please enter your password.' })).toBeVisible();
  await page.getByLabel('Your password').fill('not my password');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('link', { name: 'Your password is not right.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Your password').fill(practitioner.password);
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('heading', { name: /Add Secure Base to your app/ })).toBeFocused();
  const qr = page.getByRole('img', { name: /QR code for adding Secure Base/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const grouped = (await page.locator('.account-secret code').textContent()) ?? '';
  expect(grouped).toMatch(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
  const secret = grouped.replace(/ /g, '');
  const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as a text file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('secure-base-recovery-codes.txt');
  const saved = readFileSync((await download.path())!, 'utf8');
  for (const code of codes) expect(saved).toContain(code);

  // The box must be ticked and a code typed; a wrong code is refused beside its field.
  await page.getByLabel('Six-digit code').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.locator('#two-factor-saved-error')).toContainText('Please save your recovery codes');
  await page.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.locator('#two-factor-code-error')).toContainText('That code didn’t work.');
  await expectNoAxeViolations(page);

  const enrolledAt = timeStep();
  await page.getByLabel('Six-digit code').fill(totp(secret));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in is on' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.getByRole('main')).toContainText('You have 10 recovery codes left.');
  await expect(banner.getByRole('link', { name: `Your account: ${practitioner.name}` })).toBeVisible();

  await banner.getByRole('button', { name: 'Log out' }).click();
  await expect(banner.getByRole('link', { name: 'Log in' })).toBeVisible();

  // The next log-in asks for a code.
  await page.goto('/login?next=%2Faccount');
  await fillInLogin(page, practitioner.email, practitioner.password);
  await expect(page).toHaveURL(/\/login\/code\?next=%2Faccount$/);
  const code = page.getByLabel('Six-digit code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expectNoAxeViolations(page);

  // The code used to enrol was spent. An authenticator whose clock runs a little ahead already
  // shows the next step's code, which the server accepts (one step of drift either way) without
  // the half-minute wait for the step to come round.
  await code.fill(totp(secret, (enrolledAt + 1) * stepSeconds * 1000));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(banner.getByRole('link', { name: `Your account: ${practitioner.name}` })).toBeVisible();
});

test('on a phone, the code page offers the recovery code instead', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'dark' });
  await page.goto('/login/code');
  // Without a session there is nothing to give a code for: a kind way back.
  await expect(page.getByRole('heading', { name: 'Please log in again' })).toBeVisible();
  await expectNoAxeViolations(page);
});
