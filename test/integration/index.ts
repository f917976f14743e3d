/**
 * Runs the integration tests inside the real VS Code extension host. scripts/run-host-tests.mjs
 * bundles this file with mocha and every test/integration/**\/*.test.ts into
 * dist-test/integration/index.js, whose `run()` the host calls (extensionTestsPath). Each test
 * file is loaded lazily, after mocha has put `describe`/`it`/`suite`/`test` on the global object.
 *
 * Output: the spec report and what the tests print with `log()` (./log.ts) go to the host console
 * (forwarded to the workbench) and, when MGE_TEST_LOG_FILE is set, to that file, which the runner
 * streams to its stdout. MGE_TEST_RESULT_FILE receives {"passes","failures","pending","durationMs"} as JSON.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { log } from './log';

export interface TestFile {
  /** Repository-relative path, for the report. */
  readonly file: string;
  /** Evaluates the test file (registers its suites). */
  readonly load: () => Promise<unknown>;
}

export interface TestResult {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly durationMs: number;
}

export async function runTests(files: readonly TestFile[]): Promise<void> {
  const logFile = process.env.MGE_TEST_LOG_FILE;
  if (logFile) writeFileSync(logFile, '');
  const grep = process.env.MGE_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.env.MGE_TEST_COLOR === '1',
    timeout: Number(process.env.MGE_TEST_TIMEOUT_MS ?? 30_000),
    ...(grep ? { grep } : {}),
  });
  // mocha's reporters print through Base.consoleLog (console.log captured when mocha loaded).
  Mocha.reporters.Base.consoleLog = log;
  // Both interfaces' globals (bdd from the constructor), so a file may use suite/test or describe/it.
  mocha.ui('tdd');
  for (const f of files) {
    mocha.suite.emit('pre-require', globalThis, f.file, mocha);
    try {
      await f.load();
    } catch (err) {
      log(`Could not load ${f.file}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      throw err;
    }
    mocha.suite.emit('require', null, f.file, mocha);
    mocha.suite.emit('post-require', globalThis, f.file, mocha);
  }
  const started = Date.now();
  const result = await new Promise<TestResult>((resolve) => {
    const runner = mocha.run((failures) => {
      resolve({
        passes: runner.stats?.passes ?? 0,
        failures,
        pending: runner.stats?.pending ?? 0,
        durationMs: Date.now() - started,
      });
    });
  });
  const resultFile = process.env.MGE_TEST_RESULT_FILE;
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
  if (result.failures > 0) throw new Error(`${result.failures} integration test(s) failed.`);
}
