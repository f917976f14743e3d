/**
 * A big synthetic workspace made from real code: TypeScript files of packages in node_modules
 * copied again and again, each copy with its declared names renamed and a header, so contents
 * (and hashes) differ and the vocabulary grows the way a large codebase's does.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .ts file (not .d.ts) under `dir`, with its text. */
export function sourcePool(dirs: readonly string[]): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (root: string, dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(root, abs);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && statSync(abs).size < 200_000) out.push({ rel: relative(root, abs), text: readFileSync(abs, 'utf8') });
    }
  };
  for (const dir of dirs) walk(dir, dir);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

const DECLARED = /\b(function|class|interface|type|const|let|enum)\s+([A-Za-z_$][\w$]*)/g;

/** Copy `n` of the pool's files into `dir` (cycling through the pool), renamed per copy. Returns total bytes. */
export function writeTree(dir: string, pool: readonly { rel: string; text: string }[], files: number): number {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const source = pool[i % pool.length];
    const round = Math.floor(i / pool.length);
    const text = round === 0 ? source.text : mutate(source.text, round);
    const rel = join(`pkg${i % 40}`, `r${round}`, source.rel.replace(/\.ts$/, `${round ? `_${round}` : ''}.ts`));
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function mutate(text: string, round: number): string {
  const names = new Map<string, string>();
  for (const m of text.matchAll(DECLARED)) if (m[2].length > 2) names.set(m[2], `${m[2]}R${round}`);
  const renamed = text.replace(/[A-Za-z_$][\w$]*/g, (word) => names.get(word) ?? word);
  return `// copy ${round}: names suffixed with R${round}\n${renamed}`;
}
