// How each questionnaire behaves with the site's own learners, for the practitioner (issue #10):
//
//   GET /api/v1/console/psychometrics → Psychometrics
//
// Per subscale: n (people whose latest check-in answers all its items), and from
// `minimum_people` on, the mean and SD of their scores and Cronbach's alpha (null for one item
// or answers that never vary), with a sentence on what alpha says. docs/api/checkins.md is the
// contract. 401 without a session, 403 for anyone but the practitioner after two-factor.
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

type Options = Pick<RequestOptions, 'signal'>;

export interface SubscalePsychometrics {
  id: string;
  title: string;
  items: number;
  n: number;
  mean: number | null;
  sd: number | null;
  alpha: number | null;
  meaning: string;
}

export interface QuestionnairePsychometrics {
  id: string;
  version: number;
  title: string;
  kind: string;
  /** Learners with at least one check-in of it. */
  people: number;
  subscales: SubscalePsychometrics[];
}

export interface Psychometrics {
  minimum_people: number;
  questionnaires: QuestionnairePsychometrics[];
}

export function getPsychometrics(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Psychometrics>('/api/v1/console/psychometrics', options);
}
