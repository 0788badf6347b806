// Guided practices (DESIGN.md §8, issue #7). The catalogue is public: no session needed.
//
//   GET /api/v1/practices        → {practices: Practice[]}
//   GET /api/v1/practices/{id}   → Practice; 404 `not-found` for an unknown id
//
// Recording sessions and the learner's stats come with a later slice of the issue.
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

export type PracticeKind = 'breathing' | 'steps' | 'timer';

export type PhaseName = 'in' | 'top-up' | 'hold' | 'out';

export interface BreathPhase {
  name: PhaseName;
  seconds: number;
}

/** Breaths per minute the learner may choose; one cycle of the phases then lasts 60/rate seconds. */
export interface BreathRate {
  default: number;
  min: number;
  max: number;
}

export interface BreathingPattern {
  /** One breath, in order; repeated for the whole practice. */
  phases: BreathPhase[];
  rate: BreathRate | null;
}

export interface PracticeStep {
  text: string;
  seconds: number;
}

export interface Practice {
  id: string;
  title: string;
  summary: string;
  kind: PracticeKind;
  /** Lengths offered, in minutes. */
  durations: number[];
  default_duration: number;
  /** Sanitised by the server; safe to insert as HTML. */
  instructions_html: string;
  breathing: BreathingPattern | null;
  steps: PracticeStep[];
  /** Sign ids (api/checkins.ts) the practice helps with. */
  signs: string[];
  /** An honest note on how well studied the practice is. */
  evidence: string;
}

const base = '/api/v1/practices';

export async function listPractices(client: ApiClient = defaultClient(), options: Options = {}) {
  const body = await client.get<{ practices: Practice[] }>(base, options);
  return body.practices;
}

export function getPractice(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Practice>(`${base}/${encodeURIComponent(id)}`, options);
}
