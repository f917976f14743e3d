/**
 * Level 5's check in a generation run: the generated tests. An atom of a test file runs that test
 * file in the shadow workspace with every atom of the file that has passed so far and this one
 * in place; tests whose atoms are not done are still empty and pass, so what can fail is this
 * atom's test (a Python test method runs alone). A test case's atom waits in the graph for its
 * file's helpers and hooks and for every atom of the run files it imports (see testFiles.ts), and
 * the run's other files, as complete as they are (`runFiles`), are written into the shadow first,
 * so the test runs against the whole generated code under test. Should something still be
 * missing (a hole with no atom, a resumed run), the level is skipped with what. Other atoms have
 * no test of their own (the plan's acceptance criteria are prose, not commands): skipped with
 * that reason; the tests that import their file exercise them once it is complete, and a failure
 * there is reported on the test's atom, whose retry feedback carries the output.
 *
 * Runners: `python3 -m unittest` for unittest files, `node --test` for JavaScript and (through
 * tsx: the workspace's, else MGE's) TypeScript files that use node:test. A test file for another
 * runner (pytest, vitest, jest) is skipped with the reason.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasOpenHole } from '../atomize/contract';
import { isTestFile } from '../atomize/testFiles';
import { languageForPath } from '../parse/languages';
import { importClosure } from '../shadow/importClosure';
import type { ShadowWorkspace } from '../shadow/shadowWorkspace';
import type { RuntimeCheckFor } from './runtimeLevel';
import { pythonExe, type RuntimeCommand } from './runtimeCommands';
import type { AtomUnderValidation } from './types';

export interface GeneratedTestsOptions {
  /** Folder of the tsx package for TypeScript tests when the workspace has none (default: MGE's own, if any). */
  readonly tsx?: string | null;
}

let copies = 0;

/** The runtime check of a generation run: the atom's test file, or a skip with the reason. */
export function generatedTestCheck(options: GeneratedTestsOptions = {}): RuntimeCheckFor {
  return async (target, shadow, signal) => {
    if (!isTestFile(target.relPath)) {
      return new Error('not a test file: the tests that import it run it once it is complete');
    }
    if (target.testRole === 'support') return new Error('a helper or setup hook of the tests: they run with it (their atoms wait for it)');
    if (target.testRole === 'teardown') return new Error('a teardown hook: the tests run with it, its own run would test nothing');
    const runner = runnerFor(target, shadow, options);
    if (runner instanceof Error) return runner;
    const text = target.runText ?? target.fileText;
    const support = emptySupportHole(text, target.language === 'python', testClassOf(target));
    if (support) return new Error(`the test file is not complete yet (${support} is still empty)`);
    await writeRunFiles(target, shadow, signal);
    const pending = await incompleteImport(target, shadow, signal);
    if (pending) return new Error(`the code under test is not complete yet (${pending} still has empty holes)`);
    // A private copy beside the file (relative imports still resolve): an atom of the same file
    // validated meanwhile rewrites the file itself.
    const { rel: copyRel, marker } = copyName(target.relPath, ++copies);
    const copyAbs = shadow.pathOf(copyRel);
    await writeFile(copyAbs, text);
    return { ...runner(copyRel, copyAbs), outputRenames: [[marker, '']], cleanup: () => rm(copyAbs, { force: true }) };
  };
}

type Runner = (copyRel: string, copyAbs: string) => RuntimeCommand;

const HOLE = /^([ \t]*)(?:\.\.\.[ \t]*#|\/\/|#)[ \t]*@atom\s+([A-Za-z_][\w.-]*)/;
const PY_TEST_OPENER = /^\s*(?:async\s+)?def\s+test\w*\s*\(/;
const JS_TEST_OPENER = /\b(?:test|it)(?:\.(?:only|skip|todo))?\s*\(/;

/** A statement hole whose name or description says it sets the tests up (`before`, `beforeEach`, a setup). */
const SETUP_HOOK = /@atom\s+\S*(?:before|setup)|:.*\b(?:before|set ?up)\b/i;

/** Hooks that run after a test: an empty one does not change its outcome. */
const TEARDOWN = /\bdef\s+(?:tearDown|tearDownClass|asyncTearDown)\b|\b(?:after|afterEach|afterAll)\s*\(/;

/**
 * The first empty hole of a test file that a test needs (a helper, a fixture, a `setUp` or
 * `before` hook), not a test's body nor a teardown: a test run before it is filled fails for
 * want of it. A hole's owner is the nearest line above it with less indentation. With
 * `onlyClass` (a Python test run alone), holes inside other classes do not count.
 */
export function emptySupportHole(text: string, python: boolean, onlyClass?: string): string | null {
  const lines = text.split('\n');
  let currentClass: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\S/.test(line)) currentClass = /^class\s+(\w+)/.exec(line)?.[1] ?? null;
    const hole = HOLE.exec(line);
    if (!hole) continue;
    if (onlyClass && currentClass !== null && currentClass !== onlyClass) continue;
    const indent = hole[1]?.length ?? 0;
    let owner = '';
    for (let j = i - 1; j >= 0; j--) {
      const above = lines[j] ?? '';
      if (above.trim() === '' || (/^\s*/.exec(above)?.[0].length ?? 0) >= indent) continue;
      owner = above;
      break;
    }
    if (owner === '' && !python) {
      // A statement hole of a JS/TS test file: an empty test or teardown runs nothing; a setup hook the tests need is missing.
      if (SETUP_HOOK.test(line)) return hole[2] ?? 'a hole';
      continue;
    }
    if (!(python ? PY_TEST_OPENER : JS_TEST_OPENER).test(owner) && !TEARDOWN.test(owner)) return hole[2] ?? 'a hole';
  }
  return null;
}

function runnerFor(target: AtomUnderValidation, shadow: ShadowWorkspace, options: GeneratedTestsOptions): Runner | Error {
  const name = basename(target.relPath);
  if (target.language === 'python') {
    if (!/\bunittest\b/.test(target.fileText)) return new Error(`${name} is not a unittest file: only unittest tests are run`);
    // A test method's atom runs its test alone (with the class's fixtures): the others are empty anyway.
    const method = testMethodOf(target);
    const only = method ? `.${method}` : '';
    return (copyRel) => ({
      command: pythonExe(), args: ['-m', 'unittest', copyRel.replace(/\.py$/, '').split('/').join('.') + only],
      description: `python3 -m unittest ${name}${only ? ` (${method})` : ''}`,
    });
  }
  if (target.language !== 'javascript' && target.language !== 'typescript') return new Error(`no test runner for ${target.language ?? name}`);
  if (!/['"]node:test['"]/.test(target.fileText)) return new Error(`${name} does not use node:test: tests for other runners are not run`);
  if (target.language === 'javascript') return (_rel, abs) => ({ command: process.execPath, args: ['--test', abs], description: `node --test ${name}` });
  const tsx = tsxLoader(shadow, options.tsx);
  if (!tsx) return new Error(`no way to run TypeScript tests here: tsx is installed neither in the workspace nor with MGE`);
  return (_rel, abs) => ({ command: process.execPath, args: ['--import', pathToFileURL(tsx).href, '--test', abs], description: `node --test ${name} (through tsx)` });
}

/** `Class.test_x` for the atom of a Python test method (atom ids end in `#<hole name>`), else null. */
function testMethodOf(target: AtomUnderValidation): string | null {
  const unit = target.atomId.slice(target.atomId.lastIndexOf('#') + 1);
  return target.language === 'python' && /^[A-Za-z_]\w*\.test\w*$/.test(unit) ? unit : null;
}

function testClassOf(target: AtomUnderValidation): string | undefined {
  return testMethodOf(target)?.split('.')[0];
}

/** tsx's loader: the workspace's (linked node_modules in the shadow) first, else the given or MGE's own. */
function tsxLoader(shadow: ShadowWorkspace, given: string | null | undefined): string | null {
  for (const from of [shadow.pathOf('package.json'), given === undefined ? __filename : given ? join(given, 'package.json') : null]) {
    if (!from) continue;
    try {
      const loader = createRequire(from).resolve('tsx');
      if (existsSync(loader)) return loader;
    } catch {
      // not there: try the next place
    }
  }
  return null;
}

/**
 * The run's other files as complete as they are now, where the shadow holds something else: a
 * file is written into the shadow when it is proposed, and between atoms' checks it holds what
 * the last check of it wrote (that atom and its dependencies only).
 */
async function writeRunFiles(target: AtomUnderValidation, shadow: ShadowWorkspace, signal: AbortSignal): Promise<void> {
  for (const [rel, text] of target.runFiles?.() ?? []) {
    if (rel === target.relPath) continue;
    const current = await readFile(shadow.pathOf(rel), 'utf8').catch(() => null);
    if (current !== text) await shadow.write(rel, text, signal);
  }
}

/** The first run file the test imports (transitively) that still has a hole in the shadow, or null. */
async function incompleteImport(target: AtomUnderValidation, shadow: ShadowWorkspace, signal: AbortSignal): Promise<string | null> {
  if (!target.language) return null;
  const imported = await importClosure(shadow.root, { relPath: target.relPath, text: target.fileText, language: target.language }, languageForPath, new Set(), signal);
  for (const rel of imported) {
    if (hasOpenHole(await readFile(shadow.pathOf(rel), 'utf8'))) return rel;
  }
  return null;
}

/**
 * `tests/test_x.py` -> `tests/test_x_mge_check_3.py`, `test/a.test.ts` -> `test/a.mge-check-3.test.ts`,
 * and the marker whose removal turns the copy's names (file, Python module) back into the file's.
 */
function copyName(relPath: string, n: number): { rel: string; marker: string } {
  const dir = posix.dirname(relPath);
  const name = basename(relPath);
  const python = name.endsWith('.py');
  const marker = python ? `_mge_check_${n}` : `.mge-check-${n}`;
  const copy = python ? name.replace(/\.py$/, `${marker}.py`) : name.replace(/^([^.]+)/, `$1${marker}`);
  return { rel: dir === '.' ? copy : `${dir}/${copy}`, marker };
}
