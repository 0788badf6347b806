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

// Both shapes in both colour schemes: what every axe scan runs over.
export const variants: { name: string; options: BrowserContextOptions }[] = [
  { name: 'mobile light', options: { ...mobile, colorScheme: 'light' } },
  { name: 'mobile dark', options: { ...mobile, colorScheme: 'dark' } },
  { name: 'desktop light', options: { ...desktop, colorScheme: 'light' } },
  { name: 'desktop dark', options: { ...desktop, colorScheme: 'dark' } },
];
