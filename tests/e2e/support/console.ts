// Collects a page's console errors and uncaught errors, for tests that promise none.
//
// One expected message is left out: a signed-out visitor's `GET /api/v1/me` answers 401 (that is
// how the app learns nobody is signed in), and Chromium reports every failed fetch as a console
// error. Only that exact request is ignored; any other 401 still counts.
import type { Page } from '@playwright/test';

export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const signedOutCheck = new URL(message.location().url || 'about:blank', 'http://x').pathname === '/api/v1/me';
    if (signedOutCheck && message.text().includes('401')) return;
    problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
