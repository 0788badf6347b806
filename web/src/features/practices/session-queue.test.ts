import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import { fakeFetch, jsonResponse } from '../../api/fake-fetch';
import { problem } from '../../test/fake-api';
import { sendWith } from './practice-queue-sync';
import { createSessionQueue } from './session-queue';
import { maxAgeMs, readQueue, storageKey } from './session-queue-store';
import { sessionBody } from './session-fixtures';

/** A server whose answers the test hands out one by one, so a send can be held in flight. */
function heldServer() {
  const waiting: ((response: Response) => void)[] = [];
  const { fetch, requests } = fakeFetch(
    () =>
      new Promise<Response>((resolve) => {
        waiting.push(resolve);
      }),
  );
  const client = createClient({ fetch, csrfToken: () => 'csrf-test' });
  const answer = async (response: Response) => {
    await until(() => waiting.length > 0);
    waiting.shift()!(response);
  };
  return { send: sendWith(client), requests, answer, pending: () => waiting.length };
}

function answering(respond: () => Response | Promise<Response>) {
  const { fetch, requests } = fakeFetch(respond);
  const client = createClient({ fetch, csrfToken: () => 'csrf-test' });
  return { send: sendWith(client), requests };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}

const sentIds = (requests: { init: RequestInit }[]) =>
  requests.map((r) => (JSON.parse(r.init.body as string) as { id: string }).id);

beforeEach(() => {
  localStorage.clear();
});

describe('the offline practice queue', () => {
  it('sends a session once and lets it go when the server has it (201, and 200 for a repeat)', async () => {
    const queue = createSessionQueue();
    const first = sessionBody();
    const second = sessionBody();
    queue.add(first, 'u1');
    queue.add(second, 'u1');
    let n = 0;
    const server = answering(() => jsonResponse((n += 1) === 1 ? 201 : 200, { ...first, recorded_at: 'x' }));
    await queue.flush(server.send, 'u1');
    expect(sentIds(server.requests)).toEqual([first.id, second.id]);
    expect(server.requests[0]!.url).toBe('/api/v1/practice-sessions');
    expect(server.requests[0]!.init.method).toBe('POST');
    expect(JSON.parse(server.requests[0]!.init.body as string)).toEqual(first);
    expect(queue.status(first.id)).toEqual({ state: 'recorded' });
    expect(queue.status(second.id)).toEqual({ state: 'recorded' });
    expect(queue.waiting('u1')).toBe(0);
    // Nothing is left behind in the browser.
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('never starts a second send of a session while the first is in flight', async () => {
    const queue = createSessionQueue();
    const body = sessionBody();
    queue.add(body, 'u1');
    const server = heldServer();
    const one = queue.flush(server.send, 'u1');
    const two = queue.flush(server.send, 'u1');
    const three = queue.flush(server.send, 'u1');
    await until(() => server.pending() === 1);
    expect(queue.status(body.id)).toEqual({ state: 'sending' });
    await server.answer(jsonResponse(201, {}));
    await Promise.all([one, two, three]);
    expect(sentIds(server.requests)).toEqual([body.id]);
    expect(queue.waiting('u1')).toBe(0);
  });

  it('keeps a session when there is no connection, and sends it on the next round', async () => {
    const queue = createSessionQueue();
    const first = sessionBody();
    const second = sessionBody();
    queue.add(first, 'u1');
    queue.add(second, 'u1');
    const offline = answering(() => {
      throw new TypeError('Failed to fetch');
    });
    await queue.flush(offline.send, 'u1');
    // The round stops at the first failure: the second would meet the same.
    expect(sentIds(offline.requests)).toEqual([first.id]);
    expect(queue.status(first.id)).toEqual({ state: 'waiting', reason: 'offline' });
    expect(queue.waiting('u1')).toBe(2);

    // A new page (or a restart) still has both.
    const later = createSessionQueue();
    const online = answering(() => jsonResponse(201, {}));
    await later.flush(online.send, 'u1');
    expect(sentIds(online.requests)).toEqual([first.id, second.id]);
    expect(later.waiting('u1')).toBe(0);
  });

  it('keeps a session on 401 (logged out by time) and on a server in trouble', async () => {
    const queue = createSessionQueue();
    const body = sessionBody();
    queue.add(body, 'u1');
    await queue.flush(answering(() => problem(401, 'unauthenticated')).send, 'u1');
    expect(queue.status(body.id)).toEqual({ state: 'waiting', reason: 'signed-out' });
    await queue.flush(answering(() => problem(503, 'unavailable')).send, 'u1');
    expect(queue.status(body.id)).toEqual({ state: 'waiting', reason: 'unavailable' });
    expect(queue.waiting('u1')).toBe(1);
    expect(queue.refused()).toBe(0);
  });

  it('lets go of sessions the server refuses (409, 422, 400), counts them, and carries on', async () => {
    const queue = createSessionQueue();
    const clash = sessionBody();
    const invalid = sessionBody({ practice_id: 'gone' });
    const malformed = sessionBody();
    const fine = sessionBody();
    for (const body of [clash, invalid, malformed, fine]) queue.add(body, 'u1');
    const answers = [problem(409, 'conflict'), problem(422, 'invalid'), problem(400, 'bad-request'), jsonResponse(201, {})];
    const server = answering(() => answers.shift()!);
    await queue.flush(server.send, 'u1');
    expect(sentIds(server.requests)).toEqual([clash.id, invalid.id, malformed.id, fine.id]);
    expect(queue.status(clash.id)).toEqual({ state: 'refused' });
    expect(queue.status(invalid.id)).toEqual({ state: 'refused' });
    expect(queue.waiting('u1')).toBe(0);
    expect(queue.refused()).toBe(3);
    queue.dismissRefused();
    expect(queue.refused()).toBe(0);
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('sends only what the signed-in person may: their own sessions and those with no owner', async () => {
    const queue = createSessionQueue();
    const mine = sessionBody();
    const unowned = sessionBody();
    const theirs = sessionBody();
    queue.add(mine, 'u1');
    queue.add(unowned, null);
    queue.add(theirs, 'u2');
    expect(queue.waiting('u1')).toBe(2);
    const server = answering(() => jsonResponse(201, {}));
    await queue.flush(server.send, 'u1');
    expect(sentIds(server.requests)).toEqual([mine.id, unowned.id]);
    expect(queue.waiting('u2')).toBe(1);
  });

  it('is emptied by clear (an explicit log-out), even with a send in flight', async () => {
    const queue = createSessionQueue();
    const body = sessionBody();
    const other = sessionBody();
    queue.add(body, 'u1');
    queue.add(other, 'u1');
    const server = heldServer();
    const round = queue.flush(server.send, 'u1');
    await until(() => server.pending() === 1);
    queue.clear();
    expect(localStorage.getItem(storageKey)).toBeNull();
    await server.answer(problem(422, 'invalid'));
    await round;
    // The refusal of a session already let go is not counted, and nothing comes back.
    expect(queue.refused()).toBe(0);
    expect(queue.waiting('u1')).toBe(0);
    expect(sentIds(server.requests)).toEqual([body.id]);
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('lets go of sessions that could not be sent in 30 days, and ignores damaged storage', () => {
    let now = 1_000_000_000_000;
    const queue = createSessionQueue(() => now);
    queue.add(sessionBody(), 'u1');
    now += maxAgeMs + 1;
    expect(queue.waiting('u1')).toBe(0);
    expect(readQueue(now).items).toEqual([]);

    localStorage.setItem(storageKey, '{not json');
    expect(queue.waiting('u1')).toBe(0);
    localStorage.setItem(storageKey, JSON.stringify({ items: [{ owner: 'u1' }, 7], refused: 'many' }));
    expect(readQueue()).toEqual({ items: [], refused: 0 });
  });

  it('tells its listeners about every change', async () => {
    const queue = createSessionQueue();
    let calls = 0;
    const stop = queue.subscribe(() => {
      calls += 1;
    });
    queue.add(sessionBody(), 'u1');
    expect(calls).toBe(1);
    await queue.flush(answering(() => jsonResponse(201, {})).send, 'u1');
    expect(calls).toBe(3); // sending, then sent
    stop();
    queue.add(sessionBody(), 'u1');
    expect(calls).toBe(3);
  });
});
