// Motion is gentle by default and absent when the reader asks for reduced motion.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { desktop } from './support/viewports';

/** Seconds of every animation and transition on the page frame and a navigation link. */
async function motionDurations(page: Page) {
  return page.evaluate(() => {
    const seconds = (list: string) => list.split(',').map((value) => parseFloat(value));
    const frame = getComputedStyle(document.querySelector('.page') as Element);
    const link = getComputedStyle(document.querySelector('nav a') as Element);
    return {
      pageAnimationName: frame.animationName,
      pageAnimation: seconds(frame.animationDuration),
      linkTransition: seconds(link.transitionDuration),
    };
  });
}

test('pages settle in with a short animation, and links ease their colour', async ({ openPage }) => {
  const page = await openPage({ ...desktop, reducedMotion: 'no-preference' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const motion = await motionDurations(page);
  expect(motion.pageAnimationName).toBe('page-enter');
  expect(Math.min(...motion.pageAnimation)).toBeGreaterThan(0);
  expect(Math.min(...motion.linkTransition)).toBeGreaterThan(0);
});

test('with reduced motion, nothing animates or transitions', async ({ openPage }) => {
  const page = await openPage({ ...desktop, reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const motion = await motionDurations(page);
  expect(motion.pageAnimation.every((s) => s === 0)).toBe(true);
  expect(motion.linkTransition.every((s) => s === 0)).toBe(true);

  // And across the whole document, after an in-app navigation too.
  await page.getByRole('navigation').getByRole('link', { name: 'Course' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course');
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((element) => {
      const style = getComputedStyle(element);
      const nonZero = (list: string) => list.split(',').some((value) => parseFloat(value) > 0);
      return nonZero(style.animationDuration) || nonZero(style.transitionDuration);
    }).length,
  );
  expect(moving).toBe(0);
});
