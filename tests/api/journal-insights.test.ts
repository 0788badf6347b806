// Journal insights and export through the real binary: below five trigger logs only the count
// (ready false); from five, the states, signs, urges, what helped (its order and mean drop) and
// the parts of the day in the asked zone, the weeks in that zone; the JSON download holds every
// entry as stored, oldest first; the Markdown download has a heading per entry and keeps a
// learner's "# heading" and "[link](x)" as their words; another learner sees none of it; 401
// without a session; each bad parameter named; entries whose stored body was damaged are left out
// of the insights (counted) and keep their place in both downloads. Entries are made through PUT,
// like the app does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  getInsights,
  newEntryId,
  saveEntry,
  type Entry,
  type EntryInput,
  type JournalExport,
  type TriggerLog,
} from '../../web/src/api/journal';
import { newBrowser, type Browser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner } from './support/learner';
import { mailEnv, startServer, type RunningServer } from './support/server';

const hour = 3_600_000;
const day = 24 * hour;

async function learner(): Promise<Browser> {
  return (await verifiedLearner()).browser;
}

/** `days` days ago (UTC midnight) plus `hours`: always in the past for days >= 1. */
function ago(days: number, hours: number, minutes = 0): string {
  const midnight = Math.floor(Date.now() / day) * day;
  return new Date(midnight - days * day + hours * hour + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

function triggerLog(overrides: Partial<TriggerLog> = {}): TriggerLog {
  return {
    situation: '',
    self_talk: '',
    sensations: [],
    body_note: '',
    state: null,
    emotions: [],
    signs: [],
    urges: [],
    urge_note: '',
    action: '',
    helped: [],
    helped_note: '',
    intensity_before: null,
    intensity_after: null,
    ...overrides,
  };
}

function trigger(occurredAt: string, overrides: Partial<TriggerLog> = {}, tags: string[] = []): EntryInput {
  return { kind: 'trigger', occurred_at: occurredAt, tags, trigger: triggerLog(overrides) };
}

async function save(browser: Browser, input: EntryInput, id = newEntryId()): Promise<Entry> {
  return saveEntry(id, input, browser.client);
}

/** The Monday of the week a UTC instant falls in, in a zone `offsetHours` ahead of UTC (no DST). */
function mondayAt(iso: string, offsetHours: number): string {
  const local = new Date(Date.parse(iso) + offsetHours * hour);
  const back = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back))
    .toISOString()
    .slice(0, 10);
}

/** Today's date in a zone `offsetHours` ahead of UTC (no DST), YYYY-MM-DD. */
function todayAt(offsetHours: number): string {
  return new Date(Date.now() + offsetHours * hour).toISOString().slice(0, 10);
}

const noParts = [
  { part: 'night', count: 0 },
  { part: 'morning', count: 0 },
  { part: 'afternoon', count: 0 },
  { part: 'evening', count: 0 },
];

describe('insights', () => {
  it('gives only the count below five trigger logs, whatever else is written', async () => {
    const browser = await learner();
    for (let i = 1; i <= 4; i += 1) {
      await save(browser, trigger(ago(i, 20), { state: 'activated', signs: ['clinging'], helped: ['writing'] }));
    }
    await save(browser, { kind: 'reflection', occurred_at: ago(1, 9), tags: [], reflection: { text: 'Calmer.', lesson_id: '', prompt_id: '' } });
    await save(browser, { kind: 'parts', occurred_at: ago(1, 10), tags: [], parts: { name: 'The watcher', fears: '', protects: '', needs: '' } });

    expect(await getInsights('UTC', undefined, browser.client)).toEqual({
      trigger_count: 4,
      minimum: 5,
      ready: false,
      unreadable: 0,
      weeks: [],
      signs: [],
      states: [],
      urges: [],
      helped: [],
      time_of_day: noParts,
    });

    await save(browser, trigger(ago(5, 20)));
    const ready = await getInsights(undefined, undefined, browser.client);
    expect(ready).toMatchObject({ trigger_count: 5, ready: true, unreadable: 0 });
    expect(ready.weeks).toHaveLength(12); // the default
    expect(ready.weeks.at(-1)!.week_start).toBe(mondayAt(new Date().toISOString(), 0)); // in UTC
  });

  it('counts states, signs, urges, what helped and the parts of the day, in the zone asked', async () => {
    const browser = await learner();
    // Tokyo is UTC+9 all year: 16:00 UTC is 01:00 there (night), 00:00 is 09:00 (morning),
    // 05:00 is 14:00 (afternoon), 11:00 is 20:00 (evening).
    const logs: EntryInput[] = [
      trigger(ago(1, 11), {
        state: 'activated', signs: ['fear_of_abandonment', 'rumination'], urges: ['check_phone'],
        helped: ['paced_breathing', 'writing'], intensity_before: 8, intensity_after: 4,
      }),
      trigger(ago(2, 11, 30), {
        state: 'activated', signs: ['fear_of_abandonment'], urges: ['check_phone', 'seek_reassurance'],
        helped: ['paced_breathing'], intensity_before: 6, intensity_after: 3,
      }),
      trigger(ago(3, 16), { state: 'shut_down', signs: ['rumination'], helped: ['writing'], intensity_before: 5, intensity_after: 5 }),
      trigger(ago(4, 0), { helped: ['reaching_out'], intensity_before: 7 }),
      trigger(ago(5, 5), { state: 'settled', helped: ['paced_breathing'] }),
      trigger(ago(9, 11), { state: 'activated', signs: ['fear_of_abandonment', 'clinging'], urges: ['withdraw'] }),
    ];
    const saved: Entry[] = [];
    for (const input of logs) saved.push(await save(browser, input));
    // Saving one again replaces it: it still counts once.
    await save(browser, logs[4]!, saved[4]!.id);
    await save(browser, { kind: 'reflection', occurred_at: ago(1, 3), tags: [], reflection: { text: 'A note.', lesson_id: '', prompt_id: '' } });

    const tokyo = await getInsights('Asia/Tokyo', 4, browser.client);
    expect(tokyo.trigger_count).toBe(6);
    expect(tokyo.ready).toBe(true);
    expect(tokyo.states).toEqual([
      { state: 'activated', count: 3 },
      { state: 'settled', count: 1 },
      { state: 'shut_down', count: 1 },
      { state: 'unknown', count: 1 },
    ]);
    expect(tokyo.signs).toEqual([
      { sign: 'fear_of_abandonment', count: 3 },
      { sign: 'rumination', count: 2 },
      { sign: 'clinging', count: 1 },
    ]);
    expect(tokyo.urges).toEqual([
      { urge: 'check_phone', count: 2 },
      { urge: 'seek_reassurance', count: 1 },
      { urge: 'withdraw', count: 1 },
    ]);
    // (4 + 3) / 2 = 3.5; (4 + 0) / 2 = 2; one "before" alone is not rated.
    expect(tokyo.helped).toEqual([
      { helped: 'paced_breathing', count: 3, rated: 2, mean_drop: 3.5 },
      { helped: 'writing', count: 2, rated: 2, mean_drop: 2 },
      { helped: 'reaching_out', count: 1, rated: 0, mean_drop: null },
    ]);
    expect(tokyo.time_of_day).toEqual([
      { part: 'night', count: 1 },
      { part: 'morning', count: 1 },
      { part: 'afternoon', count: 1 },
      { part: 'evening', count: 3 },
    ]);

    // Four Monday-weeks in Tokyo, the last this week; each log in the week of its local time.
    expect(tokyo.weeks).toHaveLength(4);
    expect(tokyo.weeks.at(-1)!.week_start).toBe(mondayAt(new Date().toISOString(), 9));
    const expected = new Map<string, { count: number; activated: number; fear: number }>();
    for (const input of logs) {
      const week = mondayAt(input.occurred_at, 9);
      const w = expected.get(week) ?? { count: 0, activated: 0, fear: 0 };
      w.count += 1;
      if (input.trigger!.state === 'activated') w.activated += 1;
      if (input.trigger!.signs.includes('fear_of_abandonment')) w.fear += 1;
      expected.set(week, w);
    }
    for (const w of tokyo.weeks) {
      const e = expected.get(w.week_start) ?? { count: 0, activated: 0, fear: 0 };
      expect(w.count, w.week_start).toBe(e.count);
      expect(w.states.activated, w.week_start).toBe(e.activated);
      expect(w.signs.fear_of_abandonment, w.week_start).toBe(e.fear);
      expect(Object.keys(w.states).sort()).toEqual(['activated', 'settled', 'shut_down', 'unknown']);
      expect(Object.keys(w.signs)).toHaveLength(8);
    }
    expect(tokyo.weeks.reduce((n, w) => n + w.count, 0)).toBe(6); // nine days fit in four weeks

    // The same logs in UTC fall in other parts of the day: 16:00 afternoon, 00:00 and 05:00
    // night, 11:00 morning.
    const utc = await getInsights('UTC', 4, browser.client);
    expect(utc.time_of_day).toEqual([
      { part: 'night', count: 2 },
      { part: 'morning', count: 3 },
      { part: 'afternoon', count: 1 },
      { part: 'evening', count: 0 },
    ]);
  });

  it('refuses an unknown zone and weeks outside 1 to 52, naming the parameter', async () => {
    const browser = await learner();
    for (const tz of ['Mars/Olympus_Mons', 'europe/london', '../../etc/passwd']) {
      const error = await failure(getInsights(tz, undefined, browser.client));
      expect(error.status, tz).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual(['tz']);
    }
    for (const weeks of ['0', '53', 'many', '2.5']) {
      const error = await failure(browser.client.get('/api/v1/journal/insights', { query: { weeks } }));
      expect(error.status, weeks).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual(['weeks']);
    }
    expect((await getInsights('Pacific/Auckland', 52, browser.client)).trigger_count).toBe(0);
  });
});

describe('export', () => {
  let browser: Browser;
  const saved: Entry[] = [];
  beforeAll(async () => {
    browser = await learner();
    // Saved out of order: both downloads put them oldest first.
    saved.push(
      await save(
        browser,
        trigger(
          ago(2, 21, 40),
          {
            situation: '# heading\n[link](x) and <b>bold</b>',
            sensations: ['tight_chest'],
            state: 'shut_down',
            emotions: [{ name: 'afraid', intensity: 8 }],
            urges: ['check_phone'],
            helped: ['paced_breathing'],
            intensity_before: 8,
            intensity_after: 4,
          },
          ['Evenings'],
        ),
      ),
    );
    saved.push(await save(browser, { kind: 'parts', occurred_at: ago(3, 8), tags: [], parts: { name: 'The critic', fears: 'Being left', protects: '', needs: 'Rest' } }));
    saved.push(await save(browser, { kind: 'reflection', occurred_at: ago(1, 7, 5), tags: ['calm'], reflection: { text: 'A calmer week.', lesson_id: '', prompt_id: '' } }));
  });

  async function download(query: string) {
    const before = [todayAt(0), todayAt(9)];
    const res = await browser.fetch(`/api/v1/journal/export?${query}`);
    return { res, body: await res.text(), dates: [...before, todayAt(0), todayAt(9)] };
  }

  it('downloads every entry as JSON, oldest first, exactly as stored', async () => {
    const { res, body, dates } = await download('format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition')!;
    const match = /^attachment; filename="secure-base-journal-(\d{4}-\d{2}-\d{2})\.json"$/.exec(disposition);
    expect(match, disposition).not.toBeNull();
    expect([dates[0], dates[2]]).toContain(match![1]); // today in UTC, the default

    const exported = JSON.parse(body) as JournalExport;
    expect(Object.keys(exported).sort()).toEqual(['entries', 'exported_at', 'unreadable']);
    expect(Math.abs(Date.parse(exported.exported_at) - Date.now())).toBeLessThan(60_000);
    const oldestFirst = [...saved].sort((a, b) => a.occurred_at.localeCompare(b.occurred_at));
    expect(exported.entries).toEqual(oldestFirst);
    expect(exported.entries.map((e) => e.kind)).toEqual(['parts', 'trigger', 'reflection']);
    expect(exported.unreadable).toEqual([]);
  });

  it('names the file by the date in the zone asked', async () => {
    const { res, dates } = await download('format=json&tz=Asia%2FTokyo');
    const name = /filename="secure-base-journal-(\d{4}-\d{2}-\d{2})\.json"/.exec(res.headers.get('content-disposition')!);
    expect([dates[1], dates[3]]).toContain(name![1]);
  });

  it('downloads a readable Markdown file with each entry and the learner’s words kept as words', async () => {
    const { res, body, dates } = await download('format=markdown&tz=UTC');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const name = /^attachment; filename="secure-base-journal-(\d{4}-\d{2}-\d{2})\.md"$/.exec(res.headers.get('content-disposition')!);
    expect([dates[0], dates[2]]).toContain(name![1]);

    const lines = body.split('\n');
    expect(lines[0]).toBe('# My Secure Base journal');
    expect(body).toContain('3 entries, oldest first.');
    // One heading per entry, oldest first, at its local time in words.
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toHaveLength(3);
    expect(headings[0]).toMatch(/^## \w+day \d{1,2} \w+ \d{4}, 08:00 · Parts note$/);
    expect(headings[1]).toMatch(/^## \w+day \d{1,2} \w+ \d{4}, 21:40 · Trigger log$/);
    expect(headings[2]).toMatch(/^## \w+day \d{1,2} \w+ \d{4}, 07:05 · Reflection$/);
    // Filled fields under plain labels, choices in words, empty fields left out.
    for (const text of [
      '**What happened**', '**What I noticed in my body**', '- Tight chest', 'Shut down',
      '- afraid: 8 out of 10', '- Check my phone or their profile', '- Slow, paced breathing',
      '**What it is afraid of**', 'Being left', '**What it needs**', 'A calmer week.', 'Tags: evenings', 'Tags: calm',
    ]) {
      expect(body, text).toContain(text);
    }
    expect(body).not.toContain('**What it protects me from**');
    expect(body).not.toContain('tight_chest');
    // The learner's "# heading" and "[link](x)" stay their words: escaped, never a heading or a link.
    expect(body).toContain('\\# heading  \n\\[link\\](x) and \\<b>bold\\</b>');
    expect(lines).not.toContain('# heading');
    expect(body).not.toMatch(/^\[link\]\(x\)/m);
    // A time zone moves the headings: 21:40 UTC is 06:40 the next morning in Tokyo.
    const tokyo = await download('format=markdown&tz=Asia/Tokyo');
    expect(tokyo.body).toMatch(/\n## \w+day \d{1,2} \w+ \d{4}, 06:40 · Trigger log\n/);
    expect(tokyo.body).toContain('(Asia/Tokyo).');
  });

  it('refuses a missing or unknown format and an unknown zone, naming the parameter', async () => {
    for (const [query, field] of [
      [{}, 'format'],
      [{ format: 'pdf' }, 'format'],
      [{ format: 'JSON' }, 'format'],
      [{ format: 'markdown', tz: 'Mars/Olympus_Mons' }, 'tz'],
    ] as const) {
      const error = await failure(browser.client.get('/api/v1/journal/export', { query }));
      expect(error.status, JSON.stringify(query)).toBe(400);
      expect(error.errors.map((e) => e.field)).toEqual([field]);
    }
  });
});

describe('whose journal', () => {
  it("shows another learner none of it", async () => {
    const owner = await learner();
    for (let i = 1; i <= 5; i += 1) await save(owner, trigger(ago(i, 12), { situation: 'Mine alone.', signs: ['clinging'] }));
    expect((await getInsights('UTC', 1, owner.client)).trigger_count).toBe(5);

    const other = await learner();
    const insights = await getInsights('UTC', 1, other.client);
    expect(insights).toMatchObject({ trigger_count: 0, ready: false, signs: [], time_of_day: noParts });
    const json = JSON.parse(await (await other.fetch('/api/v1/journal/export?format=json')).text()) as JournalExport;
    expect(json.entries).toEqual([]);
    expect(json.unreadable).toEqual([]);
    const md = await (await other.fetch('/api/v1/journal/export?format=markdown')).text();
    expect(md).toContain('There are no entries in the journal yet.');
    expect(md).not.toContain('Mine alone.');
  });

  it('answers 401 without a session', async () => {
    const browser = newBrowser();
    await browser.client.get('/api/v1/crisis-lines'); // a csrf cookie, so only the session is missing
    // One request at a time: a rejection nobody awaits yet is an unhandled error.
    const error = await failure(getInsights('UTC', undefined, browser.client));
    expect(error.status).toBe(401);
    for (const format of ['json', 'markdown']) {
      const res = await browser.fetch(`/api/v1/journal/export?format=${format}`);
      expect(res.status, format).toBe(401);
      expect(res.headers.get('content-disposition')).toBeNull();
      await res.text();
    }
  });
});

describe('entries that cannot be opened', () => {
  // A server of its own, so that the test can reach its database: the SQLite file in its data
  // folder (sqlite3 CLI), or the PostgreSQL database of SB_API_DATABASE_URL (psql).
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  function sql(statement: string): string {
    const postgres = process.env.SB_API_DATABASE_URL;
    if (postgres) return execFileSync('psql', [postgres, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', statement], { encoding: 'utf8' });
    return execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(server.dataDir, 'securebase.db'), statement], { encoding: 'utf8' });
  }

  /** One hex digit changed in the middle of the entry's sealed body: it no longer opens. */
  function damage(id: string) {
    sql(
      `UPDATE journal_entries SET sealed_body = substr(sealed_body, 1, 99) || ` +
        `CASE substr(sealed_body, 100, 1) WHEN '0' THEN '1' ELSE '0' END || substr(sealed_body, 101) WHERE id = '${id}'`,
    );
  }

  it('are left out of the insights but counted, and keep their place in both downloads', async () => {
    const browser = (await verifiedLearner({ baseUrl: server.baseUrl })).browser;
    for (let i = 1; i <= 5; i += 1) await save(browser, trigger(ago(i, 12), { state: 'settled' }));
    const brokenLog = await save(browser, trigger(ago(6, 12), { situation: 'Lost words.', state: 'activated' }));
    const brokenNote = await save(browser, { kind: 'reflection', occurred_at: ago(7, 9, 30), tags: [], reflection: { text: 'Lost too.', lesson_id: '', prompt_id: '' } });
    damage(brokenLog.id);
    damage(brokenNote.id);

    // Only trigger logs are patterns: the damaged reflection is not counted here.
    const insights = await getInsights('UTC', 2, browser.client);
    expect(insights).toMatchObject({ trigger_count: 5, ready: true, unreadable: 1 });
    expect(insights.states).toEqual([
      { state: 'settled', count: 5 },
      { state: 'activated', count: 0 },
      { state: 'shut_down', count: 0 },
      { state: 'unknown', count: 0 },
    ]);

    const json = JSON.parse(await (await browser.fetch('/api/v1/journal/export?format=json')).text()) as JournalExport;
    expect(json.entries).toHaveLength(5);
    expect(json.unreadable).toEqual([
      { id: brokenNote.id, kind: 'reflection', occurred_at: brokenNote.occurred_at, created_at: brokenNote.created_at, updated_at: brokenNote.updated_at },
      { id: brokenLog.id, kind: 'trigger', occurred_at: brokenLog.occurred_at, created_at: brokenLog.created_at, updated_at: brokenLog.updated_at },
    ]);

    const md = await (await browser.fetch('/api/v1/journal/export?format=markdown')).text();
    expect(md).toContain('7 entries, oldest first.');
    const cannot = 'We could not open this entry, so its words are not in this file. It has not been deleted.';
    // The two oldest, by date, each under its own heading.
    const sections = md.split('\n## ').slice(1);
    expect(sections).toHaveLength(7);
    expect(sections[0]).toMatch(/^\w+day \d{1,2} \w+ \d{4}, 09:30 · Reflection\n\nWe could not open/);
    expect(sections[1]).toMatch(/^\w+day \d{1,2} \w+ \d{4}, 12:00 · Trigger log\n\nWe could not open/);
    expect(md.split(cannot)).toHaveLength(3);
    expect(md).not.toContain('Lost words.');
  });
});
