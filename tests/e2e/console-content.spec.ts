// The practitioner edits a lesson from her console: logs in with her two-factor code, opens
// Course content, opens a lesson, changes it, previews it, tries a save the check refuses (the
// problem is named with its line, her text stays), fixes it and saves, and a learner reads the
// changed lesson at once. axe on each page, on a light phone and a dark wide screen.
//
// Saving writes the content files, so this spec runs a server of its own on a copy of content/
// in a temporary folder: the repository's files are never touched. That server writes its mail
// (the learner's confirmation link) to its own data folder.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext, type Page } from '@playwright/test';
import { repo, startServer, type RunningServer } from '../api/support/server';
import { apiPost, fillInLogin, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { waitForLink } from './support/mail';
import { freshCode, setUpPractitioner } from './support/practitioner';
import { desktop, mobile } from './support/viewports';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const lessonFile = 'course/heal-insecure-attachment/01-starting-safely/01-welcome-and-pacing.md';
const oldTitle = 'Welcome, and going at your own pace';
const newTitle = 'Welcome: a course at your own pace';
const her = { email: 'content-therapist@example.org', password: 'a calm and long password' };
const learner = { email: uniqueEmail('content-learner'), password: 'a calm and steady harbour' };

let work: string;
let contentDir: string;
let server: RunningServer;
let secret = '';
/** Her signed-in session (cookies), for the second look in another shape. */
let herState: Awaited<ReturnType<APIRequestContext['storageState']>>;

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-e2e-content-'));
  contentDir = path.join(work, 'content');
  cpSync(path.join(repo, 'content'), contentDir, { recursive: true });
  server = await startServer({
    content: contentDir,
    database: `sqlite://${path.join(work, 'content.db')}`,
    env: { SECUREBASE_MAIL_POLL_SECONDS: '1' },
  });
  const claimed = await setUpPractitioner(server, {
    ...her,
    display_name: 'Dr Quinn',
    time_zone: 'Europe/London',
    country: 'GB',
  });
  secret = claimed.secret;
  await claimed.request.dispose();

  const request = await apiRequest.newContext({ baseURL: server.baseUrl });
  const signup = await apiPost(request, '/api/v1/auth/signup', {
    ...learner,
    display_name: 'Robin',
    time_zone: 'Europe/London',
    country: 'GB',
  });
  expect(signup.status(), await signup.text()).toBe(202);
  const link = await waitForLink(learner.email, '/verify', 20_000, path.join(server.dataDir, 'mail'));
  const verified = await apiPost(request, '/api/v1/auth/verify', { token: link.searchParams.get('token') });
  expect(verified.status(), await verified.text()).toBe(200);
  await request.dispose();
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

function onDisk(): string {
  return readFileSync(path.join(contentDir, lessonFile), 'utf8');
}

/** Logs in through the pages with her password and a two-factor code. */
async function logIn(page: Page): Promise<void> {
  await page.goto('/login?next=%2Fconsole');
  await fillInLogin(page, her.email, her.password);
  await expect(page).toHaveURL(/\/login\/code/);
  await page.getByLabel('Six-digit code').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

async function expectLoaded(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByRole('main').getByText(/^Loading .*…$/)).toHaveCount(0);
}

test('she edits a lesson, sees it refused with its line, fixes it, and a learner reads it', async ({ openPage }) => {
  const page = await openPage({ ...mobile, colorScheme: 'light', timezoneId: 'Europe/London', baseURL: server.baseUrl });
  await logIn(page);
  herState = await page.context().storageState();

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Course content' }).click();
  await expectLoaded(page, 'Course content');
  await expect(page.getByText(/^The files the server started with, loaded /)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: oldTitle }).click();
  await expectLoaded(page, 'Edit a content file');
  const text = page.getByLabel('Text of the file');
  await expect(text).toHaveValue(onDisk());
  await expectNoAxeViolations(page);

  // Change the title and the first words, and preview: nothing is saved yet.
  const original = onDisk();
  const edited = original.replace(`title = "${oldTitle}"`, `title = "${newTitle}"`).replace('Welcome. If you have opened', 'Hello. If you have opened');
  await text.fill(edited);
  await expect(page.getByRole('status').filter({ hasText: 'Changes not saved yet.' })).toBeVisible();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 3 })).toHaveText(newTitle);
  await expect(preview.getByText('Hello. If you have opened')).toBeVisible();
  await expect(preview.getByText('No problems found. Nothing is saved until you press Save.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Preview' })).toBeFocused();
  expect(onDisk()).toBe(original);
  await expectNoAxeViolations(page);

  // A title left empty: refused, the problem named with its line, her text kept, the file as it was.
  const broken = edited.replace(`title = "${newTitle}"`, 'title = ');
  await text.fill(broken);
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.locator('#content-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Not saved: please fix these first');
  const lineButton = summary.getByRole('button', { name: /^Line 3: / });
  await expect(lineButton).toBeVisible();
  await expect(text).toHaveValue(broken);
  expect(onDisk()).toBe(original);
  await expectNoAxeViolations(page);
  // Keyboard only: the problem's button puts the cursor on its line.
  await lineButton.focus();
  await page.keyboard.press('Enter');
  await expect(text).toBeFocused();
  expect(await text.evaluate((box: HTMLTextAreaElement) => box.value.slice(box.selectionStart, box.selectionEnd))).toBe('title = ');

  // Fixed, and saved.
  await text.fill(edited);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d\. Learners see this version now\.$/ })).toBeVisible();
  await expect(summary).toHaveCount(0);
  expect(onDisk()).toBe(edited);

  // The content page names the new version.
  await page.getByRole('link', { name: 'Back to the course content' }).click();
  await expectLoaded(page, 'Course content');
  await expect(page.getByText(/^Version [0-9a-z]{8}, loaded /)).toBeVisible();
  await expect(page.getByRole('link', { name: newTitle })).toBeVisible();

  // A learner reads the changed lesson straight away.
  const learnerSession: APIRequestContext = await apiRequest.newContext({ baseURL: server.baseUrl });
  const login = await apiPost(learnerSession, '/api/v1/auth/login', learner);
  expect(login.status(), await login.text()).toBe(200);
  const theirs = await openPage({ ...mobile, baseURL: server.baseUrl, storageState: await learnerSession.storageState() });
  await learnerSession.dispose();
  await theirs.goto('/course/lessons/welcome-and-pacing');
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expect(theirs.getByText('Hello. If you have opened')).toBeVisible();
});

test('the content pages pass axe on a dark wide screen, and ask before leaving unsaved changes', async ({ openPage }) => {
  const page = await openPage({
    ...desktop,
    colorScheme: 'dark',
    timezoneId: 'Europe/London',
    baseURL: server.baseUrl,
    storageState: herState,
  });
  await page.goto('/console/content');
  await expectLoaded(page, 'Course content');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: newTitle }).click();
  await expectLoaded(page, 'Edit a content file');
  await expectNoAxeViolations(page);

  await page.getByLabel('Text of the file').press('End');
  await page.getByLabel('Text of the file').pressSequentially(' More.');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Back to the course content' }).click();
  await expect.poll(() => asked).toBe('Leave this page? Your changes to this file are not saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit a content file');
  await expect(page.getByLabel('Text of the file')).toHaveValue(/ More\.$/);
});
