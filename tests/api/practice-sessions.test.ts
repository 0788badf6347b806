// Recorded practice sessions through the real binary: recording (201), the same session again
// (200, counted once), the id reused for something else (409), every refused field named (400),
// a learner's sessions their own (another learner sees none and may use the same id), no session
// (401), history pages, and the stats worked out end to end — weeks, minutes and the mean change
// in distress, shown only from three rated sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  getPracticeStats,
  listPracticeSessions,
  newPracticeSessionId,
  practiceSessionConflictType,
  recordPracticeSession,
  type NewPracticeSession,
  type PracticeSession,
} from '../../web/src/api/practice-sessions';
import { newBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner } from './support/learner';

const minute = 60_000;
const day = 24 * 60 * minute;

async function learner(): Promise<Browser> {
  return (await verifiedLearner()).browser;
}

/** An instant `ms` from now as the API writes them: whole seconds, UTC. */
function at(ms: number): string {
  return new Date(Math.floor((Date.now() + ms) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function session(overrides: Partial<Record<keyof NewPracticeSession, unknown>> = {}): NewPracticeSession {
  return {
    id: newPracticeSessionId(),
    practice_id: 'resonance-breathing',
    started_at: at(-10 * minute),
    duration_seconds: 300,
    distress_before: 7,
    distress_after: 4,
    ...overrides,
  } as NewPracticeSession;
}

/** POST through the cookie jar, for the status the typed client does not show. */
async function post(browser: Browser, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await browser.fetch('/api/v1/practice-sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')! },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** The Monday (UTC) of the week an instant falls in, YYYY-MM-DD. */
function mondayUtc(iso: string): string {
  const d = new Date(iso);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

describe('recording a session', () => {
  it('stores a new session (201) in the documented shape, with the id in lower case', async () => {
    const browser = await learner();
    const sent = session({ id: newPracticeSessionId().toUpperCase(), distress_after: null });
    const { status, json } = await post(browser, sent);
    expect(status).toBe(201);
    const stored = json as PracticeSession;
    expect(Object.keys(stored).sort()).toEqual([
      'distress_after', 'distress_before', 'duration_seconds', 'id', 'practice_id', 'recorded_at', 'started_at',
    ]);
    expect(stored).toMatchObject({
      id: sent.id.toLowerCase(),
      practice_id: 'resonance-breathing',
      started_at: sent.started_at,
      duration_seconds: 300,
      distress_before: 7,
      distress_after: null,
    });
    expect(stored.recorded_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(stored.recorded_at) - Date.now())).toBeLessThan(60_000);
    const { sessions } = await listPracticeSessions({}, browser.client);
    expect(sessions).toEqual([stored]);
  });

  it('answers the same session sent again with 200 and the first, and counts it once', async () => {
    const browser = await learner();
    const sent = session();
    const first = await post(browser, sent);
    expect(first.status).toBe(201);
    // The offline queue sends it again, and then once more with the id in capitals.
    const again = await post(browser, sent);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await recordPracticeSession({ ...sent, id: sent.id.toUpperCase() }, browser.client)).toEqual(first.json);

    expect((await listPracticeSessions({}, browser.client)).sessions).toHaveLength(1);
    const stats = await getPracticeStats({ tz: 'UTC' }, browser.client);
    // One rated session: too few for averages.
    expect(stats.totals).toEqual({ sessions: 1, minutes: 5, distress: { n: 1, mean_before: null, mean_after: null } });
    expect(stats.practices.map((p) => p.sessions)).toEqual([1]);
    expect(stats.weeks.reduce((n, w) => n + w.sessions, 0)).toBe(1);
  });

  it('refuses the same id with other contents (409) and keeps the first', async () => {
    const browser = await learner();
    const sent = session();
    const stored = await recordPracticeSession(sent, browser.client);
    for (const changed of [
      { ...sent, distress_after: 3 },
      { ...sent, distress_before: null },
      { ...sent, duration_seconds: 301 },
      { ...sent, practice_id: 'box-breathing' },
      { ...sent, started_at: at(-11 * minute) },
    ]) {
      const error = await failure(recordPracticeSession(changed, browser.client));
      expect(error.status).toBe(409);
      expect(error.type).toBe(practiceSessionConflictType);
      expect(error.detail).toMatch(/new id/);
    }
    expect((await listPracticeSessions({}, browser.client)).sessions).toEqual([stored]);
  });

  it('accepts skipped ratings, left out or null, and the ends of every range', async () => {
    const browser = await learner();
    const { distress_before: _b, distress_after: _a, ...unrated } = session();
    const stored = await recordPracticeSession(unrated, browser.client);
    expect(stored).toMatchObject({ distress_before: null, distress_after: null });
    for (const ok of [
      session({ distress_before: 0, distress_after: 10 }),
      session({ duration_seconds: 1 }),
      session({ duration_seconds: 14_400, started_at: at(-5 * 60 * minute) }),
      session({ started_at: at(-365 * day) }),
      session({ started_at: at(2 * minute), duration_seconds: 60 }), // a device clock a little fast
    ]) {
      await recordPracticeSession(ok, browser.client);
    }
    expect((await listPracticeSessions({}, browser.client)).sessions).toHaveLength(6);
  });
});

describe('refused sessions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await learner();
  });

  async function refusedOn(body: unknown, field: string) {
    const error = await failure(browser.client.post('/api/v1/practice-sessions', body));
    expect(error.status, JSON.stringify(body)).toBe(400);
    expect(error.type).toBe('urn:securebase:problem:invalid-argument');
    expect(error.errors.map((e) => e.field), JSON.stringify(body)).toEqual([field]);
    expect(error.fieldError(field)!.length).toBeGreaterThan(10);
    expect(error.detail).toContain(field);
    return error;
  }

  it('refuses a missing or malformed id', async () => {
    const { id: _id, ...noId } = session();
    await refusedOn(noId, 'id');
    for (const id of ['', 'session-1', '3f2b8c1e5d4a4e6f9a7b1c2d3e4f5a6b', `${newPracticeSessionId()}x`, 42]) {
      await refusedOn(session({ id }), 'id');
    }
  });

  it('refuses a missing or unknown practice', async () => {
    const { practice_id: _p, ...noPractice } = session();
    await refusedOn(noPractice, 'practice_id');
    const error = await refusedOn(session({ practice_id: 'underwater-breathing' }), 'practice_id');
    expect(error.fieldError('practice_id')).toBe('is not a practice on this site');
  });

  it('refuses ratings outside 0 to 10 or not whole', async () => {
    for (const bad of [-1, 11, 4.5, '5', true]) {
      await refusedOn(session({ distress_before: bad }), 'distress_before');
      await refusedOn(session({ distress_after: bad }), 'distress_after');
    }
  });

  it('refuses durations that are missing, negative, zero, absurd or not whole', async () => {
    const { duration_seconds: _d, ...noDuration } = session();
    await refusedOn(noDuration, 'duration_seconds');
    for (const bad of [0, -300, 14_401, 1e12, 30.5, '300', null]) {
      await refusedOn(session({ duration_seconds: bad }), 'duration_seconds');
    }
  });

  it('refuses starts in the future, sessions that would end in the future, and the long past', async () => {
    let error = await refusedOn(session({ started_at: at(10 * minute), duration_seconds: 60 }), 'started_at');
    expect(error.fieldError('started_at')).toMatch(/future/);
    error = await refusedOn(session({ started_at: at(-1 * minute), duration_seconds: 600 }), 'started_at');
    expect(error.fieldError('started_at')).toMatch(/end in the future/);
    error = await refusedOn(session({ started_at: at(-367 * day) }), 'started_at');
    expect(error.fieldError('started_at')).toMatch(/366 days/);
  });

  it('refuses a start that is missing or not an RFC 3339 time', async () => {
    const { started_at: _s, ...noStart } = session();
    await refusedOn(noStart, 'started_at');
    for (const bad of ['yesterday', '2026-11-29', '2026-11-29 08:00:00', '2026-02-30T08:00:00Z', 1764403200, '']) {
      await refusedOn(session({ started_at: bad }), 'started_at');
    }
  });

  it('names every refused field at once', async () => {
    const error = await failure(
      browser.client.post('/api/v1/practice-sessions', {
        id: 'x', practice_id: 'nope', started_at: 'soon', duration_seconds: 0, distress_before: 12, distress_after: 'calm',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errors.map((e) => e.field).sort()).toEqual(
      ['distress_after', 'distress_before', 'duration_seconds', 'id', 'practice_id', 'started_at'],
    );
  });

  it('stored nothing that was refused', async () => {
    expect((await listPracticeSessions({}, browser.client)).sessions).toEqual([]);
  });
});

describe('whose sessions', () => {
  it("shows a learner none of another's, and lets them use the same id for their own", async () => {
    const owner = await learner();
    const mine = await recordPracticeSession(session(), owner.client);
    const other = await learner();
    expect((await listPracticeSessions({}, other.client)).sessions).toEqual([]);
    expect((await getPracticeStats({}, other.client)).totals).toEqual({
      sessions: 0,
      minutes: 0,
      distress: { n: 0, mean_before: null, mean_after: null },
    });

    // The same id is simply their own new session: 201, and nothing of mine comes back.
    const theirs = session({ id: mine.id, practice_id: 'box-breathing', duration_seconds: 120, distress_before: null });
    const { status, json } = await post(other, theirs);
    expect(status).toBe(201);
    expect(json).toMatchObject({ id: mine.id, practice_id: 'box-breathing', duration_seconds: 120, distress_before: null });
    expect((await listPracticeSessions({}, other.client)).sessions.map((s) => s.practice_id)).toEqual(['box-breathing']);
    expect((await listPracticeSessions({}, owner.client)).sessions).toEqual([mine]);
  });

  it('answers 401 without a session', async () => {
    const browser = newBrowser();
    await browser.client.get('/api/v1/crisis-lines'); // a csrf cookie, so only the session is missing
    // One request at a time: a rejection nobody awaits yet is an unhandled error (CI saw one).
    for (const call of [
      () => recordPracticeSession(session(), browser.client),
      () => listPracticeSessions({}, browser.client),
      () => getPracticeStats({}, browser.client),
    ]) {
      const error = await failure(call());
      expect(error.status).toBe(401);
    }
  });
});

describe('history', () => {
  it('pages newest first with next_before until there is no more', async () => {
    const browser = await learner();
    const made: PracticeSession[] = [];
    for (let i = 5; i >= 1; i -= 1) {
      made.push(await recordPracticeSession(session({ started_at: at(-i * 10 * minute) }), browser.client));
    }
    const newestFirst = [...made].reverse();
    const seen: PracticeSession[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await listPracticeSessions({ before, limit: 2 }, browser.client);
      expect(page.sessions.length).toBeLessThanOrEqual(2);
      seen.push(...page.sessions);
      before = page.next_before;
      if (before) expect(before).toBe(page.sessions.at(-1)!.started_at);
      pages += 1;
    } while (before && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
    const all = await listPracticeSessions({}, browser.client);
    expect(all).toEqual({ sessions: newestFirst, next_before: null });
  });

  it('refuses a limit outside 1 to 100 and a before that is not a time', async () => {
    const browser = await learner();
    for (const limit of ['0', '101', '-1', 'ten', '2.5']) {
      const error = await failure(browser.client.get('/api/v1/practice-sessions', { query: { limit } }));
      expect(error.status, limit).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual(['limit']);
    }
    const error = await failure(listPracticeSessions({ before: 'last week' }, browser.client));
    expect(error.status).toBe(400);
    expect(error.errors.map((e) => e.field)).toEqual(['before']);
    expect((await listPracticeSessions({ limit: 100 }, browser.client)).sessions).toEqual([]);
  });
});

describe('stats', () => {
  it('adds up weeks, minutes and the mean change in distress, shown from three rated sessions', async () => {
    const browser = await learner();
    const sent = [
      // Resonance: three rated both times (7→4, 6→5, 8→4: −3, −1, −4), one rated only before.
      session({ started_at: at(-40 * minute), duration_seconds: 300, distress_before: 7, distress_after: 4 }),
      session({ started_at: at(-35 * minute), duration_seconds: 90, distress_before: 6, distress_after: 5 }),
      session({ started_at: at(-30 * minute), duration_seconds: 87, distress_before: 8, distress_after: 4 }),
      session({ started_at: at(-25 * minute), duration_seconds: 60, distress_before: 9, distress_after: null }),
      // Box: two rated sessions are too few to say anything.
      session({ practice_id: 'box-breathing', started_at: at(-20 * minute), duration_seconds: 240, distress_before: 5, distress_after: 2 }),
      session({ practice_id: 'box-breathing', started_at: at(-15 * minute), duration_seconds: 240, distress_before: 5, distress_after: 3 }),
      // Three weeks ago.
      session({ practice_id: 'body-scan', started_at: at(-21 * day), duration_seconds: 600, distress_before: null, distress_after: null }),
    ];
    for (const s of sent) await recordPracticeSession(s, browser.client);
    await recordPracticeSession(sent[0]!, browser.client); // a repeat counts once

    const stats = await getPracticeStats({ tz: 'UTC', weeks: 4 }, browser.client);
    expect(stats.time_zone).toBe('UTC');
    expect(stats.weeks).toHaveLength(4);
    expect(stats.weeks.at(-1)!.start).toBe(mondayUtc(new Date().toISOString()));
    for (const w of stats.weeks) expect(new Date(`${w.start}T00:00:00Z`).getUTCDay()).toBe(1);
    // Each session in the week of its start (the recent ones may straddle a Monday).
    const expected = new Map<string, { sessions: number; seconds: number }>();
    for (const s of sent) {
      const week = mondayUtc(s.started_at);
      const w = expected.get(week) ?? { sessions: 0, seconds: 0 };
      expected.set(week, { sessions: w.sessions + 1, seconds: w.seconds + s.duration_seconds });
    }
    for (const w of stats.weeks) {
      const e = expected.get(w.start) ?? { sessions: 0, seconds: 0 };
      expect(w, w.start).toEqual({ start: w.start, sessions: e.sessions, minutes: Math.round(e.seconds / 6) / 10 });
    }
    expect(stats.weeks.reduce((n, w) => n + w.sessions, 0)).toBe(7);

    expect(stats.practices).toEqual([
      // 537 s = 8.95 minutes → 9; (−3 − 1 − 4) / 3 = −2.67 → −2.7.
      { practice_id: 'resonance-breathing', title: 'Slow, even breathing', sessions: 4, minutes: 9, distress: { n: 3, mean_change: -2.7 } },
      { practice_id: 'box-breathing', title: 'Breathing in four equal sides', sessions: 2, minutes: 8, distress: { n: 2, mean_change: null } },
      { practice_id: 'body-scan', title: 'A gentle body scan', sessions: 1, minutes: 10, distress: { n: 0, mean_change: null } },
    ]);
    // 1617 s = 26.95 minutes. Five sessions rated both times, over every practice: before
    // (7 + 6 + 8 + 5 + 5) / 5 = 6.2, after (4 + 5 + 4 + 2 + 3) / 5 = 3.6.
    expect(stats.totals).toEqual({ sessions: 7, minutes: 27, distress: { n: 5, mean_before: 6.2, mean_after: 3.6 } });

    // A third rated box session: (−3 − 2 + 1) / 3 = −1.33 → −1.3, now shown.
    await recordPracticeSession(
      session({ practice_id: 'box-breathing', started_at: at(-5 * minute), duration_seconds: 30, distress_before: 2, distress_after: 3 }),
      browser.client,
    );
    const after = await getPracticeStats({ tz: 'UTC', weeks: 4 }, browser.client);
    expect(after.practices[1]).toMatchObject({ practice_id: 'box-breathing', sessions: 3, minutes: 8.5, distress: { n: 3, mean_change: -1.3 } });
  });

  it("uses the learner's own time zone unless asked for another, and twelve weeks by default", async () => {
    const browser = await learner(); // signed up in Europe/Madrid
    const stats = await getPracticeStats({}, browser.client);
    expect(stats.time_zone).toBe('Europe/Madrid');
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.every((w) => w.sessions === 0 && w.minutes === 0)).toBe(true);
    expect(stats.practices).toEqual([]);
    expect((await getPracticeStats({ tz: 'Pacific/Auckland', weeks: 52 }, browser.client)).weeks).toHaveLength(52);
  });

  it('refuses an unknown time zone and weeks outside 1 to 52', async () => {
    const browser = await learner();
    for (const tz of ['Mars/Olympus_Mons', 'europe/london', '../../etc/passwd']) {
      const error = await failure(getPracticeStats({ tz }, browser.client));
      expect(error.status, tz).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual(['tz']);
    }
    for (const weeks of ['0', '53', 'many']) {
      const error = await failure(browser.client.get('/api/v1/practice-stats', { query: { weeks } }));
      expect(error.status, weeks).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual(['weeks']);
    }
  });
});
