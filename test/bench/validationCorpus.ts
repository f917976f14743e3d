/**
 * Accuracy and speed of the five validation levels on the labeled corpus
 * (test/fixtures/validation, 179 files in TypeScript, JavaScript and Python): precision and
 * recall per level, median ms per level and language (levels 4-5 include their share of server
 * start and process spawn), and level 4 amortised over a 100-atom TypeScript run.
 * Run: npx tsx test/bench/validationCorpus.ts   (last stdout line: the same numbers as JSON)
 */
import { LEVEL_ORDER, type ValidationLevel } from '../../src/core/validate/types';
import { loadCorpus, mismatches, runCorpus, scoreLevels, type CorpusOutcome } from '../support/validationCorpus';
import { benchTypesRun } from './typesLevelRun';

const LANGUAGES = ['typescript', 'javascript', 'python'] as const;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function speeds(outcomes: readonly CorpusOutcome[], level: ValidationLevel): Record<string, number | null> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, median(outcomes
    .filter((o) => o.file.language === language)
    .map((o) => o.result.timings[level])
    .filter((ms): ms is number => ms !== undefined))]));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number | null): string => (x === null ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(0));

async function main(): Promise<void> {
  const signal = new AbortController().signal;
  const files = loadCorpus();
  const started = performance.now();
  const outcomes = await runCorpus(files, signal);
  const wallMs = performance.now() - started;
  const scores = scoreLevels(outcomes);
  const run = await benchTypesRun(100);

  const counts = LANGUAGES.map((l) => `${files.filter((f) => f.language === l).length} ${l}`).join(', ');
  console.log(`Validation corpus: ${files.length} files (${counts}), all five levels with --atom --runtime, ${(wallMs / 1000).toFixed(1)} s\n`);
  console.log('| level | labeled | flagged | correct | precision | recall | median ms TS | median ms JS | median ms Py |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const table = scores.map((s) => {
    const speed = speeds(outcomes, s.level);
    console.log(`| ${LEVEL_ORDER.indexOf(s.level) + 1} ${s.level} | ${s.positives} | ${s.flagged} | ${s.truePositives} | ${pct(s.precision)} | ${pct(s.recall)} | ${ms(speed.typescript ?? null)} | ${ms(speed.javascript ?? null)} | ${ms(speed.python ?? null)} |`);
    return { ...s, medianMs: speed };
  });
  const passed = outcomes.filter((o) => o.file.label === 'pass');
  console.log(`\nGood files passing every level: ${passed.filter((o) => o.flagged === 'pass').length}/${passed.length}`);
  console.log(`Level 4 on a 100-atom TypeScript run: ${run.amortisedMs.toFixed(1)} ms/atom amortised (server start included; median ${run.medianMs.toFixed(0)} ms in flight, 10 files side by side)`);
  const wrong = mismatches(outcomes);
  if (wrong.length > 0) console.log(`\nFirst failure differs from the label:\n  ${wrong.join('\n  ')}`);
  console.log(JSON.stringify({ files: files.length, wallMs, levels: table, typesRun: run }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
