import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageServerPool, type LanguageServerPool } from '../../../../src/core/lsp/serverPool';
import { createShadowWorkspace, type ShadowWorkspace } from '../../../../src/core/shadow/shadowWorkspace';
import { createTypesValidator } from '../../../../src/core/validate/typesLevel';
import type { LanguageId } from '../../../../src/core/parse/languages';
import type { AtomUnderValidation } from '../../../../src/core/validate/types';

const signal = new AbortController().signal;

function atom(relPath: string, language: LanguageId, lines: readonly string[], startLine = 1, endLine = lines.length): AtomUnderValidation {
  return { atomId: `${relPath}:${startLine}`, relPath, language, fileText: lines.join('\n') + '\n', startLine, endLine, declaredSignature: null, maxLines: 10, injectedSymbols: [] };
}

describe('types level (4)', function () {
  this.timeout(60_000);
  let base: string;
  let shadow: ShadowWorkspace;
  let servers: LanguageServerPool;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'mge-types-test-'));
    mkdirSync(join(base, 'src'));
    writeFileSync(join(base, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', types: [] } }));
    shadow = await createShadowWorkspace({ sourceRoot: base, files: ['src/a.ts', 'src/b.py'], scratchDir: join(base, 'scratch') }, signal);
    servers = createLanguageServerPool();
  });
  after(async () => {
    await servers.dispose();
    await shadow.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  const FILE = [
    'export interface Task { id: string; done: boolean }',
    '',
    'export function count(tasks: Task[]): number {',
    '  return tasks.filter((t) => t.done).length;',
    '}',
    '',
    'export function first(tasks: Task[]): string {',
    '  return tasks[0]?.id ?? "";',
    '}',
  ];

  it('fails a TypeScript atom with a type error on its lines, with the position and the code', async () => {
    const types = createTypesValidator({ shadow, servers });
    const bad = [...FILE.slice(0, 6), 'export function first(tasks: Task[]): number {', '  return tasks[0]?.id ?? "";', '}'];
    const result = await types.validate(atom('src/a.ts', 'typescript', bad, 7, 9), signal);
    assert.equal(result.status, 'fail');
    assert.equal(result.messages.length, 1);
    assert.match(result.messages[0]?.message ?? '', /Type 'string' is not assignable to type 'number'\. \[ts 2322\]/);
    assert.equal(result.messages[0]?.line, 8);
  });

  it('passes good TypeScript, and does not blame an atom for errors on other lines it did not cause', async () => {
    const types = createTypesValidator({ shadow, servers });
    assert.equal((await types.validate(atom('src/a.ts', 'typescript', FILE, 3, 5), signal)).status, 'pass');
    // An unfilled neighbour (a hole) with an error: not this atom's doing, and no baseline yet.
    const withHole = [...FILE.slice(0, 6), 'export function first(tasks: Task[]): string {', '  // @atom first: the first id', '}'];
    const fresh = createTypesValidator({ shadow, servers });
    assert.equal((await fresh.validate(atom('src/a.ts', 'typescript', withHole, 3, 5), signal)).status, 'pass');
  });

  it('blames an atom for a new error outside its lines (a caller it broke), against its file with its hole left empty', async () => {
    const types = createTypesValidator({ shadow, servers });
    const caller = ['export function total(xs: number[]): number {', '  return sum(xs) + 1;', '}', ''];
    const empty = [...caller, 'function sum(xs: number[]): number {', '  // @atom sum: adds the numbers', '}'];
    const good = [...caller, 'function sum(xs: number[]): number {', '  return xs.reduce((a, b) => a + b, 0);', '}'];
    assert.equal((await types.validate({ ...atom('src/c.ts', 'typescript', good, 6, 6), baselineText: empty.join('\n') }, signal)).status, 'pass');
    const broke = [...caller, 'function sum(xs: number[]): string {', '  return xs.join(",");', '}'];
    const result = await types.validate({ ...atom('src/c.ts', 'typescript', broke, 5, 7), baselineText: empty.join('\n') }, signal);
    assert.equal(result.status, 'fail');
    assert.match(result.messages.map((m) => m.message).join('\n'), /outside the atom's lines 5-7, new with this atom/);
  });

  it('never blames an atom for another empty hole, whatever version of the file was checked before', async () => {
    // Two versions of one file (two tasks' skeletons: the second adds `label`), atoms in any order:
    // the empty `label` and `count` bodies miss their return (TS2355) in one version and not the other.
    const head = ['export function count(xs: number[]): number {', '  // @atom count: how many', '}', ''];
    const withLabel = [...head, 'export function label(x: number): string {', '  // @atom label: the text', '}'];
    const filledCount = (lines: readonly string[]): string[] => lines.map((l) => (l.includes('@atom count') ? '  return xs.length;' : l));
    const filledLabel = withLabel.map((l) => (l.includes('@atom label') ? '  return String(x);' : l));
    const types = createTypesValidator({ shadow, servers });
    // Checked first: `count` in the first version (no other hole), then `label` and `count` in the second.
    assert.equal((await types.validate({ ...atom('src/d.ts', 'typescript', filledCount(head), 2, 2), baselineText: head.join('\n') }, signal)).status, 'pass');
    const label = await types.validate({ ...atom('src/d.ts', 'typescript', filledLabel, 6, 6), baselineText: withLabel.join('\n') }, signal);
    assert.equal(label.status, 'pass', JSON.stringify(label.messages));
    const count = await types.validate({ ...atom('src/d.ts', 'typescript', filledCount(withLabel), 2, 2), baselineText: withLabel.join('\n') }, signal);
    assert.equal(count.status, 'pass', JSON.stringify(count.messages));
    // Without the comparison text the same error would have counted: the test can fail.
    const unfair = createTypesValidator({ shadow, servers });
    await unfair.validate({ ...atom('src/d.ts', 'typescript', filledCount(head), 2, 2), baselineText: head.join('\n') }, signal);
    const blamed = await unfair.validate({ ...atom('src/d.ts', 'typescript', filledCount(withLabel), 2, 2), baselineText: filledCount(head).join('\n') }, signal);
    assert.equal(blamed.status, 'fail');
    assert.match(blamed.messages[0]?.message ?? '', /\[ts 2355\]/);
  });

  it('does not hold "used before being assigned" against an atom while another empty hole may assign the variable', async () => {
    const types = createTypesValidator({ shadow, servers });
    const lines = ['let server: { close(): void };', 'export function setUp(): void {', '  // @atom setUp: starts the server', '}', 'export function tearDown(): void {', '  server.close();', '}'];
    const empty = lines.map((l) => (l === '  server.close();' ? '  // @atom tearDown: stops it' : l));
    assert.equal((await types.validate({ ...atom('src/e.ts', 'typescript', lines, 6, 6), baselineText: empty.join('\n') }, signal)).status, 'pass');
    // With no hole left to assign it, the error is the atom's.
    const noHole = lines.map((l) => (l.includes('@atom setUp') ? '  return;' : l));
    const result = await types.validate({ ...atom('src/e.ts', 'typescript', noHole, 6, 6), baselineText: empty.map((l) => (l.includes('@atom setUp') ? '  return;' : l)).join('\n') }, signal);
    assert.equal(result.status, 'fail');
    assert.match(result.messages[0]?.message ?? '', /used before being assigned/);
  });

  it('sees a file the run rewrote on disk behind the server (an imported signature changed)', async () => {
    const types = createTypesValidator({ shadow, servers });
    await shadow.write('src/dep.ts', 'export const limit: number = 1;\n', signal);
    const user = atom('src/user.ts', 'typescript', ["import { limit } from './dep';", 'export const twice: number = limit * 2;']);
    assert.equal((await types.validate(user, signal)).status, 'pass');
    await shadow.write('src/dep.ts', "export const limit: string = 'one';\n", signal);
    const again = await types.validate(user, signal);
    assert.equal(again.status, 'fail', JSON.stringify(again));
    assert.match(again.messages[0]?.message ?? '', /arithmetic operation must be of type 'any', 'number', 'bigint'/);
  });

  it('checks Python through pyright: an error fails, good code passes', async () => {
    const types = createTypesValidator({ shadow, servers });
    const bad = await types.validate(atom('src/b.py', 'python', ['def count(text: str) -> int:', '    return text.split()']), signal);
    assert.equal(bad.status, 'fail', JSON.stringify(bad));
    assert.match(bad.messages[0]?.message ?? '', /not assignable to return type "int"/);
    assert.equal(bad.messages[0]?.line, 2);
    const good = await types.validate(atom('src/b.py', 'python', ['def count(text: str) -> int:', '    return len(text.split())']), signal);
    assert.equal(good.status, 'pass', JSON.stringify(good));
  });

  it('is skipped with the reason when the server cannot start, and remembers it', async () => {
    const missing = createLanguageServerPool({ commandFor: () => ({ name: 'ghost-ls', command: join(base, 'no-such-server'), args: [], env: {} }) });
    try {
      const types = createTypesValidator({ shadow, servers: missing });
      const first = await types.validate(atom('src/a.ts', 'typescript', FILE), signal);
      assert.equal(first.status, 'skipped');
      assert.match(first.reason ?? '', /ghost-ls could not be started: spawn .*ENOENT/);
      const again = await types.validate(atom('src/a.ts', 'typescript', FILE), signal);
      assert.equal(again.reason, first.reason);
    } finally {
      await missing.dispose();
    }
    const none = createLanguageServerPool({ commandFor: () => new Error('no TypeScript 7 language server found') });
    const skipped = await createTypesValidator({ shadow, servers: none }).validate(atom('src/a.ts', 'typescript', FILE), signal);
    assert.deepEqual(skipped, { level: 'types', status: 'skipped', messages: [], reason: 'no TypeScript 7 language server found' });
  });

  it('is skipped with the reason when the server never answers', async () => {
    const silent = createLanguageServerPool({
      startTimeoutMs: 500,
      commandFor: () => ({ name: 'silent-ls', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: {} }),
    });
    try {
      const result = await createTypesValidator({ shadow, servers: silent }).validate(atom('src/a.ts', 'typescript', FILE), signal);
      assert.equal(result.status, 'skipped');
      assert.match(result.reason ?? '', /silent-ls did not start: silent-ls initialize did not answer within 500 ms/);
    } finally {
      await silent.dispose();
    }
  });

  it('is skipped for a language without a server', async () => {
    const result = await createTypesValidator({ shadow, servers }).validate(atom('src/a.go', 'go', ['package main']), signal);
    assert.equal(result.status, 'skipped');
    assert.match(result.reason ?? '', /no language server for go/);
  });
});
