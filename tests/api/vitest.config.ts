// API black-box tests: the real securebase binary, started once per run by
// support/global-setup.ts on SQLite or PostgreSQL (SB_API_DATABASE_URL),
// driven through the app's own typed client in web/src/api.
import { configDefaults, defineConfig } from 'vitest/config';
import { LogScanLast } from './support/log-scan-last';

const junitDir = process.env.JUNIT_DIR;
const suite = process.env.SB_API_SUITE ?? 'api';
// Files about one database's own behaviour run on that pass only: *.sqlite.test.ts on SQLite,
// *.postgresql.test.ts on PostgreSQL (SB_API_DATABASE_URL), as migrations name their dialects.
const onPostgres = (process.env.SB_API_DATABASE_URL ?? '').startsWith('postgresql:');

export default defineConfig({
  test: {
    root: __dirname,
    include: ['**/*.test.ts'],
    exclude: [...configDefaults.exclude, onPostgres ? '**/*.sqlite.test.ts' : '**/*.postgresql.test.ts'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One server per run; files run one after another so that tests that
    // count metrics or stop connections do not trip over each other.
    fileParallelism: false,
    // log-scan.test.ts reads every other file's server logs, so it runs last.
    sequence: { sequencer: LogScanLast },
    reporters: junitDir ? ['default', 'junit'] : ['default'],
    outputFile: junitDir ? { junit: `${junitDir}/${suite}.xml` } : undefined,
  },
});
