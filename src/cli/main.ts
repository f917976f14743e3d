/**
 * Entry of dist/cli.js (`mge`). SIGINT aborts the run's AbortController: the command saves and
 * exits 130; a second SIGINT exits at once. The SDK's console warnings go to stderr through
 * the same path as our log lines so `--json` stderr stays one JSON value per line.
 */
import { format } from 'node:util';
import { runCli } from './cli';
import { EXIT } from './exitCodes';
import { processIo } from './io';

function main(): void {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT.cancelled);
    controller.abort(new Error('Interrupted (SIGINT)'));
  });
  const argv = process.argv.slice(2);
  if (argv.includes('--json')) {
    console.warn = (...args: unknown[]) => process.stderr.write(`${JSON.stringify({ log: 'warn', message: format(...args) })}\n`);
  }
  runCli(argv, { io: processIo(), signal: controller.signal }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`mge: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

main();
