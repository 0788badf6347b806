import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearAllJournalDrafts,
  createDraftWriter,
  draftKey,
  listDrafts,
  loadDraft,
  removeDraft,
  saveDraft,
} from './draft-store';
import { emptyForm, type EntryForm } from './form-model';

const entryA = '11111111-1111-4111-8111-111111111111';
const entryB = '22222222-2222-4222-8222-222222222222';

function reflection(text: string): EntryForm {
  const form = emptyForm('reflection', { now: new Date('2026-03-03T10:00:00Z') });
  form.reflection!.text = text;
  return form;
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.useRealTimers());

describe('journal drafts', () => {
  it('keeps a draft per learner and entry, and lists a learner’s own, newest first', () => {
    saveDraft('u1', { entryId: entryA, isNew: true, form: reflection('first') }, 1000);
    saveDraft('u1', { entryId: entryB, isNew: false, form: reflection('second') }, 2000);
    saveDraft('u2', { entryId: entryA, isNew: true, form: reflection('someone else') }, 3000);

    expect(localStorage.getItem(draftKey('u1', entryA))).toContain('first');
    expect(loadDraft('u1', entryA)).toEqual({ entryId: entryA, isNew: true, form: reflection('first'), savedAt: 1000 });
    expect(listDrafts('u1').map((d) => d.form.reflection?.text)).toEqual(['second', 'first']);
    expect(listDrafts('u2').map((d) => d.form.reflection?.text)).toEqual(['someone else']);
    expect(listDrafts('u3')).toEqual([]);

    removeDraft('u1', entryB);
    expect(listDrafts('u1').map((d) => d.entryId)).toEqual([entryA]);
  });

  it('ignores what it cannot read instead of failing', () => {
    localStorage.setItem(draftKey('u1', entryA), 'not json');
    localStorage.setItem(draftKey('u1', entryB), JSON.stringify({ entryId: entryB, savedAt: 1 }));
    expect(loadDraft('u1', entryA)).toBeUndefined();
    expect(listDrafts('u1')).toEqual([]);
  });

  it('forgets every journal draft on log-out, and nothing else', () => {
    saveDraft('u1', { entryId: entryA, isNew: true, form: reflection('a') });
    saveDraft('u2', { entryId: entryB, isNew: true, form: reflection('b') });
    localStorage.setItem('securebase.practice-queue', '{}');
    clearAllJournalDrafts();
    expect(listDrafts('u1')).toEqual([]);
    expect(listDrafts('u2')).toEqual([]);
    expect(localStorage.getItem('securebase.practice-queue')).toBe('{}');
  });

  it('writes after a quiet moment while typing, at once on flush, and never after stop', () => {
    vi.useFakeTimers();
    const writer = createDraftWriter('u1', entryA, true, { delayMs: 300, now: () => 5000 });
    writer.change(reflection('H'));
    vi.advanceTimersByTime(200);
    writer.change(reflection('Hello'));
    vi.advanceTimersByTime(200);
    expect(loadDraft('u1', entryA)).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(loadDraft('u1', entryA)?.form.reflection?.text).toBe('Hello');

    writer.change(reflection('Hello again'));
    writer.flush();
    expect(loadDraft('u1', entryA)?.form.reflection?.text).toBe('Hello again');

    writer.change(reflection('Hello again, more'));
    writer.stop();
    vi.advanceTimersByTime(1000);
    writer.flush();
    writer.change(reflection('after stop'));
    vi.advanceTimersByTime(1000);
    expect(loadDraft('u1', entryA)?.form.reflection?.text).toBe('Hello again');
  });

  it('keeps working when storage refuses to write', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(saveDraft('u1', { entryId: entryA, isNew: true, form: reflection('x') })).toBe(false);
    const writer = createDraftWriter('u1', entryA, true);
    writer.change(reflection('y'));
    expect(() => writer.flush()).not.toThrow();
  });
});
