/** `mge validate FILE...`: the five validation levels on files of your own, each file one atom. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledServerLocations } from '../core/lsp/serverCommands';
import { createMultiLanguageParser } from '../core/parse/multiLanguageParser';
import { LEVEL_ORDER, type ValidationLevel } from '../core/validate/types';
import { validateFiles, type FileValidation } from '../core/validate/validateFiles';
import type { CliCommand, CliContext } from './commands';
import { EXIT } from './exitCodes';
import { UsageError } from './io';

const OPTIONS = {
  atom: { type: 'boolean', default: false },
  runtime: { type: 'boolean', default: false },
  levels: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `Usage: mge validate FILE... [--atom] [--runtime] [--levels syntax,semantics,atomicity,types,runtime] [--json]

Validates files on their own, cheapest level first, stopping at a file's first failure:
syntax (tree-sitter), semantics (names resolve against the file, its imports and the language's
builtins), atomicity (only with --atom), types (TypeScript 7 / pyright language servers, in a
shadow copy of the file's project) and runtime (only with --runtime).

Options:
      --atom        judge each file as one atom (<= 10 lines of code after its imports, one job)
      --runtime     run each file (node; node with type stripping or esbuild for .ts; python3)
                    with a 10 s timeout, in the shadow copy, without secrets in its environment
      --levels L,L  the levels to run (default: all)
      --json        one object on stdout: {"files":[{"path","language","ok","levels":{...}}]}
  -h, --help        this text

Exit codes: 0 every file passed, 1 some file failed, 2 bad usage (unknown option or level, missing file).
`;

export const validateCommand: CliCommand = { name: 'validate', summary: 'validate files at the five levels', help: HELP, run: runValidate };

/** Run `mge validate`; returns the exit code. */
export async function runValidate(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('Give at least one file: mge validate FILE...');
  const levels = parseLevels(values.levels);
  const files = positionals.map((p) => resolve(ctx.io.cwd, p));
  const missing = files.filter((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing.length > 0) throw new UsageError(`Not a file: ${missing.join(', ')}`);
  const parser = createMultiLanguageParser();
  let results: FileValidation[];
  try {
    // dist/cli.js finds the servers the build copied next to it (dist/servers).
    results = await validateFiles(files, { parser, levels, atom: values.atom, runtime: values.runtime, servers: bundledServerLocations(__dirname) }, ctx.signal);
  } catch (err) {
    // Ctrl+C: the shadow copies and servers are already gone (validateFiles cleans up on the way out).
    if (!ctx.signal.aborted) throw err;
    ctx.io.stderr('mge validate: cancelled\n');
    return EXIT.cancelled;
  } finally {
    parser.dispose();
  }
  if (values.json) ctx.io.stdout(`${JSON.stringify({ files: results.map(toJson) })}\n`);
  else for (const r of results) ctx.io.stdout(describe(r, positionals[files.indexOf(r.path)] ?? r.path));
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed;
}

function parseLevels(value: string | undefined): ValidationLevel[] {
  if (value === undefined) return [...LEVEL_ORDER];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(LEVEL_ORDER as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new UsageError(`Unknown level ${unknown.join(', ') || '(none)'}: choose from ${LEVEL_ORDER.join(',')}.`);
  return LEVEL_ORDER.filter((l) => names.includes(l));
}

function toJson(r: FileValidation): Record<string, unknown> {
  const levels = Object.fromEntries(LEVEL_ORDER.map((level) => {
    const result = r.levels[level];
    const messages = result.messages.map(({ message, line, column }) => ({ message, line, column }));
    return [level, result.reason !== undefined ? { status: result.status, messages, reason: result.reason } : { status: result.status, messages }];
  }));
  return { path: r.path, language: r.language, ok: r.ok, levels };
}

function describe(r: FileValidation, shown: string): string {
  const lines = [`${r.ok ? 'PASS' : 'FAIL'}  ${shown}${r.language ? ` (${r.language})` : ''}`];
  for (const level of LEVEL_ORDER) {
    const result = r.levels[level];
    lines.push(`  ${level.padEnd(10)} ${result.status}${result.reason ? ` (${result.reason})` : ''}`);
    for (const m of result.messages) lines.push(`    ${shown}:${m.line}:${m.column} ${m.message.split('\n').join('\n      ')}`);
  }
  return `${lines.join('\n')}\n`;
}
