/**
 * `mge` without the process: dispatch argv to a command from the table and turn every way it can
 * end into an exit code and a readable message. main.ts binds it to the real process.
 */
import { isLlmError } from '../core/llm';
import { BadInputError } from '../core/pipeline/badInput';
import { COMMANDS, findCommand, mainHelp, type CliContext } from './commands';
import { EXIT, exitCodeFor } from './exitCodes';
import { UsageError } from './io';
import { printFailure } from './summary';

/** Run `mge argv...`; resolves with the exit code (never rejects). */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const command = topic !== undefined ? findCommand(topic) : undefined;
    ctx.io.stdout(command ? command.help : mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    ctx.io.stdout('mge 0.1.0\n');
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (!command) {
    ctx.io.stderr(`mge: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See mge --help.\n`);
    return EXIT.usage;
  }
  const json = rest.includes('--json');
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    const { code, message } = describe(err);
    if (json) ctx.io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
    printFailure(ctx.io, code, message);
    if (code === 'usage' || isParseArgsError(err)) ctx.io.stderr(`See: mge ${command.name} --help\n`);
    return exitCodeFor(code);
  }
}

function describe(err: unknown): { code: string; message: string } {
  if (err instanceof UsageError || isParseArgsError(err)) return { code: 'usage', message: err instanceof Error ? err.message : String(err) };
  if (err instanceof BadInputError) return { code: err.code, message: err.message };
  if (isLlmError(err)) return { code: err.code, message: err.message };
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isParseArgsError(err: unknown): boolean {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS');
}
