/**
 * Micro-benchmark of validation levels 1-3: median and p95 milliseconds per atom for each level
 * over a few hundred generated atoms (TS, TSX, JS, Python; files of ~90 lines, every file unique
 * so nothing is served from a cache). Level 1 pays for the parse; levels 2-3 reuse the tree.
 * Goal: each level under 5 ms median. Run: npx tsx test/bench/validateLevels.ts [atoms]
 * The last stdout line is JSON: {"atoms", "syntaxMedianMs", "semanticsMedianMs", "atomicityMedianMs", ...}.
 */
import { createMultiLanguageParser } from '../../src/core/parse/multiLanguageParser';
import { createStructuralValidators } from '../../src/core/validate/structuralValidators';
import type { ValidationLevel } from '../../src/core/validate/types';
import { generateAtoms } from './validateLevelsCorpus';

const LEVELS: readonly ValidationLevel[] = ['syntax', 'semantics', 'atomicity'];
const WARMUP = 60;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 400);
  const signal = new AbortController().signal;
  const parser = createMultiLanguageParser();
  const levels = createStructuralValidators(parser, 4);
  const validators = levels.validators;
  const atoms = generateAtoms(WARMUP + count);
  const times = new Map<ValidationLevel, number[]>(LEVELS.map((l) => [l, []]));
  const parseTimes: number[] = [];
  const failures = new Map<ValidationLevel, number>(LEVELS.map((l) => [l, 0]));
  for (const language of ['typescript', 'tsx', 'javascript', 'python'] as const) await parser.load(language, signal);

  for (const [n, target] of atoms.entries()) {
    const measured = n >= WARMUP;
    if (measured && target.language) {
      // The parse alone, on a separate tree, to show how much of level 1 it is.
      const t0 = performance.now();
      await parser.withTree(target.fileText, target.language, signal, () => undefined);
      parseTimes.push(performance.now() - t0);
    }
    for (const validator of validators) {
      const t0 = performance.now();
      const result = await validator.validate(target, signal);
      const ms = performance.now() - t0;
      if (!measured) continue;
      times.get(validator.level)?.push(ms);
      if (result.status === 'fail') failures.set(validator.level, (failures.get(validator.level) ?? 0) + 1);
    }
  }

  const lines = atoms[WARMUP]?.fileText.split('\n').length ?? 0;
  console.log(`validation levels 1-3: ${count} atoms (after ${WARMUP} warm-up), files of ~${lines} lines, 4 languages`);
  console.log(`  parse alone       median ${percentile(parseTimes, 0.5).toFixed(2)} ms   p95 ${percentile(parseTimes, 0.95).toFixed(2)} ms`);
  const summary: Record<string, number> = { atoms: count, parseMedianMs: round(percentile(parseTimes, 0.5)) };
  for (const level of LEVELS) {
    const values = times.get(level) ?? [];
    const median = percentile(values, 0.5);
    const p95 = percentile(values, 0.95);
    console.log(`  ${level.padEnd(16)}  median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   failed ${failures.get(level)}/${count}${median < 5 ? '' : '   OVER the 5 ms goal'}`);
    summary[`${level}MedianMs`] = round(median);
    summary[`${level}P95Ms`] = round(p95);
  }
  console.log(JSON.stringify(summary));
  levels.dispose();
  parser.dispose();
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
