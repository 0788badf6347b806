// A person's signed-in browsers through the real binary (docs/api/accounts.md#sessions): the list
// with this browser marked, ending one by its public id (another account's id is not found),
// ending every other one, and log-out telling the browser to clear the site's cookies and cache.
import { describe, expect, it } from 'vitest';
import { login, logout } from '../../web/src/api/auth';
import { endOtherSessions, endSession, getMe, listSessions } from '../../web/src/api/me';
import { newBrowser, openBrowser } from './support/browser';
import { failure } from './support/failure';
import { learnerPassword, verifiedLearner } from './support/learner';

describe('signed-in browsers', () => {
  it('are listed, this one marked, and end one at a time or all the others at once', async () => {
    const phone = await verifiedLearner();
    const laptop = await openBrowser();
    await login({ email: phone.email, password: learnerPassword }, laptop.client);
    const tablet = await openBrowser();
    await login({ email: phone.email, password: learnerPassword }, tablet.client);

    const { sessions } = await listSessions(laptop.client);
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of sessions) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(Date.parse(s.expires_at)).toBeGreaterThan(Date.now());
      expect(Date.parse(s.last_seen_at)).toBeGreaterThanOrEqual(Date.parse(s.created_at));
    }
    const mine = sessions.find((s) => s.current)!;
    const phoneId = (await listSessions(phone.browser.client)).sessions.find((s) => s.current)!.id;
    expect(phoneId).not.toBe(mine.id);

    // The laptop ends the phone's session: the phone is signed out, the rest carry on.
    await endSession(phoneId, laptop.client);
    expect((await failure(getMe(phone.browser.client))).status).toBe(401);
    expect((await listSessions(laptop.client)).sessions).toHaveLength(2);
    expect((await failure(endSession(phoneId, laptop.client))).status).toBe(404);

    // Someone else's session is not theirs to end, even knowing its id.
    const stranger = await verifiedLearner();
    const strangerId = (await listSessions(stranger.browser.client)).sessions[0]!.id;
    expect((await failure(endSession(strangerId, laptop.client))).status).toBe(404);
    expect((await getMe(stranger.browser.client)).email).toBe(stranger.email);

    // Log out everywhere else: only the laptop is left.
    await endOtherSessions(laptop.client);
    expect((await failure(getMe(tablet.client))).status).toBe(401);
    const left = (await listSessions(laptop.client)).sessions;
    expect(left).toEqual([expect.objectContaining({ id: mine.id, current: true })]);
  });

  it('are the signed-in person’s only', async () => {
    const nobody = newBrowser();
    expect((await failure(listSessions(nobody.client))).status).toBe(401);
    expect((await failure(endOtherSessions(nobody.client))).status).toBe(401);
  });
});

describe('logging out', () => {
  it('asks the browser to clear this site’s cookies and cache, not its offline help', async () => {
    const learner = await verifiedLearner();
    const answer = await learner.browser.fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': learner.browser.cookies.get('csrf')! },
      body: '{}',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('clear-site-data')).toBe('"cache", "cookies"');
    expect((await failure(getMe(learner.browser.client))).status).toBe(401);
    // The typed client's log-out does the same (and a second one is refused: no session).
    expect((await failure(logout(learner.browser.client))).status).toBe(401);
  });
});
