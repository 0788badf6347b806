// Two things a person does with their own account on /account: sign out a browser they left
// signed in elsewhere (that browser is then signed out), and download everything Secure Base holds
// about them (a zip with a README and their journal entry in it). axe on the page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectNoAxeViolations } from './support/axe';
import { apiPut, confirmedLearner, fillInLogin } from './support/accounts';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir } from './support/mail';
import { desktop, mobile } from './support/viewports';

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

test('signs out a browser left signed in elsewhere, and downloads everything about them', async ({ openPage }) => {
  const laptop = await openPage({ ...desktop, colorScheme: 'light' });
  const learner = await confirmedLearner(laptop.request, 'browsers');
  const words = 'Walked by the canal and let the worry pass.';
  // The phone: another browser, signed in first.
  const phone = await openPage({ ...mobile, colorScheme: 'dark' });
  await phone.goto('/login');
  await fillInLogin(phone, learner.email, learner.password);
  await expect(phone).toHaveURL(/\/$/);

  await laptop.goto('/login?next=%2Faccount');
  await fillInLogin(laptop, learner.email, learner.password);
  await expect(laptop).toHaveURL(/\/account$/);
  const entry = await apiPut(laptop.request, '/api/v1/journal/entries/0f3e2d1c-4b5a-4968-8776-a5b4c3d2e1f0', {
    kind: 'reflection',
    occurred_at: new Date().toISOString(),
    tags: [],
    reflection: { text: words, lesson_id: '', prompt_id: '' },
  });
  expect(entry.status(), await entry.text()).toBe(201);

  const browsers = laptop.getByRole('region', { name: 'Signed-in browsers' });
  await expect(browsers.getByRole('listitem')).toHaveCount(2);
  await expect(browsers.getByRole('listitem').filter({ hasText: 'This browser.' })).toHaveCount(1);
  await expectNoAxeViolations(laptop);
  await browsers.getByRole('button', { name: /^Sign out the browser signed in/ }).click();
  await expect(browsers.getByText('That browser is signed out.')).toBeFocused();
  await expect(browsers.getByRole('listitem')).toHaveCount(1);
  // The phone's next look finds itself signed out.
  await phone.goto('/account');
  await expect(phone).toHaveURL(/\/login\?next=%2Faccount$/);

  // The download: a zip any unzip opens, with the entry in it word for word.
  const [download] = await Promise.all([
    laptop.waitForEvent('download'),
    laptop.getByRole('region', { name: 'Your data' }).getByRole('link', { name: 'Download everything about me' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^secure-base-\d{4}-\d{2}-\d{2}\.zip$/);
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-e2e-export-'));
  const zip = path.join(dir, 'export.zip');
  await download.saveAs(zip);
  const unzip = spawnSync('unzip', ['-q', zip, '-d', dir], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  expect(readFileSync(path.join(dir, 'README.txt'), 'utf8')).toContain('Everything Secure Base holds about you');
  expect(readFileSync(path.join(dir, 'journal.json'), 'utf8')).toContain(words);
  expect(JSON.parse(readFileSync(path.join(dir, 'account.json'), 'utf8'))).toMatchObject({ email: learner.email });
});
