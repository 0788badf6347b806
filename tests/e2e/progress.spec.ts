// The Progress page in a real browser against the real server: a learner with two check-ins,
// three practices rated before and after, a completed lesson and five trigger logs (all made through
// the API) sees each section with the right numbers, downloads the CSV and the JSON and finds
// those numbers in them, and the page passes axe on a phone and a wide screen, light and dark.
// Printing (print media emulated) hides the navigation and the buttons and shows a dated header.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { signIds } from '../../web/src/api/checkins';
import { apiPost, apiPut, confirmedLearner } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { collectProblems } from './support/console';
import { expect, test } from './support/fixtures';
import { mailDir, noMailDir } from './support/mail';
import { desktop, mobile } from './support/viewports';

test.beforeEach(() => {
  test.skip(!mailDir, noMailDir);
});

const reversed = new Set(['av-02', 'anx-03', 'av-04', 'anx-05', 'anx-07', 'av-07']);

async function ok(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200) {
  expect(response.status(), await response.text()).toBe(status);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Attachment answers (1–7) whose worry mean is `anxiety` and distance mean 4. */
function attachmentAnswers(anxiety: number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (let n = 1; n <= 8; n += 1) {
    for (const prefix of ['anx', 'av']) {
      const id = `${prefix}-0${n}`;
      const score = prefix === 'anx' ? anxiety : 4;
      answers[id] = reversed.has(id) ? 8 - score : score;
    }
  }
  return answers;
}

/**
 * Waits until the clock (the server's too: the same machine) is past the second `instant` was
 * stamped in. Results are stamped in whole seconds and the server's order for two in the same
 * second is not defined, so the second check-in waits for the next one.
 */
async function pastSecondOf(instant: string) {
  await expect.poll(() => Date.now(), { intervals: [100] }).toBeGreaterThanOrEqual(Date.parse(instant) + 1000);
}

/** Everything the page shows, made through the API as the learner. */
async function makeHistory(request: APIRequestContext) {
  let takenAt: string | undefined;
  for (const [anxiety, abandonment] of [
    [4, 3],
    [6, 1],
  ] as const) {
    if (takenAt) await pastSecondOf(takenAt);
    const result = await ok(
      await apiPost(request, '/api/v1/checkins', { questionnaire_id: 'attachment', answers: attachmentAnswers(anxiety) }),
      201,
    );
    takenAt = result.taken_at as string;
    const signs = Object.fromEntries(signIds.map((id) => [id, id === 'fear_of_abandonment' ? abandonment : 3]));
    await ok(await apiPost(request, '/api/v1/checkins', { questionnaire_id: 'eight-signs', answers: signs }), 201);
  }
  const now = Date.now();
  for (const [i, before, after] of [
    [1, 6, 3],
    [2, 7, 4],
    [3, 5, 2],
  ] as const) {
    const started = new Date(now - i * 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await ok(
      await apiPost(request, '/api/v1/practice-sessions', {
        id: randomUUID(),
        practice_id: 'box-breathing',
        started_at: started,
        duration_seconds: 300,
        distress_before: before,
        distress_after: after,
      }),
      201,
    );
  }
  const { courses } = (await ok(await request.get('/api/v1/courses'))) as { courses: { id: string; lesson_count: number }[] };
  const course = courses[0]!;
  const outline = (await ok(await request.get(`/api/v1/courses/${course.id}`))) as { modules: { lessons: { id: string }[] }[] };
  await ok(await apiPut(request, `/api/v1/lessons/${outline.modules[0]!.lessons[0]!.id}/progress`, { completed: true }));
  // Five trigger logs (the insights' minimum): all name rumination, two fear of being left.
  for (let i = 0; i < 5; i += 1) {
    const signs = i < 2 ? ['rumination', 'fear_of_abandonment'] : ['rumination'];
    await ok(
      await apiPut(request, `/api/v1/journal/entries/${randomUUID()}`, {
        kind: 'trigger',
        occurred_at: new Date(now - (i + 1) * 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        tags: [],
        trigger: { situation: 'A text went unanswered.', state: 'activated', signs, urges: [], helped: [] },
      }),
      201,
    );
  }
  return { lessons: course.lesson_count };
}

const section = (page: Page, name: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });

test('a learner’s progress: every section, the downloads, print, and axe on phone and desktop, light and dark', async ({
  openPage,
}) => {
  const page = await openPage({ ...mobile, colorScheme: 'light', timezoneId: 'Europe/London', acceptDownloads: true });
  const problems = collectProblems(page);
  const learner = await confirmedLearner(page.request, 'progress');
  await ok(await apiPost(page.request, '/api/v1/auth/login', { email: learner.email, password: learner.password }));
  const { lessons } = await makeHistory(page.request);

  await page.goto('/progress');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress');

  const plane = section(page, 'Closeness and distance over time');
  await expect(plane.getByRole('img', { name: /attachment plane/ })).toBeVisible();
  await expect(plane).toContainText('2 check-ins, ');
  await expect(plane.getByRole('table')).toContainText('6.0');
  await expect(plane.getByRole('table').getByRole('row')).toHaveCount(3);

  const signs = section(page, 'The eight signs over time');
  await expect(signs.getByRole('img', { name: /Showing up less often now: fear of being left\. 7 signs are the same\./ })).toBeVisible();

  const practice = section(page, 'Practice');
  await expect(practice).toContainText('Over these weeks you practised 3 times, 15 minutes in all.');
  await expect(practice).toContainText(
    'Across 3 practices you rated before and after, your distress was on average 6 out of 10 before and 3 after.',
  );
  await expect(section(page, 'The course')).toContainText(`1 of ${lessons} lessons completed.`);
  const journal = section(page, 'Your journal, in numbers');
  await expect(journal).toContainText('You have written 5 trigger logs in all, 5 of them in the last 12 weeks.');
  await expect(journal.getByRole('img', { name: /signs named in your trigger logs/ })).toContainText(
    'Going over things again and again5 trigger logsFear of being left2 trigger logs',
  );
  await expect(journal).not.toContainText('A text went unanswered.');

  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The downloads hold the same numbers.
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csvFile.suggestedFilename()).toMatch(/^securebase-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await csvFile.path(), 'utf8');
  expect(csv.startsWith('section,date,item,measure,value\r\n')).toBe(true);
  expect(csv).toMatch(/closeness_and_distance,\d{4}-\d{2}-\d{2},Worry about closeness,score 1-7,6\r\n/);
  expect(csv).toContain('practice_distress,,All practices,average distress before 0-10,6\r\n');
  expect(csv).toContain('practice_distress,,All practices,average distress after 0-10,3\r\n');
  expect(csv).toContain(',lessons completed,1\r\n');
  expect(csv).toContain('journal,,Trigger logs,all time,5\r\n');
  expect(csv).toContain('journal_sign,,Going over things again and again,trigger logs in the last 12 weeks,5\r\n');
  expect(csv).toContain('journal_sign,,Fear of being left,trigger logs in the last 12 weeks,2\r\n');
  expect(csv).not.toContain('unanswered');
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(jsonFile.suggestedFilename()).toMatch(/^securebase-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(await readFile(await jsonFile.path(), 'utf8')) as {
    not_loaded: string[];
    closeness_and_distance: { results: { anxiety: number; avoidance: number }[] };
    eight_signs: { results: { signs: Record<string, number> }[] };
    practice: { totals: { distress: { n: number; mean_before: number; mean_after: number } } };
    course: { lessons_completed: number; lessons_total: number };
    journal: { trigger_logs_all_time: number; signs_in_weeks: Record<string, number> };
  };
  expect(json.not_loaded).toEqual([]);
  expect(json.closeness_and_distance.results.map((r) => [r.anxiety, r.avoidance])).toEqual([
    [4, 4],
    [6, 4],
  ]);
  expect(json.eight_signs.results.map((r) => r.signs.fear_of_abandonment)).toEqual([3, 1]);
  expect(json.practice.totals.distress).toEqual({ n: 3, mean_before: 6, mean_after: 3 });
  expect(json.course).toMatchObject({ lessons_completed: 1, lessons_total: lessons });
  expect(json.journal).toMatchObject({ trigger_logs_all_time: 5, signs_in_weeks: { rumination: 5, fear_of_abandonment: 2 } });

  // Accessible on a phone and a wide screen, light and dark.
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.setViewportSize(desktop.viewport!);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page);

  // On paper: the summary alone, with its dated header.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print a summary' })).toBeHidden();
  await expect(page.getByText(/^Prepared on \d{1,2} \w+ \d{4} for a session\.$/)).toBeVisible();
  await expect(page.getByRole('img', { name: /attachment plane/ })).toBeVisible();
  expect(problems).toEqual([]);
});
