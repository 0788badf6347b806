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
