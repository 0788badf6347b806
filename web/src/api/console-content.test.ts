// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { contentProblems, getContentFile, reloadContent, saveContentFile } from './console-content';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const problemJson = (status: number, body: Record<string, unknown>) =>
  jsonResponse(status, { title: 'Refused', status, ...body }, 'application/problem+json');

describe('console content client', () => {
  it('names the file in the query, encoded', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { path: 'a', text: '', revision: 'r' }));
    await getContentFile('course/c/01 m/01-l.md', createClient({ fetch }));
    expect(requests[0]!.url).toBe('/api/v1/console/content/file?path=course%2Fc%2F01+m%2F01-l.md');
  });

  it('sends a save as PUT with its revision, and a reload as POST without a body', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, {}));
    const client = createClient({ fetch, csrfToken: () => 't' });
    await saveContentFile({ path: 'p.toml', text: 'x', revision: 'r1' }, client);
    await reloadContent(client);
    expect(requests.map((r) => [r.init.method, r.url, r.init.body])).toEqual([
      ['PUT', '/api/v1/console/content/file', '{"path":"p.toml","text":"x","revision":"r1"}'],
      ['POST', '/api/v1/console/content/reload', undefined],
    ]);
  });

  it('reads the problems of a refused save, and only those that are well formed', async () => {
    const { fetch } = fakeFetch(() =>
      problemJson(422, {
        type: 'urn:securebase:problem:content-invalid',
        problems: [
          { file: 'a.md', line: 3, message: 'bad' },
          { file: 'b.toml', line: null, message: 'gone' },
          { file: 'c.md', line: '4', message: 'a line that is not a number' },
          'not a problem',
        ],
      }),
    );
    const error = await saveContentFile({ path: 'a.md', text: '' }, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(contentProblems(error)).toEqual([
      { file: 'a.md', line: 3, message: 'bad' },
      { file: 'b.toml', line: null, message: 'gone' },
    ]);
  });

  it('finds no content problems in other refusals', () => {
    const other = new ApiError({ type: 'urn:securebase:problem:content-file-changed', title: 'Conflict', status: 409 });
    expect(contentProblems(other)).toEqual([]);
    expect(contentProblems(new Error('boom'))).toEqual([]);
  });
});
