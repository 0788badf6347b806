// The check-in through the real binary: the questionnaires, taking a check-in (scores, region,
// signs), history and one result, another learner's result (404), no session (401), refused
// answers, a repeated Idempotency-Key storing one row, the personal plan's order, and change
// between results — plain with our own questionnaires, reliable change where a questionnaire's
// file gives norms. That last part, and the 28-day cadence, run on a server of their own with a
// normed test questionnaire and a clock the test can move.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  getCheckin,
  getPlan,
  getQuestionnaire,
  listCheckins,
  listQuestionnaires,
  newIdempotencyKey,
  signIds,
  submitCheckin,
  type Questionnaire,
} from '../../web/src/api/checkins';
import { login } from '../../web/src/api/auth';
import { createClient } from '../../web/src/api/client';
import { newBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { learnerPassword, verifiedLearner } from './support/learner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const anonymous = createClient({ baseUrl: inject('baseUrl') });

/** Answers giving anxiety 5.125 and avoidance 2.875 (the worked example in docs/scoring.md). */
const workedExample: Record<string, number> = {
  'anx-01': 6, 'anx-02': 5, 'anx-03': 2, 'anx-04': 5, 'anx-05': 3, 'anx-06': 4, 'anx-07': 4, 'anx-08': 6,
  'av-01': 3, 'av-02': 5, 'av-03': 4, 'av-04': 6, 'av-05': 3, 'av-06': 2, 'av-07': 5, 'av-08': 3,
};

/** Every item answered `value`. */
function all(q: Questionnaire, value: number): Record<string, number> {
  return Object.fromEntries(q.items.map((i) => [i.id, value]));
}

async function learner(baseUrl?: string): Promise<Browser> {
  return (await verifiedLearner(baseUrl ? { baseUrl } : {})).browser;
}

describe('questionnaires', () => {
  it('lists both shipped questionnaires to anyone, signed in or not', async () => {
    const { questionnaires } = await listQuestionnaires(anonymous);
    expect(questionnaires).toEqual(
      expect.arrayContaining([
        { id: 'attachment', version: 1, title: expect.any(String), kind: 'attachment', item_count: 16 },
        { id: 'eight-signs', version: 1, title: expect.any(String), kind: 'signs', item_count: 8 },
      ]),
    );
  });

  it('gives the attachment questionnaire with its scale, labels and reverse keys', async () => {
    const q = await getQuestionnaire('attachment', anonymous);
    expect(q.scale).toMatchObject({ min: 1, max: 7 });
    expect(q.scale.labels).toHaveLength(7);
    expect(q.instructions.length).toBeGreaterThan(20);
    expect(q.items.filter((i) => i.subscale === 'anxiety')).toHaveLength(8);
    expect(q.items.filter((i) => i.subscale === 'avoidance')).toHaveLength(8);
    expect(q.items.filter((i) => i.reverse).length).toBeGreaterThanOrEqual(4);
  });

  it('gives the eight signs, one item per sign id, on 0 to 4', async () => {
    const q = await getQuestionnaire('eight-signs', anonymous);
    expect(q.kind).toBe('signs');
    expect(q.scale).toMatchObject({ min: 0, max: 4 });
    expect(q.items.map((i) => i.id)).toEqual([...signIds]);
  });

  it('answers 404 for a questionnaire it does not have', async () => {
    const error = await failure(getQuestionnaire('ecr-r', anonymous));
    expect(error.status).toBe(404);
  });
});

describe('taking a check-in', () => {
  it('scores it, places it on the plane and keeps it in the history', async () => {
    const browser = await learner();
    const result = await submitCheckin(
      { questionnaire_id: 'attachment', answers: workedExample },
      newIdempotencyKey(),
      browser.client,
    );
    expect(result).toMatchObject({
      questionnaire_id: 'attachment',
      questionnaire_version: 1,
      scores: { anxiety: 5.13, avoidance: 2.88 },
      region: 'anxious_preoccupied',
      signs: null,
      change: null,
    });
    expect(result.taken_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    expect(await getCheckin(result.id, browser.client)).toEqual(result);
    const { checkins } = await listCheckins(undefined, browser.client);
    expect(checkins).toEqual([result]);
  });

  it('gives the eight signs as a list and keeps the history newest first with plain change', async () => {
    const browser = await learner();
    const signs = await getQuestionnaire('eight-signs', browser.client);
    const first = await submitCheckin(
      { questionnaire_id: 'eight-signs', answers: all(signs, 1) },
      newIdempotencyKey(),
      browser.client,
    );
    expect(first.region).toBeNull();
    expect(first.signs).toEqual(signIds.map((id) => ({ id, score: 1 })));

    const attachment = await submitCheckin(
      { questionnaire_id: 'attachment', answers: workedExample },
      newIdempotencyKey(),
      browser.client,
    );
    const second = await submitCheckin(
      { questionnaire_id: 'eight-signs', answers: { ...all(signs, 1), rumination: 4, clinging: 0 } },
      newIdempotencyKey(),
      browser.client,
    );
    // Our questionnaires carry no norms: the difference, and nothing claimed about reliability.
    expect(second.change).toMatchObject({
      rumination: { difference: 3, rci: null, reliable: null },
      clinging: { difference: -1, rci: null, reliable: null },
      fear_of_abandonment: { difference: 0, rci: null, reliable: null },
    });

    const { checkins } = await listCheckins(undefined, browser.client);
    expect(checkins.map((c) => c.id)).toEqual([second.id, attachment.id, first.id]);
    const only = await listCheckins('eight-signs', browser.client);
    expect(only.checkins.map((c) => c.id)).toEqual([second.id, first.id]);
  });

  it("answers 404 for another learner's result, never showing it", async () => {
    const owner = await learner();
    const mine = await submitCheckin(
      { questionnaire_id: 'attachment', answers: workedExample },
      newIdempotencyKey(),
      owner.client,
    );
    const someoneElse = await learner();
    const error = await failure(getCheckin(mine.id, someoneElse.client));
    expect(error.status).toBe(404);
    expect(JSON.stringify(error.problem)).not.toContain('5.13');
    expect((await listCheckins(undefined, someoneElse.client)).checkins).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    const browser = newBrowser();
    // One request at a time: a rejection nobody awaits yet is an unhandled error (CI saw one).
    for (const call of [
      () => listCheckins(undefined, browser.client),
      () => getCheckin('0123456789abcdef0123456789abcdef', browser.client),
      () => getPlan(browser.client),
      () => submitCheckin({ questionnaire_id: 'attachment', answers: workedExample }, newIdempotencyKey(), browser.client),
    ]) {
      const error = await failure(call());
      expect(error.status).toBe(401);
    }
  });
});

describe('answers that cannot be scored', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await learner();
  });

  async function refused(answers: Record<string, unknown>, questionnaire_id = 'attachment') {
    const error = await failure(
      submitCheckin({ questionnaire_id, answers: answers as Record<string, number> }, newIdempotencyKey(), browser.client),
    );
    expect(error.status).toBe(400);
    return error;
  }

  it('refuses answers off the scale, naming each item', async () => {
    const error = await refused({ ...workedExample, 'anx-02': 8, 'av-05': 0 });
    expect(error.problem.errors?.map((e) => e.field).sort()).toEqual(['answers.anx-02', 'answers.av-05']);
    expect(error.problem.detail).toContain('anx-02');
  });

  it('refuses answers that are not whole numbers', async () => {
    const error = await refused({ ...workedExample, 'anx-02': 4.5, 'av-05': '3' });
    expect(error.problem.errors?.map((e) => e.field).sort()).toEqual(['answers.anx-02', 'answers.av-05']);
  });

  it('refuses an item the questionnaire does not have', async () => {
    const error = await refused({ ...workedExample, 'anx-99': 4 });
    expect(error.problem.errors).toEqual([{ field: 'answers.anx-99', message: expect.stringContaining('anx-99') }]);
  });

  it('refuses missing answers, naming each one', async () => {
    const { 'anx-04': _a, 'av-08': _b, ...rest } = workedExample;
    const error = await refused(rest);
    expect(error.problem.errors?.map((e) => e.field).sort()).toEqual(['answers.anx-04', 'answers.av-08']);
  });

  it('refuses an unknown questionnaire and a body without answers', async () => {
    let error = await refused(workedExample, 'no-such-questionnaire');
    expect(error.problem.errors?.[0]?.field).toBe('questionnaire_id');
    error = await failure(browser.client.post('/api/v1/checkins', { questionnaire_id: 'attachment' }));
    expect(error.status).toBe(400);
    expect(error.problem.errors?.[0]?.field).toBe('answers');
  });

  it('stores nothing that was refused', async () => {
    expect((await listCheckins(undefined, browser.client)).checkins).toEqual([]);
  });
});

describe('a repeated submission', () => {
  it('with the same Idempotency-Key gives back the first result and stores one row', async () => {
    const browser = await learner();
    const key = newIdempotencyKey();
    const body = { questionnaire_id: 'attachment', answers: workedExample };
    const first = await submitCheckin(body, key, browser.client);
    const again = await submitCheckin(body, key, browser.client);
    // Even a changed body with that key is the same submission, as first stored.
    const changed = await submitCheckin({ ...body, answers: { ...workedExample, 'anx-01': 1 } }, key, browser.client);
    expect(again).toEqual(first);
    expect(changed).toEqual(first);
    expect((await listCheckins(undefined, browser.client)).checkins).toHaveLength(1);

    // The first answer was 201 Created, a replay 200 OK.
    const raw = await browser.fetch('/api/v1/checkins', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': browser.cookies.get('csrf')!,
        'Idempotency-Key': key,
      },
      body: JSON.stringify(body),
    });
    expect(raw.status).toBe(200);
    expect(await raw.json()).toEqual(first);

    // A new key is a new check-in.
    const next = await submitCheckin(body, newIdempotencyKey(), browser.client);
    expect(next.id).not.toBe(first.id);
    expect((await listCheckins(undefined, browser.client)).checkins).toHaveLength(2);
  });

  it('refuses a malformed key', async () => {
    const browser = await learner();
    const error = await failure(
      submitCheckin({ questionnaire_id: 'attachment', answers: workedExample }, 'k'.repeat(129), browser.client),
    );
    expect(error.status).toBe(400);
    expect(error.problem.errors?.[0]?.field).toBe('Idempotency-Key');
  });
});

describe('the personal plan', () => {
  it('before any check-in lists every sign in the fixed order and offers the check-in', async () => {
    const browser = await learner();
    const plan = await getPlan(browser.client);
    expect(plan.signs.map((s) => s.id)).toEqual([...signIds]);
    for (const s of plan.signs) expect(s.score).toBeNull();
    expect(plan).toMatchObject({ last_checkin_at: null, next_checkin_due: null, checkin_due: true });
  });

  it("ranks the signs by the latest answers, ties in the fixed order, each with the lessons that name it", async () => {
    const browser = await learner();
    const signs = await getQuestionnaire('eight-signs', browser.client);
    await submitCheckin({ questionnaire_id: 'eight-signs', answers: all(signs, 4) }, newIdempotencyKey(), browser.client);
    const latest = await submitCheckin(
      {
        questionnaire_id: 'eight-signs',
        answers: {
          fear_of_abandonment: 2, need_for_reassurance: 3, sensitivity_to_changes: 0, jealousy_insecurity: 2,
          emotional_regulation: 1, clinging: 3, fear_of_being_alone: 0, rumination: 4,
        },
      },
      newIdempotencyKey(),
      browser.client,
    );
    const plan = await getPlan(browser.client);
    expect(plan.signs.map((s) => [s.id, s.score])).toEqual([
      ['rumination', 4],
      ['need_for_reassurance', 3],
      ['clinging', 3],
      ['fear_of_abandonment', 2],
      ['jealousy_insecurity', 2],
      ['emotional_regulation', 1],
      ['sensitivity_to_changes', 0],
      ['fear_of_being_alone', 0],
    ]);
    const rumination = plan.signs[0]!;
    expect(rumination.lessons.map((l) => l.id)).toContain('interrupting-rumination');
    for (const lesson of rumination.lessons) {
      expect(lesson).toEqual({ id: expect.any(String), title: expect.any(String), course_id: 'heal-insecure-attachment' });
    }
    // Practices come from the catalogue: those that name the sign themselves, and only those.
    expect(rumination.practices.length).toBeGreaterThanOrEqual(2);
    for (const practice of rumination.practices) {
      expect(practice).toEqual({ id: expect.any(String), title: expect.any(String) });
      const full = await browser.client.get<{ signs: string[] }>(`/api/v1/practices/${practice.id}`);
      expect(full.signs).toContain('rumination');
    }
    // Only the signs questionnaire was taken: the attachment part is still to do.
    expect(plan).toMatchObject({ last_checkin_at: latest.taken_at, next_checkin_due: null, checkin_due: true });
  });
});

// A server of its own: a normed test questionnaire beside ours, and a clock the test can move.
describe('with norms, and over the weeks', () => {
  const day = 24 * 60 * 60;
  let server: RunningServer;
  let work: string;
  let clockFile: string;

  // "general": a licensed instrument a practitioner might add, outside the check-in's cadence.
  const normed = `id = "normed"
version = 1
kind = "general"
title = "A normed test questionnaire"
instructions = "Test only."
[scale]
min = 1
max = 7
labels = ["1", "2", "3", "4", "5", "6", "7"]
[[subscales]]
id = "anxiety"
title = "Anxiety"
[subscales.norms]
mean = 3.6
sd = 1.1
reliability = 0.9
source = "Made up for this test"
[[subscales]]
id = "avoidance"
title = "Avoidance"
[[items]]
id = "a1"
subscale = "anxiety"
text = "One."
[[items]]
id = "a2"
subscale = "anxiety"
reverse = true
text = "Two."
[[items]]
id = "v1"
subscale = "avoidance"
text = "Three."
`;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'sb-checkins-'));
    clockFile = path.join(work, 'clock');
    writeFileSync(clockFile, '0\n');
    const content = path.join(work, 'content');
    cpSync(path.join(repo, 'content/questionnaires'), path.join(content, 'questionnaires'), { recursive: true });
    cpSync(path.join(repo, 'content/crisis'), path.join(content, 'crisis'), { recursive: true });
    writeFileSync(path.join(content, 'questionnaires/normed.toml'), normed);
    server = await startServer({
      content,
      env: { ...mailEnv(inject('mailUrl'), inject('mailCaFile')), SECUREBASE_TEST_CLOCK_FILE: clockFile },
    });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('says whether a change is reliable only where the questionnaire gives norms', async () => {
    const browser = await learner(server.baseUrl);
    const take = (a1: number, a2: number, v1: number) =>
      submitCheckin({ questionnaire_id: 'normed', answers: { a1, a2, v1 } }, newIdempotencyKey(), browser.client);
    await take(6, 2, 3); // anxiety (6 + (8 − 2)) / 2 = 6, avoidance 3
    // anxiety (5 + (8 − 4)) / 2 = 4.5: −1.5 / (√2 × 1.1 × √0.1) = −3.05, beyond 1.96: reliable.
    const big = await take(5, 4, 3);
    expect(big.scores.anxiety).toBe(4.5);
    expect(big.change!.anxiety).toEqual({ difference: -1.5, rci: -3.05, reliable: true });
    // Avoidance has no norms: plain change only.
    expect(big.change!.avoidance).toEqual({ difference: 0, rci: null, reliable: null });
    // anxiety 4.0: −0.5 / 0.4919 = −1.02, within 1.96: not reliable.
    const small = await take(4, 4, 5);
    expect(small.change!.anxiety).toEqual({ difference: -0.5, rci: -1.02, reliable: false });
    expect(small.change!.avoidance).toEqual({ difference: 2, rci: null, reliable: null });
  });

  it('offers the next check-in 28 days after the last one, and not before', async () => {
    writeFileSync(clockFile, '0\n');
    const { browser, email } = await verifiedLearner({ baseUrl: server.baseUrl });
    // Weeks pass: the session has long timed out, so sign in again as the learner would.
    const after = async (seconds: number) => {
      writeFileSync(clockFile, `${seconds}\n`);
      await login({ email, password: learnerPassword }, browser.client);
      return getPlan(browser.client);
    };
    const attachment = await getQuestionnaire('attachment', browser.client);
    const signs = await getQuestionnaire('eight-signs', browser.client);
    await submitCheckin({ questionnaire_id: 'attachment', answers: all(attachment, 4) }, newIdempotencyKey(), browser.client);
    const last = await submitCheckin({ questionnaire_id: 'eight-signs', answers: all(signs, 2) }, newIdempotencyKey(), browser.client);
    let plan = await getPlan(browser.client);
    expect(plan.checkin_due).toBe(false);
    expect(plan.last_checkin_at).toBe(last.taken_at);
    const due = Date.parse(plan.next_checkin_due!);
    const taken = Date.parse(last.taken_at);
    // From the older of the two results, within the second they were taken apart.
    expect(Math.abs(due - taken - 28 * day * 1000)).toBeLessThan(5_000);

    plan = await after(27 * day);
    expect(plan.checkin_due).toBe(false);
    plan = await after(28 * day + 10);
    expect(plan.checkin_due).toBe(true);
    writeFileSync(clockFile, '0\n');
  });
});
