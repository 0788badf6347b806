// The journal through the real binary: saving an entry (201 new, 200 replaced, 409 for another
// kind), reading and deleting it (204, then 404), a learner's entries their own (another learner
// gets 404 for GET, PUT and DELETE, and their PUT of the same id makes their own entry), no session
// (401), every refused input named (400), the list's search, filters and pages, an entry whose
// stored body was damaged (500 journal-entry-unreadable for it alone, named apart in the list), and
// no plaintext in the database, its files or the log.
//
// On a server of its own, so that the test can reach its database: the SQLite file in its data
// folder (with the sqlite3 CLI), or the PostgreSQL database of SB_API_DATABASE_URL (with psql).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newBrowser, type Browser } from './support/browser';
import { verifiedLearner } from './support/learner';
import { mailEnv, startServer, type RunningServer } from './support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
});

afterAll(async () => {
  await server?.stop();
});

const postgres = process.env.SB_API_DATABASE_URL;
const problem = (slug: string) => `urn:securebase:problem:${slug}`;
const minute = 60_000;

async function learner(): Promise<Browser> {
  return (await verifiedLearner({ baseUrl: server.baseUrl })).browser;
}

interface Answer {
  status: number;
  // Read loosely: the tests check what they need of each answer.
  json: any;
  headers: Headers;
}

/** One request through the browser's cookie jar, with the CSRF header on writes. */
async function call(browser: Browser, method: string, url: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = browser.cookies.get('csrf') ?? '';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await browser.fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

interface Listed {
  id: string;
  kind: string;
  occurred_at: string;
}
interface Page {
  entries: Listed[];
  unreadable: Listed[];
  next_before: string | null;
  total: number;
}

const entryUrl = (id: string) => `/api/v1/journal/entries/${id}`;
const put = (b: Browser, id: string, body: unknown) => call(b, 'PUT', entryUrl(id), body);
const get = (b: Browser, id: string) => call(b, 'GET', entryUrl(id));
const del = (b: Browser, id: string) => call(b, 'DELETE', entryUrl(id));
async function list(b: Browser, query: Record<string, string> = {}): Promise<Answer> {
  const qs = new URLSearchParams(query).toString();
  return call(b, 'GET', `/api/v1/journal/entries${qs ? `?${qs}` : ''}`);
}
/** The list's answer, which must be 200. */
async function listed(b: Browser, query: Record<string, string> = {}) {
  const res = await list(b, query);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as Page;
}
const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);

/** An instant `ms` from now as the API writes them: whole seconds, UTC. */
function at(ms: number): string {
  return new Date(Math.floor((Date.now() + ms) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const triggerBody = () => ({
  situation: "Sam hadn't replied for three hours.",
  self_talk: 'They are losing interest.',
  sensations: ['tight_chest', 'racing_heart'],
  body_note: 'Hot and jittery.',
  state: 'activated',
  emotions: [{ name: 'afraid', intensity: 8 }, { name: 'ashamed', intensity: 4 }],
  signs: ['fear_of_abandonment', 'need_for_reassurance'],
  urges: ['check_phone', 'seek_reassurance'],
  urge_note: '',
  action: 'Put the phone in the other room and breathed for five minutes.',
  helped: ['paced_breathing', 'writing'],
  helped_note: '',
  intensity_before: 8,
  intensity_after: 4,
});

function trigger(overrides: Record<string, unknown> = {}, body: Record<string, unknown> = {}) {
  return { kind: 'trigger', occurred_at: at(-30 * minute), tags: ['evenings', 'texting'], trigger: { ...triggerBody(), ...body }, ...overrides };
}
function reflection(text: string, overrides: Record<string, unknown> = {}) {
  return { kind: 'reflection', occurred_at: at(-20 * minute), reflection: { text, lesson_id: '', prompt_id: '' }, ...overrides };
}
function parts(name: string, overrides: Record<string, unknown> = {}) {
  return { kind: 'parts', occurred_at: at(-10 * minute), parts: { name, fears: 'Being left.', protects: 'By watching the phone.', needs: 'Rest.' }, ...overrides };
}

/** SQL on the server's own database: psql for PostgreSQL, the sqlite3 CLI for its SQLite file. */
function sql(statement: string): string {
  if (postgres) return execFileSync('psql', [postgres, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', statement], { encoding: 'utf8' });
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(server.dataDir, 'securebase.db'), statement], { encoding: 'utf8' });
}

describe('saving and reading an entry', () => {
  it('creates (201), reads, replaces (200, created_at kept) and refuses another kind (409)', async () => {
    const browser = await learner();
    const id = randomUUID();
    const sent = trigger({ occurred_at: '2025-11-28T21:40:00.750Z', tags: [' Texting ', 'evenings', 'TEXTING'] });
    const created = await put(browser, id.toUpperCase(), sent);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(created.json).sort()).toEqual(['created_at', 'id', 'kind', 'occurred_at', 'parts', 'reflection', 'tags', 'trigger', 'updated_at']);
    expect(created.json).toMatchObject({
      id,
      kind: 'trigger',
      occurred_at: '2025-11-28T21:40:00Z',
      tags: ['evenings', 'texting'],
      trigger: triggerBody(),
      reflection: null,
      parts: null,
    });
    expect(created.json.created_at).toBe(created.json.updated_at);
    expect(Math.abs(Date.parse(created.json.created_at) - Date.now())).toBeLessThan(minute);

    const read = await get(browser, id);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.json).toEqual(created.json);
    expect((await get(browser, id.toUpperCase())).json).toEqual(created.json);

    // Saving again replaces it: what it sends back from a read may go back as it is.
    const changed = { ...read.json, trigger: { ...read.json.trigger, intensity_after: 2, action: 'Went for a walk.' } };
    const replaced = await put(browser, id, changed);
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(replaced.json.created_at).toBe(created.json.created_at);
    expect(Date.parse(replaced.json.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.json.updated_at));
    expect(replaced.json.trigger).toMatchObject({ intensity_after: 2, action: 'Went for a walk.' });
    expect((await get(browser, id)).json).toEqual(replaced.json);

    // An entry's kind stays.
    const conflict = await put(browser, id, reflection('Something else'));
    expect(conflict.status).toBe(409);
    expect(conflict.json.type).toBe(problem('journal-kind-conflict'));
    expect(conflict.json.detail).toMatch(/trigger log/);
    expect((await get(browser, id)).json).toEqual(replaced.json);
    expect((await listed(browser)).total).toBe(1);
  });

  it('keeps reflections and parts notes, with the other bodies left out or null', async () => {
    const browser = await learner();
    const r = await put(browser, randomUUID(), reflection('A quiet morning.', { reflection: { text: 'A quiet morning.', lesson_id: 'what-is-attachment', prompt_id: 'noticing-1' }, trigger: null }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ kind: 'reflection', tags: [], trigger: null, parts: null, reflection: { text: 'A quiet morning.', lesson_id: 'what-is-attachment', prompt_id: 'noticing-1' } });
    const p = await put(browser, randomUUID(), { kind: 'parts', occurred_at: at(-minute), parts: { name: 'The watcher' } });
    expect(p.status, JSON.stringify(p.json)).toBe(201);
    expect(p.json.parts).toEqual({ name: 'The watcher', fears: '', protects: '', needs: '' });
    const t = await put(browser, randomUUID(), { kind: 'trigger', occurred_at: at(-minute), trigger: {} });
    expect(t.status, JSON.stringify(t.json)).toBe(201);
    expect(t.json.trigger).toMatchObject({ situation: '', sensations: [], state: null, emotions: [], intensity_before: null });
  });

  it('takes every field at its limit, counted in characters, not bytes', async () => {
    const browser = await learner();
    const long = '😊'.repeat(10_000);
    const note = 'é'.repeat(1_000);
    const body = {
      ...triggerBody(),
      situation: long, self_talk: long, action: long, body_note: note, urge_note: note, helped_note: note,
      emotions: Array.from({ length: 12 }, (_, i) => ({ name: `${'x'.repeat(38)}${i}`.slice(0, 40), intensity: i % 11 })),
    };
    const tags = Array.from({ length: 20 }, (_, i) => `${'t'.repeat(38)}${String(i).padStart(2, '0')}`);
    const saved = await put(browser, randomUUID(), trigger({ tags }, body));
    expect(saved.status, JSON.stringify(saved.json).slice(0, 300)).toBe(201);
    expect(saved.json.trigger.situation).toBe(long);
    expect(saved.json.tags).toHaveLength(20);
    const p = await put(browser, randomUUID(), parts('n'.repeat(1_000), { parts: { name: 'n'.repeat(1_000), fears: long, protects: long, needs: long } }));
    expect(p.status).toBe(201);
  });

  it('deletes for good (204), after which it is 404', async () => {
    const browser = await learner();
    const id = randomUUID();
    const kept = randomUUID();
    expect((await put(browser, id, reflection('to go'))).status).toBe(201);
    expect((await put(browser, kept, reflection('to stay'))).status).toBe(201);
    const gone = await del(browser, id);
    expect(gone.status).toBe(204);
    expect(gone.json).toBeUndefined();
    for (const again of [await get(browser, id), await del(browser, id)]) {
      expect(again.status).toBe(404);
      expect(again.json.type).toBe(problem('not-found'));
    }
    expect(ids((await listed(browser)).entries)).toEqual([kept]);
    // Saved again after deleting, it is new.
    expect((await put(browser, id, reflection('back'))).status).toBe(201);
  });

  it('answers 404 for an id that is not a UUID, and for one never saved', async () => {
    const browser = await learner();
    for (const id of ['entry-1', randomUUID()]) {
      expect((await get(browser, id)).status).toBe(404);
      expect((await del(browser, id)).status).toBe(404);
    }
  });
});

describe('whose entries', () => {
  it("gives another learner 404 for an entry, and lets them save their own under the same id", async () => {
    const owner = await learner();
    const id = randomUUID();
    const mine = await put(owner, id, trigger());
    expect(mine.status).toBe(201);
    const other = await learner();
    for (const res of [await get(other, id), await del(other, id)]) {
      expect(res.status).toBe(404);
      expect(res.json.type).toBe(problem('not-found'));
    }
    // A PUT of another kind is not a conflict with my entry: it is simply theirs, new.
    const theirs = await put(other, id, parts('Their own part'));
    expect(theirs.status).toBe(201);
    expect(theirs.json).toMatchObject({ id, kind: 'parts', parts: { name: 'Their own part' } });
    expect((await get(owner, id)).json).toEqual(mine.json);
    expect(ids((await listed(owner)).entries)).toEqual([id]);
    expect((await listed(other)).entries.map((e) => e.kind)).toEqual(['parts']);
    expect((await del(other, id)).status).toBe(204);
    expect((await get(owner, id)).json).toEqual(mine.json);
  });

  it('answers 401 without a session', async () => {
    const browser = newBrowser(server.baseUrl);
    await browser.client.get('/api/v1/crisis-lines'); // a csrf cookie, so only the session is missing
    const id = randomUUID();
    // One request at a time.
    for (const res of [await put(browser, id, trigger()), await get(browser, id), await del(browser, id), await list(browser)]) {
      expect(res.status).toBe(401);
      expect(res.json.type).toBe(problem('unauthenticated'));
    }
  });
});

describe('refused entries', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await learner();
  });

  async function refused(body: unknown, fields: string[], id: string = randomUUID()) {
    const res = await put(browser, id, body);
    expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
    expect(res.json.type).toBe(problem('invalid-argument'));
    const named = (res.json.errors as Array<{ field: string; message: string }>).map((e) => e.field).sort();
    expect(named, JSON.stringify(body).slice(0, 200)).toEqual([...fields].sort());
    for (const e of res.json.errors) expect(e.message.length).toBeGreaterThan(8);
    return res.json;
  }

  it('refuses an id that is not a UUID', async () => {
    await refused(reflection('x'), ['id'], 'entry-1');
    await refused(reflection('x'), ['id'], `${randomUUID()}0`);
    await refused({ ...reflection('x'), id: randomUUID() }, ['id']); // not the address's
  });

  it('refuses over-long text in every field', async () => {
    const long = 'a'.repeat(10_001);
    const note = 'a'.repeat(1_001);
    for (const field of ['situation', 'self_talk', 'action']) await refused(trigger({}, { [field]: long }), [`trigger.${field}`]);
    for (const field of ['body_note', 'urge_note', 'helped_note']) await refused(trigger({}, { [field]: note }), [`trigger.${field}`]);
    await refused(reflection(long), ['reflection.text']);
    await refused(parts(note), ['parts.name']);
    for (const field of ['fears', 'protects', 'needs']) await refused(parts('The watcher', { parts: { name: 'The watcher', [field]: long } }), [`parts.${field}`]);
    await refused(trigger({}, { emotions: [{ name: 'x'.repeat(41), intensity: 3 }] }), ['trigger.emotions[0].name']);
    await refused(trigger({}, { emotions: Array.from({ length: 13 }, () => ({ name: 'afraid', intensity: 3 })) }), ['trigger.emotions']);
    await refused(trigger({ tags: ['ok', 'x'.repeat(41)] }), ['tags[1]']);
    await refused(trigger({ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }), ['tags']);
    await refused(trigger({ tags: ['   '] }), ['tags[0]']);
  });

  it('refuses intensities outside 0 to 10 or not whole', async () => {
    for (const bad of [-1, 11, 4.5, '5', true, 1e300]) {
      await refused(trigger({}, { intensity_before: bad }), ['trigger.intensity_before']);
      await refused(trigger({}, { intensity_after: bad }), ['trigger.intensity_after']);
      await refused(trigger({}, { emotions: [{ name: 'afraid', intensity: bad }] }), ['trigger.emotions[0].intensity']);
    }
    await refused(trigger({}, { emotions: [{ name: 'afraid' }] }), ['trigger.emotions[0].intensity']);
    await refused(trigger({}, { emotions: [{ name: '', intensity: 3 }] }), ['trigger.emotions[0].name']);
  });

  it('refuses unknown kinds, states, signs, sensations, urges and helps, and repeats', async () => {
    await refused({ ...reflection('x'), kind: 'dream' }, ['kind']);
    const { kind: _k, ...noKind } = reflection('x');
    await refused(noKind, ['kind']);
    await refused(trigger({}, { state: 'calm' }), ['trigger.state']);
    await refused(trigger({}, { signs: ['jealousy'] }), ['trigger.signs[0]']);
    await refused(trigger({}, { sensations: ['tight_chest', 'butterflies'] }), ['trigger.sensations[1]']);
    await refused(trigger({}, { urges: ['shout'] }), ['trigger.urges[0]']);
    await refused(trigger({}, { helped: ['Writing'] }), ['trigger.helped[0]']);
    await refused(trigger({}, { signs: ['rumination', 'rumination'] }), ['trigger.signs[1]']);
    await refused(trigger({}, { sensations: ['shaky', 'restless', 'shaky'] }), ['trigger.sensations[2]']);
    await refused(trigger({}, { urges: ['withdraw', 'withdraw'] }), ['trigger.urges[1]']);
    await refused(trigger({}, { helped: ['rest', 'rest'] }), ['trigger.helped[1]']);
  });

  it('refuses dates that are missing, malformed, before 1970 or in the future', async () => {
    const { occurred_at: _o, ...noDate } = reflection('x');
    await refused(noDate, ['occurred_at']);
    for (const bad of ['yesterday', '2025-11-28', '2025-11-28 21:40:00', '2025-02-30T08:00:00Z', 1764366000, '', '1969-12-31T23:59:59Z']) {
      await refused(reflection('x', { occurred_at: bad }), ['occurred_at']);
    }
    const future = await refused(reflection('x', { occurred_at: at(10 * minute) }), ['occurred_at']);
    expect(future.errors[0].message).toMatch(/future/);
    // A device clock a little fast is fine.
    expect((await put(browser, randomUUID(), reflection('x', { occurred_at: at(3 * minute) }))).status).toBe(201);
  });

  it('refuses unknown fields at the top and in the body, and values of the wrong type', async () => {
    await refused({ ...reflection('x'), mood: 'low' }, ['mood']);
    await refused(reflection('x', { reflection: { text: 'x', txet: 'typo' } }), ['reflection.txet']);
    await refused(trigger({}, { emotions: [{ name: 'afraid', intensity: 3, colour: 'red' }] }), ['trigger.emotions[0].colour']);
    await refused(trigger({}, { situation: 42, sensations: 'tight_chest' }), ['trigger.situation', 'trigger.sensations']);
    await refused(trigger({ tags: 'evenings' }), ['tags']);
    await refused(reflection('x', { reflection: 'x' }), ['reflection']);
  });

  it('refuses a missing body, a body of another kind, half a lesson prompt and a nameless part', async () => {
    const { reflection: _r, ...noBody } = reflection('x');
    await refused(noBody, ['reflection']);
    await refused({ ...reflection('x'), parts: { name: 'x' } }, ['parts']);
    await refused(reflection('x', { reflection: { text: 'x', lesson_id: 'what-is-attachment', prompt_id: '' } }), ['reflection.prompt_id']);
    await refused(parts(''), ['parts.name']);
    await refused(parts('   '), ['parts.name']);
  });

  it('names every refused field at once, and refuses a body that is not a JSON object', async () => {
    await refused(
      { kind: 'trigger', occurred_at: 'soon', tags: [''], extra: 1, trigger: { state: 'calm', urges: ['shout'], intensity_before: 12, emotions: [{ name: 'a', intensity: 0.5 }] } },
      ['occurred_at', 'tags[0]', 'extra', 'trigger.state', 'trigger.urges[0]', 'trigger.intensity_before', 'trigger.emotions[0].intensity'],
    );
    for (const bad of ['not json', '[]']) {
      const res = await put(browser, randomUUID(), bad);
      expect(res.status).toBe(400);
    }
  });

  it('stored nothing that was refused', async () => {
    // The one entry saved above: the clock a little fast.
    expect((await listed(browser)).total).toBe(1);
  });
});

describe('the list, search and filters', () => {
  let browser: Browser;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    browser = await learner();
    const save = async (name: string, body: unknown) => {
      made[name] = randomUUID();
      const res = await put(browser, made[name]!, body);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    };
    // Oldest first; 2025-03-10T23:30Z is the 11th in Madrid (UTC+1 before the end of March).
    await save('texting', trigger({ occurred_at: '2025-03-10T23:30:00Z', tags: ['Evenings'] }, { situation: 'Sam did not reply to my TEXT.', signs: ['rumination'], state: 'shut_down' }));
    await save('party', trigger({ occurred_at: '2025-03-12T18:00:00Z', tags: ['friends'] }, { situation: 'At the party I felt left out.', emotions: [{ name: 'Jealous', intensity: 6 }] }));
    await save('summer', reflection('Un été tranquille, sans inquiétude.', { occurred_at: '2025-06-01T08:00:00Z', tags: ['summer'] }));
    await save('watcher', parts('The Watcher', { occurred_at: '2025-07-01T08:00:00Z', tags: ['evenings'] }));
    await save('calm', trigger({ occurred_at: '2025-08-01T08:00:00Z', tags: [] }, { situation: 'A calm text exchange.', state: 'settled', signs: [] }));
  });

  it('lists newest first with the total', async () => {
    const page = await listed(browser);
    expect(ids(page.entries)).toEqual([made.calm, made.watcher, made.summer, made.party, made.texting]);
    expect(page).toMatchObject({ unreadable: [], next_before: null, total: 5 });
    expect(page.entries[0]).toEqual((await get(browser, made.calm!)).json);
  });

  it('finds words in every text, case-insensitively for ASCII letters, all words together', async () => {
    const found = async (q: string) => ids((await listed(browser, { q })).entries);
    expect(await found('text')).toEqual([made.calm, made.texting]);
    expect(await found('TEXT sam')).toEqual([made.texting]);
    expect(await found('jealous')).toEqual([made.party]); // an emotion's name
    expect(await found('EVENINGS')).toEqual([made.watcher, made.texting]); // tags
    expect(await found('watching rest')).toEqual([made.watcher]); // a part's fields
    expect(await found('été')).toEqual([made.summer]);
    expect(await found('ÉTÉ')).toEqual([]); // other letters must match as written
    expect(await found('text party')).toEqual([]);
    expect(await found('rumination')).toEqual([]); // choices are not text
    const page = await listed(browser, { q: 'text' });
    expect(page.total).toBe(2);
  });

  it('filters by kind, sign, state and tag', async () => {
    const only = async (query: Record<string, string>) => ids((await listed(browser, query)).entries);
    expect(await only({ kind: 'trigger' })).toEqual([made.calm, made.party, made.texting]);
    expect(await only({ kind: 'parts' })).toEqual([made.watcher]);
    expect(await only({ sign: 'rumination' })).toEqual([made.texting]);
    expect(await only({ sign: 'fear_of_abandonment' })).toEqual([made.party]);
    expect(await only({ state: 'settled' })).toEqual([made.calm]);
    expect(await only({ state: 'activated' })).toEqual([made.party]);
    expect(await only({ tag: ' Evenings ' })).toEqual([made.watcher, made.texting]);
    expect(await only({ tag: 'evenings', kind: 'trigger' })).toEqual([made.texting]);
    expect(await only({ q: 'text', state: 'shut_down' })).toEqual([made.texting]);
  });

  it('filters by local dates in a zone, both days included', async () => {
    const only = async (query: Record<string, string>) => ids((await listed(browser, query)).entries);
    expect(await only({ from: '2025-03-11', to: '2025-03-11' })).toEqual([]);
    expect(await only({ from: '2025-03-11', to: '2025-03-11', tz: 'Europe/Madrid' })).toEqual([made.texting]);
    expect(await only({ from: '2025-03-10', to: '2025-03-12' })).toEqual([made.party, made.texting]);
    expect(await only({ from: '2025-06-01' })).toEqual([made.calm, made.watcher, made.summer]);
    expect(await only({ to: '2025-06-01', kind: 'trigger' })).toEqual([made.party, made.texting]);
    expect((await listed(browser, { from: '2025-06-01' })).total).toBe(3);
  });

  it('pages with next_before until there is no more, the total on every page', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '2' };
      if (before) query.before = before;
      const page = await listed(browser, query);
      expect(page.total).toBe(5);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.entries));
      before = page.next_before;
      if (before) expect(before).toBe(page.entries.at(-1)!.occurred_at);
      pages += 1;
    } while (before && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([made.calm, made.watcher, made.summer, made.party, made.texting]);
    // A search pages the same way.
    const first = await listed(browser, { q: 'text', limit: '1' });
    expect(ids(first.entries)).toEqual([made.calm]);
    const second = await listed(browser, { q: 'text', limit: '1', before: first.next_before! });
    expect(second).toMatchObject({ next_before: null, total: 2 });
    expect(ids(second.entries)).toEqual([made.texting]);
  });

  it('never splits entries of one second across two pages', async () => {
    const other = await learner();
    const when = '2025-05-05T05:05:05Z';
    const same: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      same.push(randomUUID());
      expect((await put(other, same[i]!, reflection(`${i}`, { occurred_at: when }))).status).toBe(201);
    }
    const page = await listed(other, { limit: '2' });
    expect(ids(page.entries).sort()).toEqual([...same].sort());
    expect(page.next_before).toBeNull();
  });

  it('refuses bad parameters, naming each', async () => {
    const bad: Array<[string, string]> = [
      ['kind', 'dream'], ['sign', 'sadness'], ['state', 'calm'], ['tag', 'x'.repeat(41)], ['tag', '  '],
      ['from', '2025-02-30'], ['to', 'yesterday'], ['tz', 'Mars/Olympus_Mons'], ['before', 'last week'],
      ['limit', '0'], ['limit', '101'], ['limit', 'ten'], ['limit', '2.5'], ['q', 'x'.repeat(501)],
    ];
    for (const [name, value] of bad) {
      const res = await list(browser, { [name]: value });
      expect(res.status, `${name}=${value}`).toBe(400);
      expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual([name]);
    }
    const reversed = await list(browser, { from: '2025-03-12', to: '2025-03-11' });
    expect(reversed.status).toBe(400);
    expect(reversed.json.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    expect((await listed(browser, { limit: '100', q: '' })).total).toBe(5);
  });
});

describe('a damaged entry', () => {
  it('is 500 journal-entry-unreadable alone; the list names it apart and the rest still reads', async () => {
    const browser = await learner();
    const damaged = randomUUID();
    const copied = randomUUID();
    const fine = randomUUID();
    expect((await put(browser, damaged, trigger({ occurred_at: '2025-01-03T10:00:00Z' }))).status).toBe(201);
    expect((await put(browser, copied, reflection('copied over', { occurred_at: '2025-01-02T10:00:00Z' }))).status).toBe(201);
    expect((await put(browser, fine, reflection('still here', { occurred_at: '2025-01-01T10:00:00Z' }))).status).toBe(201);

    // One hex digit changed in the middle of one body; another row's body copied into a second.
    sql(
      `UPDATE journal_entries SET sealed_body = substr(sealed_body, 1, 99) || ` +
        `CASE substr(sealed_body, 100, 1) WHEN '0' THEN '1' ELSE '0' END || substr(sealed_body, 101) WHERE id = '${damaged}'`,
    );
    sql(`UPDATE journal_entries SET sealed_body = (SELECT sealed_body FROM journal_entries WHERE id = '${fine}') WHERE id = '${copied}'`);

    for (const id of [damaged, copied]) {
      const res = await get(browser, id);
      expect(res.status).toBe(500);
      expect(res.json.type).toBe(problem('journal-entry-unreadable'));
      expect(JSON.stringify(res.json)).not.toMatch(/Sam|copied/);
    }
    expect((await get(browser, fine)).json.reflection.text).toBe('still here');

    const page = await listed(browser);
    expect(ids(page.entries)).toEqual([fine]);
    expect(page.unreadable).toEqual([
      { id: damaged, kind: 'trigger', occurred_at: '2025-01-03T10:00:00Z', created_at: expect.any(String), updated_at: expect.any(String) },
      { id: copied, kind: 'reflection', occurred_at: '2025-01-02T10:00:00Z', created_at: expect.any(String), updated_at: expect.any(String) },
    ]);
    expect(page.total).toBe(3);
    // Kind and dates still name it; a search cannot know what it held.
    expect(ids((await listed(browser, { kind: 'trigger' })).unreadable)).toEqual([damaged]);
    expect(ids((await listed(browser, { from: '2025-01-03', to: '2025-01-03' })).unreadable)).toEqual([damaged]);
    const searched = await listed(browser, { q: 'still' });
    expect(searched).toMatchObject({ unreadable: [], total: 1 });

    // It can be written over with a new body, or deleted.
    expect((await put(browser, damaged, trigger())).status).toBe(200);
    expect((await get(browser, damaged)).status).toBe(200);
    expect((await del(browser, copied)).status).toBe(204);
    expect((await listed(browser)).unreadable).toEqual([]);

    // The log says which entry, never what was in it.
    const log = readFileSync(server.logFile, 'utf8');
    expect(log).toContain('journal_entry_unreadable');
    expect(log).toContain(damaged);
    expect(log).not.toContain('still here');
  });
});

describe('privacy at rest', () => {
  it('keeps no plaintext in the database, its files or the log', async () => {
    const browser = await learner();
    const phrase = `marmalade comets ${randomUUID().slice(0, 8)}`;
    const tag = `tag${randomUUID().slice(0, 6)}`;
    const id = randomUUID();
    expect((await put(browser, id, trigger({ tags: [tag] }, { situation: phrase, self_talk: phrase }))).status).toBe(201);
    expect((await listed(browser, { q: phrase })).total).toBe(1); // searched for, too

    const stored = sql(`SELECT kind || ' ' || sealed_body FROM journal_entries WHERE id = '${id}'`).trim();
    expect(stored).toMatch(/^trigger [0-9a-f]+$/);
    const body = Buffer.from(stored.split(' ')[1]!, 'hex');
    for (const secret of [phrase, tag, 'fear_of_abandonment', 'afraid']) {
      expect(body.includes(Buffer.from(secret)), secret).toBe(false);
      expect(stored.includes(Buffer.from(secret).toString('hex')), secret).toBe(false);
    }

    if (!postgres) {
      // SQLite in WAL mode: the write sits in the -wal file until a checkpoint; look at both, and
      // at the main file after a checkpoint.
      const files = ['securebase.db', 'securebase.db-wal'].map((f) => path.join(server.dataDir, f));
      const look = () => {
        let sawRow = false;
        for (const file of files) {
          if (!existsSync(file)) continue;
          const bytes = readFileSync(file);
          expect(bytes.includes(Buffer.from(phrase)), file).toBe(false);
          expect(bytes.includes(Buffer.from(tag)), file).toBe(false);
          if (bytes.includes(Buffer.from(id))) sawRow = true;
        }
        expect(sawRow, 'the entry is in the files looked at').toBe(true);
      };
      look();
      sql('PRAGMA wal_checkpoint(TRUNCATE);');
      look();
    }
    const log = readFileSync(server.logFile, 'utf8');
    expect(log).not.toContain(phrase);
    expect(log).not.toContain(tag);
  });
});
