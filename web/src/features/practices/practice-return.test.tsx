// A practice opened from "pause before reacting" leads back to the entry, and only there.
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { fakeCaches } from './fake-caches';
import { boxBreathing } from './practice-fixtures';
import { practiceWithReturn, safeReturnPath } from './return-path';

const entry = '/journal/pause/0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47';
let clock = 0;

beforeAll(async () => {
  await import('./practice-page');
});

beforeEach(() => {
  localStorage.clear();
  clock = 1_000;
  vi.stubGlobal('caches', fakeCaches());
  vi.stubGlobal('requestAnimationFrame', () => 1);
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});

function open(path: string) {
  const api = fakeApi({ 'GET /api/v1/practices': () => jsonResponse(200, { practices: [boxBreathing()] }) });
  renderAt(path, api.client);
  return screen.findByRole('heading', { level: 1, name: 'Box breathing' });
}

async function finishEarly() {
  fireEvent.click(screen.getByRole('button', { name: 'Begin' }));
  act(() => {
    clock += 20_000;
  });
  fireEvent.click(screen.getByRole('button', { name: 'End now' }));
  fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
  await screen.findByRole('heading', { level: 2, name: 'Thank you for taking this time' });
}

describe('the return link of a practice', () => {
  it('offers "Back to your entry" as the main action when done, naming the practice done', async () => {
    await open(practiceWithReturn('box-breathing', entry, 3));
    // The suggested length is chosen when the practice offers it.
    expect((screen.getByRole('radio', { name: '3 minutes' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('link', { name: 'Back to your entry without practising' }).getAttribute('href')).toBe(
      entry,
    );
    await finishEarly();
    const controls = document.querySelector('.practice-done .practice-controls')!;
    const back = within(controls as HTMLElement).getByRole('link', { name: 'Back to your entry' });
    expect(back.getAttribute('href')).toBe(`${entry}?practised=box-breathing`);
    expect(back.classList.contains('action-button')).toBe(true);
    // The main action comes first; practising again is still there.
    expect(controls.firstElementChild).toBe(back);
    expect(within(controls as HTMLElement).getByRole('button', { name: 'Do it again' })).toBeTruthy();
  });

  it('ignores a return that is not a pause entry of this app, and a length the practice lacks', async () => {
    await open(`/practices/box-breathing?return=${encodeURIComponent('https://example.org/journal/pause/x')}&minutes=7`);
    expect((screen.getByRole('radio', { name: '5 minutes' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('link', { name: /Back to your entry/ })).toBeNull();
    await finishEarly();
    expect(screen.queryByRole('link', { name: /Back to your entry/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to practices' }).getAttribute('href')).toBe('/practices');
  });

  it('accepts only /journal/pause/<uuid>, exactly', () => {
    expect(safeReturnPath(entry)).toBe(entry);
    expect(safeReturnPath(entry.toUpperCase().replace('/JOURNAL/PAUSE/', '/journal/pause/'))).toBeTruthy();
    for (const bad of [
      undefined,
      null,
      '',
      '/journal/pause/',
      '/journal/pause/not-an-id',
      `${entry}?x=1`,
      `${entry}/../../elsewhere`,
      `//evil.example${entry}`,
      `https://evil.example${entry}`,
      `/\\evil.example${entry}`,
      `${entry}#x`,
      `/journal/pause/%2F%2Fevil.example`,
      `/journal/0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47`,
      ` ${entry}`,
      `${entry}\n`,
    ]) {
      expect(safeReturnPath(bad), String(bad)).toBeUndefined();
    }
  });
});
