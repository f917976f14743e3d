/**
 * Level 4, types: the assembled file is written into the shadow workspace and the language
 * server of its language (TypeScript's own for TS/JS, pyright for Python) is asked for its
 * diagnostics; errors attributed to the atom fail it (see typeDiagnostics.ts). A server that is
 * missing, will not start, dies or does not answer in time makes the level 'skipped' with the
 * reason: never a silent pass.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LspTimeoutError, LspUnavailableError } from '../lsp/deadline';
import type { ServerKind } from '../lsp/serverCommands';
import type { LanguageServerPool } from '../lsp/serverPool';
import { languageForPath, type LanguageId } from '../parse/languages';
import type { LanguageServer } from '../lsp/languageServer';
import type { LspDiagnostic } from '../lsp/protocol';
import type { ShadowWorkspace } from '../shadow/shadowWorkspace';
import { attributeErrors, baselineOf, errorsOnly, withoutPendingAssignments, type DiagnosticBaseline } from './typeDiagnostics';
import { skipped } from './validateAtom';
import type { AtomUnderValidation, LevelResult, Validator } from './types';

export interface TypesLevelOptions {
  /** Where assembled files are written for the servers to read. */
  readonly shadow: ShadowWorkspace;
  /** The run's servers (the level does not own them: the run disposes the pool). */
  readonly servers: LanguageServerPool;
  /** Deadline of one diagnostics request (default 20 s: a cold server loads its project on the first). */
  readonly timeoutMs?: number;
  /**
   * 'atom' (default): errors on the atom's lines, plus errors elsewhere the atom caused.
   * 'file': every error in the file (`mge validate`, where the file is the unit).
   */
  readonly scope?: 'atom' | 'file';
  /**
   * Folder of an @types/node package linked into a shadow whose project has no node_modules (its
   * dependencies are not installed yet, as in a fresh generated project), so Node's own API
   * (`process`, `node:http`) is not reported missing. Default: MGE's own copy when it has one;
   * null: none.
   */
  readonly fallbackNodeTypes?: string | null;
}

const SERVED: Partial<Record<LanguageId, { kind: ServerKind; languageId: string }>> = {
  typescript: { kind: 'typescript', languageId: 'typescript' },
  tsx: { kind: 'typescript', languageId: 'typescriptreact' },
  javascript: { kind: 'typescript', languageId: 'javascript' },
  python: { kind: 'pyright', languageId: 'python' },
};

// A file with no tsconfig/jsconfig above it gets one in the shadow only: strict TypeScript,
// checkJs for JavaScript (else the server reports no type errors in .js files at all), and
// Node's types when installed (TypeScript 7 no longer loads every @types package by default).
function defaultConfig(shadow: ShadowWorkspace): string {
  const nodeTypes = existsSync(shadow.pathOf('node_modules/@types/node/package.json'));
  return JSON.stringify({
    compilerOptions: {
      strict: true, allowJs: true, checkJs: true, noEmit: true, skipLibCheck: true,
      target: 'es2022', module: 'nodenext', types: nodeTypes ? ['node'] : [],
    },
  });
}

async function ensureConfig(shadow: ShadowWorkspace, relPath: string, signal: AbortSignal): Promise<void> {
  const segments = relPath.split('/').slice(0, -1);
  for (let n = segments.length; n >= 0; n--) {
    const dir = segments.slice(0, n).join('/');
    const has = ['tsconfig.json', 'jsconfig.json'].some((name) => existsSync(shadow.pathOf(dir ? `${dir}/${name}` : name)));
    if (has) return;
  }
  await shadow.write('tsconfig.json', defaultConfig(shadow), signal);
}

function ownNodeTypes(): string | null {
  try {
    return dirname(createRequire(__filename).resolve('@types/node/package.json'));
  } catch {
    return null;
  }
}

// Once per shadow, and never inside a linked node_modules (that is the user's real folder).
const nodeTypesLinked = new WeakMap<ShadowWorkspace, Promise<void>>();

function ensureNodeTypes(shadow: ShadowWorkspace, fallback: string | null | undefined): Promise<void> {
  const known = nodeTypesLinked.get(shadow);
  if (known) return known;
  const linking = (async () => {
    const folder = fallback === undefined ? ownNodeTypes() : fallback;
    const modules = shadow.pathOf('node_modules');
    if (!folder || existsSync(modules)) return;
    await mkdir(join(modules, '@types'), { recursive: true });
    await symlink(folder, join(modules, '@types', 'node'), 'junction');
  })();
  nodeTypesLinked.set(shadow, linking);
  return linking;
}

// JavaScript has no annotations to add: "implicitly has an 'any' type" (TS 7005-7034) is noise there.
const IMPLICIT_ANY = new Set(['7005', '7006', '7008', '7010', '7011', '7019', '7031', '7034']);

function relevant(errors: readonly LspDiagnostic[], language: LanguageId): LspDiagnostic[] {
  return language === 'javascript' ? errors.filter((e) => !IMPLICIT_ANY.has(e.code ?? '')) : [...errors];
}

/** The types level over a shadow workspace and a server pool. */
export function createTypesValidator(options: TypesLevelOptions): Validator {
  // Errors of an atom's file with its hole left empty, by path and text: atoms of one file with
  // the same dependencies share one. Outside the atom's lines only empty holes, signatures and
  // dependencies' code remain, whose errors do not change as other files' bodies fill in.
  const baselines = new Map<string, Promise<DiagnosticBaseline>>();
  const fileQueues = new Map<string, Promise<unknown>>();

  // One file in the shadow is one document on the server: atoms of the same file take turns,
  // or one atom's text could be checked under another's diagnostics request.
  function serially<T>(relPath: string, work: () => Promise<T>): Promise<T> {
    const previous = fileQueues.get(relPath) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(() => undefined, () => undefined);
    fileQueues.set(relPath, settled);
    void settled.then(() => {
      if (fileQueues.get(relPath) === settled) fileQueues.delete(relPath);
    });
    return next;
  }

  const cursors = new WeakMap<LanguageServer, number>();

  // Files the run wrote since this server last looked (skeletons, proposals, other atoms'
  // files): open ones are re-synced from disk, the others announced as changed.
  async function catchUp(server: LanguageServer, except: string): Promise<void> {
    const { paths, cursor } = options.shadow.changesSince(cursors.get(server) ?? 0);
    cursors.set(server, cursor);
    const closed: string[] = [];
    for (const rel of paths) {
      if (rel === except) continue;
      const abs = options.shadow.pathOf(rel);
      const language = languageForPath(rel);
      const served = language ? SERVED[language] : undefined;
      if (served && server.isOpen(abs)) server.sync(abs, served.languageId, await readFile(abs, 'utf8'));
      else closed.push(abs);
    }
    server.filesChanged(closed);
  }

  async function errorsOf(server: LanguageServer, target: AtomUnderValidation, languageId: string, text: string, signal: AbortSignal): Promise<LspDiagnostic[]> {
    const abs = options.shadow.pathOf(target.relPath);
    const version = server.sync(abs, languageId, text);
    return relevant(errorsOnly(await server.diagnostics(abs, version, options.timeoutMs ?? 20_000, signal)), target.language ?? 'javascript');
  }

  // The errors of the atom's file with its hole still empty: those are not the atom's doing
  // (another unfilled hole's missing return, say), whatever order atoms finish in.
  async function baselineFor(server: LanguageServer, target: AtomUnderValidation, languageId: string, signal: AbortSignal): Promise<DiagnosticBaseline | null> {
    const text = target.baselineText;
    if (text === undefined) return null;
    const key = `${target.relPath}\0${text}`;
    const known = baselines.get(key);
    if (known) return known;
    const taking = errorsOf(server, target, languageId, text, signal).then(baselineOf);
    baselines.set(key, taking);
    // A failed or aborted request is not a baseline: the next atom asks again.
    void taking.catch(() => baselines.delete(key));
    return taking;
  }

  async function check(target: AtomUnderValidation, served: { kind: ServerKind; languageId: string }, signal: AbortSignal): Promise<LevelResult> {
    const { shadow, servers } = options;
    if (served.kind === 'typescript') {
      await ensureNodeTypes(shadow, options.fallbackNodeTypes);
      await ensureConfig(shadow, target.relPath, signal);
    }
    await shadow.write(target.relPath, target.fileText, signal);
    if (target.language) await shadow.includeImports(target.relPath, target.fileText, target.language, signal);
    const server = await servers.get(served.kind, shadow.root, signal);
    await catchUp(server, target.relPath);
    if (options.scope === 'file') {
      const errors = await errorsOf(server, target, served.languageId, target.fileText, signal);
      const messages = attributeErrors(errors, 1, target.fileText.split('\n').length, null);
      return { level: 'types', status: messages.length === 0 ? 'pass' : 'fail', messages };
    }
    const baseline = await baselineFor(server, target, served.languageId, signal);
    const errors = withoutPendingAssignments(await errorsOf(server, target, served.languageId, target.fileText, signal), target.fileText);
    const messages = attributeErrors(errors, target.startLine, target.endLine, baseline);
    return { level: 'types', status: messages.length === 0 ? 'pass' : 'fail', messages };
  }

  return {
    level: 'types',
    async validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
      const served = target.language ? SERVED[target.language] : undefined;
      if (!served) return skipped('types', `no language server for ${target.language ?? target.relPath}`);
      try {
        return await serially(target.relPath, () => check(target, served, signal));
      } catch (err) {
        if (signal.aborted) throw err;
        if (err instanceof LspUnavailableError || err instanceof LspTimeoutError) return skipped('types', err.message);
        throw err;
      }
    },
  };
}
