// The journal (issue #8): trigger logs, reflections and parts notes, a signed-in learner's own.
// docs/api/journal.md is the contract; these types follow it field for field.
//
//   PUT    /api/v1/journal/entries/{id} EntryInput → 201 Entry (new) / 200 Entry (replaced);
//          400 `invalid-argument` with errors [{field: "trigger.emotions[1].intensity", …}];
//          409 `journal-kind-conflict` when the id is already an entry of another kind
//   GET    /api/v1/journal/entries/{id}  → Entry; 404 `not-found`;
//          500 `journal-entry-unreadable` when that one stored entry cannot be opened
//   DELETE /api/v1/journal/entries/{id}  → 204; 404 `not-found`. There is no undo.
//   GET    /api/v1/journal/entries?q=&kind=&sign=&state=&tag=&from=&to=&tz=&before=&limit=
//          → EntryList, newest occurred_at first
//   GET    /api/v1/journal/insights?tz=&weeks= → JournalInsights
//   GET    /api/v1/journal/export?format=json|markdown&tz= → a download (a plain link: exportUrl)
//
// Every route answers 401 without a session. Nothing here keeps or logs what an entry says.
// Stateless functions; safe to call from anywhere.
import type { ApiClient, RequestOptions } from './client';
import { newIdempotencyKey } from './checkins';
import { defaultClient } from './default-client';
import { problemType } from './problem';

export { signIds, type SignId } from './checkins';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1/journal';
const enc = encodeURIComponent;

export const journalKinds = ['trigger', 'reflection', 'parts'] as const;
export type JournalKind = (typeof journalKinds)[number];

/** The nervous-system states a trigger log may name; `null` in an entry means "not sure". */
export const nervousStates = ['settled', 'activated', 'shut_down'] as const;
export type NervousState = (typeof nervousStates)[number];

export const sensationIds = [
  'tight_chest',
  'racing_heart',
  'knotted_stomach',
  'shallow_breath',
  'hot_face',
  'tense_muscles',
  'lump_in_throat',
  'restless',
  'heavy_or_numb',
  'shaky',
] as const;
export type SensationId = (typeof sensationIds)[number];

export const urgeIds = ['seek_reassurance', 'check_phone', 'withdraw', 'protest', 'other'] as const;
export type UrgeId = (typeof urgeIds)[number];

export const helpedIds = [
  'paced_breathing',
  'grounding',
  'self_soothing',
  'self_compassion',
  'pausing',
  'reaching_out',
  'movement',
  'writing',
  'rest',
  'other',
] as const;
export type HelpedId = (typeof helpedIds)[number];

/** The parts of the day insights count by local hour: night 0–5, morning 6–11, … */
export const dayParts = ['night', 'morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof dayParts)[number];

/** The server's limits, in Unicode code points (docs/api/journal.md, "Limits"). */
export const journalLimits = {
  /** situation, self_talk, action, text, fears, protects, needs. */
  longText: 10_000,
  /** body_note, urge_note, helped_note and a part's name. */
  shortText: 1_000,
  tags: 20,
  tagLength: 40,
  emotions: 12,
  emotionName: 40,
  /** Intensities are whole numbers from 0 to this. */
  intensityMax: 10,
} as const;

export interface Emotion {
  /** 1–40 characters of the learner's own words. */
  name: string;
  /** 0–10. */
  intensity: number;
}

export interface TriggerLog {
  situation: string;
  self_talk: string;
  sensations: SensationId[];
  body_note: string;
  /** null: not sure. */
  state: NervousState | null;
  emotions: Emotion[];
  /** Sign ids (api/checkins.ts signIds). */
  signs: string[];
  urges: UrgeId[];
  urge_note: string;
  action: string;
  helped: HelpedId[];
  helped_note: string;
  /** Whole numbers 0–10, or null when not rated. */
  intensity_before: number | null;
  intensity_after: number | null;
}

export interface Reflection {
  text: string;
  /** Both "" or both the ids of the lesson prompt this answers. */
  lesson_id: string;
  prompt_id: string;
}

export interface PartsNote {
  /** The part's name: required, 1–1000 characters. */
  name: string;
  fears: string;
  protects: string;
  needs: string;
}

/** An entry as stored. Exactly one of trigger, reflection and parts is set: the one `kind` names. */
export interface Entry {
  /** A UUID, lower case. */
  id: string;
  kind: JournalKind;
  /** RFC 3339 UTC, whole seconds. */
  occurred_at: string;
  created_at: string;
  updated_at: string;
  /** Trimmed, lower case, without repeats, sorted. */
  tags: string[];
  trigger: TriggerLog | null;
  reflection: Reflection | null;
  parts: PartsNote | null;
}

/** What PUT sends: the body for `kind` only (the other two may be left out). */
export interface EntryInput {
  kind: JournalKind;
  /** RFC 3339; not before 1970, not more than 5 minutes ahead of the server's clock. */
  occurred_at: string;
  tags: string[];
  trigger?: TriggerLog | null;
  reflection?: Reflection | null;
  parts?: PartsNote | null;
}

/** An entry the server could not open: only what is stored in the clear. */
export interface UnreadableEntry {
  id: string;
  kind: JournalKind;
  occurred_at: string;
  created_at: string;
  updated_at: string;
}

export interface EntryList {
  /** Newest occurred_at first. */
  entries: Entry[];
  /** Listed whenever no filter but `kind` and dates is in use; otherwise empty. */
  unreadable: UnreadableEntry[];
  /** Pass as `before` for the next page; null on the last page. */
  next_before: string | null;
  /** Every entry the filters match, over all pages. */
  total: number;
}

export interface EntryFilters {
  /** Words to find; several words must all be found. */
  q?: string;
  kind?: JournalKind;
  /** A sign id: trigger logs that touched it. */
  sign?: string;
  state?: NervousState;
  tag?: string;
  /** Local dates YYYY-MM-DD, both included, in `tz`. */
  from?: string;
  to?: string;
  /** IANA zone for from/to (the server's default is UTC). */
  tz?: string;
  /** RFC 3339: the previous page's next_before. */
  before?: string;
  /** 1–100 (default 50). */
  limit?: number;
}

export type StateOrUnknown = NervousState | 'unknown';

export interface InsightWeek {
  /** The Monday that begins the week, YYYY-MM-DD, local. */
  week_start: string;
  count: number;
  states: Record<StateOrUnknown, number>;
  /** Sign id → trigger logs that week that named it. */
  signs: Record<string, number>;
}

export interface HelpedInsight {
  helped: HelpedId;
  count: number;
  /** Logs naming it that rated both intensities. */
  rated: number;
  /** Mean of before − after over the rated ones, one decimal; null until rated >= 2. */
  mean_drop: number | null;
}

/** Only trigger logs count; lists cover all time, `weeks` the last few weeks. */
export interface JournalInsights {
  /** Every trigger log that could be opened, over all time. */
  trigger_count: number;
  /** Below this many trigger logs, ready is false, the lists are empty and time_of_day counts 0. */
  minimum: number;
  ready: boolean;
  /** Oldest first, ending with the current week, empty weeks included. */
  weeks: InsightWeek[];
  /** Most first (ties in id order); only counts above 0. */
  signs: { sign: string; count: number }[];
  /** All four, most first (ties in id order). */
  states: { state: StateOrUnknown; count: number }[];
  urges: { urge: UrgeId; count: number }[];
  /** Highest mean_drop first, then nulls by count. */
  helped: HelpedInsight[];
  /** All four parts, always, in the order of dayParts. */
  time_of_day: { part: DayPart; count: number }[];
  /** Trigger logs left out because they could not be opened (0 usually). */
  unreadable: number;
}

/** The JSON download (exportUrl('json')): both lists oldest first. */
export interface JournalExport {
  exported_at: string;
  entries: Entry[];
  unreadable: UnreadableEntry[];
}

export type ExportFormat = 'json' | 'markdown';

/** A stored entry that could not be opened (GET one entry). */
export const journalEntryUnreadableType = problemType('journal-entry-unreadable');
/** PUT of another kind for an id that already is an entry. */
export const journalKindConflictType = problemType('journal-kind-conflict');

/** A new entry id: a random (version 4) UUID, made before the first save so a draft has it. */
export function newEntryId(random?: (bytes: Uint8Array) => Uint8Array): string {
  return newIdempotencyKey(random);
}

/** Creates or replaces the entry `id`; resolves to the entry as stored (200 or 201). */
export function saveEntry(id: string, input: EntryInput, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.put<Entry>(`${base}/entries/${enc(id)}`, input, options);
}

export function getEntry(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Entry>(`${base}/entries/${enc(id)}`, options);
}

/** Deletes the entry for good (204). */
export async function deleteEntry(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  await client.delete<void>(`${base}/entries/${enc(id)}`, options);
}

/** One page of entries matching `filters` (empty ones are left out of the query). */
export function listEntries(filters: EntryFilters = {}, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<EntryList>(`${base}/entries`, { ...options, query: compact(filters) });
}

/** Patterns across trigger logs: `weeks` (1–52, default 12) local weeks in `tz` (default UTC). */
export function getInsights(
  tz?: string,
  weeks?: number,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.get<JournalInsights>(`${base}/insights`, { ...options, query: { tz, weeks } });
}

/** Where to download the whole journal: a same-origin link (the browser saves the attachment). */
export function exportUrl(format: ExportFormat, tz?: string): string {
  const params = new URLSearchParams({ format });
  if (tz) params.set('tz', tz);
  return `${base}/export?${params.toString()}`;
}

function compact(filters: EntryFilters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters) as [string, string | number | undefined][]) {
    if (value === undefined || value === '') continue;
    query[key] = value;
  }
  return query;
}
