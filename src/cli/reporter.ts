/**
 * What the CLI prints while a command runs. With --json every stderr line is JSON: progress
 * events as they are (they carry `type`), log lines as {"log": level, "message"}. Without it,
 * short readable lines on stderr; results go to stdout.
 */
import type { Logger } from '../core/ports';
import type { ProgressEvent } from '../shared/events';
import type { CliIo } from './io';

export interface Reporter {
  readonly logger: Logger;
  event(event: ProgressEvent): void;
}

/** A reporter writing to `io`; debug lines only when `verbose`. */
export function createReporter(io: CliIo, options: { readonly json: boolean; readonly verbose: boolean }): Reporter {
  const log = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string) => {
    if (level === 'debug' && !options.verbose) return;
    if (options.json) io.stderr(`${JSON.stringify({ log: level, message })}\n`);
    else if (level !== 'info' || options.verbose) io.stderr(`${level === 'debug' ? '' : `${level}: `}${message}\n`);
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  let pauseShown = -1;
  return {
    logger,
    event(event) {
      if (options.json) {
        io.stderr(`${JSON.stringify(event)}\n`);
        return;
      }
      const line = humanLine(event);
      if (event.type === 'llm/pause') {
        // The countdown ticks every second; a log file gets every tenth tick, a terminal all of them in place.
        if (io.stderrIsTty) io.stderr(`\r${line}${event.secondsLeft === 0 ? '\n' : ''}`);
        else if (pauseShown < 0 || event.secondsLeft % 10 === 0) io.stderr(`${line}\n`);
        pauseShown = event.secondsLeft === 0 ? -1 : event.secondsLeft;
        return;
      }
      if (line !== null) io.stderr(`${line}\n`);
    },
  };
}

function humanLine(event: ProgressEvent): string | null {
  switch (event.type) {
    case 'run/started':
      return `Run ${event.runId}: ${event.request.length > 80 ? `${event.request.slice(0, 77)}...` : event.request}`;
    case 'stage/started':
      return `  ${event.stage}...`;
    case 'stage/finished':
      return `  ${event.stage} done in ${seconds(event.durationMs)}`;
    case 'discovery/ready':
      return `  domain: ${event.domain}`;
    case 'plan/ready':
      return `  plan ${event.masterPlanId}: ${event.tasks} tasks in ${event.phases} phases`;
    case 'context/used':
      // One line for the plan; skeleton and atom prompts (hundreds) only with --json.
      return event.scope === 'masterplan' ? `  context used by the plan: ${event.entries.map((e) => `${e.path}:${e.startLine}-${e.endLine}`).join(', ')}` : null;
    case 'llm/pause':
      return `  waiting ${event.secondsLeft} s: ${event.message}`;
    case 'llm/slowdown':
      return `  ${event.message}`;
    case 'run/error':
      return `  error (${event.code}): ${event.message}`;
    default:
      return null;
  }
}

/** "1.2 s" */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
