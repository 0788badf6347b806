// First-run setup: the site is claimed once, with the token the server
// printed in its log, and the practitioner account it creates is real.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { failure } from './support/failure';

const client = createClient({ baseUrl: inject('baseUrl') });

function tokenFromLog(): string {
  const lines = readFileSync(inject('logFile'), 'utf8').split('\n');
  const line = lines.find((l) => l.includes('"event":"setup_needed"'));
  expect(line, 'the server logs a setup token while no practitioner exists').toBeDefined();
  return (JSON.parse(line!) as { setup_token: string }).setup_token;
}


const form = {
  email: 'Therapist@Example.org',
  password: 'a calm and long password',
  display_name: 'The Therapist',
  time_zone: 'Europe/London',
  country: 'GB',
};

describe('first-run setup', () => {
  it('says setup is needed on a new site', async () => {
    expect(await client.get('/api/v1/setup')).toEqual({ needed: true });
  });

  it('refuses a wrong token with 403 naming the field', async () => {
    const error = await failure(client.post('/api/v1/setup', { ...form, token: 'f'.repeat(32) }));
    expect(error.status).toBe(403);
    expect(error.problem.errors?.[0]?.field).toBe('token');
  });

  it('lists every bad field at once with 400', async () => {
    const error = await failure(
      client.post('/api/v1/setup', {
        token: tokenFromLog(),
        email: 'not an email',
        password: 'short',
        display_name: '',
        time_zone: 'Europe/Nowhere',
        country: 'GBR',
      }),
    );
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.field)).toEqual(['email', 'password', 'display_name', 'time_zone', 'country']);
    const wrongType = await failure(client.post('/api/v1/setup', { ...form, token: tokenFromLog(), password: 12345678 }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.problem.errors?.[0]).toEqual({ field: 'password', message: 'must be text' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(`${inject('baseUrl')}/api/v1/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'token=abc',
    });
    expect(res.status).toBe(415);
    const bad = await fetch(`${inject('baseUrl')}/api/v1/setup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"token": ',
    });
    expect(bad.status).toBe(400);
  });

  it('creates the practitioner with the right token, once', async () => {
    const created = await client.post<{ id: string; email: string; role: string }>('/api/v1/setup', {
      ...form,
      token: tokenFromLog(),
    });
    expect(created.email).toBe('therapist@example.org');
    expect(created.role).toBe('practitioner');
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await client.get('/api/v1/setup')).toEqual({ needed: false });

    const again = await failure(client.post('/api/v1/setup', { ...form, token: tokenFromLog() }));
    expect(again.status).toBe(409);
  });

  it('never writes the password or the email to the log', () => {
    const log = readFileSync(inject('logFile'), 'utf8');
    expect(log).not.toContain(form.password);
    expect(log.toLowerCase()).not.toContain('therapist@example.org');
  });
});
