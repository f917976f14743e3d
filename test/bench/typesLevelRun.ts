/**
 * Level 4 on a 100-atom TypeScript run, the way the executor uses it: a shadow workspace of 10
 * files, each file assembled atom by atom (every atom a function of ~5 lines, the file growing as
 * atoms land), the 10 files side by side (one atom of each in flight), one TypeScript 7 server.
 * Amortised ms per atom = wall time of the whole run, server start included, / atoms.
 * Goal: under 50 ms. Run: npx tsx test/bench/typesLevelRun.ts [atoms]
 * The last stdout line is JSON: {"atoms","wallMs","amortisedMs","startMs","medianMs","p95Ms","failed","skipped"}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShadowValidators } from '../../src/core/validate/shadowValidators';
import type { AtomUnderValidation } from '../../src/core/validate/types';

const FILES = 10;

function functionLines(file: number, i: number, bad: boolean): string[] {
  return [
    `export function step${i}(tasks: Task[], limit: number): Task[] {`,
    `  const seen = new Map<string, Task>();`,
    `  for (const t of tasks.slice(0, limit)) seen.set(t.id, { ...t, title: t.title.trim() });`,
    `  const out = [...seen.values()].filter((t) => t.done === (${i} % 2 === 0));`,
    bad ? `  return out.length;` : `  return out.map((t) => ({ ...t, id: \`${file}-\${t.id}\` }));`,
    `}`,
    ``,
  ];
}

const HEADER = ['export interface Task { id: string; title: string; done: boolean }', ''];

/** The atoms of one file, each seeing the file with itself and the atoms before it in place. */
function fileAtoms(file: number, perFile: number): AtomUnderValidation[] {
  const atoms: AtomUnderValidation[] = [];
  let lines = [...HEADER];
  for (let i = 0; i < perFile; i++) {
    const fn = functionLines(file, i, (file * perFile + i) % 25 === 7);
    const startLine = lines.length + 1;
    atoms.push({
      atomId: `f${file}a${i}`, relPath: `src/file${file}.ts`, language: 'typescript', fileText: [...lines, ...fn].join('\n'),
      startLine, endLine: startLine + fn.length - 2, declaredSignature: null, maxLines: 10, injectedSymbols: [],
    });
    // A failing atom is retried, not kept: the atoms after it see the good version.
    lines = [...lines, ...functionLines(file, i, false)];
  }
  return atoms;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Runs the benchmark; returns its numbers. */
export async function benchTypesRun(atomCount = 100): Promise<{ atoms: number; planted: number; wallMs: number; amortisedMs: number; startMs: number; medianMs: number; p95Ms: number; failed: number; skipped: number }> {
  const signal = new AbortController().signal;
  const project = mkdtempSync(join(tmpdir(), 'mge-bench-ws-'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true, types: [] } }));
  const perFile = Math.ceil(atomCount / FILES);
  const queues = Array.from({ length: FILES }, (_, f) => fileAtoms(f, perFile));
  const started = performance.now();
  const levels = await createShadowValidators({ sourceRoot: project, files: queues.map((q) => q[0]?.relPath ?? ''), runtime: 'off' }, signal);
  const types = levels.validators[0];
  const times: number[] = [];
  let failed = 0;
  let skipped = 0;
  let startMs = 0;
  try {
    if (!types) throw new Error('no types validator');
    // Atoms of a file land in order (each sees the ones before it); files proceed side by side.
    await Promise.all(queues.map(async (atoms) => {
      for (const atom of atoms) {
        const t0 = performance.now();
        const result = await types.validate(atom, signal);
        const ms = performance.now() - t0;
        if (times.length === 0) startMs = performance.now() - started;
        times.push(ms);
        if (result.status === 'fail') failed++;
        if (result.status === 'skipped') skipped++;
      }
    }));
  } finally {
    await levels.dispose();
    rmSync(project, { recursive: true, force: true });
  }
  const wallMs = performance.now() - started;
  return { atoms: times.length, planted: queues.flat().filter((a) => a.fileText.includes('return out.length')).length, wallMs, amortisedMs: wallMs / times.length, startMs, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), failed, skipped };
}

async function main(): Promise<void> {
  const result = await benchTypesRun(Number(process.argv[2] ?? 100));
  console.log(`level 4 (types), ${result.atoms} TypeScript atoms in ${FILES} files: wall ${result.wallMs.toFixed(0)} ms, amortised ${result.amortisedMs.toFixed(1)} ms/atom (goal < 50), first answer after ${result.startMs.toFixed(0)} ms, median ${result.medianMs.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms; ${result.failed} failed (${result.planted} type errors planted), ${result.skipped} skipped`);
  console.log(JSON.stringify(result));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
