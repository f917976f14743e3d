/**
 * `npm run bench`: the ~800-atom synthetic-large scenario through `mge generate`, against the fake
 * API's latency model (400 ms to the first token, 80 tokens/s, +-30%) scaled by --latency-scale so
 * the whole bench takes under a minute. Prints, for V2: wall time of the execution stage, its
 * critical-path lower bound and their ratio; the same for V1 (--v1, whole tasks 3 at a time) and
 * for a wave-barrier schedule; host overhead per atom; peak RSS; database size; and the share of
 * input tokens read from the prompt cache. The last stdout line is one JSON object.
 *
 *   npm run bench [-- --latency-scale 0.04] [--concurrency 100] [--keep (the workspace and databases)] [--rag]
 *
 * How: the fake API runs in child processes, `mge` in this process through runCli (the CLI's own
 * code path, so CPU time and RSS are the CLI's). Planning is done once with `mge plan` against a
 * zero-latency server; the V2 and V1 runs each start from a copy of that database, so their
 * planning stage is answered from the response cache and only skeleton, atom and task calls meet
 * the latency model. Runs with --no-rag unless --rag: then `mge index` builds the index first (the
 * shipped examples and the empty workspace) and every skeleton and atom prompt gets retrieved
 * context; contextUsedPrompts counts the prompts that got some. The core has no wave-barrier mode, so that figure is simulated: both
 * schedules are replayed on the V2 run's own graph (the core's graph stage) with each atom's
 * measured call time, and the barrier's extra makespan is added to the measured V2 wall time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_LARGE_REQUEST } from '../fixtures/fake-anthropic/scenarios/synthetic-large';
import { cliInProcess, startServerProcess, type CliResult } from './generateBenchSupport';
import { measuredGraph } from './generateBenchGraph';
import { simulateDependencyDriven, simulateWaveBarrier } from './scheduleSim';

const SCENARIO = 'synthetic-large';
const ENV = { ANTHROPIC_API_KEY: 'sk-ant-bench', MGE_MODEL: 'claude-sonnet-5' };

/** CPU time (ms) of this process between the execution stage's start and finish. */
function stageCpu(): { onEvent: (e: Record<string, unknown>) => void; ms: () => number } {
  let start: NodeJS.CpuUsage | null = null;
  let used = 0;
  return {
    onEvent(e) {
      if (e.stage !== 'execution') return;
      if (e.type === 'stage/started') start = process.cpuUsage();
      if (e.type === 'stage/finished' && start) {
        const d = process.cpuUsage(start);
        used += (d.user + d.system) / 1000;
      }
    },
    ms: () => used,
  };
}

function stageMs(run: CliResult, stage: string): number {
  return run.events.filter((e) => e.type === 'stage/finished' && e.stage === stage).reduce((n, e) => n + Number(e.durationMs), 0);
}

function must(run: CliResult, what: string): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}: ${JSON.stringify(run.summary).slice(0, 2000)}`);
  return run.summary;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'latency-scale': { type: 'string', default: '0.04' }, concurrency: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false }, rag: { type: 'boolean', default: false } } });
  const scale = Number(values['latency-scale']);
  const concurrency = Number(values.concurrency);
  const signal = new AbortController().signal;
  const dir = mkdtempSync(join(tmpdir(), 'mge-bench-'));
  const ws = join(dir, 'ws');
  const planDb = join(dir, 'plan.db');
  const started = performance.now();
  const instant = await startServerProcess(SCENARIO, 0, signal);
  const timed = await startServerProcess(SCENARIO, scale, signal);
  try {
    mkdirSync(ws);
    const generate = (db: string, extra: readonly string[], onEvent: (e: Record<string, unknown>) => void = () => undefined): Promise<CliResult> =>
      cliInProcess(
        ['generate', SYNTHETIC_LARGE_REQUEST, '--workspace', ws, '--db', db, '--base-url', timed.baseUrl, '--concurrency', String(concurrency), '--propose-only', ...(values.rag ? [] : ['--no-rag']), '--json', ...extra],
        ENV, onEvent, signal,
      );
    must(await cliInProcess(['plan', SYNTHETIC_LARGE_REQUEST, '--workspace', ws, '--db', planDb, '--base-url', instant.baseUrl, '--json'], ENV, () => undefined, signal), 'mge plan');
    // An everyday workspace has its index already (the first pass runs once, in the background):
    // build it before, so the runs pay for retrieval and not for indexing the shipped examples.
    if (values.rag) must(await cliInProcess(['index', '--workspace', ws, '--db', planDb, '--json'], ENV, () => undefined, signal), 'mge index');
    const v2Db = join(dir, 'v2.db');
    const v1Db = join(dir, 'v1.db');
    copyFileSync(planDb, v2Db);
    copyFileSync(planDb, v1Db);

    const cpu = stageCpu();
    const cpuBefore = process.cpuUsage();
    const v2Run = await generate(v2Db, [], cpu.onEvent);
    const v2 = must(v2Run, 'mge generate (V2)');
    const cpuAll = process.cpuUsage(cpuBefore);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const dbBytes = statSync(v2Db).size;
    const atoms = num(v2.atoms);

    const graph = await measuredGraph(v2Db, String(v2.runId), signal);
    const idealDriven = simulateDependencyDriven(graph.nodes, concurrency, (id) => graph.tails.get(id) ?? 0);
    const idealBarrier = simulateWaveBarrier(graph.nodes, graph.waves, concurrency);
    const workMs = graph.nodes.reduce((n, a) => n + a.expectedMs, 0);

    const v1Run = await generate(v1Db, ['--v1']);
    const v1 = must(v1Run, 'mge generate --v1');

    const wallMs = num(v2.executionMs);
    const lowerBoundMs = num(v2.criticalPathMs);
    const waveBarrierWallMs = wallMs + (idealBarrier - idealDriven);
    const overheadMsPerAtom = cpu.ms() / atoms;
    const planning = stageMs(v2Run, 'discovery') + stageMs(v2Run, 'masterplan');
    const lines = [
      `synthetic-large through mge generate (in process), fake API latency scale ${scale} (an atom call ~${s(scale * 925)} at 40 tokens), concurrency ${concurrency}`,
      `V2: ${atoms} atoms in ${num(v2.waves)} waves, precision ${num(v2.precision)}, ${num(v2.calls)} calls; planning from the response cache in ${s(planning)}`,
      `  skeletons (atomization) ${s(stageMs(v2Run, 'atomization'))}, execution ${s(wallMs)}, assembly ${s(stageMs(v2Run, 'assembly'))}, whole run ${s(num(v2.wallMs))}`,
      `  execution wall ${s(wallMs)} / critical-path lower bound ${s(lowerBoundMs)} = ${(wallMs / lowerBoundMs).toFixed(2)}x` +
        ` (with the concurrency bound max(cp, work/${concurrency}) = ${s(Math.max(lowerBoundMs, workMs / concurrency))}: ${(wallMs / Math.max(lowerBoundMs, workMs / concurrency)).toFixed(2)}x)`,
      `  zero-overhead replay of the same calls: dependency-driven ${s(idealDriven)}, wave barrier ${s(idealBarrier)} (+${s(idealBarrier - idealDriven)})`,
      `wave barrier (simulated: measured V2 wall + the barrier's extra makespan): ${s(waveBarrierWallMs)} / ${s(lowerBoundMs)} = ${(waveBarrierWallMs / lowerBoundMs).toFixed(2)}x`,
      `V1: ${num(v1.tasks)} tasks 3 at a time, precision ${num(v1.precision)}; execution ${s(num(v1.executionMs))} / task critical path ${s(num(v1.criticalPathMs))} = ${(num(v1.executionMs) / num(v1.criticalPathMs)).toFixed(2)}x; whole run ${s(num(v1.wallMs))}`,
      `  V2 code generation (skeletons + atoms + assembly) ${s(stageMs(v2Run, 'atomization') + wallMs + stageMs(v2Run, 'assembly'))} vs V1 ${s(num(v1.executionMs))}`,
      `host overhead: ${overheadMsPerAtom.toFixed(2)} ms CPU per atom in the execution stage (whole V2 run: ${((cpuAll.user + cpuAll.system) / 1000 / atoms).toFixed(2)} ms/atom, ${s((cpuAll.user + cpuAll.system) / 1000)} CPU)`,
      `peak RSS ${peakRssMb.toFixed(0)} MB (this process: tsx, the CLI, sql.js, tree-sitter); database ${(dbBytes / 1e6).toFixed(1)} MB; ` +
        `input read from the prompt cache ${(num(v2.cacheReadShare) * 100).toFixed(1)}%; cost $${num(v2.costUsd).toFixed(2)} (V1 $${num(v1.costUsd).toFixed(2)})`,
      `bench wall ${s(performance.now() - started)}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores. At this scale an atom call is tens of ms, so the host's` +
        ' CPU (one event loop) and the machine\'s load, not the API, bound V2; at scale 1 the API would dominate and V1 (3 tasks at a time) would fall far behind.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const round = (x: number, d = 0): number => Number(x.toFixed(d));
    process.stdout.write(
      `${JSON.stringify({
        atoms,
        wallMs: round(wallMs),
        lowerBoundMs: round(lowerBoundMs),
        ratio: round(wallMs / lowerBoundMs, 3),
        v1WallMs: round(num(v1.executionMs)),
        waveBarrierWallMs: round(waveBarrierWallMs),
        overheadMsPerAtom: round(overheadMsPerAtom, 2),
        peakRssMb: round(peakRssMb, 1),
        dbBytes,
        cacheReadShare: round(num(v2.cacheReadShare), 4),
        rag: values.rag,
        contextUsedPrompts: v2Run.events.filter((e) => e.type === 'context/used').length,
      })}\n`,
    );
  } finally {
    await Promise.all([instant.close(), timed.close()]);
    if (values.keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
