import { beforeEach, describe, expect, it } from 'vitest';
import { clearAllDrafts, clearDraft, draftKey, loadDraft, maxAgeMs, saveDraft } from './draft-store';

beforeEach(() => localStorage.clear());

const key = draftKey('u1', 'attachment', 2);

describe('unfinished check-ins on this device', () => {
  it('are keyed by person, questionnaire and version', () => {
    expect(key).toBe('securebase.checkin.u1.attachment@2');
  });

  it('round-trip answers, the step and a pending key', () => {
    saveDraft(key, { answers: { a: 3, b: 7 }, step: 1, pendingKey: 'k' }, 1_000);
    expect(loadDraft(key, 2_000)).toEqual({ answers: { a: 3, b: 7 }, step: 1, pendingKey: 'k', savedAt: 1_000 });
    clearDraft(key);
    expect(loadDraft(key)).toBeUndefined();
  });

  it('forget a draft older than the limit, and anything unreadable', () => {
    saveDraft(key, { answers: { a: 3 }, step: 0 }, 0);
    expect(loadDraft(key, maxAgeMs + 1)).toBeUndefined();
    expect(localStorage.getItem(key)).toBeNull();
    localStorage.setItem(key, '{not json');
    expect(loadDraft(key)).toBeUndefined();
    localStorage.setItem(key, JSON.stringify({ answers: { a: 'seven', b: 2 }, step: 1.7, savedAt: Date.now() }));
    expect(loadDraft(key)?.answers).toEqual({ b: 2 });
    expect(loadDraft(key)?.step).toBe(1);
  });

  it('can all be forgotten at once, leaving everything else alone', () => {
    saveDraft(key, { answers: {}, step: 0 });
    saveDraft(draftKey('u2', 'eight-signs', 1), { answers: {}, step: 0 });
    localStorage.setItem('something-else', 'x');
    clearAllDrafts();
    expect(Object.keys(localStorage)).toEqual(['something-else']);
  });
});
