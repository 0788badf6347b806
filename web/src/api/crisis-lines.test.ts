// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { crisisCountries, crisisLines, type CountryCrisisLines } from './crisis-lines';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const gb: CountryCrisisLines = {
  country: 'GB',
  name: 'United Kingdom',
  emergency: '999',
  last_verified: '2026-11-29',
  lines: [
    {
      id: 'samaritans',
      name: 'Samaritans',
      description: 'Someone to listen.',
      phone: '116 123',
      url: 'https://www.samaritans.org',
      hours: '24 hours, every day',
      last_verified: '2026-11-29',
    },
  ],
};

describe('crisis lines', () => {
  it('lists the countries', async () => {
    const body = { countries: [{ code: 'IE', name: 'Ireland' }, { code: 'GB', name: 'United Kingdom' }] };
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, body));
    const client = createClient({ baseUrl: 'http://127.0.0.1:8080', fetch });

    await expect(crisisCountries(client)).resolves.toEqual(body);
    expect(requests[0]?.url).toBe('http://127.0.0.1:8080/api/v1/crisis-lines');
    expect(requests[0]?.init.method).toBe('GET');
  });

  it('asks for one country by its code and returns its lines', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, gb));
    await expect(crisisLines('GB', createClient({ fetch }))).resolves.toEqual(gb);
    expect(requests[0]?.url).toBe('/api/v1/crisis-lines?country=GB');
  });

  it('passes a cancel signal through', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, gb));
    const controller = new AbortController();
    await crisisLines('GB', createClient({ fetch }), { signal: controller.signal });
    expect(requests[0]?.init.signal).toBe(controller.signal);
  });

  it('throws the 404 problem for a country it does not hold', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        404,
        {
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          detail: 'No crisis lines for JP; please call your local emergency number.',
        },
        'application/problem+json',
      ),
    );
    const error = await crisisLines('JP', createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it('reports an unreachable server as status 0', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await crisisCountries(createClient({ fetch })).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(0);
  });
});
