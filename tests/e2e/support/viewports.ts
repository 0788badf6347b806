// The two screen shapes every page is checked at.
import type { BrowserContextOptions } from '@playwright/test';

export const mobile: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

export const desktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
};

// Both shapes in both colour schemes: the shell and the pages with their own layout are scanned in
// all four.
export const variants: { name: string; options: BrowserContextOptions }[] = [
  { name: 'mobile light', options: { ...mobile, colorScheme: 'light' } },
  { name: 'mobile dark', options: { ...mobile, colorScheme: 'dark' } },
  { name: 'desktop light', options: { ...desktop, colorScheme: 'light' } },
  { name: 'desktop dark', options: { ...desktop, colorScheme: 'dark' } },
];

// Every shape and every scheme between two runs: for the many plain pages inside the shell, whose
// colours come from the same tokens at any width (contrast depends on the scheme, reflow and
// target sizes on the shape). An axe scan takes a second and a half; four per page made the suite
// too slow to run on every change.
export const pairedVariants = [variants[0]!, variants[3]!];
