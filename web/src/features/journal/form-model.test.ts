import { describe, expect, it } from 'vitest';
import type { Entry } from '../../api/journal';
import {
  emotionIntensityId,
  emotionNameId,
  emptyForm,
  formFromEntry,
  hasContent,
  inputFromForm,
  normalizeForm,
  targetOf,
} from './form-model';
import { instantFromLocalInput, lengthOf, localInputValue, parseTags } from './journal-format';

const trigger: Entry = {
  id: '0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47',
  kind: 'trigger',
  occurred_at: '2026-11-28T21:40:07Z',
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
    signs: ['fear_of_abandonment'],
    urges: ['check_phone'],
    urge_note: '',
    action: 'Breathed.',
    helped: ['paced_breathing'],
    helped_note: '',
    intensity_before: 8,
    intensity_after: 4,
  },
  reflection: null,
  parts: null,
};

describe('the entry form model', () => {
  it('round-trips a stored entry unchanged, the seconds of its time included', () => {
    const { input } = inputFromForm(formFromEntry(trigger));
    expect(input).toEqual({ kind: 'trigger', occurred_at: trigger.occurred_at, tags: trigger.tags, trigger: trigger.trigger });
  });

  it('sends a moved time in UTC whole seconds, tags split, and only named feelings', () => {
    const form = formFromEntry(trigger);
    form.occurredAt = localInputValue(new Date('2026-11-29T08:15:00Z'));
    form.tags = ' Evenings, , work ';
    form.trigger!.emotions.push({ key: 'new', name: '  ', intensity: 3 }, { key: 'n2', name: ' calm ', intensity: 2 });
    const { input, emotionKeys } = inputFromForm(form);
    expect(input.occurred_at).toBe('2026-11-29T08:15:00Z');
    expect(input.tags).toEqual(['Evenings', 'work']);
    expect(input.trigger!.emotions).toEqual([
      { name: 'afraid', intensity: 8 },
      { name: 'ashamed', intensity: 4 },
      { name: 'calm', intensity: 2 },
    ]);
    expect(emotionKeys).toEqual(['e0', 'e1', 'n2']);
  });

  it('starts a reflection on a lesson prompt with both ids, or neither', () => {
    expect(emptyForm('reflection', { lessonId: 'l1', promptId: 'p1' }).reflection).toEqual({ text: '', lesson_id: 'l1', prompt_id: 'p1' });
    expect(emptyForm('reflection', { lessonId: 'l1' }).reflection).toEqual({ text: '', lesson_id: '', prompt_id: '' });
  });

  it('knows an empty form from one with words or choices in it', () => {
    const form = emptyForm('trigger');
    expect(hasContent(form)).toBe(false);
    form.trigger!.state = 'settled';
    expect(hasContent(form)).toBe(true);
    const parts = emptyForm('parts');
    parts.parts!.needs = 'rest';
    expect(hasContent(parts)).toBe(true);
  });

  it('reads a kept form back defensively', () => {
    expect(normalizeForm(null)).toBeUndefined();
    expect(normalizeForm({ kind: 'dream' })).toBeUndefined();
    const form = normalizeForm({
      kind: 'trigger',
      occurredAt: '2026-01-01T10:00',
      trigger: { situation: 'words', state: 'panicked', emotions: [{ name: 'sad', intensity: 42 }, 'x'], signs: ['a', 'a', 3] },
    })!;
    expect(form.trigger!.situation).toBe('words');
    expect(form.trigger!.state).toBeNull();
    expect(form.trigger!.emotions).toEqual([{ key: 'k0', name: 'sad', intensity: 5 }]);
    expect(form.trigger!.signs).toEqual(['a']);
    expect(form.trigger!.self_talk).toBe('');
  });

  it('finds the element for each field the server names', () => {
    const keys = ['e0', 'n2'];
    expect(targetOf('occurred_at', keys)).toBe('journal-occurred-at');
    expect(targetOf('tags[3]', keys)).toBe('journal-tags');
    expect(targetOf('trigger.self_talk', keys)).toBe('journal-trigger-self-talk');
    expect(targetOf('trigger.emotions[1].intensity', keys)).toBe(emotionIntensityId('n2'));
    expect(targetOf('trigger.emotions[0].name', keys)).toBe(emotionNameId('e0'));
    expect(targetOf('trigger.emotions', keys)).toBe('journal-trigger-emotions');
    expect(targetOf('trigger.signs[0]', keys)).toBe('journal-trigger-signs');
    expect(targetOf('parts.name', keys)).toBe('journal-parts-name');
    expect(targetOf('reflection.prompt_id', keys)).toBeUndefined();
    expect(targetOf('id', keys)).toBeUndefined();
  });
});

describe('journal formats', () => {
  it('reads a local date and time as an instant, whole seconds', () => {
    const local = localInputValue(new Date('2026-03-03T10:20:30Z'));
    expect(local).toMatch(/^2026-03-03T\d{2}:20$/);
    expect(instantFromLocalInput(local)).toBe('2026-03-03T10:20:00Z');
    expect(instantFromLocalInput('')).toBeUndefined();
    expect(instantFromLocalInput('yesterday')).toBeUndefined();
  });

  it('counts characters as the server does', () => {
    expect(lengthOf('héllo')).toBe(5);
    expect(lengthOf('🌿🌿')).toBe(2);
    expect(parseTags('a, b ,,c')).toEqual(['a', 'b', 'c']);
  });
});
