import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi } from '../../test/fake-api';
import { attachment, attachmentResult, eightSigns, signsResult } from '../checkin/test-fixtures';
import { recordedSession, statsReport } from '../practices/session-fixtures';
import { loadCheckins, loadPractice } from './progress-data';

const signal = new AbortController().signal;

describe('loadCheckins', () => {
  it('keeps the server’s order (newest first) reversed, also for results stamped in the same second', async () => {
    const same = '2026-03-20T09:00:00Z';
    const api = fakeApi({
      'GET /api/v1/checkins': () =>
        jsonResponse(200, {
          checkins: [
            attachmentResult('a3', same, 6, 4),
            signsResult('s2', same, { rumination: 1 }),
            attachmentResult('a2', same, 5, 4),
            attachmentResult('a1', '2026-03-01T09:00:00Z', 4, 4),
            signsResult('s1', '2026-03-01T09:00:00Z', { rumination: 3 }),
          ],
        }),
      'GET /api/v1/questionnaires/attachment': () => jsonResponse(200, attachment),
      'GET /api/v1/questionnaires/eight-signs': () => jsonResponse(200, eightSigns),
    });
    const part = await loadCheckins(api.client, { signal });
    expect(part.attachment.map((c) => c.id)).toEqual(['a1', 'a2', 'a3']);
    expect(part.signs.map((c) => c.id)).toEqual(['s1', 's2']);
    expect(part.attachmentScale).toMatchObject({ min: 1, max: 7 });
    expect(part.signsScale.labels).toHaveLength(5);
  });
});

describe('loadPractice', () => {
  it('reads the stats in the learner’s zone, averages and all: nothing is worked out here', async () => {
    const api = fakeApi({ 'GET /api/v1/practice-stats': () => jsonResponse(200, statsReport()) });
    const part = await loadPractice(api.client, 'America/New_York', { signal });
    expect(part.stats.totals.distress).toEqual({ n: 3, mean_before: 5.7, mean_after: 4 });
    expect(api.requests.map((r) => r.url)).toEqual(['/api/v1/practice-stats?tz=America%2FNew_York&weeks=12']);
  });
});
