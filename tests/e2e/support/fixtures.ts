// `openPage(options)`: a page in its own fresh browser context (viewport, colour scheme,
// reduced motion...), closed after the test. Tests make their own contexts because axe's
// AxeBuilder needs a page from browser.newContext(), and because each variant (dark, narrow,
// reduced motion) is a context option.
import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';

export type OpenPage = (options?: BrowserContextOptions) => Promise<Page>;

export const test = base.extend<{ openPage: OpenPage }>({
  openPage: async ({ browser, baseURL }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
