// Sharing with the practitioner through the real binary (docs/api/sharing.md), on a server of its
// own with its own practitioner: the sharing matrix — each kind alone, then all, with one chosen
// journal entry — as the practitioner's client page shows it before sharing, while shared and
// after revoking; one audit row for each of her reads, and the learner's changes on record; the
// audit log's filters and pages; bad input refused with the field named; a client who only booked;
// and nobody else able to read or write any of it. Runs on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../../web/src/api/client';
import { newIdempotencyKey, submitCheckin } from '../../web/src/api/checkins';
import { getAudit, getClient, listClients, type AuditEntry, type AuditFilters, type ClientDetail } from '../../web/src/api/console-clients';
import { getCourse, listCourses, saveProgress } from '../../web/src/api/course';
import { deleteEntry, newEntryId, saveEntry, type EntryInput } from '../../web/src/api/journal';
import { newPracticeSessionId, recordPracticeSession } from '../../web/src/api/practice-sessions';
import * as sharesApi from '../../web/src/api/shares';
import type { Share, ShareInput } from '../../web/src/api/shares';
import { bookFreeSlot, openForBooking } from './support/booking-setup';
import { newBrowser } from './support/browser';
import { runCli } from './support/cli';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner, type Practitioner } from './support/practitioner';
import { mailEnv, startServer, type RunningServer } from './support/server';

type Kinds = Share;

const getShares = (c: ApiClient) => sharesApi.getShares(c);
/** Bodies as sent, right or wrong: the bad-input tests send shapes the type would not allow. */
const putShare = (c: ApiClient, body: unknown) => sharesApi.putShare(body as ShareInput, c);
const revoke = (c: ApiClient, practitioner?: string) => sharesApi.deleteShares(practitioner, c);
const clients = (c: ApiClient) => listClients(c);
const client = (c: ApiClient, id: string) => getClient(id, c);
/** A page of the audit log; filters as strings, as a browser would send them. */
const audit = (c: ApiClient, filters: Record<string, string | number> = {}) => getAudit(filters as AuditFilters, c);

let server: RunningServer;
let her: Practitioner;
let herId: string;
let sam: Learner;
let samId: string;
let kim: Learner;
const entries: string[] = [];
let checkinId: string;
const privateWords = 'the lighthouse keeper at dusk';
const sharedWords = 'the harbour wall in morning light';

const none = { checkins: false, practice: false, course: false, journal_entries: [] as string[] };

function reflection(text: string): EntryInput {
  return { kind: 'reflection', occurred_at: new Date().toISOString(), tags: [], reflection: { text, lesson_id: '', prompt_id: '' } };
}

/** Her view of Sam: the page, or the refusal's status. */
async function herView(): Promise<ClientDetail | number> {
  try {
    return await client(her.client, samId);
  } catch (e) {
    return (await failure(Promise.reject(e))).status;
  }
}

async function herReadsOf(subject: string): Promise<AuditEntry[]> {
  return (await audit(her.client, { subject, action: 'shared.read', limit: 200 })).entries;
}

beforeAll(async () => {
  server = await startServer({ ownDatabase: 'sharing', env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  her = await setUpPractitioner(server);
  [sam, kim] = await Promise.all([
    verifiedLearner({ baseUrl: server.baseUrl }),
    verifiedLearner({ baseUrl: server.baseUrl }),
  ]);
  herId = (await her.client.get<{ id: string }>('/api/v1/me')).id;
  samId = (await sam.browser.client.get<{ id: string }>('/api/v1/me')).id;

  // Sam's records: a check-in, a practice, a lesson done, two journal entries.
  const c = sam.browser.client;
  const answers: Record<string, number> = {};
  const q = await c.get<{ items: { id: string }[] }>('/api/v1/questionnaires/attachment');
  for (const item of q.items) answers[item.id] = 4;
  checkinId = (await submitCheckin({ questionnaire_id: 'attachment', answers }, newIdempotencyKey(), c)).id;
  await recordPracticeSession(
    {
      id: newPracticeSessionId(),
      practice_id: 'resonance-breathing',
      started_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      duration_seconds: 300,
      distress_before: 6,
      distress_after: 3,
    },
    c,
  );
  const course = (await listCourses(c))[0]!;
  const outline = await getCourse(course.id, c);
  await saveProgress(outline.modules[0]!.lessons[0]!.id, { completed: true }, c);
  for (const text of [privateWords, sharedWords]) {
    const id = newEntryId();
    await saveEntry(
      id,
      reflection(text),
      c,
    );
    entries.push(id);
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the sharing matrix', () => {
  it('shows her nothing before Sam shares, and Sam shares nothing at first', async () => {
    expect(await herView()).toBe(404);
    expect((await clients(her.client)).clients).toEqual([]);
    const mine = await getShares(sam.browser.client);
    expect(mine.practitioners).toEqual([
      { practitioner: { id: herId, name: 'Dr Quinn' }, share: none, updated_at: null },
    ]);
  });

  const alone: [keyof Omit<Kinds, 'journal_entries'> | 'journal_entries', Partial<Kinds>][] = [
    ['checkins', { checkins: true }],
    ['practice', { practice: true }],
    ['course', { course: true }],
    ['journal_entries', {}],
  ];
  for (const [kind, kinds] of alone) {
    it(`shows her ${kind} alone while only that is shared`, async () => {
      const chosen = { ...none, ...kinds, journal_entries: kind === 'journal_entries' ? [entries[1]!] : [] };
      const saved = await putShare(sam.browser.client, { practitioner_id: herId, ...chosen });
      expect(saved.share).toEqual(chosen);
      const before = (await herReadsOf(samId)).length;
      const page = await herView();
      if (typeof page === 'number') throw new Error(`her view answered ${page}`);
      expect(page.client).toMatchObject({ id: samId, email: sam.email });
      expect(page.shared_since).toBe(saved.updated_at);
      expect(page.shared.checkins !== null).toBe(kind === 'checkins');
      expect(page.shared.practice !== null).toBe(kind === 'practice');
      expect(page.shared.course !== null).toBe(kind === 'course');
      expect(page.shared.journal_entries.map((e) => e.id)).toEqual(kind === 'journal_entries' ? [entries[1]] : []);
      if (kind === 'checkins') expect(page.shared.checkins!.checkins.map((x) => x.id)).toEqual([checkinId]);
      if (kind === 'practice') expect(page.shared.practice!.totals.sessions).toBe(1);
      if (kind === 'course') expect(page.shared.course!.courses.length).toBeGreaterThan(0);
      // Her one read is one row, naming what it showed.
      const after = await herReadsOf(samId);
      expect(after.length).toBe(before + 1);
      expect(after[0]).toMatchObject({
        action: 'shared.read',
        actor: { id: herId, name: 'Dr Quinn' },
        subject: { id: samId },
        detail: kind === 'journal_entries' ? 'journal_entries:1' : kind,
      });
    });
  }

  it('shows her everything shared, and of the journal only the chosen entry', async () => {
    const all = { checkins: true, practice: true, course: true, journal_entries: [entries[1]!] };
    await putShare(sam.browser.client, { practitioner_id: herId, ...all });
    const page = await herView();
    if (typeof page === 'number') throw new Error(`her view answered ${page}`);
    expect(page.shared.checkins).not.toBeNull();
    expect(page.shared.practice).not.toBeNull();
    expect(page.shared.course).not.toBeNull();
    expect(page.shared.journal_entries).toHaveLength(1);
    expect(page.shared.journal_entries[0]!.reflection!.text).toBe(sharedWords);
    expect(JSON.stringify(page)).not.toContain(privateWords);
    expect((await herReadsOf(samId))[0]!.detail).toBe('checkins, practice, course, journal_entries:1');

    const list = (await clients(her.client)).clients;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: samId,
      shares: { checkins: true, practice: true, course: true, journal_entries: 1 },
      sessions: { upcoming: 0, past: 0, next_start: null },
    });
  });

  it('shows Sam each time she looked, with what it showed, and Kim none of it', async () => {
    const { reads } = await sharesApi.getShareReads(100, sam.browser.client);
    const hers = await herReadsOf(samId);
    expect(reads.map((r) => r.id)).toEqual(hers.map((r) => r.id));
    expect(reads[0]).toMatchObject({
      practitioner: { id: herId, name: 'Dr Quinn' },
      detail: 'checkins, practice, course, journal_entries:1',
    });
    expect((await sharesApi.getShareReads(undefined, kim.browser.client)).reads).toEqual([]);
    // Page by page, every look, none twice.
    const paged: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const got = await sharesApi.getShareReads(2, sam.browser.client, {}, before);
      paged.push(...got.reads.map((r) => r.id));
      if (!got.next) break;
      before = got.next;
    }
    expect(paged).toEqual(reads.map((r) => r.id));
    expect((await failure(sharesApi.getShareReads(0, sam.browser.client))).status).toBe(400);
    expect((await failure(sharesApi.getShareReads(undefined, newBrowser(server.baseUrl).client))).status).toBe(401);
  });

  it('drops a shared entry Sam deletes', async () => {
    const extra = newEntryId();
    await saveEntry(
      extra,
      reflection('soon gone'),
      sam.browser.client,
    );
    await putShare(sam.browser.client, { practitioner_id: herId, ...none, journal_entries: [entries[1]!, extra] });
    await deleteEntry(extra, sam.browser.client);
    const page = await herView();
    if (typeof page === 'number') throw new Error(`her view answered ${page}`);
    expect(page.shared.journal_entries.map((e) => e.id)).toEqual([entries[1]]);
    expect((await getShares(sam.browser.client)).practitioners[0]!.share.journal_entries).toEqual([entries[1]]);
  });

  it('shows her nothing once Sam stops sharing, and the log says so', async () => {
    await revoke(sam.browser.client, herId);
    expect(await herView()).toBe(404);
    expect((await clients(her.client)).clients).toEqual([]);
    expect((await getShares(sam.browser.client)).practitioners[0]).toMatchObject({ share: none, updated_at: null });
    const changes = (await audit(her.client, { actor: samId })).entries;
    expect(changes[0]).toMatchObject({ action: 'sharing.revoked', subject: { id: herId } });
    expect(changes.filter((e) => e.action === 'sharing.changed').length).toBeGreaterThanOrEqual(6);
    // Stopping again changes nothing and writes nothing.
    await revoke(sam.browser.client);
    expect((await audit(her.client, { actor: samId })).entries.length).toBe(changes.length);
  });

  it('refuses an empty practitioner id rather than stopping every share', async () => {
    await putShare(sam.browser.client, { practitioner_id: herId, ...none, checkins: true });
    const refused = await failure(sam.browser.client.delete('/api/v1/shares?practitioner_id='));
    expect(refused.status).toBe(400);
    expect(refused.problem.errors?.map((e) => e.field)).toEqual(['practitioner_id']);
    expect((await getShares(sam.browser.client)).practitioners[0]!.share.checkins).toBe(true);
    await revoke(sam.browser.client);
  });

  it('keeps a share with every switch off out of her sight', async () => {
    await putShare(sam.browser.client, { practitioner_id: herId, ...none });
    expect(await herView()).toBe(404);
    await revoke(sam.browser.client);
  });
});

describe('nobody else', () => {
  it('can read her console or Sam’s shares', async () => {
    const anonymous = newBrowser(server.baseUrl).client;
    for (const call of [
      () => clients(kim.browser.client),
      () => client(kim.browser.client, samId),
      () => audit(kim.browser.client),
    ]) {
      expect((await failure(call())).status).toBe(403);
    }
    for (const call of [
      () => clients(anonymous),
      () => client(anonymous, samId),
      () => audit(anonymous),
      () => getShares(anonymous),
      () => putShare(anonymous, { practitioner_id: herId, ...none }),
      () => revoke(anonymous),
    ]) {
      expect((await failure(call())).status).toBe(401);
    }
  });

  it('can share another learner’s entry, or share with someone who is not a practitioner', async () => {
    const theirs = await failure(putShare(kim.browser.client, { practitioner_id: herId, ...none, journal_entries: [entries[1]] }));
    expect(theirs.status).toBe(400);
    expect(theirs.problem.errors?.map((e) => e.field)).toEqual(['journal_entries']);
    const notHer = await failure(putShare(kim.browser.client, { practitioner_id: samId, ...none }));
    expect(notHer.status).toBe(400);
    expect(notHer.problem.errors?.map((e) => e.field)).toEqual(['practitioner_id']);
    expect(await herView()).toBe(404);
  });
});

describe('bad input', () => {
  const cases: [string, unknown, string][] = [
    ['a missing switch', { practitioner_id: 'x', checkins: true, practice: false, journal_entries: [] }, 'course'],
    ['a switch of the wrong type', { practitioner_id: 'x', checkins: 'yes', practice: false, course: false, journal_entries: [] }, 'checkins'],
    ['entries that are not a list', { practitioner_id: 'x', checkins: false, practice: false, course: false, journal_entries: 'all' }, 'journal_entries'],
    ['no entries field', { practitioner_id: 'x', checkins: false, practice: false, course: false }, 'journal_entries'],
    ['an unknown field', { practitioner_id: 'x', checkins: false, practice: false, course: false, journal_entries: [], notes: true }, 'notes'],
    ['no practitioner', { checkins: false, practice: false, course: false, journal_entries: [] }, 'practitioner_id'],
  ];
  for (const [name, body, field] of cases) {
    it(`refuses ${name}, naming ${field}`, async () => {
      const refused = await failure(putShare(sam.browser.client, body));
      expect(refused.status).toBe(400);
      expect(refused.problem.errors?.map((e) => e.field)).toContain(field);
    });
  }

  it('refuses the same entry twice and more than 200', async () => {
    const twice = await failure(putShare(sam.browser.client, { practitioner_id: herId, ...none, journal_entries: [entries[0], entries[0]] }));
    expect(twice.problem.errors?.[0]?.field).toBe('journal_entries');
    const many = Array.from({ length: 201 }, () => newEntryId());
    const tooMany = await failure(putShare(sam.browser.client, { practitioner_id: herId, ...none, journal_entries: many }));
    expect(tooMany.problem.errors?.[0]?.message).toMatch(/200/);
    expect(await herView()).toBe(404);
  });

  it('refuses bad audit filters, naming each', async () => {
    const refused = await failure(
      audit(her.client, { action: 'peeked', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', limit: 0, before: 'zz' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.problem.errors?.map((e) => e.field).sort()).toEqual(['action', 'before', 'limit', 'to']);
    const unreadable = await failure(audit(her.client, { from: 'yesterday' }));
    expect(unreadable.problem.errors?.map((e) => e.field)).toEqual(['from']);
  });
});

describe('the audit log', () => {
  it('pages newest first without skipping or repeating, and lists its actions', async () => {
    const whole = await audit(her.client, { limit: 200 });
    expect(whole.actions).toContain('shared.read');
    expect(whole.actions).toContain('sharing.revoked');
    const seen: string[] = [];
    let before = '';
    for (let page = 0; page < 100; page += 1) {
      const got = await audit(her.client, before ? { limit: 3, before } : { limit: 3 });
      seen.push(...got.entries.map((e) => e.id));
      if (!got.next) break;
      before = got.next;
    }
    expect(seen).toEqual(whole.entries.map((e) => e.id));
    const times = whole.entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('narrows by time', async () => {
    const future = await audit(her.client, { from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.entries).toEqual([]);
    const past = await audit(her.client, { to: new Date(Date.now() + 60_000).toISOString(), limit: 1 });
    expect(past.entries).toHaveLength(1);
  });
});

describe('a client who only booked', () => {
  it('is her client, with sessions and nothing shared; her read is on record', async () => {
    const booked = await bookFreeSlot(kim, await openForBooking(her.client));
    const kimId = (await kim.browser.client.get<{ id: string }>('/api/v1/me')).id;
    const list = (await clients(her.client)).clients;
    expect(list).toEqual([
      expect.objectContaining({
        id: kimId,
        shares: { checkins: false, practice: false, course: false, journal_entries: 0 },
        sessions: { upcoming: 1, past: 0, next_start: booked.start },
      }),
    ]);
    const page = await client(her.client, kimId);
    expect(page.sessions.map((s) => s.id)).toEqual([booked.id]);
    expect(page.shared).toEqual({ checkins: null, practice: null, course: null, journal_entries: [] });
    expect(page.shared_since).toBeNull();
    expect((await herReadsOf(kimId))[0]!.detail).toBe('nothing shared');
  });
});

describe('the audit log on disk', () => {
  it('verifies: every row as written, none missing (securebase audit verify)', async () => {
    const rows = (await audit(her.client, { limit: 200 })).entries.length;
    const flags = ['--data-dir', server.dataDir, ...(server.database ? ['--database', server.database] : [])];
    const run = await runCli(['audit', 'verify', ...flags]);
    expect(run.stderr).not.toContain(sam.email);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`The audit log is intact: ${rows} rows.`);
    expect(run.stdout).toMatch(/Last hash: [0-9a-f]{64}/);
    // The row it names, noted and given back later, is checked too.
    const mark = /--expect (\d+:[0-9a-f]{64})/.exec(run.stdout)?.[1];
    expect(mark, run.stdout).toBeDefined();
    expect((await runCli(['audit', 'verify', '--expect', mark!, ...flags])).status).toBe(0);
    const forged = mark!.replace(/:./, (m) => (m === ':0' ? ':1' : ':0'));
    const altered = await runCli(['audit', 'verify', '--expect', forged, ...flags]);
    expect(altered.status).toBe(1);
    expect(altered.stdout).toContain('is not the row you noted');
    expect((await runCli(['audit', 'verify', '--expect', 'yesterday', ...flags])).status).toBe(2);
  });
});

describe('the server log', () => {
  it('holds none of what was shared', async () => {
    const logged = readFileSync(server.logFile, 'utf8');
    expect(logged).toContain("/api/v1/console/clients/{id}"); // her reads are logged, by route only
    for (const secret of [sharedWords, privateWords, sam.email, kim.email]) expect(logged).not.toContain(secret);
  });
});
