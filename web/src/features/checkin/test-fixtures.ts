// Shapes the server sends, for the check-in's unit tests: two small questionnaires and
// check-in results built to order.
import type { Checkin, Plan, Questionnaire } from '../../api/checkins';

export const attachment: Questionnaire = {
  id: 'attachment',
  version: 1,
  title: 'How I am in close relationships',
  instructions: 'Choose how much each statement sounds like you these days.',
  kind: 'attachment',
  scale: {
    min: 1,
    max: 7,
    labels: [
      'Strongly disagree',
      'Disagree',
      'Slightly disagree',
      'Neither agree nor disagree',
      'Slightly agree',
      'Agree',
      'Strongly agree',
    ],
  },
  items: [
    { id: 'anx-01', text: 'When a message goes unanswered, I start to worry.', subscale: 'anxiety', reverse: false },
    { id: 'av-01', text: 'I like to sort things out on my own.', subscale: 'avoidance', reverse: false },
    { id: 'anx-02', text: 'I trust that people close to me will stay.', subscale: 'anxiety', reverse: true },
  ],
};

export const eightSigns: Questionnaire = {
  id: 'eight-signs',
  version: 1,
  title: 'The eight signs, these past two weeks',
  instructions: 'How often did each of these show up for you?',
  kind: 'signs',
  scale: { min: 0, max: 4, labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Almost always'] },
  items: [
    { id: 'fear_of_abandonment', text: 'Fearing that someone close would leave.', subscale: 'fear_of_abandonment', reverse: false },
    { id: 'rumination', text: 'Going over things again and again.', subscale: 'rumination', reverse: false },
  ],
};

export function attachmentResult(id: string, takenAt: string, anxiety: number, avoidance: number, extra: Partial<Checkin> = {}): Checkin {
  return {
    id,
    questionnaire_id: 'attachment',
    questionnaire_version: 1,
    taken_at: takenAt,
    scores: { anxiety, avoidance },
    region: anxiety >= 4 ? (avoidance >= 4 ? 'fearful' : 'anxious_preoccupied') : avoidance >= 4 ? 'avoidant_dismissing' : 'secure',
    change: null,
    ...extra,
  };
}

export function signsResult(id: string, takenAt: string, scores: Record<string, number>, extra: Partial<Checkin> = {}): Checkin {
  return {
    id,
    questionnaire_id: 'eight-signs',
    questionnaire_version: 1,
    taken_at: takenAt,
    scores,
    signs: Object.entries(scores).map(([sign, score]) => ({ id: sign, score })),
    change: null,
    ...extra,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return { signs: [], last_checkin_at: null, next_checkin_due: null, checkin_due: false, ...overrides };
}
