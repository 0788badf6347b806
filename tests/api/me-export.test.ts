// Downloading everything held about you (GET /api/v1/me/export, docs/data-export.md) through the
// real binary: a zip that Info-ZIP's unzip opens, a README and one JSON file per part of the app,
// each with its schema version; the learner's check-in, practice, lesson answer and journal entry
// in it word for word, and nothing of another learner's; never cached; signed-out refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newIdempotencyKey, submitCheckin } from '../../web/src/api/checkins';
import { getCourse, listCourses, saveAnswer } from '../../web/src/api/course';
import { newEntryId, saveEntry } from '../../web/src/api/journal';
import { newPracticeSessionId, recordPracticeSession } from '../../web/src/api/practice-sessions';
import { newBrowser } from './support/browser';
import { verifiedLearner, type Learner } from './support/learner';

const work = mkdtempSync(path.join(tmpdir(), 'sb-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const journalWords = 'The train was late and I waited without texting anyone.';
const answerWords = 'I notice I hold my breath when a message is unread.';

async function download(learner: Learner, name: string): Promise<Record<string, unknown>> {
  const answer = await learner.browser.fetch('/api/v1/me/export');
  expect(answer.status, answer.status === 200 ? '' : await answer.text()).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/zip');
  expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="secure-base-\d{4}-\d{2}-\d{2}\.zip"$/);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const file = path.join(work, `${name}.zip`);
  writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
  const out = path.join(work, name);
  const unzip = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  expect(unzip.status, unzip.stderr).toBe(0);
  const files: Record<string, unknown> = {};
  for (const f of readdirSync(out)) {
    const text = readFileSync(path.join(out, f), 'utf8');
    files[f] = f.endsWith('.json') ? JSON.parse(text) : text;
  }
  return files;
}

describe('downloading everything held about you', () => {
  it('gives every part of the app as JSON, with what the learner wrote word for word', async () => {
    const learner = await verifiedLearner();
    const other = await verifiedLearner();
    const c = learner.browser.client;
    const answers: Record<string, number> = {};
    const q = await c.get<{ items: { id: string }[] }>('/api/v1/questionnaires/attachment');
    for (const item of q.items) answers[item.id] = 3;
    const checkin = await submitCheckin({ questionnaire_id: 'attachment', answers }, newIdempotencyKey(), c);
    const practiceId = newPracticeSessionId();
    await recordPracticeSession(
      {
        id: practiceId,
        practice_id: 'resonance-breathing',
        started_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        duration_seconds: 240,
        distress_before: 5,
        distress_after: 3,
      },
      c,
    );
    const course = (await listCourses(c))[0]!;
    const outline = await getCourse(course.id, c);
    const lesson = outline.modules.flatMap((m) => m.lessons)[0]!;
    const lessonView = await c.get<{ blocks: { kind: string; id?: string }[] }>(`/api/v1/lessons/${lesson.id}`);
    const prompt = lessonView.blocks.find((b) => b.kind === 'prompt');
    expect(prompt?.id, 'a prompt in the course’s first lesson').toBeDefined();
    await saveAnswer(lesson.id, prompt!.id!, answerWords, c);
    const entryId = newEntryId();
    await saveEntry(
      entryId,
      { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text: journalWords, lesson_id: '', prompt_id: '' } },
      c,
    );
    await saveEntry(
      newEntryId(),
      { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text: 'Not mine to see.', lesson_id: '', prompt_id: '' } },
      other.browser.client,
    );

    const files = await download(learner, 'first');
    expect(Object.keys(files).sort()).toEqual([
      'README.txt', 'account.json', 'bookings.json', 'checkins.json', 'course.json', 'journal.json',
      'practice.json', 'sharing.json', 'sign-ins.json', 'waitlist.json',
    ]);
    for (const [name, value] of Object.entries(files)) {
      if (name.endsWith('.json')) expect((value as { schema_version: number }).schema_version, name).toBe(1);
    }
    expect(files['README.txt']).toContain('Everything Secure Base holds about you');
    expect(files['account.json']).toMatchObject({ email: learner.email });
    expect(JSON.stringify(files['checkins.json'])).toContain(checkin.id);
    expect(JSON.stringify(files['practice.json'])).toContain(practiceId);
    expect(JSON.stringify(files['journal.json'])).toContain(journalWords);
    expect((files['course.json'] as { answers: unknown[] }).answers).toContainEqual({ lesson_id: lesson.id, prompt_id: prompt!.id, text: answerWords });
    expect(files['sharing.json']).toMatchObject({ shares: expect.any(Array), reads: [] });
    expect(files['bookings.json']).toMatchObject({ bookings: [] });
    expect(files['waitlist.json']).toMatchObject({ waitlist: [] });
    expect((files['sign-ins.json'] as { sessions: { current: boolean }[] }).sessions.filter((s) => s.current)).toHaveLength(1);
    // Nothing of the other learner's.
    const all = JSON.stringify(files);
    expect(all).not.toContain('Not mine to see.');
    expect(all).not.toContain(other.email);
  });

  it('is for the signed-in person only', async () => {
    const answer = await newBrowser().fetch('/api/v1/me/export');
    expect(answer.status).toBe(401);
  });
});
