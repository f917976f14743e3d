/**
 * Validates files on their own (`mge validate`): each file is its own atom, levels 1-3 over
 * tree-sitter, level 4 through the language servers and level 5 running the file, both in a
 * shadow copy of the file's project (the nearest folder above it with a package.json,
 * tsconfig/jsconfig, pyproject.toml ...).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, parse, relative, sep } from 'node:path';
import type { LanguageServerPoolOptions } from '../lsp/serverPool';
import type { LanguageId } from '../parse/languages';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import { fileAtomLines } from './fileAtom';
import { runFileItself } from './runtimeCommands';
import { createShadowValidators } from './shadowValidators';
import { createStructuralValidators } from './structuralValidators';
import { skipped, validateAtom } from './validateAtom';
import type { AtomUnderValidation, LevelResult, ValidationLevel, Validator } from './types';
import { LEVEL_ORDER } from './types';

export interface ValidateFilesOptions {
  readonly parser: MultiLanguageParser;
  /** Levels to run; the others are reported as skipped ('not selected'). */
  readonly levels: readonly ValidationLevel[];
  /** Judge each file as one atom at the atomicity level (else that level is skipped). */
  readonly atom: boolean;
  /** Run each file at level 5 (else that level is skipped). */
  readonly runtime: boolean;
  readonly maxLines?: number;
  readonly runtimeTimeoutMs?: number;
  readonly typesTimeoutMs?: number;
  /** Files validated at once (default 4). */
  readonly concurrency?: number;
  readonly servers?: LanguageServerPoolOptions;
  readonly scratchDir?: string;
}

/** One file's verdict: every level, in order. */
export interface FileValidation {
  readonly path: string;
  readonly language: LanguageId | null;
  readonly ok: boolean;
  readonly levels: Readonly<Record<ValidationLevel, LevelResult>>;
  /** Milliseconds each level that ran took. */
  readonly timings: Partial<Record<ValidationLevel, number>>;
}

const PROJECT_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'pyrightconfig.json'];

/** The nearest folder at or above `file`'s folder with a project marker, else the file's folder. */
export function projectRootOf(file: string): string {
  const top = parse(file).root;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    if (dir === top) return dirname(file);
  }
}

/** Validates `absPaths` (absolute, existing); results in the order given. */
export async function validateFiles(absPaths: readonly string[], options: ValidateFilesOptions, signal: AbortSignal): Promise<FileValidation[]> {
  const structural = createStructuralValidators(options.parser, Math.max(16, options.concurrency ?? 4));
  const byRoot = new Map<string, string[]>();
  for (const path of absPaths) byRoot.set(projectRootOf(path), [...(byRoot.get(projectRootOf(path)) ?? []), path]);
  const results = new Map<string, FileValidation>();
  const wantsShadow = options.levels.includes('types') || (options.runtime && options.levels.includes('runtime'));
  const servers = options.servers;
  try {
    for (const [root, files] of byRoot) {
      const shadowLevels = wantsShadow
        ? await createShadowValidators({
          sourceRoot: root, files: files.map((f) => toRel(root, f)), runtime: options.runtime ? 'on' : 'off',
          runtimeOffReason: 'runs only with --runtime', checkFor: runFileItself, typesScope: 'file',
          typesTimeoutMs: options.typesTimeoutMs, runtimeTimeoutMs: options.runtimeTimeoutMs, servers, scratchDir: options.scratchDir,
        }, signal)
        : null;
      try {
        const validators = [...structural.validators, ...(shadowLevels?.validators ?? [])];
        await eachLimited(files, options.concurrency ?? 4, async (file) => {
          results.set(file, await validateOne(file, root, validators, options, signal));
        });
      } finally {
        await shadowLevels?.dispose();
      }
    }
  } finally {
    structural.dispose();
  }
  return absPaths.map((p) => results.get(p)).filter((r): r is FileValidation => r !== undefined);
}

async function validateOne(file: string, root: string, all: readonly Validator[], options: ValidateFilesOptions, signal: AbortSignal): Promise<FileValidation> {
  const text = await readFile(file, 'utf8');
  const language = options.parser.languageForPath(file) ?? null;
  const lines = Math.max(1, text.replace(/\n$/, '').split('\n').length);
  const target: AtomUnderValidation = {
    atomId: file, relPath: toRel(root, file), language, fileText: text, startLine: 1, endLine: lines,
    declaredSignature: null, maxLines: options.maxLines ?? 10, injectedSymbols: [],
  };
  const atomLines = options.atom && language ? await fileAtomLines(options.parser, text, language, signal) : null;
  const timings: Partial<Record<ValidationLevel, number>> = {};
  const chosen = all.filter((v) => options.levels.includes(v.level)).map((v) => timed(wrap(v, atomLines, options), timings));
  const report = await validateAtom(chosen, target, signal);
  const levels = Object.fromEntries(LEVEL_ORDER.map((level) => [level, report.results.find((r) => r.level === level) ?? skipped(level, 'not selected with --levels')]));
  return { path: file, language, ok: report.passed, levels: levels as Record<ValidationLevel, LevelResult>, timings };
}

/** Atomicity sees the file minus its imports (--atom) or is skipped; everything else sees the whole file. */
function wrap(validator: Validator, atomLines: { startLine: number; endLine: number } | null, options: ValidateFilesOptions): Validator {
  if (validator.level !== 'atomicity') return validator;
  return {
    level: 'atomicity',
    validate: (target, signal) => (options.atom && atomLines
      ? validator.validate({ ...target, ...atomLines }, signal)
      : Promise.resolve(skipped('atomicity', options.atom ? `no grammar for ${target.relPath}` : 'judged only with --atom (a whole file is not one atom)'))),
  };
}

function timed(validator: Validator, timings: Partial<Record<ValidationLevel, number>>): Validator {
  return {
    level: validator.level,
    async validate(target, signal) {
      const started = performance.now();
      try {
        return await validator.validate(target, signal);
      } finally {
        timings[validator.level] = performance.now() - started;
      }
    },
  };
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function toRel(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
