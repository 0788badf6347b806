// Files run one after another (vitest.config.ts); this keeps the usual order and puts
// log-scan.test.ts last, so that it reads what every other file's servers logged.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LogScanLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => (f.moduleId.endsWith('/log-scan.test.ts') ? 1 : 0);
    return [...sorted].sort((a, b) => last(a) - last(b));
  }
}
