// Sharing (issue #10) end to end, on a server of its own: a learner with a check-in, two journal
// entries and a session booked shares her check-in results and one entry with the practitioner;
// the practitioner (two-factor on) finds them on the client's page, the other entry nowhere, and
// her look in the audit log; the learner stops sharing everything and the practitioner's next
// look shows nothing shared. axe on every page, on a phone for the learner, a wide screen for her.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from '../api/support/server';
import { apiPost, apiPut, confirmedLearner, fillInLogin, type Learner } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { setUpPractice } from './support/practice';
import { freshCode, practitionerContext, setUpPractitioner } from './support/practitioner';
import { desktop, mobile } from './support/viewports';

// Her note: hers alone, never the learner's to see.
const shots = process.env.SB_E2E_SCREENSHOTS;
const noteText = 'Spoke about evenings alone; try the pause practice before texting.';

// One server, one learner, one practitioner; each test builds on the one before.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const therapist = {
  email: 'share-therapist@example.org',
  password: 'a calm and long password',
  display_name: 'Dr Amara Lewis',
  time_zone: 'Europe/London',
  country: 'GB',
};

// The question her session type asks, and the learner's answer: opened only when she asks.
const hopesQuestion = 'What would you like help with?';
const hopesAnswer = 'Feeling steadier in the evenings when I am on my own.';

const shared = { situation: 'The message was read and not answered.', occurred_at: '2026-11-20T19:30:00Z' };
const kept = { situation: 'A private evening I keep to myself.', occurred_at: '2026-11-24T21:00:00Z' };

let server: RunningServer;
let secret = '';
let learner: Learner;

async function ok(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200) {
  expect(response.status(), await response.text()).toBe(status);
  return response.json() as Promise<Record<string, unknown>>;
}

function triggerLog(entry: { situation: string; occurred_at: string }) {
  return { kind: 'trigger', occurred_at: entry.occurred_at, tags: [], trigger: { situation: entry.situation, signs: [], urges: [], helped: [] } };
}

/** A page logged in as the learner, on a phone. */
async function learnerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...mobile, baseURL: server.baseUrl, timezoneId: 'Europe/London', locale: 'en-GB', serviceWorkers: 'block' });
  await ok(await apiPost(context.request, '/api/v1/auth/login', { email: learner.email, password: learner.password }));
  return context.newPage();
}

/** A page logged in as the practitioner, her code given, on a wide screen. */
async function practitionerPage(browser: Browser): Promise<Page> {
  const shape = { ...desktop, timezoneId: 'Europe/London', locale: 'en-GB' };
  const context = await practitionerContext(browser, server, therapist, secret, shape);
  return context.newPage();
}

/** Opens the learner's page from her clients list. */
async function openClient(page: Page): Promise<void> {
  await page.goto('/console/clients');
  await page.getByRole('link', { name: learner.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(learner.name);
  await expect(page.getByRole('main').getByText(/^Loading /)).toHaveCount(0);
}

test.beforeAll(async () => {
  server = await startServer({ env: { SECUREBASE_MAIL_POLL_SECONDS: '1' } });
  const her = await setUpPractitioner(server, therapist);
  secret = her.secret;
  // She works all day, every day, so the learner can book the next time: with a session booked
  // they stay her client after they stop sharing, and their page says what is not shared. The
  // session asks one question, whose answer she opens on her calendar.
  const { typeId } = await setUpPractice(her.request, { type: { intake: [{ id: 'hopes', question: hopesQuestion, required: false }] } });
  await her.request.dispose();

  const request = await apiRequest.newContext({ baseURL: server.baseUrl });
  learner = await confirmedLearner(request, 'sharing', `${server.dataDir}/mail`);
  await ok(await apiPost(request, '/api/v1/auth/login', { email: learner.email, password: learner.password }));
  const questionnaire = (await ok(await request.get('/api/v1/questionnaires/attachment'))) as { items: { id: string }[] };
  const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 4]));
  await ok(await apiPost(request, '/api/v1/checkins', { questionnaire_id: 'attachment', answers }), 201);
  for (const entry of [shared, kept]) await ok(await apiPut(request, `/api/v1/journal/entries/${randomUUID()}`, triggerLog(entry)), 201);
  const from = new Date(Date.now() + 2 * 3600_000);
  const to = new Date(from.getTime() + 3 * 86_400_000);
  const query = new URLSearchParams({ session_type: typeId, from: from.toISOString(), to: to.toISOString(), tz: 'Europe/London' });
  const { slots } = (await ok(await request.get(`/api/v1/slots?${query}`))) as { slots: { start: string }[] };
  const booking = {
    session_type: typeId,
    start: slots[0]!.start,
    time_zone: 'Europe/London',
    client_location: { country: 'GB' },
    intake: { hopes: hopesAnswer },
    policy_accepted: true,
  };
  await ok(await apiPost(request, '/api/v1/bookings', booking, { 'Idempotency-Key': randomUUID() }), 201);
  await request.dispose();
});

test.afterAll(async () => {
  await server?.stop();
});

test('the learner shares her check-in results and one journal entry', async ({ browser }) => {
  const page = await learnerPage(browser);
  const problems = collectProblems(page);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Choose what you share' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sharing');
  await expect(page.getByText(`You aren’t sharing anything with ${therapist.display_name}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: 'My check-in results' }).check();
  await page.getByRole('checkbox', { name: 'Journal entries I choose' }).check();
  const entries = page.getByRole('group', { name: 'Which entries?' });
  await expect(entries.getByRole('checkbox')).toHaveCount(2);
  // Listed by kind and date only: the words stay in the journal.
  await expect(page.getByText(kept.situation)).toHaveCount(0);
  await entries.getByRole('checkbox', { name: /Friday,? 20 November 2026/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save what I share' }).click();

  await expect(page.getByText(`Saved. ${therapist.display_name} can now see what is listed above, and nothing else.`)).toBeFocused();
  const now = page.locator('.sharing-now');
  await expect(now).toContainText(`${therapist.display_name} can see now:`);
  await expect(now).toContainText('Check-in results');
  await expect(now).toContainText('1 journal entry:');
  await expect(now).toContainText(/Trigger log, Friday,? 20 November 2026/);
  await expect(now).not.toContainText('Practice summary');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the practitioner logs in with her code, reads what is shared, writes a note, and finds her look in the audit log', async ({ browser }) => {
  // Her whole journey through the pages: password, then a code from her authenticator.
  const context = await browser.newContext({ ...desktop, baseURL: server.baseUrl, timezoneId: 'Europe/London', locale: 'en-GB', serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto('/login?next=%2Fconsole%2Fclients');
  await fillInLogin(page, therapist.email, therapist.password);
  await expect(page).toHaveURL(/\/login\/code\?next=%2Fconsole%2Fclients$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('Six-digit code').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/console\/clients$/);
  const card = page.locator('.console-card').filter({ hasText: learner.name });
  await expect(card.locator('.console-share-label')).toHaveText(['Check-in results', '1 journal entry']);
  await expectNoAxeViolations(page);

  await openClient(page);
  const kind = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(kind('Check-in results').getByRole('img', { name: new RegExp(`${learner.name}’s results on the attachment plane`) })).toBeVisible();
  await expect(kind('Chosen journal entries')).toContainText(shared.situation);
  await expect(page.getByText(kept.situation)).toHaveCount(0);
  await expect(kind('Practice summary')).toContainText('Not shared.');
  await expect(kind('Course progress')).toContainText('Not shared.');
  await expect(page.getByText(/Opening this page is recorded in the audit log/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sessions' })).toContainText('Therapy session');
  await expectNoAxeViolations(page);

  // A note of her own, apart from what is shared, and hers alone.
  const notes = page.getByRole('region', { name: 'Session notes' });
  await expect(notes).toContainText('Only you can see these notes.');
  await notes.getByLabel('New note').fill(noteText);
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('list', { name: 'Your notes, newest first' })).toContainText(noteText);
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  const read = page.getByRole('row').filter({ hasText: 'Opened a client’s page' }).first();
  await expect(read).toContainText('You');
  await expect(read).toContainText(learner.name);
  await expect(read).toContainText('Check-in results, 1 journal entry');
  await expect(page.getByRole('row').filter({ hasText: 'Changed what they share' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: learner.name }).filter({ hasText: /note/i }).first()).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(noteText);
  await expectNoAxeViolations(page);

  // Filtered to her reads: the address keeps the filter.
  await page.getByLabel('What happened').selectOption('shared.read');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/\/console\/audit\?action=shared\.read$/);
  await expect(page.getByRole('row').filter({ hasText: 'Changed what they share' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'Opened a client’s page' })).toHaveCount(1);
  // Today, her day in London, both ends: her read is in it; yesterday alone, nothing is.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/London' });
  await page.getByLabel('From').fill(day(0));
  await page.getByLabel('To').fill(day(0));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?action=shared\\.read&from=${day(0)}&to=${day(0)}$`));
  await expect(page.getByRole('row').filter({ hasText: 'Opened a client’s page' })).toHaveCount(1);
  await page.getByLabel('From').fill(day(-1));
  await page.getByLabel('To').fill(day(-1));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('Nothing in the log matches these filters.')).toBeVisible();

  // Her calendar says the session has answers without showing them; she opens them, and that
  // look is on record as a row of its own.
  await page.goto('/console/sessions');
  const session = page.locator('.console-card').filter({ hasText: `With ${learner.name}.` });
  const show = session.getByRole('button', { name: /^Show answers for Therapy session with / });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(session).toContainText(`${learner.name} can see each time you open them.`);
  await expect(page.getByRole('main')).not.toContainText(hopesAnswer);
  await expectNoAxeViolations(page);
  await show.click();
  await expect(session.getByRole('term')).toHaveText(hopesQuestion);
  await expect(session.getByRole('definition')).toHaveText(hopesAnswer);
  await expect(session.getByRole('button', { name: /^Hide answers for / })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await page.goto('/console/audit');
  const look = page.getByRole('row').filter({ hasText: 'Opened a client’s answers to the booking questions' });
  await expect(look).toHaveCount(1);
  await expect(look).toContainText(learner.name);
  await expect(look).toContainText('Answers given when booking');
  await expect(page.getByRole('main')).not.toContainText(hopesAnswer);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);

  // Her calendar with the answers open, for looking at: wide and phone width, light and dark.
  if (shots) {
    const storageState = await context.storageState();
    for (const [shape, name] of [
      [desktop, 'desktop'],
      [mobile, 'mobile'],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const shot = await browser.newContext({ ...shape, colorScheme, storageState, baseURL: server.baseUrl, timezoneId: 'Europe/London', locale: 'en-GB', serviceWorkers: 'block' });
        const calendar = await shot.newPage();
        await calendar.goto('/console/sessions');
        await calendar.getByRole('button', { name: /^Show answers for / }).click();
        await expect(calendar.getByRole('definition')).toHaveText(hopesAnswer);
        await calendar.screenshot({ path: path.join(shots, `console-sessions-answers-${name}-${colorScheme}.png`), fullPage: true });
        await shot.close();
      }
    }
  }
  await context.close();

  // The learner never sees her note: not on any page of theirs, not in any answer.
  const theirs = await learnerPage(browser);
  for (const path of ['/sharing', '/sessions', '/progress', '/journal']) {
    await theirs.goto(path);
    await expect(theirs.getByRole('main')).not.toContainText(noteText);
  }
  await theirs.context().close();
});

test('the learner stops sharing everything; the practitioner’s next look shows nothing', async ({ browser }) => {
  const page = await learnerPage(browser);
  await page.goto('/sharing');
  // Her looks are on record for the learner too, with what each showed: the answers given when
  // booking (newest), and the page with what they share.
  const looks = page.getByRole('region', { name: 'Who has looked' });
  await expect(looks.getByRole('listitem').first()).toContainText(`${therapist.display_name} looked on`);
  await expect(looks.getByRole('listitem').first()).toContainText('saw: the answers you gave when booking a session.');
  await expect(looks.getByRole('listitem').filter({ hasText: 'saw: Check-in results, 1 journal entry.' })).toHaveCount(1);
  if (shots) {
    await looks.screenshot({ path: path.join(shots, 'sharing-looks-mobile-light.png') });
    const dark = await browser.newContext({ ...mobile, colorScheme: 'dark', storageState: await page.context().storageState(), baseURL: server.baseUrl, timezoneId: 'Europe/London', locale: 'en-GB', serviceWorkers: 'block' });
    const darkPage = await dark.newPage();
    await darkPage.goto('/sharing');
    const darkLooks = darkPage.getByRole('region', { name: 'Who has looked' });
    await expect(darkLooks.getByRole('listitem').first()).toContainText('saw: the answers you gave when booking a session.');
    await darkLooks.screenshot({ path: path.join(shots, 'sharing-looks-mobile-dark.png') });
    await dark.close();
  }
  await page.getByRole('button', { name: `Stop sharing everything (with ${therapist.display_name})` }).click();
  await expect(page.getByRole('heading', { name: `Stop sharing everything with ${therapist.display_name}?` })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, stop sharing' }).click();
  await expect(page.getByText(`Done. You aren’t sharing anything with ${therapist.display_name} any more.`)).toBeFocused();
  await expect(page.getByText(`You aren’t sharing anything with ${therapist.display_name}.`)).toBeVisible();
  await page.context().close();

  const hers = await practitionerPage(browser);
  await hers.goto('/console/clients');
  await expect(hers.locator('.console-card').filter({ hasText: learner.name })).toContainText('Shares: nothing');
  await openClient(hers);
  await expect(hers.getByText('Not shared.')).toHaveCount(4);
  await expect(hers.getByText(shared.situation)).toHaveCount(0);
  await expect(hers.getByRole('main').getByRole('img')).toHaveCount(0);
  // Their session is still hers to see.
  await expect(hers.getByRole('region', { name: 'Sessions' }).getByRole('heading', { level: 3 })).toHaveCount(1);
  await expectNoAxeViolations(hers);
  await hers.goto('/console/audit');
  await expect(hers.getByRole('row').filter({ hasText: 'Stopped sharing everything' })).toContainText(learner.name);
  await expect(hers.getByRole('row').filter({ hasText: 'Nothing shared' }).first()).toContainText('Opened a client’s page');
  await expectNoAxeViolations(hers);
  await hers.context().close();
});
