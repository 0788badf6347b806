// `securebase user reset-two-factor --email ADDRESS`, beside a running server on the same database
// and data folder, for someone who lost their phone and their recovery codes: two-factor sign-in
// goes off, every browser of theirs is signed out, the audit log says "by the operator", and they
// are told by mail (sent by the running server's outbox). They then log in with the password alone
// and can set it up again. An account without two-factor is left as it is; an unknown address is
// refused. Runs on SQLite, and on PostgreSQL when the suite does.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { confirmTwoFactorEnrolment, login, startTwoFactorEnrolment } from '../../web/src/api/auth';
import { getAudit } from '../../web/src/api/console-clients';
import { getMe } from '../../web/src/api/me';
import { totp } from '../e2e/support/totp';
import { openBrowser } from './support/browser';
import { runCli } from './support/cli';
import { failure } from './support/failure';
import { learnerPassword, verifiedLearner } from './support/learner';
import { waitForMail } from './support/mail-sink';
import { setUpPractitioner, type Practitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let database: string;
let her: Practitioner;

/** `securebase <args>` on the server's database, data folder and content. */
function cli(args: string[]) {
  return runCli([...args, '--database', database, '--data-dir', server.dataDir, '--content', path.join(repo, 'content')]);
}

beforeAll(async () => {
  server = await startServer({ ownDatabase: 'two_factor_reset_cli', env: mailEnv(inject('mailUrl'), inject('mailCaFile')) });
  const prefix = process.env.SB_API_OWN_DATABASE_PREFIX;
  database = prefix ? `${prefix}two_factor_reset_cli` : `sqlite://${server.dataDir}/securebase.db`;
  her = await setUpPractitioner(server);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('securebase user reset-two-factor', () => {
  it('turns it off, signs them out everywhere, audits and mails; the password alone then signs in', async () => {
    const ana = await verifiedLearner({ baseUrl: server.baseUrl });
    const enrolment = await startTwoFactorEnrolment(learnerPassword, ana.browser.client);
    await confirmTwoFactorEnrolment(totp(enrolment.secret), ana.browser.client);
    await waitForMail({ to: ana.email, subject: 'Two-factor sign-in is now on' });
    const anaId = (await getMe(ana.browser.client)).id;

    const run = await cli(['user', 'reset-two-factor', '--email', ana.email.toUpperCase()]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Turned two-factor sign-in off for ${ana.email}`);
    // The security event goes to the command's log (stderr) by account id, never by address.
    const event = run.stderr.split('\n').find((line) => line.includes('"event":"security.mfa_reset"'));
    expect(event && JSON.parse(event)).toMatchObject({ account_id: anaId });
    expect(run.stderr).not.toContain(ana.email);

    expect((await failure(getMe(ana.browser.client))).status).toBe(401);
    const audit = await getAudit({ action: 'two_factor.reset' }, her.client);
    expect(audit.entries.map((e) => [e.actor?.id, e.subject?.id, e.detail])).toEqual([
      ['operator', anaId, 'by the operator'],
    ]);

    const mail = await waitForMail({ to: ana.email, subject: 'Two-factor sign-in was turned off' });
    expect(mail.text).toContain('signed out on every device');
    expect(mail.links.map((l) => new URL(l).pathname)).toEqual(['/account/two-factor', '/forgot-password']);
    for (const code of enrolment.recovery_codes) expect(mail.text).not.toContain(code);

    const again = await openBrowser(server.baseUrl);
    const signedIn = await login({ email: ana.email, password: learnerPassword }, again.client);
    expect(signedIn).toMatchObject({ mfa_required: false });
    expect(signedIn.two_factor.enrolled).toBe(false);
    // Every old recovery code went with it; setting up again gives a fresh set.
    const fresh = await startTwoFactorEnrolment(learnerPassword, again.client);
    expect(fresh.recovery_codes.some((c) => enrolment.recovery_codes.includes(c))).toBe(false);
  });

  it('leaves an account without two-factor as it is, and refuses an unknown address', async () => {
    const ben = await verifiedLearner({ baseUrl: server.baseUrl });
    const nothing = await cli(['user', 'reset-two-factor', '--email', ben.email]);
    expect(nothing.status, nothing.stderr).toBe(0);
    expect(nothing.stdout).toContain('nothing was changed');
    expect((await getMe(ben.browser.client)).email).toBe(ben.email);

    const unknown = await cli(['user', 'reset-two-factor', '--email', 'nobody-here@example.org']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('there is no account with that email address');

    const audit = await getAudit({ action: 'two_factor.reset' }, her.client);
    expect(audit.entries).toHaveLength(1);
  });

  it('is described in the command’s help', async () => {
    const help = await runCli(['user', 'reset-two-factor', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('lost their phone and their recovery codes');
    expect(help.stdout).toContain('--email');
  });
});
