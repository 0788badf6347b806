// What the entry form holds while the learner writes, and how it becomes the PUT body. The form
// is kept close to the screen (a date-and-time field's local value, tags as one line, each
// feeling a row with a key of its own) so it can be kept as a draft exactly as typed and put
// back on the screen unchanged. Also: which element shows a field the server refused.
//
// Pure functions of plain data; nothing here touches storage or the network.
import {
  journalKinds,
  nervousStates,
  type EntryInput,
  type Entry,
  type HelpedId,
  type JournalKind,
  type NervousState,
  type PartsNote,
  type Reflection,
  type SensationId,
  type UrgeId,
} from '../../api/journal';
import { entryPreview, instantFromLocalInput, localInputValue, parseTags } from './journal-format';

export interface EmotionRow {
  /** Stable while the row is on screen (ids and keys), never sent. */
  key: string;
  name: string;
  /** 0–10. */
  intensity: number;
}

export interface TriggerForm {
  situation: string;
  self_talk: string;
  sensations: string[];
  body_note: string;
  /** null: "Not sure". */
  state: NervousState | null;
  emotions: EmotionRow[];
  signs: string[];
  urges: string[];
  urge_note: string;
  action: string;
  helped: string[];
  helped_note: string;
  intensity_before: number | null;
  intensity_after: number | null;
}

export interface EntryForm {
  kind: JournalKind;
  /** A datetime-local value, in the browser's zone. */
  occurredAt: string;
  /** The stored instant when editing: sent back unchanged unless the learner moved the time. */
  originalOccurredAt: string | null;
  /** As typed: comma-separated. */
  tags: string;
  trigger: TriggerForm | null;
  reflection: Reflection | null;
  parts: PartsNote | null;
}

/** A feeling starts in the middle of the scale. */
export const defaultIntensity = 5;

export function emptyTrigger(): TriggerForm {
  return {
    situation: '',
    self_talk: '',
    sensations: [],
    body_note: '',
    state: null,
    emotions: [],
    signs: [],
    urges: [],
    urge_note: '',
    action: '',
    helped: [],
    helped_note: '',
    intensity_before: null,
    intensity_after: null,
  };
}

export interface NewFormOptions {
  now?: Date;
  /** A reflection answering a lesson's prompt: both ids, or neither. */
  lessonId?: string;
  promptId?: string;
}

export function emptyForm(kind: JournalKind, { now = new Date(), lessonId, promptId }: NewFormOptions = {}): EntryForm {
  const answering = lessonId && promptId ? { lesson_id: lessonId, prompt_id: promptId } : { lesson_id: '', prompt_id: '' };
  return {
    kind,
    occurredAt: localInputValue(now),
    originalOccurredAt: null,
    tags: '',
    trigger: kind === 'trigger' ? emptyTrigger() : null,
    reflection: kind === 'reflection' ? { text: '', ...answering } : null,
    parts: kind === 'parts' ? { name: '', fears: '', protects: '', needs: '' } : null,
  };
}

export function formFromEntry(entry: Entry): EntryForm {
  const form = emptyForm(entry.kind);
  form.occurredAt = localInputValue(entry.occurred_at);
  form.originalOccurredAt = entry.occurred_at;
  form.tags = entry.tags.join(', ');
  if (entry.kind === 'trigger' && entry.trigger) {
    const t = entry.trigger;
    form.trigger = {
      ...t,
      sensations: [...t.sensations],
      signs: [...t.signs],
      urges: [...t.urges],
      helped: [...t.helped],
      emotions: t.emotions.map((e, i) => ({ key: `e${i}`, name: e.name, intensity: e.intensity })),
    };
  }
  if (entry.kind === 'reflection' && entry.reflection) form.reflection = { ...entry.reflection };
  if (entry.kind === 'parts' && entry.parts) form.parts = { ...entry.parts };
  return form;
}

export interface PreparedInput {
  input: EntryInput;
  /** The emotion rows sent, in order: `trigger.emotions[i]` in a refusal is row keys[i]. */
  emotionKeys: string[];
}

/** The PUT body for a form. Feelings without a name carry no words and are left out. */
export function inputFromForm(form: EntryForm): PreparedInput {
  const unchangedTime =
    form.originalOccurredAt !== null && localInputValue(form.originalOccurredAt) === form.occurredAt;
  const occurred_at = unchangedTime
    ? form.originalOccurredAt!
    : (instantFromLocalInput(form.occurredAt) ?? form.occurredAt);
  const input: EntryInput = { kind: form.kind, occurred_at, tags: parseTags(form.tags) };
  let emotionKeys: string[] = [];
  if (form.kind === 'trigger') {
    const t = form.trigger ?? emptyTrigger();
    const rows = t.emotions.filter((row) => row.name.trim() !== '');
    emotionKeys = rows.map((row) => row.key);
    input.trigger = {
      situation: t.situation,
      self_talk: t.self_talk,
      sensations: t.sensations as SensationId[],
      body_note: t.body_note,
      state: t.state,
      emotions: rows.map((row) => ({ name: row.name.trim(), intensity: row.intensity })),
      signs: t.signs,
      urges: t.urges as UrgeId[],
      urge_note: t.urge_note,
      action: t.action,
      helped: t.helped as HelpedId[],
      helped_note: t.helped_note,
      intensity_before: t.intensity_before,
      intensity_after: t.intensity_after,
    };
  } else if (form.kind === 'reflection') {
    input.reflection = form.reflection ?? { text: '', lesson_id: '', prompt_id: '' };
  } else {
    input.parts = form.parts ?? { name: '', fears: '', protects: '', needs: '' };
  }
  return { input, emotionKeys };
}

/** Whether the learner has written or chosen anything at all (an empty new form is no draft). */
export function hasContent(form: EntryForm): boolean {
  if (form.tags.trim() !== '') return true;
  if (form.trigger) {
    const t = form.trigger;
    const texts = [t.situation, t.self_talk, t.body_note, t.urge_note, t.action, t.helped_note];
    if (texts.some((s) => s.trim() !== '')) return true;
    if (t.sensations.length + t.signs.length + t.urges.length + t.helped.length + t.emotions.length > 0) return true;
    if (t.state !== null || t.intensity_before !== null || t.intensity_after !== null) return true;
  }
  if (form.reflection && form.reflection.text.trim() !== '') return true;
  if (form.parts && Object.values(form.parts).some((s) => s.trim() !== '')) return true;
  return false;
}

// ---- Reading a form back from storage (untrusted: another version of the app may have written it).

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
const rating = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;

/** A form kept by an earlier page, checked and completed; undefined when it is not one. */
export function normalizeForm(value: unknown): EntryForm | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!(journalKinds as readonly unknown[]).includes(v.kind)) return undefined;
  const kind = v.kind as JournalKind;
  const form = emptyForm(kind);
  form.occurredAt = str(v.occurredAt);
  form.originalOccurredAt = typeof v.originalOccurredAt === 'string' ? v.originalOccurredAt : null;
  form.tags = str(v.tags);
  const body = (key: string) => (typeof v[key] === 'object' && v[key] !== null ? (v[key] as Record<string, unknown>) : {});
  if (kind === 'trigger') {
    const t = body('trigger');
    const rows = Array.isArray(t.emotions) ? t.emotions : [];
    form.trigger = {
      situation: str(t.situation),
      self_talk: str(t.self_talk),
      sensations: strings(t.sensations),
      body_note: str(t.body_note),
      state: (nervousStates as readonly unknown[]).includes(t.state) ? (t.state as NervousState) : null,
      emotions: rows.flatMap((row: unknown, i: number) => {
        if (typeof row !== 'object' || row === null) return [];
        const r = row as Record<string, unknown>;
        return [{ key: str(r.key) || `k${i}`, name: str(r.name), intensity: rating(r.intensity) ?? defaultIntensity }];
      }),
      signs: strings(t.signs),
      urges: strings(t.urges),
      urge_note: str(t.urge_note),
      action: str(t.action),
      helped: strings(t.helped),
      helped_note: str(t.helped_note),
      intensity_before: rating(t.intensity_before),
      intensity_after: rating(t.intensity_after),
    };
  } else if (kind === 'reflection') {
    const r = body('reflection');
    form.reflection = { text: str(r.text), lesson_id: str(r.lesson_id), prompt_id: str(r.prompt_id) };
  } else {
    const p = body('parts');
    form.parts = { name: str(p.name), fears: str(p.fears), protects: str(p.protects), needs: str(p.needs) };
  }
  return form;
}

// ---- Where a refused field is on the screen.

/** The element id of a form field, e.g. fieldId('trigger', 'self_talk') → "journal-trigger-self-talk". */
export function fieldId(kind: JournalKind, name: string): string {
  return `journal-${kind}-${name.replace(/_/g, '-')}`;
}

export const occurredAtId = 'journal-occurred-at';
export const tagsId = 'journal-tags';

export function emotionNameId(key: string): string {
  return `journal-emotion-${key}-name`;
}

export function emotionIntensityId(key: string): string {
  return `journal-emotion-${key}-intensity`;
}

/**
 * The element that shows a field the server named ("trigger.emotions[1].intensity"), or
 * undefined for a field with no place on the screen (those go in the summary as they are).
 */
export function targetOf(field: string, emotionKeys: readonly string[]): string | undefined {
  if (field === 'occurred_at') return occurredAtId;
  if (field === 'tags' || /^tags\[\d+\]$/.test(field)) return tagsId;
  const emotion = /^trigger\.emotions\[(\d+)\](?:\.(name|intensity))?$/.exec(field);
  if (emotion) {
    const key = emotionKeys[Number(emotion[1])];
    if (!key) return fieldId('trigger', 'emotions');
    return emotion[2] === 'intensity' ? emotionIntensityId(key) : emotionNameId(key);
  }
  const body = /^(trigger|reflection|parts)\.([a-z_]+)(?:\[\d+\])?$/.exec(field);
  if (body && body[1] && body[2]) {
    if (body[1] === 'reflection' && (body[2] === 'lesson_id' || body[2] === 'prompt_id')) return undefined;
    return fieldId(body[1] as JournalKind, body[2]);
  }
  return undefined;
}

/** What a field is called in a sentence: "what happened must be at most 10000 characters". */
export function fieldNoun(field: string): string {
  const name = field.replace(/\[\d+\]/g, '').split('.').slice(1).join('.') || field;
  const nouns: Record<string, string> = {
    occurred_at: 'when it happened',
    tags: 'your tags',
    situation: 'what happened',
    self_talk: 'what you told yourself',
    sensations: 'what you noticed in your body',
    body_note: 'the note about your body',
    state: 'how your nervous system felt',
    emotions: 'your feelings',
    'emotions.name': 'the name of a feeling',
    'emotions.intensity': 'how strong a feeling was',
    signs: 'the signs',
    urges: 'the urges',
    urge_note: 'the note about the urge',
    action: 'what you did',
    helped: 'what helped',
    helped_note: 'the note about what helped',
    intensity_before: 'how intense it was at first',
    intensity_after: 'how intense it was afterwards',
    text: 'your reflection',
    lesson_id: 'the lesson',
    prompt_id: 'the question',
    name: 'the part’s name',
    fears: 'what this part fears',
    protects: 'what this part protects',
    needs: 'what this part needs',
  };
  return nouns[field] ?? nouns[name] ?? 'this answer';
}

/** The first words of a form, for offering a draft back: what the entry would show in the list. */
export function formPreview(form: EntryForm, max = 140): string {
  const { input } = inputFromForm(form);
  return entryPreview({
    kind: input.kind,
    trigger: input.trigger ?? null,
    reflection: input.reflection ?? null,
    parts: input.parts ?? null,
  }, max);
}
