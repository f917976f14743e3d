/**
 * Test output from inside the extension host. VS Code locks `console.*` there (it forwards them to
 * the workbench and ignores reassignment), so the integration tests and mocha's reporter print
 * through this function: to the console as usual and, when the runner set MGE_TEST_LOG_FILE, to
 * that file, which scripts/run-host-tests.mjs streams to its stdout.
 */
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

export function log(...args: unknown[]): void {
  const file = process.env.MGE_TEST_LOG_FILE;
  if (file) {
    try {
      appendFileSync(file, `${format(...args)}\n`);
    } catch {
      // The file is a convenience; the console still gets the line.
    }
  }
  console.log(...args);
}
