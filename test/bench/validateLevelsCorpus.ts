/**
 * Generated atoms for the validation-levels benchmark: realistic assembled files (imports, a few
 * types, 8-10 functions or methods of 4-8 lines) in TypeScript, TSX, JavaScript and Python, each
 * atom one function of its file. Every file text is unique, so no level gets a cached parse.
 */
import type { LanguageId } from '../../src/core/parse/languages';
import type { AtomUnderValidation } from '../../src/core/validate/types';

const FUNCTIONS_PER_FILE = 9;

function tsFunction(i: number, seed: number, bad: boolean): string[] {
  const helper = i > 0 ? `step${i - 1}` : 'normalise';
  return [
    `/** Step ${i} of the pipeline (${seed}). */`,
    `export async function step${i}(input: Task[], options: Partial<Options> = {}): Promise<Task[]> {`,
    `  const limit = options.limit ?? LIMIT_${seed % 7};`,
    `  const seen = new Map<string, Task>();`,
    `  for (const task of ${helper}(input).slice(0, limit)) {`,
    `    if (!seen.has(task.id)) seen.set(task.id, { ...task, title: task.title.trim() });`,
    `  }`,
    `  return [...seen.values()].filter((t) => ${bad ? 'isDon' : 'isDone'}(t) === options.done);`,
    `}`,
    ``,
  ];
}

function tsFile(seed: number, badAt: number, tsx: boolean): string[] {
  const header = [
    `import { randomUUID } from 'node:crypto';`,
    `import type { Task, Options } from './types';`,
    `import { isDone } from './predicates';`,
    ``,
    ...Array.from({ length: 7 }, (_, k) => `const LIMIT_${k} = ${seed + k};`),
    `function normalise(tasks: Task[]): Task[] { return tasks.map((t) => ({ ...t, id: t.id || randomUUID() })); }`,
    ``,
  ];
  const body = Array.from({ length: FUNCTIONS_PER_FILE }, (_, i) => tsFunction(i, seed, i === badAt)).flat();
  const view = tsx ? [`export const View = ({ tasks }: { tasks: Task[] }) => <ul>{tasks.map((t) => <li key={t.id}>{t.title}</li>)}</ul>;`] : [];
  return [...header, ...body, ...view];
}

function jsFile(seed: number, badAt: number): string[] {
  const header = [`const path = require('path');`, `const { readFile } = require('fs/promises');`, `const BASE = ${seed};`, ``];
  const body = Array.from({ length: FUNCTIONS_PER_FILE }, (_, i) => [
    `async function load${i}(name, { encoding = 'utf8' } = {}) {`,
    `  const file = path.join(__dirname, name + '.${i}.json');`,
    `  const text = await readFile(file, encoding);`,
    `  const data = JSON.parse(text);`,
    `  return Object.entries(data).map(([k, v]) => ({ k, v: v + BASE + ${i === badAt ? 'offst' : i} }));`,
    `}`,
    ``,
  ]).flat();
  return [...header, ...body, `module.exports = { ${Array.from({ length: FUNCTIONS_PER_FILE }, (_, i) => `load${i}`).join(', ')} };`];
}

function pyFile(seed: number, badAt: number): string[] {
  const header = [`import json`, `from dataclasses import dataclass`, `from pathlib import Path`, ``, `LIMIT = ${seed}`, ``, `@dataclass`, `class Store:`, `    root: Path`, ``];
  const body = Array.from({ length: FUNCTIONS_PER_FILE }, (_, i) => [
    `    def load_${i}(self, name: str, limit: int = LIMIT) -> list:`,
    `        """Loads part ${i}."""`,
    `        with open(self.root / name) as fh:`,
    `            data = json.load(fh)`,
    `        items = [x for x in data if isinstance(x, dict)]`,
    `        return sorted(items, key=lambda x: x.get("${i}"))[:${i === badAt ? 'limt' : 'limit'}]`,
    ``,
  ]).flat();
  return [...header, ...body];
}

/** `count` atoms cycling through the four languages; about one in five has an undefined name. */
export function generateAtoms(count: number): AtomUnderValidation[] {
  const atoms: AtomUnderValidation[] = [];
  for (let n = 0; n < count; n++) {
    const language: LanguageId = (['typescript', 'tsx', 'javascript', 'python'] as const)[n % 4];
    const index = n % FUNCTIONS_PER_FILE;
    const badAt = n % 5 === 0 ? index : -1;
    const lines = language === 'python' ? pyFile(n, badAt) : language === 'javascript' ? jsFile(n, badAt) : tsFile(n, badAt, language === 'tsx');
    const marker = language === 'python' ? `    def load_${index}(` : language === 'javascript' ? `async function load${index}(` : `/** Step ${index} `;
    const startLine = lines.findIndex((l) => l.startsWith(marker)) + 1;
    const length = language === 'python' ? 6 : language === 'javascript' ? 6 : 9;
    atoms.push({
      atomId: `atom-${n}`, relPath: `src/file${n}`, language, fileText: lines.join('\n') + '\n',
      startLine, endLine: startLine + length - 1, declaredSignature: null, maxLines: 10, injectedSymbols: [],
    });
  }
  return atoms;
}
