// "Need help now" is one tap away on the account pages too, signed out: the moments around
// logging in are ones where people may be struggling.
import { expect, test } from './support/fixtures';
import { desktop, mobile } from './support/viewports';

for (const path of ['/login', '/signup', '/forgot-password']) {
  test(`signed out on ${path}, one tap opens the help panel over the page`, async ({ openPage }) => {
    const page = await openPage({ ...mobile, timezoneId: 'Europe/London', locale: 'en-GB' });
    await page.goto(path);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Need help now?' }).tap();
    const dialog = page.getByRole('dialog', { name: 'Need help now' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'If you are in danger now, call 999' })).toHaveAttribute(
      'href',
      'tel:999',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  });
}

test('what was typed into a form is still there after the help panel closes', async ({ openPage }) => {
  const page = await openPage({ ...desktop, timezoneId: 'Europe/London' });
  await page.goto('/signup');
  await page.getByLabel('Email address').fill('robin@example.org');
  await page.getByRole('banner').getByRole('button', { name: 'Need help now?' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Need help now' })).toBeHidden();
  await expect(page.getByLabel('Email address')).toHaveValue('robin@example.org');
});
