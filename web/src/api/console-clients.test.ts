// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { getAudit, getClient, listClients, type AuditPage } from './console-clients';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const page: AuditPage = {
  entries: [
    {
      id: 'a_9c',
      at: '2026-11-30T10:02:11Z',
      action: 'shared.read',
      actor: { id: 'u_8f', name: 'Dr Amara Lewis' },
      subject: { id: 'u_31', name: null },
      detail: 'checkins, course',
    },
  ],
  next: 'c2',
  actions: ['shared.read', 'sharing.changed'],
};

describe('console clients', () => {
  it('lists her clients and opens one, escaping the id', async () => {
    const { fetch, requests } = fakeFetch((r) => jsonResponse(200, r.url.endsWith('/clients') ? { clients: [] } : { client: { id: 'u/31' } }));
    const client = createClient({ fetch });
    await expect(listClients(client)).resolves.toEqual({ clients: [] });
    await expect(getClient('u/31', client)).resolves.toEqual({ client: { id: 'u/31' } });
    expect(requests.map((r) => [r.init.method, r.url])).toEqual([
      ['GET', '/api/v1/console/clients'],
      ['GET', '/api/v1/console/clients/u%2F31'],
    ]);
  });

  it('reads the audit log with only the filters given', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, page));
    const client = createClient({ fetch });
    await expect(getAudit({}, client)).resolves.toEqual(page);
    await getAudit({ action: 'shared.read', subject: 'u_31', actor: '', from: '2026-11-01T00:00:00Z', before: 'c2', limit: 50 }, client);
    expect(requests.map((r) => r.url)).toEqual([
      '/api/v1/console/audit',
      '/api/v1/console/audit?action=shared.read&subject=u_31&from=2026-11-01T00%3A00%3A00Z&before=c2&limit=50',
    ]);
  });

  it('passes a refused filter on as an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        400,
        { type: 'urn:securebase:problem:invalid-argument', title: 'Invalid argument', status: 400, errors: [{ field: 'from', message: 'is after to' }] },
        'application/problem+json',
      ),
    );
    const error = await getAudit({ from: 'b', to: 'a' }, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).errors[0]?.field).toBe('from');
  });
});
