// Questionnaires, check-ins and the personal plan (DESIGN.md §8, issue #4).
//
//   GET  /api/v1/questionnaires        → {questionnaires: QuestionnaireSummary[]}   (anyone)
//   GET  /api/v1/questionnaires/{id}   → Questionnaire; 404 `not-found`           (anyone)
//   POST /api/v1/checkins {questionnaire_id, answers} + Idempotency-Key
//                                      → 201 Checkin; 400 with errors (missing, unknown or
//                                        out-of-range answers); 401 without a session
//   GET  /api/v1/checkins[?questionnaire=ID] → {checkins: Checkin[]}, newest first
//   GET  /api/v1/checkins/{id}         → Checkin; 404 when missing or someone else's
//   GET  /api/v1/plan                  → Plan
//
// Scores, regions and change are worked out by the server; the app only shows them.
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1';

export type QuestionnaireKind = string;

export interface QuestionnaireSummary {
  id: string;
  version: number | string;
  title: string;
  kind: QuestionnaireKind;
  item_count: number;
}

export interface Scale {
  min: number;
  max: number;
  /** One label per point from min to max (the server may send only the ends). */
  labels: string[];
}

export interface Item {
  /** Stable across versions: answers are keyed by it. */
  id: string;
  text: string;
  subscale: string;
  reverse: boolean;
}

export interface Questionnaire {
  id: string;
  version: number | string;
  title: string;
  instructions: string;
  kind: QuestionnaireKind;
  scale: Scale;
  items: Item[];
}

/** Where a point falls on the attachment plane (attachment questionnaire only). */
export type Region = 'secure' | 'anxious_preoccupied' | 'avoidant_dismissing' | 'fearful';

export const signIds = [
  'fear_of_abandonment',
  'need_for_reassurance',
  'sensitivity_to_changes',
  'jealousy_insecurity',
  'emotional_regulation',
  'clinging',
  'fear_of_being_alone',
  'rumination',
] as const;

export type SignId = (typeof signIds)[number];

export interface SignScore {
  id: string;
  /** 0 (never) to 4 (almost always) over the past two weeks. */
  score: number;
}

export interface SubscaleChange {
  /** This result minus the one before. */
  difference: number;
  /** Reliable change index; null when the questionnaire gives no SD and reliability. */
  rci: number | null;
  /** Whether the change is beyond measurement noise; null when that cannot be said. */
  reliable: boolean | null;
}

export interface Checkin {
  id: string;
  questionnaire_id: string;
  questionnaire_version: number | string;
  /** RFC 3339 UTC. */
  taken_at: string;
  /** Mean per subscale, e.g. {anxiety: 4.25, avoidance: 2.5}. */
  scores: Record<string, number>;
  region?: Region | null;
  signs?: SignScore[] | null;
  /** Against the learner's previous result of the same questionnaire; null for the first. */
  change: Record<string, SubscaleChange> | null;
}

export interface Submission {
  questionnaire_id: string;
  answers: Record<string, number>;
}

export interface PlanLesson {
  id: string;
  title: string;
  course_id: string;
}

export interface PlanPractice {
  id: string;
  title: string;
}

export interface PlanSign {
  id: string;
  /** 0–4 from the latest eight-signs result; null before there is one. */
  score: number | null;
  lessons: PlanLesson[];
  practices: PlanPractice[];
}

export interface Plan {
  /** Ranked by the latest sign scores, strongest first. */
  signs: PlanSign[];
  last_checkin_at: string | null;
  next_checkin_due: string | null;
  checkin_due: boolean;
  /** Days between check-ins that the site suggests. */
  cadence_days?: number;
}

export function listQuestionnaires(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<{ questionnaires: QuestionnaireSummary[] }>(`${base}/questionnaires`, options);
}

export function getQuestionnaire(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Questionnaire>(`${base}/questionnaires/${encodeURIComponent(id)}`, options);
}

/**
 * Sends one set of answers. `idempotencyKey` is made once per attempt and sent again unchanged
 * when retrying after a network failure, so a retry never stores a second result.
 */
export function submitCheckin(
  submission: Submission,
  idempotencyKey: string,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<Checkin>(`${base}/checkins`, submission, {
    ...options,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The learner's own check-ins, newest first; only one questionnaire's when given. */
export function listCheckins(
  questionnaire?: string,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.get<{ checkins: Checkin[] }>(`${base}/checkins`, { ...options, query: { questionnaire } });
}

export function getCheckin(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Checkin>(`${base}/checkins/${encodeURIComponent(id)}`, options);
}

export function getPlan(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Plan>(`${base}/plan`, options);
}

/**
 * A random (version 4) UUID for an Idempotency-Key. crypto.randomUUID exists only in secure
 * contexts; getRandomValues works everywhere, including a practice's plain-HTTP test install.
 */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
