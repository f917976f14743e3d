/**
 * The command table of `mge`. A command parses its own arguments (node:util parseArgs) and
 * returns an exit code; adding one is a file exporting a CliCommand and a line here.
 */
import { generateCommand } from './generate';
import type { CliIo } from './io';
import { indexCommand } from './indexCommand';
import { planCommand } from './plan';
import { resumeCommand } from './resume';
import { searchCommand } from './searchCommand';
import { statusCommand } from './status';
import { validateCommand } from './validateCommand';

/** What every command gets: the process view and the signal SIGINT aborts. */
export interface CliContext {
  readonly io: CliIo;
  readonly signal: AbortSignal;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `mge --help`. */
  readonly summary: string;
  /** Full text for `mge <name> --help`: usage line, then options. */
  readonly help: string;
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** Every command, in help order. */
export const COMMANDS: readonly CliCommand[] = [generateCommand, resumeCommand, planCommand, statusCommand, indexCommand, searchCommand, validateCommand];

/** The command called `name`. */
export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `mge --help`. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'mge: turn a plain-language request into a planned, generated codebase with Claude.',
    '',
    'Usage: mge <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `mge <command> --help` for its options.',
    'Environment: ANTHROPIC_API_KEY (required for API calls), ANTHROPIC_BASE_URL, MGE_MODEL, MGE_V2_ENABLED,',
    '  MGE_V2_MAX_CONCURRENCY, MGE_V2_MAX_RETRIES, MGE_V2_ENABLE_CACHING, MGE_V2_ENABLE_RAG (flags win).',
    'Exit codes: 0 done, 1 finished with failures, 2 bad usage or input, 3 API or authentication error, 130 cancelled.',
    '',
  ].join('\n');
}
