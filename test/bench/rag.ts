/**
 * RAG benchmark. Run: npx tsx test/bench/rag.ts [--files 5000] [--quick]
 * 1. Quality: recall@5 and MRR@10 per fusion mode on the labeled set over node_modules/zod/src
 *    (used for tuning) and on held-out sets over node_modules/@anthropic-ai/sdk/src and
 *    node_modules/@azure/msal-common/src.
 * 2. Scale: a 5,000-file tree copied from real packages; full index time and size on disk, reopen
 *    time, re-index of one changed file, query latency (median, p95) at >= 50,000 chunks, RSS.
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMultiLanguageParser } from '../../src/core/parse/multiLanguageParser';
import { openRagIndex, type RagIndex } from '../../src/core/rag/ragIndex';
import { workspaceRoot } from '../../src/core/rag/roots';
import { HELD_OUT_QUERIES } from './ragHeldOut';
import { HELD_OUT_MSAL_QUERIES } from './ragHeldOutMsal';
import { measureQuality } from './ragQuality';
import { RAG_QUERIES, type LabeledQuery } from './ragQueries';
import { sourcePool, writeTree } from './ragTree';

const signal = new AbortController().signal;
// A real collection before each memory reading, without requiring --expose-gc on the command line.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const parser = createMultiLanguageParser();
const argFiles = process.argv.indexOf('--files');
const FILES = argFiles > 0 ? Number(process.argv[argFiles + 1]) : 5000;
const TARGET_CHUNKS = 50_000;
const ZOD = join(__dirname, '../../node_modules/zod/src');
const SDK = join(__dirname, '../../node_modules/@anthropic-ai/sdk/src');
const MSAL = join(__dirname, '../../node_modules/@azure/msal-common/src');
const POOL_DIRS = [ZOD, SDK];

const ms = (t: number): string => `${t.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

async function quality(label: string, root: string, queries: readonly LabeledQuery[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mge-bench-rag-q-'));
  try {
    const index = await openRagIndex({ dir, parser }, signal);
    const report = await index.sync(workspaceRoot(root), () => undefined, signal);
    console.log(`quality, ${label}: ${queries.length} labeled queries (${report.scanned} files, ${report.chunks} chunks, indexed in ${report.ms} ms)`);
    for (const f of await measureQuality(index, root, queries, ['rrf', 'weighted', 'keyword', 'vector'], signal)) {
      console.log(`  ${f.mode.padEnd(8)} recall@5 ${f.recallAt5.toFixed(3)}  MRR@10 ${f.mrr.toFixed(3)}  misses ${f.misses.length}`);
      if (process.argv.includes('--misses')) for (const m of f.misses) console.log(`      miss: ${m}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function latency(index: RagIndex, rounds: number): Promise<{ median: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of RAG_QUERIES) {
      const t = performance.now();
      await index.search(q.query, 8, signal);
      times.push(performance.now() - t);
    }
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times) };
}

async function scale(): Promise<void> {
  const tree = mkdtempSync(join(tmpdir(), 'mge-bench-rag-tree-'));
  const dir = mkdtempSync(join(tmpdir(), 'mge-bench-rag-idx-'));
  try {
    const pool = sourcePool(POOL_DIRS);
    const bytes = writeTree(join(tree, 'main'), pool, FILES);
    console.log(`scale: ${FILES} files (${mb(bytes)}) copied and renamed from ${pool.length} real files of zod and @anthropic-ai/sdk`);
    const index = await openRagIndex({ dir, parser }, signal);
    const full = await index.sync(workspaceRoot(tree), () => undefined, signal);
    console.log(`  full index: ${full.ms} ms for ${full.scanned} files, ${full.chunks} chunks; on disk ${mb(dirBytes(dir))}`);
    const again = await index.sync(workspaceRoot(tree), () => undefined, signal);
    console.log(`  second pass, nothing changed: ${again.ms} ms (${again.unchanged} unchanged)`);

    const target = pool.findIndex((p) => p.rel.endsWith('v4/core/util.ts'));
    const rel = `pkg${target % 40}/r0/${pool[target].rel}`;
    const updates: number[] = [];
    const passes: number[] = [];
    for (let i = 0; i < 5; i++) {
      appendFileSync(join(tree, 'main', rel), `\nexport function benchChange${i}(value: number): number {\n  return value * ${i};\n}\n`);
      let t = performance.now();
      await index.updateFiles('workspace', [`main/${rel}`], signal);
      updates.push(performance.now() - t);
      appendFileSync(join(tree, 'main', rel), `\n// touched ${i}\n`);
      t = performance.now();
      await index.sync(workspaceRoot(tree), () => undefined, signal);
      passes.push(performance.now() - t);
    }
    console.log(`  re-index one changed file (${rel}): watcher path median ${ms(quantile(updates, 0.5))}, max ${ms(Math.max(...updates))}; full pass finding it median ${ms(quantile(passes, 0.5))}`);

    let round = 1;
    while (index.stats().chunks < TARGET_CHUNKS) {
      writeTree(join(tree, `extra${round}`), pool.map((p) => ({ rel: p.rel, text: `// extra ${round}\n${p.text}` })), Math.min(FILES, 2000));
      await index.sync(workspaceRoot(tree), () => undefined, signal);
      round++;
    }
    const chunks = index.stats().chunks;
    await latency(index, 1); // warm-up
    const lat = await latency(index, 4);
    console.log(`  query latency at ${chunks} chunks (${RAG_QUERIES.length * 4} queries, k=8): median ${ms(lat.median)}, p95 ${ms(lat.p95)}, max ${ms(lat.max)}`);
    const t = performance.now();
    gc();
    const before = process.memoryUsage();
    const reopened = await openRagIndex({ dir, parser }, signal);
    const reopenMs = performance.now() - t;
    gc();
    const after = process.memoryUsage();
    console.log(`  reopen (load ${reopened.stats().chunks} chunks from disk into memory): ${ms(reopenMs)}`);
    console.log(`  memory of the loaded index (after GC): heap +${mb(after.heapUsed - before.heapUsed)}, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}; process RSS ${mb(after.rss)} (includes the bench's own tree and the first index)`);
    const lat2 = await latency(reopened, 2);
    console.log(`  query latency on the reopened index: median ${ms(lat2.median)}, p95 ${ms(lat2.p95)}`);
  } finally {
    rmSync(tree, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the RAG benchmark (for a bench runner to import); `quick` skips the 5,000-file scale part. */
export async function runRagBench(options: { quick: boolean }): Promise<void> {
  await quality('zod/src (the set the ranking was tuned on)', ZOD, RAG_QUERIES);
  await quality('@anthropic-ai/sdk/src (held out, written after tuning)', SDK, HELD_OUT_QUERIES);
  await quality('@azure/msal-common/src (held out, written before the second round of tuning)', MSAL, HELD_OUT_MSAL_QUERIES);
  if (!options.quick) await scale();
}

if (require.main === module) {
  runRagBench({ quick: process.argv.includes('--quick') })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(() => parser.dispose());
}
