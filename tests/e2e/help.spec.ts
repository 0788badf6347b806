// "Need help now": one tap or keypress from any page opens the panel over it, with the
// emergency number first and the crisis lines for the person's country from the real server;
// without the server it still shows the numbers built into the app.
import type { BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { desktop, mobile, variants } from './support/viewports';
import { collectProblems } from './support/console';

/** In the UK, by time zone and by language. */
const inLondon: BrowserContextOptions = { timezoneId: 'Europe/London', locale: 'en-GB' };

const crisisApi = /\/api\/v1\/crisis-lines(\?|$)/;

// `vite preview` has no API: there, only the offline behaviour can be checked.
const preview = process.env.E2E_PREVIEW === '1';
const needsServer = 'needs the real server for /api/v1/crisis-lines';

function helpButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: 'Need help now?' });
}

function panel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Need help now' });
}

async function openFrom(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await helpButton(page).click();
  const dialog = panel(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Waits until the server's list (not the built-in one) is showing. */
async function expectFullList(dialog: Locator, country: string): Promise<void> {
  await expect(dialog.getByRole('status')).toHaveText(`Showing the numbers for ${country}.`);
}

test('one tap on "Need help now?" from the home page opens the panel with the UK lines', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...mobile, ...inLondon });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Secure Base');

  await helpButton(page).tap();

  const dialog = panel(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2, name: 'Need help now' })).toBeFocused();
  await expectFullList(dialog, 'United Kingdom');

  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 999' })).toHaveAttribute(
    'href',
    'tel:999',
  );
  await expect(dialog.getByRole('combobox', { name: 'Your country' })).toHaveValue('GB');
  await expect(dialog.getByRole('link', { name: 'Call Samaritans on 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(dialog.getByRole('link', { name: 'Text SHOUT to 85258' })).toHaveAttribute(
    'href',
    'sms:85258?&body=SHOUT',
  );
  await expect(dialog.getByRole('link', { name: 'Call NHS 111 on 111' })).toHaveAttribute('href', 'tel:111');
  await expect(dialog.getByText('Checked 29 November 2026').first()).toBeVisible();
  await expect(dialog).toContainText('Secure Base is not an emergency service');

  // Every call link dials a number a phone understands.
  const hrefs = await dialog.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThanOrEqual(4);
  for (const href of hrefs) expect(href).toMatch(/^tel:\+?\d+$/);

  // The page underneath is still there, unchanged.
  await expect(page).toHaveURL(/\/$/);
});

test('one keypress on "Need help now?" from /course opens the panel; Escape closes it and gives focus back', async ({
  openPage,
}) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...desktop, ...inLondon });
  // Under the server's strict CSP: not one console error or page error along the way.
  const problems = collectProblems(page);
  await page.goto('/course');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course');

  // Keyboard users reach it early: skip link, the name, then this button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(helpButton(page)).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = panel(page);
  await expect(dialog.getByRole('heading', { level: 2, name: 'Need help now' })).toBeFocused();
  await expectFullList(dialog, 'United Kingdom');
  await expect(dialog.getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeVisible();

  // Tab stays inside the modal panel: the close button, then the emergency number.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 999' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(helpButton(page)).toBeFocused();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.locator('[style]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('switching the country to the US shows 988 and 911, remembered for this tab only', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...mobile, ...inLondon });
  let dialog = await openFrom(page, '/');
  await expectFullList(dialog, 'United Kingdom');

  const picker = dialog.getByRole('combobox', { name: 'Your country' });
  // The server's list: every EU country, the UK and the US.
  expect(await picker.locator('option').count()).toBeGreaterThanOrEqual(29);
  await picker.selectOption('US');

  await expectFullList(dialog, 'United States');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 911' })).toHaveAttribute(
    'href',
    'tel:911',
  );
  await expect(dialog.getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline on 988' })).toHaveAttribute(
    'href',
    'tel:988',
  );
  await expect(dialog.getByRole('link', { name: 'Text 988 Suicide & Crisis Lifeline on 988' })).toHaveAttribute(
    'href',
    'sms:988',
  );
  await expect(dialog.getByRole('link', { name: 'Text HOME to 741741' })).toHaveAttribute(
    'href',
    'sms:741741?&body=HOME',
  );

  const storage = await page.evaluate(() => ({
    session: sessionStorage.getItem('securebase.help.country'),
    local: localStorage.length,
  }));
  expect(storage).toEqual({ session: 'US', local: 0 });

  // Reopened after a reload in the same tab, it starts where the person left it.
  await page.reload();
  dialog = await openFrom(page, '/course');
  await expect(dialog.getByRole('combobox', { name: 'Your country' })).toHaveValue('US');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 911' })).toBeVisible();
});

test('Ireland offers 112 first and 999 as well', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...mobile, timezoneId: 'Europe/Dublin', locale: 'en-IE' });
  const dialog = await openFrom(page, '/');
  await expectFullList(dialog, 'Ireland');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 112' })).toHaveAttribute(
    'href',
    'tel:112',
  );
  await expect(dialog.getByRole('link', { name: 'Or call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(dialog.getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeVisible();
});

test('in the America/New_York time zone the panel starts on the US, whatever the language', async ({
  openPage,
}) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...mobile, timezoneId: 'America/New_York', locale: 'en-GB' });
  const dialog = await openFrom(page, '/');
  await expect(dialog.getByRole('combobox', { name: 'Your country' })).toHaveValue('US');
  await expectFullList(dialog, 'United States');
  await expect(dialog.getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline on 988' })).toBeVisible();
});

test('in Berlin the panel starts on Germany, with 112 and TelefonSeelsorge', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...desktop, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  const dialog = await openFrom(page, '/course');
  await expect(dialog.getByRole('combobox', { name: 'Your country' })).toHaveValue('DE');
  await expectFullList(dialog, 'Germany');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 112' })).toHaveAttribute(
    'href',
    'tel:112',
  );
  await expect(dialog.getByRole('link', { name: 'Call TelefonSeelsorge on 0800 111 0 111' })).toHaveAttribute(
    'href',
    'tel:08001110111',
  );
});

test('with the crisis-lines API unreachable, the built-in numbers appear with a kind note', async ({ openPage }) => {
  const page = await openPage({ ...mobile, ...inLondon, serviceWorkers: 'block' });
  await page.route(crisisApi, (route) => route.abort('internetdisconnected'));

  const dialog = await openFrom(page, '/');

  await expect(dialog.getByRole('status')).toContainText('The full list for each country needs a connection.');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 999' })).toHaveAttribute(
    'href',
    'tel:999',
  );
  await expect(dialog.getByRole('link', { name: 'Call Samaritans on 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();

  // Every country can still be chosen; the US keeps 911 and 988, an EU country 112.
  const picker = dialog.getByRole('combobox', { name: 'Your country' });
  await picker.selectOption('US');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 911' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline on 988' })).toBeVisible();
  await picker.selectOption('IE');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 112' })).toBeVisible();
  await picker.selectOption('FR');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 112' })).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('needs a connection');

  // The connection comes back: "Try again" brings the full list.
  if (preview) return;
  await page.unroute(crisisApi);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expectFullList(dialog, 'France');
  await expect(dialog.getByRole('link', { name: 'Call National suicide prevention line on 3114' })).toHaveAttribute(
    'href',
    'tel:3114',
  );
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeHidden();
});

test('truly offline (the app shell from the service worker), the panel still gives the numbers', async ({
  openPage,
}) => {
  const page = await openPage({ ...mobile, ...inLondon, serviceWorkers: 'allow' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.context().setOffline(true);
  await page.reload();
  const dialog = await openFrom(page, '/course');

  await expect(dialog.getByRole('status')).toContainText('needs a connection');
  await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 999' })).toHaveAttribute(
    'href',
    'tel:999',
  );
  await expect(dialog.getByRole('link', { name: 'Call Samaritans on 116 123' })).toBeVisible();
});

test('the About page opens the panel too', async ({ openPage }) => {
  const page = await openPage({ ...mobile, ...inLondon });
  await page.goto('/about');
  await page.getByRole('button', { name: 'Show the support lines for your country' }).click();
  await expect(panel(page).getByRole('link', { name: 'If you are in danger now, call 999' })).toBeVisible();
});

test('the call and text buttons are large enough for a shaky thumb', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...mobile, ...inLondon });
  const dialog = await openFrom(page, '/');
  await expectFullList(dialog, 'United Kingdom');
  const targets = dialog.locator('.help-emergency-call, .help-action, .help-close, select');
  const count = await targets.count();
  expect(count).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < count; i += 1) {
    const box = await targets.nth(i).boundingBox();
    expect(box?.height, await targets.nth(i).innerText()).toBeGreaterThanOrEqual(44);
  }
  // Full width on a phone, and nothing scrolls sideways.
  const overflow = await page.evaluate(() => {
    const dialogElement = document.querySelector('dialog') as HTMLElement;
    return dialogElement.scrollWidth - dialogElement.clientWidth;
  });
  expect(overflow).toBe(0);
});

test('with reduced motion nothing in the open panel moves', async ({ openPage }) => {
  test.skip(preview, needsServer);
  const page = await openPage({ ...desktop, ...inLondon, reducedMotion: 'reduce' });
  const dialog = await openFrom(page, '/');
  await expectFullList(dialog, 'United Kingdom');
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('dialog, dialog *')].filter((element) => {
        const style = getComputedStyle(element);
        const nonZero = (list: string) => list.split(',').some((value) => parseFloat(value) > 0);
        return nonZero(style.animationDuration) || nonZero(style.transitionDuration);
      }).length,
  );
  expect(moving).toBe(0);
});


for (const variant of variants) {
  test(`the open panel passes axe (${variant.name})`, async ({ openPage }) => {
    test.skip(preview, needsServer);
    const page = await openPage({ ...variant.options, ...inLondon });
    const dialog = await openFrom(page, '/');
    await expectFullList(dialog, 'United Kingdom');
    await expectNoAxeViolations(page);

    // And the built-in fallback, which has its own note and button.
    await page.route(crisisApi, (route) => route.abort('internetdisconnected'));
    await dialog.getByRole('combobox', { name: 'Your country' }).selectOption('US');
    await expect(dialog.getByRole('status')).toContainText('needs a connection');
    await expectNoAxeViolations(page);
  });
}
