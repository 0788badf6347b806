// Booking across the 2026 clock changes, as clients in three time zones see it. The practitioner
// works in London, 13:00 to 15:00 on weekdays; browsers in Europe/London, America/New_York and
// Europe/Berlin pick times in the weeks around each change, when New York is four hours behind
// London instead of five (the US moves three weeks before Europe in March and a week after it
// in October), and book through the whole flow. Each must be shown her hours in their own clock,
// the same all year for London and Berlin, and the invitation must carry the same instant in
// UTC. Her console then lists the sessions in her time, with the client's beside. axe on every
// booking and console page.
//
// The 2026 changes are behind us, so this spec runs a server of its own with a clock it can move
// (test_clock_file: early March, then mid October) and gives each browser the same time
// (Playwright's clock). That server writes its mail to files in its own data folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../api/support/server';
import { apiPost, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { calendarPart, readMailbox, waitForLink } from './support/mail';
import { setUpPractice } from './support/practice';
import { practitionerContext, setUpPractitioner } from './support/practitioner';
import { desktop, mobile } from './support/viewports';

// The tests share one server and walk its clock forward. Each is a journey of several browsers
// and many pages (about 20 s on a quiet machine): more time than the default 30 s, for a busy one.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: RunningServer;
let clockDir: string;
let offsetMs = 0;
let her: APIRequestContext;
let secret = '';

const password = 'a calm and steady harbour';
const practitioner = { email: 'dst-therapist@example.org', password: 'a calm and long password' };

interface Client {
  zone: string;
  country: string;
  email: string;
}

const london: Client = { zone: 'Europe/London', country: 'GB', email: uniqueEmail('dst-london') };
const newYork: Client = { zone: 'America/New_York', country: 'US', email: uniqueEmail('dst-new-york') };
const berlin: Client = { zone: 'Europe/Berlin', country: 'DE', email: uniqueEmail('dst-berlin') };

/** The server's idea of now, in ms since the epoch. */
function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Moves the server's clock to `iso` (whole seconds: the file holds an offset in seconds). */
function setClock(iso: string): void {
  offsetMs = Math.round((Date.parse(iso) - Date.now()) / 1000) * 1000;
  writeFileSync(path.join(clockDir, 'offset'), String(offsetMs / 1000));
}

function mailDir(): string {
  return path.join(server.dataDir, 'mail');
}

/** A page in `client`'s zone whose clock reads the server's time, logged in as them. */
async function clientPage(browser: Browser, client: Client, shape = mobile): Promise<Page> {
  const context = await browser.newContext({
    ...shape,
    baseURL: server.baseUrl,
    timezoneId: client.zone,
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  await context.clock.install({ time: serverNow() });
  const login = await apiPost(context.request, '/api/v1/auth/login', { email: client.email, password });
  expect(login.status(), await login.text()).toBe(200);
  return context.newPage();
}

async function signUp(client: Client): Promise<void> {
  const request = await apiRequest.newContext({ baseURL: server.baseUrl });
  const signup = await apiPost(request, '/api/v1/auth/signup', {
    email: client.email,
    password,
    display_name: 'Robin',
    time_zone: client.zone,
    country: client.country,
  });
  expect(signup.status(), await signup.text()).toBe(202);
  const link = await waitForLink(client.email, '/verify', 20_000, mailDir());
  const verified = await apiPost(request, '/api/v1/auth/verify', { token: link.searchParams.get('token') });
  expect(verified.status(), await verified.text()).toBe(200);
  await request.dispose();
}

/** Opens the booking flow's time step for the one session type, in the page's own zone. */
async function openTimes(page: Page): Promise<void> {
  await page.goto('/sessions/book');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book a session');
  await page.getByRole('radio', { name: 'Therapy session' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of \d: Choose a time/ })).toBeVisible();
}

/** Goes to the week starting `monday` ("9 March") with the week buttons. */
async function showWeek(page: Page, monday: string): Promise<void> {
  const title = page.locator('.sched-week-title');
  await expect(title).toBeVisible();
  for (let i = 0; i < 12 && (await title.textContent()) !== `Week of ${monday}`; i += 1) {
    await page.getByRole('button', { name: 'Later week' }).click();
  }
  await expect(title).toHaveText(`Week of ${monday}`);
}

/** The times offered on `day` ("Tuesday 10 March"), as the radio buttons name them. */
async function timesOn(page: Page, day: string): Promise<string[]> {
  await page.getByRole('group', { name: 'Days this week' }).getByRole('button', { name: new RegExp(`^${day}:`) }).click();
  const times = page.getByRole('group', { name: `Times on ${day}` });
  await expect(times).toBeVisible();
  return times.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim() ?? ''));
}

/** Waits for a mail to `to` whose subject matches, and returns the subject and its invitation. */
async function invitation(to: string, subject: RegExp): Promise<{ subject: string; ics: string }> {
  const find = () =>
    readMailbox(mailDir()).find((m) => m.to.toLowerCase().includes(to.toLowerCase()) && subject.test(m.subject));
  await expect.poll(() => find() !== undefined, { message: `a mail to ${to} matching ${subject}`, timeout: 20_000 }).toBe(true);
  const mail = find()!;
  const calendar = calendarPart(readFileSync(path.join(mailDir(), mail.file), 'latin1'));
  expect(calendar?.method).toBe('REQUEST');
  return { subject: mail.subject, ics: calendar!.ics };
}

test.beforeAll(async () => {
  clockDir = mkdtempSync(path.join(tmpdir(), 'sb-e2e-clock-'));
  // Monday 2 March 2026, 09:00 UTC: the US changes on the 8th, Europe on the 29th.
  setClock('2026-03-02T09:00:00Z');
  server = await startServer({
    database: 'sqlite://' + path.join(clockDir, 'booking.db'),
    env: { SECUREBASE_MAIL_POLL_SECONDS: '1', SECUREBASE_TEST_CLOCK_FILE: path.join(clockDir, 'offset') },
  });

  ({ request: her, secret } = await setUpPractitioner(
    server,
    { ...practitioner, display_name: 'Dr Quinn', time_zone: 'Europe/London', country: 'GB' },
    serverNow,
  ));

  // Two hours on weekdays, for clients in three countries; a day's notice, two months ahead, on the hour.
  await setUpPractice(her, {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    hours: { start: '13:00', end: '15:00' },
    settings: { served: { countries: ['GB', 'DE'], us_states: ['NY'] }, outside_message: 'I can see people in the UK, Germany and New York.' },
    type: { minimum_notice_minutes: 1440, horizon_days: 60, slot_step_minutes: 60 },
  });

  for (const client of [london, newYork, berlin]) await signUp(client);
});

test.afterAll(async () => {
  await her?.dispose();
  await server?.stop();
  rmSync(clockDir, { recursive: true, force: true });
});

test('March: each zone sees her 13:00 to 15:00 in its own clock, before, between and after the changes', async ({ browser }) => {
  // London's 13:00 and 14:00 are 13:00Z and 14:00Z until 29 March, then 12:00Z and 13:00Z.
  const expected: Record<string, Record<string, string[]>> = {
    'Europe/London': {
      'Friday 6 March': ['13:00', '14:00'],
      'Tuesday 10 March': ['13:00', '14:00'],
      'Tuesday 31 March': ['13:00', '14:00'],
    },
    'America/New_York': {
      'Friday 6 March': ['08:00 your time (13:00 in London)', '09:00 your time (14:00 in London)'],
      'Tuesday 10 March': ['09:00 your time (13:00 in London)', '10:00 your time (14:00 in London)'],
      'Tuesday 31 March': ['08:00 your time (13:00 in London)', '09:00 your time (14:00 in London)'],
    },
    'Europe/Berlin': {
      'Friday 6 March': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
      'Tuesday 10 March': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
      'Tuesday 31 March': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
    },
  };
  const weeks: Record<string, string> = { 'Friday 6 March': '2 March', 'Tuesday 10 March': '9 March', 'Tuesday 31 March': '30 March' };
  for (const client of [london, newYork, berlin]) {
    const page = await clientPage(browser, client);
    await openTimes(page);
    const city = client.zone.split('/')[1]!.replace('_', ' ');
    await expect(page.getByText(`Times are shown in ${city} time (this device’s time zone).`)).toBeVisible();
    for (const [day, times] of Object.entries(expected[client.zone]!)) {
      await showWeek(page, weeks[day]!);
      expect(await timesOn(page, day), `${client.zone}, ${day}`).toEqual(times);
    }
    if (client === newYork) await expectNoAxeViolations(page);
    await page.context().close();
  }
});

test('March: New York books the last day of March from before both changes; the invitation is at 13:00 UTC', async ({ browser }) => {
  const page = await clientPage(browser, newYork, desktop);
  await openTimes(page);
  await showWeek(page, '30 March');
  await timesOn(page, 'Tuesday 31 March');
  await page.getByRole('radio', { name: '09:00 your time (14:00 in London)' }).check();
  await expect(page.getByText('You’ve chosen Tuesday 31 March 2026 at 09:00.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Where they'll be: New York, in a state she serves.
  await expect(page.getByRole('heading', { name: /Where you’ll be/ })).toBeVisible();
  await page.getByLabel('State you’ll be in').selectOption('NY');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: /Check and confirm/ })).toBeVisible();
  await expect(page.getByText('Tuesday 31 March 2026 at 09:00 (New York time)')).toBeVisible();
  await expect(page.getByText('That’s 14:00 in London for your therapist.')).toBeVisible();
  await page.getByLabel('I’ve read the cancellation policy and I accept it').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirm booking' }).click();

  await expect(page.getByText('Your session is booked for Tuesday 31 March 2026 at 09:00, New York time.')).toBeVisible();
  // Sharing is offered (issue #10), never required: the booking is made, and the offer is left.
  await expect(page.getByRole('heading', { name: 'Would you like to share anything with Dr Quinn before your session?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/sessions');
  await expect(page.getByRole('link', { name: 'Tuesday 31 March 2026 at 09:00' })).toBeVisible();
  await expectNoAxeViolations(page);

  const theirs = await invitation(newYork.email, /^Your session is booked/);
  expect(theirs.subject).toContain('09:00');
  expect(theirs.ics).toContain('DTSTART:20260331T130000Z');
  expect(theirs.ics).toContain('DTEND:20260331T135000Z');
  const hers = await invitation(practitioner.email, /^New booking/);
  expect(hers.subject).toContain('14:00');
  expect(hers.ics).toContain('DTSTART:20260331T130000Z');
  await page.context().close();

  // Berlin, a moment later, is offered only the earlier time that day.
  const other = await clientPage(browser, berlin);
  await openTimes(other);
  await showWeek(other, '30 March');
  expect(await timesOn(other, 'Tuesday 31 March')).toEqual(['14:00 your time (13:00 in London)']);
  await other.context().close();
});

test('October: the weeks around 25 October and 1 November; Berlin books after Europe changes', async ({ browser }) => {
  // Monday 19 October 2026: Europe changes on the 25th, the US on 1 November.
  setClock('2026-10-19T09:00:00Z');
  const expected: Record<string, Record<string, string[]>> = {
    'Europe/London': {
      'Friday 23 October': ['13:00', '14:00'],
      'Tuesday 27 October': ['13:00', '14:00'],
      'Tuesday 3 November': ['13:00', '14:00'],
    },
    'America/New_York': {
      'Friday 23 October': ['08:00 your time (13:00 in London)', '09:00 your time (14:00 in London)'],
      'Tuesday 27 October': ['09:00 your time (13:00 in London)', '10:00 your time (14:00 in London)'],
      'Tuesday 3 November': ['08:00 your time (13:00 in London)', '09:00 your time (14:00 in London)'],
    },
    'Europe/Berlin': {
      'Friday 23 October': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
      'Tuesday 27 October': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
      'Tuesday 3 November': ['14:00 your time (13:00 in London)', '15:00 your time (14:00 in London)'],
    },
  };
  const weeks: Record<string, string> = {
    'Friday 23 October': '19 October',
    'Tuesday 27 October': '26 October',
    'Tuesday 3 November': '2 November',
  };
  for (const client of [london, newYork, berlin]) {
    const page = await clientPage(browser, client, desktop);
    await openTimes(page);
    for (const [day, times] of Object.entries(expected[client.zone]!)) {
      await showWeek(page, weeks[day]!);
      expect(await timesOn(page, day), `${client.zone}, ${day}`).toEqual(times);
    }
    if (client !== berlin) {
      await page.context().close();
      continue;
    }
    await openTimes(page);
    await showWeek(page, '26 October');
    await timesOn(page, 'Tuesday 27 October');
    await page.getByRole('radio', { name: '15:00 your time (14:00 in London)' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: /Where you’ll be/ })).toBeVisible();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Tuesday 27 October 2026 at 15:00 (Berlin time)')).toBeVisible();
    await expect(page.getByText('That’s 14:00 in London for your therapist.')).toBeVisible();
    await page.getByLabel('I’ve read the cancellation policy and I accept it').check();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(page.getByText('Your session is booked for Tuesday 27 October 2026 at 15:00, Berlin time.')).toBeVisible();
    await page.context().close();
  }
  const theirs = await invitation(berlin.email, /^Your session is booked/);
  expect(theirs.subject).toContain('15:00');
  expect(theirs.ics).toContain('DTSTART:20261027T140000Z');
});

test('her console lists the sessions in London time, the client’s time beside; every console page passes axe', async ({
  browser,
}) => {
  // Logged in afresh, with her code: a session does not outlive a move of months.
  const shape = { ...desktop, timezoneId: 'Europe/London', locale: 'en-GB' };
  const context = await practitionerContext(browser, server, practitioner, secret, shape, serverNow);
  await context.clock.install({ time: serverNow() });
  const page = await context.newPage();
  await page.goto('/console/sessions');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const card = page.locator('.console-card').filter({ hasText: 'Therapy session' }).first();
  await expect(card).toContainText('14:00');
  await expect(card).toContainText('Their time: 15:00 (Europe/Berlin).');
  await expectNoAxeViolations(page);
  for (const where of [
    '/console',
    '/console/schedule',
    '/console/session-types',
    '/console/booking-settings',
    '/console/waitlist',
    '/console/questionnaires',
    '/console/clients',
    '/console/audit',
  ]) {
    await page.goto(where);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Loaded: nothing says "Loading …", and nothing could not be loaded.
    await expect(page.getByRole('main').getByText(/^Loading .*…$/)).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolations(page);
  }
  await context.close();
});
