// The session-type form as she edits it, and the body the API takes (docs/api/scheduling.md,
// "Session types"). Numbers stay as typed until saving, so nothing she entered is changed under
// her; the minimum notice is written in the unit she thinks in (minutes, hours or days) and sent
// in minutes. Intake questions keep the id their answers are stored under; a new question gets
// one made from its words, unique within the type, so she never has to invent one.
import {
  sessionTypeLimits,
  type IntakeQuestion,
  type SessionType,
  type SessionTypeInput,
} from '../../api/console-scheduling';
import type { FieldError } from '../../api/problem';
import type { FieldRef } from './field-errors';

export const noticeUnits = ['minutes', 'hours', 'days'] as const;
export type NoticeUnit = (typeof noticeUnits)[number];
const unitMinutes: Record<NoticeUnit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface QuestionRow {
  key: string;
  /** The stored id; "" for a question not saved yet. */
  id: string;
  question: string;
  required: boolean;
}

export interface SessionTypeForm {
  name: string;
  description: string;
  duration: string;
  bufferBefore: string;
  bufferAfter: string;
  notice: string;
  noticeUnit: NoticeUnit;
  horizon: string;
  step: string;
  price: string;
  newClients: boolean;
  active: boolean;
  intake: QuestionRow[];
}

export const typeIds = {
  name: 'type-name',
  description: 'type-description',
  duration: 'type-duration',
  bufferBefore: 'type-buffer-before',
  bufferAfter: 'type-buffer-after',
  notice: 'type-notice',
  noticeUnit: 'type-notice-unit',
  horizon: 'type-horizon',
  step: 'type-step',
  price: 'type-price',
  newClients: 'type-new-clients',
  intake: 'type-intake',
  question: (key: string) => `question-${key}-text`,
  required: (key: string) => `question-${key}-required`,
};

let counter = 0;
export function newQuestionKey(): string {
  counter += 1;
  return `q${counter}`;
}

/** The largest unit that says `minutes` exactly: 1440 → 1 day, 90 → 90 minutes. */
export function noticeInUnits(minutes: number): { amount: string; unit: NoticeUnit } {
  if (minutes > 0 && minutes % unitMinutes.days === 0) return { amount: String(minutes / unitMinutes.days), unit: 'days' };
  if (minutes > 0 && minutes % unitMinutes.hours === 0) return { amount: String(minutes / unitMinutes.hours), unit: 'hours' };
  return { amount: String(minutes), unit: minutes === 0 ? 'hours' : 'minutes' };
}

export function emptyTypeForm(): SessionTypeForm {
  return {
    name: '',
    description: '',
    duration: '50',
    bufferBefore: '0',
    bufferAfter: '10',
    notice: '24',
    noticeUnit: 'hours',
    horizon: '60',
    step: '30',
    price: '',
    newClients: true,
    active: true,
    intake: [],
  };
}

export function formFromType(type: SessionType): SessionTypeForm {
  const notice = noticeInUnits(type.minimum_notice_minutes);
  return {
    name: type.name,
    description: type.description ?? '',
    duration: String(type.duration_minutes),
    bufferBefore: String(type.buffer_before_minutes),
    bufferAfter: String(type.buffer_after_minutes),
    notice: notice.amount,
    noticeUnit: notice.unit,
    horizon: String(type.horizon_days),
    step: String(type.slot_step_minutes),
    price: type.price ?? '',
    newClients: type.new_clients,
    active: type.active,
    intake: (type.intake ?? []).map((q) => ({ key: newQuestionKey(), id: q.id, question: q.question, required: q.required })),
  };
}

/** "What would you like help with?" → "what_would_you_like_help_with". */
export function slugFor(question: string): string {
  const slug = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  return slug || 'question';
}

/** Ids for every question: kept ones as they are, new ones made from their words, all unique. */
export function intakeIds(rows: readonly QuestionRow[]): string[] {
  const taken = new Set(rows.map((r) => r.id).filter(Boolean));
  return rows.map((row) => {
    if (row.id) return row.id;
    const base = slugFor(row.question);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    taken.add(id);
    return id;
  });
}

export interface TypeBody {
  input: SessionTypeInput;
  fields: FieldRef[];
  problems: FieldError[];
}

export function typeBody(form: SessionTypeForm): TypeBody {
  const problems: FieldError[] = [];
  const whole = (path: string, text: string, what: string): number => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed)) {
      problems.push({ field: path, message: trimmed === '' ? `is missing: please enter a number of ${what}` : `must be a whole number of ${what}` });
      return 0;
    }
    return Number(trimmed);
  };
  const ids = intakeIds(form.intake);
  const intake: IntakeQuestion[] = form.intake.map((row, i) => ({
    id: ids[i]!,
    question: row.question.trim(),
    required: row.required,
  }));
  const input: SessionTypeInput = {
    name: form.name.trim(),
    description: form.description.trim(),
    duration_minutes: whole('duration_minutes', form.duration, 'minutes'),
    buffer_before_minutes: whole('buffer_before_minutes', form.bufferBefore, 'minutes'),
    buffer_after_minutes: whole('buffer_after_minutes', form.bufferAfter, 'minutes'),
    minimum_notice_minutes: whole('minimum_notice_minutes', form.notice, form.noticeUnit) * unitMinutes[form.noticeUnit],
    horizon_days: whole('horizon_days', form.horizon, 'days'),
    slot_step_minutes: whole('slot_step_minutes', form.step, 'minutes'),
    price: form.price.trim(),
    new_clients: form.newClients,
    active: form.active,
    intake,
  };
  if (input.name === '') problems.unshift({ field: 'name', message: 'is missing: please give it a name' });

  const fields: FieldRef[] = [
    { path: 'name', id: typeIds.name, noun: 'the name' },
    { path: 'description', id: typeIds.description, noun: 'the description' },
    { path: 'duration_minutes', id: typeIds.duration, noun: 'the length of a session' },
    { path: 'buffer_before_minutes', id: typeIds.bufferBefore, noun: 'the free time before' },
    { path: 'buffer_after_minutes', id: typeIds.bufferAfter, noun: 'the free time after' },
    { path: 'minimum_notice_minutes', id: typeIds.notice, noun: 'the notice' },
    { path: 'horizon_days', id: typeIds.horizon, noun: 'how far ahead clients can book' },
    { path: 'slot_step_minutes', id: typeIds.step, noun: 'the spacing of start times' },
    { path: 'price', id: typeIds.price, noun: 'the price' },
    { path: 'new_clients', id: typeIds.newClients, noun: 'who can book it' },
  ];
  form.intake.forEach((row, i) => {
    fields.push({ path: `intake[${i}].question`, id: typeIds.question(row.key), noun: `question ${i + 1}` });
    // Ids are made here, not typed: a problem with one is shown on its question.
    fields.push({ path: `intake[${i}].id`, id: typeIds.question(row.key), noun: `question ${i + 1}` });
    fields.push({ path: `intake[${i}].required`, id: typeIds.required(row.key), noun: `whether question ${i + 1} needs an answer` });
  });
  fields.push({ path: 'intake', id: typeIds.intake, noun: 'the questions' });
  return { input, fields, problems };
}

export const maxQuestions = sessionTypeLimits.intakeQuestions;
