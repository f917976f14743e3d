import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../../../../src/core/parse/languages';
import { atom, described, runLevel } from './validateHelper';

describe('level 2: semantics', () => {
  it('passes TypeScript that uses locals, parameters, imports, top-level names, builtins and types', async () => {
    const result = await runLevel('semantics', atom('typescript', [
      "import { randomUUID } from 'node:crypto';",
      "import type { Task } from './types';",
      'const tasks = new Map<string, Task>();',
      'export async function addTask({ title, due = Date.now() }: Partial<Task>, ...tags: string[]): Promise<Task> {',
      '  const task: Task = { id: randomUUID(), title: title ?? "", due, tags };',
      '  tasks.set(task.id, task);',
      '  for (const [key, value] of Object.entries(task)) console.log(key, value, JSON.stringify(process.env));',
      '  await new Promise<void>((resolve) => setTimeout(resolve, 1));',
      '  return structuredClone(task) satisfies Record<string, unknown>;',
      '}',
    ], { startLine: 4, endLine: 10 }));
    assert.deepEqual(described(result), []);
    assert.equal(result.status, 'pass');
  });

  it('fails an undefined name with its position and a suggestion', async () => {
    const result = await runLevel('semantics', atom('typescript', [
      'const counter = 0;',
      'export function next(step: number): number {',
      '  return countr + stpe;',
      '}',
    ], { startLine: 2, endLine: 4 }));
    assert.equal(result.status, 'fail');
    assert.deepEqual(described(result), [
      '3:10 `countr` is not defined (did you mean `counter`?)',
      '3:19 `stpe` is not defined (did you mean `step`?)',
    ]);
  });

  it('accepts names the context injector provided', async () => {
    const lines = ['export function total(items: Item[]): number {', '  return sumPrices(items);', '}'];
    const without = await runLevel('semantics', atom('typescript', lines));
    assert.deepEqual(described(without), ['1:30 `Item` is not defined', '2:10 `sumPrices` is not defined']);
    const withInjected = await runLevel('semantics', atom('typescript', lines, { injectedSymbols: ['Item', 'sumPrices'] }));
    assert.equal(withInjected.status, 'pass');
    const qualified = await runLevel('semantics', atom('typescript', lines, { injectedSymbols: ['Item.price', 'sumPrices'] }));
    assert.equal(qualified.status, 'pass');
  });

  it('only judges the atom\'s own lines', async () => {
    const result = await runLevel('semantics', atom('javascript', [
      'function broken() { return missingThing; }',
      'function fine(a) { return a * 2; }',
    ], { startLine: 2, endLine: 2 }));
    assert.equal(result.status, 'pass');
  });

  it('handles TSX components and CommonJS', async () => {
    const tsx = await runLevel('semantics', atom('tsx', [
      "import { useState } from 'react';",
      'export function Counter({ start }: { start: number }) {',
      '  const [n, setN] = useState(start);',
      '  return <button onClick={() => setN(n + 1)}><Label value={n} /></button>;',
      '}',
    ]));
    assert.deepEqual(described(tsx), ['4:47 `Label` is not defined']);
    const cjs = await runLevel('semantics', atom('javascript', [
      "const path = require('path');",
      'module.exports = function resolveHere(name) { return path.join(__dirname, name); };',
    ]));
    assert.equal(cjs.status, 'pass');
  });

  it('passes Python with comprehensions, with/except targets, self and builtins', async () => {
    const result = await runLevel('semantics', atom('python', [
      'import json',
      'from pathlib import Path',
      '',
      'class Store:',
      '    def __init__(self, root: Path) -> None:',
      '        self.root = root',
      '',
      '    def load(self, name: str) -> dict:',
      '        try:',
      '            with open(self.root / name) as fh:',
      '                data = json.load(fh)',
      '        except (OSError, ValueError) as err:',
      '            raise RuntimeError(f"cannot load {name}: {err}") from err',
      '        return {k: v for k, v in data.items() if isinstance(k, str)}',
    ], { startLine: 8, endLine: 14 }));
    assert.deepEqual(described(result), []);
  });

  it('fails Python that reads an undefined name or a class attribute unqualified', async () => {
    const result = await runLevel('semantics', atom('python', [
      'class Counter:',
      '    LIMIT = 3',
      '    def bump(self, n):',
      '        if n > LIMIT:',
      '            return lne(n)',
    ], { startLine: 3, endLine: 5 }));
    assert.deepEqual(described(result), ['4:16 `LIMIT` is not defined', '5:20 `lne` is not defined (did you mean `len`?)']);
  });

  it('lets star imports cover unresolved Python names', async () => {
    const result = await runLevel('semantics', atom('python', ['from models import *', 'def make():', '    return Task()']));
    assert.equal(result.status, 'pass');
  });

  it('passes real-world-shaped files using most constructs of each language', async () => {
    const samples: [LanguageId, string][] = [['typescript', 'sample.ts.txt'], ['tsx', 'sample.tsx.txt'], ['javascript', 'sample.js.txt'], ['python', 'sample.py.txt']];
    for (const [language, file] of samples) {
      const lines = readFileSync(join(__dirname, '../parse/fixtures/scopes', file), 'utf8').split('\n');
      const result = await runLevel('semantics', atom(language, lines));
      assert.deepEqual(described(result), [], file);
    }
  });

  it('is skipped for grammars without symbol support', async () => {
    const result = await runLevel('semantics', atom('rust', ['fn main() {}']));
    assert.equal(result.status, 'skipped');
    assert.match(result.reason ?? '', /rust/);
  });
});
