// Browser tests of the built app, in Debian's Chromium (no browser download: it fails here).
// The harness starts the real server; set BASE_URL to point elsewhere (e.g. `vite preview`).
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// JUNIT_DIR is taken relative to where npm was started (the repository root).
const junitDir = process.env.JUNIT_DIR ? resolve(process.env.JUNIT_DIR) : undefined;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two cores, shared with the server under test.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: junitDir ? [['line'], ['junit', { outputFile: resolve(junitDir, 'e2e.xml') }]] : [['line']],
  // First-run setup claims the site, so it runs first; the account specs then log in as the
  // practitioner it created (support/accounts.ts holds the same details).
  projects: [
    { name: 'first-run', testMatch: 'setup.spec.ts' },
    { name: 'app', testIgnore: 'setup.spec.ts', dependencies: ['first-run'] },
  ],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8080',
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Only the offline and installable-app tests need the service worker (they allow it):
    // installing it precaches the whole app in every fresh context (support/fixtures.ts).
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
