// Unit tests for the browser app: jsdom, Testing Library. Browser-only behaviour (motion,
// layout, service worker) is covered by the Playwright suite in tests/e2e instead.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// JUNIT_DIR is taken relative to where npm was started (the repository root), not to web/.
const junitDir = process.env.JUNIT_DIR ? resolve(process.env.JUNIT_DIR) : undefined;

export default defineConfig({
  root,
  plugins: [preact()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Worker threads start faster than the default child processes: 72 s against 95 s for the
    // whole suite on two cores, every test the same.
    pool: 'threads',
    // Both cores (the default leaves one idle here), and one jsdom per worker rather than per
    // file: making a jsdom cost each file about a second and a half, and the suite took 161 s
    // alone on this machine; it takes 42 s so. What a file could leave behind for the next is
    // reset in src/test/setup.ts (the DOM, storage, the address, cookies, the title).
    maxWorkers: 2,
    isolate: false,
    // make test runs these beside the API suites; the slowest test takes 1.3 s on a quiet
    // machine, and a test that waits for something that never comes still fails, only later.
    testTimeout: 15_000,
    restoreMocks: true,
    unstubGlobals: true,
    // Concise console output always; JUnit XML in addition when the Makefile asks for it.
    reporters: junitDir ? ['dot', ['junit', { outputFile: resolve(junitDir, 'web.xml') }]] : ['dot'],
  },
});
