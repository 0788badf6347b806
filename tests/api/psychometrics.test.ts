// The practitioner's psychometrics through the real binary, on a server of its own (so that the
// check-ins it counts are exactly the ones made here): n only below 30 people; from 30, the mean,
// SD and Cronbach's alpha of each attachment subscale, checked against the same figures worked
// out here from the answers sent (keyed as docs/scoring.md says); each person counted once, with
// their latest check-in; learners and the signed-out refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../../web/src/api/client';
import { getQuestionnaire, newIdempotencyKey, submitCheckin, type Questionnaire } from '../../web/src/api/checkins';
import { getPsychometrics, type QuestionnairePsychometrics } from '../../web/src/api/console-psychometrics';
import { newBrowser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let work: string;
let her: ApiClient;
let attachment: Questionnaire;
const learners: Learner[] = [];
/** Each learner's latest answers, as sent. */
const latest = new Map<string, Record<string, number>>();

/** Answers that vary between people but hang together within a subscale (seeded, repeatable). */
function answersFor(person: number, round: number): Record<string, number> {
  const { min, max } = attachment.scale;
  const answers: Record<string, number> = {};
  attachment.items.forEach((item, i) => {
    const level = (person * 7 + round * 3) % (max - min + 1); // this person's level
    const wobble = (i * 5 + person) % 3 - 1; // a little disagreement between items
    const keyed = Math.min(max, Math.max(min, min + level + wobble));
    answers[item.id] = item.reverse ? min + max - keyed : keyed;
  });
  return answers;
}

async function checkIn(learner: Learner, answers: Record<string, number>): Promise<void> {
  await submitCheckin({ questionnaire_id: 'attachment', answers }, newIdempotencyKey(), learner.browser.client);
  latest.set(learner.email, answers);
}

/** The figures for one subscale, worked out here from the answers sent. */
function expected(subscale: string) {
  const { min, max } = attachment.scale;
  const items = attachment.items.filter((item) => item.subscale === subscale);
  const rows = [...latest.values()].map((answers) =>
    items.map((item) => (item.reverse ? min + max - answers[item.id]! : answers[item.id]!)),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const squares = (xs: number[]) => {
    const mean = sum(xs) / xs.length;
    return sum(xs.map((x) => (x - mean) ** 2));
  };
  const scores = rows.map((row) => sum(row) / items.length);
  const k = items.length;
  const alpha = (k / (k - 1)) * (1 - sum(items.map((_, i) => squares(rows.map((row) => row[i]!)))) / squares(rows.map(sum)));
  return { n: rows.length, mean: sum(scores) / scores.length, sd: Math.sqrt(squares(scores) / (scores.length - 1)), alpha };
}

async function attachmentFigures(): Promise<QuestionnairePsychometrics> {
  const answer = await getPsychometrics(her);
  expect(answer.minimum_people).toBe(30);
  const found = answer.questionnaires.find((q) => q.id === 'attachment');
  expect(found).toBeDefined();
  return found!;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-psychometrics-'));
  server = await startServer({
    database: `sqlite://${work}/psychometrics.db`,
    env: mailEnv(inject('mailUrl'), inject('mailCaFile')),
  });
  her = (await setUpPractitioner(server)).client;
  attachment = await getQuestionnaire('attachment', her);
  // Thirty learners, signed up side by side.
  learners.push(...(await Promise.all(Array.from({ length: 30 }, () => verifiedLearner({ baseUrl: server.baseUrl })))));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('psychometrics for the practitioner', () => {
  it('are hers alone', async () => {
    expect((await failure(getPsychometrics(learners[0]!.browser.client))).status).toBe(403);
    expect((await failure(getPsychometrics(newBrowser(server.baseUrl).client))).status).toBe(401);
  });

  it('give only n below thirty people, counting each person once', async () => {
    for (let person = 0; person < 29; person += 1) await checkIn(learners[person]!, answersFor(person, 0));
    // A second check-in replaces the first in the figures: still 29 people.
    await checkIn(learners[0]!, answersFor(0, 1));
    const figures = await attachmentFigures();
    expect(figures.people).toBe(29);
    for (const subscale of figures.subscales) {
      expect(subscale.n).toBe(29);
      expect(subscale.mean).toBeNull();
      expect(subscale.sd).toBeNull();
      expect(subscale.alpha).toBeNull();
      expect(subscale.meaning).toMatch(/30 people/);
    }
  });

  it('give the mean, SD and alpha of each subscale from thirty people', async () => {
    await checkIn(learners[29]!, answersFor(29, 0));
    const figures = await attachmentFigures();
    expect(figures.people).toBe(30);
    expect(figures.subscales.map((s) => s.id)).toEqual(['anxiety', 'avoidance']);
    for (const subscale of figures.subscales) {
      const want = expected(subscale.id);
      expect(subscale.n).toBe(30);
      expect(subscale.items).toBe(attachment.items.filter((item) => item.subscale === subscale.id).length);
      expect(subscale.mean).toBeCloseTo(want.mean, 9);
      expect(subscale.sd).toBeCloseTo(want.sd, 9);
      expect(subscale.alpha).toBeCloseTo(want.alpha, 9);
      expect(subscale.meaning.length).toBeGreaterThan(20);
    }
  });
});
