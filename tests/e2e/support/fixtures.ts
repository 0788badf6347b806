// `openPage(options)`: a page in its own fresh browser context (viewport, colour scheme,
// reduced motion...), closed after the test. Tests make their own contexts because axe's
// AxeBuilder needs a page from browser.newContext(), and because each variant (dark, narrow,
// reduced motion) is a context option.
//
// The service worker is blocked unless a test asks for it (`serviceWorkers: 'allow'` in the
// options, or `test.use` for a whole file): a fresh context that allows it installs the worker
// and precaches the whole app, about half a second of a busy two-core machine per page opened,
// and only the offline and installable-app tests need it. playwright.config.ts blocks it for the
// `page` fixture too.
import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';

export type OpenPage = (options?: BrowserContextOptions) => Promise<Page>;

export const test = base.extend<{ openPage: OpenPage }>({
  openPage: async ({ browser, baseURL, serviceWorkers }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, serviceWorkers, ...options });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
