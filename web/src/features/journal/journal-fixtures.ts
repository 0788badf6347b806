// Entries and list answers for the journal's unit tests, as the server would send them.
import type { Entry, EntryList, UnreadableEntry } from '../../api/journal';

export const entryId = '0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47';

export function triggerEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: entryId,
    kind: 'trigger',
    occurred_at: '2026-11-28T21:40:00Z',
    created_at: '2026-11-28T21:52:13Z',
    updated_at: '2026-11-28T22:05:40Z',
    tags: ['evenings', 'texting'],
    trigger: {
      situation: 'Sam hadn’t replied for three hours.',
      self_talk: 'They are losing interest.',
      sensations: ['tight_chest', 'racing_heart'],
      body_note: 'Hot and jittery.',
      state: 'activated',
      emotions: [
        { name: 'afraid', intensity: 8 },
        { name: 'ashamed', intensity: 4 },
      ],
      signs: ['fear_of_abandonment', 'need_for_reassurance'],
      urges: ['check_phone', 'seek_reassurance'],
      urge_note: '',
      action: 'Put the phone in the other room and breathed for five minutes.',
      helped: ['paced_breathing', 'writing'],
      helped_note: '',
      intensity_before: 8,
      intensity_after: 4,
    },
    reflection: null,
    parts: null,
    ...overrides,
  };
}

export function partsEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: '5a0c8f4e-1d2b-4c3a-8e9f-0a1b2c3d4e5f',
    kind: 'parts',
    occurred_at: '2026-11-20T09:00:00Z',
    created_at: '2026-11-20T09:10:00Z',
    updated_at: '2026-11-20T09:10:00Z',
    tags: [],
    trigger: null,
    reflection: null,
    parts: { name: 'The watcher', fears: 'Being left.', protects: '', needs: 'Rest.' },
    ...overrides,
  };
}

export function unreadable(overrides: Partial<UnreadableEntry> = {}): UnreadableEntry {
  return {
    id: '9c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f',
    kind: 'reflection',
    occurred_at: '2026-11-25T18:00:00Z',
    created_at: '2026-11-25T18:00:00Z',
    updated_at: '2026-11-25T18:00:00Z',
    ...overrides,
  };
}

export function listAnswer(overrides: Partial<EntryList> = {}): EntryList {
  return { entries: [], unreadable: [], next_before: null, total: 0, ...overrides };
}

type AnyHandler = (request: import('../../api/fake-fetch').RecordedRequest) => Response | Promise<Response>;

/**
 * Routes for fakeApi where "{id}" in a key stands for any one path segment, such as
 * "PUT /api/v1/journal/entries/{id}" for an entry whose id the app makes up.
 */
export function withIds(routes: Record<string, AnyHandler>): Record<string, AnyHandler> {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = Object.entries(routes)
    .filter(([key]) => key.includes('{id}'))
    .map(([key, handler]) => [new RegExp(`^${key.split('{id}').map(escape).join('[^/]+')}$`), handler] as const);
  return new Proxy(routes, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      return patterns.find(([pattern]) => pattern.test(key))?.[1];
    },
  });
}
