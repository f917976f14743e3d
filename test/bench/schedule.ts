/**
 * Schedule bench: an ~800-atom DAG (~120 chains, seeded latencies) run by the dependency-driven
 * scheduler and by a wave-barrier schedule (here only, for comparison) at concurrency 100, against
 * the critical-path lower bound. Runs simulated calls (timers), so it measures the scheduler and
 * the host, not the API.   npx tsx test/bench/schedule.ts
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { createRealClock } from '../../src/core/clock';
import { createAdaptiveConcurrency, fixedConcurrency, type ConcurrencyController } from '../../src/core/execute/concurrency';
import { runDependencyDriven } from '../../src/core/execute/scheduler';
import { countOutcomes } from '../../src/core/execute/scheduleTypes';
import { buildAtomGraph } from '../../src/core/graph/atomGraph';
import { criticalPath, tailLengths } from '../../src/core/graph/criticalPath';
import { computeWaves } from '../../src/core/graph/waves';
import { syntheticDag } from './scheduleDag';
import { simulateDependencyDriven, simulateWaveBarrier } from './scheduleSim';

const SHAPE = { seed: 20261104, atoms: 800, chains: 120, medianMs: 40 };
const CONCURRENCY = 100;
const REPEATS = 3;

const clock = createRealClock();
const nodes = syntheticDag(SHAPE);
const latency = new Map(nodes.map((n) => [n.id, n.expectedMs]));
const deps = new Map(nodes.map((n) => [n.id, n.dependsOn]));
const ids = nodes.map((n) => n.id);

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const [graph, buildMs] = timed(() => buildAtomGraph(nodes));
const [waves, wavesMs] = timed(() => computeWaves(graph));
const [critical, criticalMs] = timed(() => criticalPath(graph));
const tails = tailLengths(graph);
const workMs = nodes.reduce((sum, n) => sum + n.expectedMs, 0);

interface Measured {
  readonly wallMs: number;
  readonly cpuUs: number;
}

async function measure(runOnce: () => Promise<void>, repeats: number): Promise<Measured> {
  const samples: Measured[] = [];
  for (let i = 0; i < repeats; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await runOnce();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    samples.push({ wallMs, cpuUs: used.user + used.system });
  }
  samples.sort((a, b) => a.wallMs - b.wallMs);
  return samples[Math.floor(samples.length / 2)];
}

async function dependencyDriven(
  makeController: () => ConcurrencyController,
  usePriority: boolean,
  zeroLatency = false,
): Promise<void> {
  const concurrency = makeController();
  const result = await runDependencyDriven({
    nodes: ids,
    dependsOn: (id) => deps.get(id) ?? [],
    run: async (id, signal) => {
      if (!zeroLatency) await clock.sleep(latency.get(id) ?? 0, signal);
      concurrency.recordSuccess();
    },
    concurrency,
    clock,
    signal: new AbortController().signal,
    priority: usePriority ? (id) => tails.get(id) ?? 0 : undefined,
  });
  if (countOutcomes(result.outcomes).done !== ids.length) throw new Error('bench run did not complete');
}

async function waveBarrier(limitTo: number): Promise<void> {
  const limit = pLimit(limitTo);
  const signal = new AbortController().signal;
  setMaxListeners(0, signal);
  for (const wave of waves) await Promise.all(wave.map((id) => limit(() => clock.sleep(latency.get(id) ?? 0, signal))));
}

const f = (ms: number): string => ms.toFixed(0).padStart(7);
const r = (x: number): string => x.toFixed(2).padStart(6);

interface Section {
  readonly bound: number;
  readonly driven: Measured;
  readonly fifo: Measured;
  readonly barrier: Measured;
  readonly idealDriven: number;
}

/** One concurrency level: the three policies measured, beside their simulated ideal. */
async function section(concurrency: number, repeats: number, adaptive: boolean): Promise<Section> {
  const bound = Math.max(critical.lengthMs, workMs / concurrency);
  const fixed = (): ConcurrencyController => fixedConcurrency(concurrency);
  const driven = await measure(() => dependencyDriven(fixed, true), repeats);
  const fifo = await measure(() => dependencyDriven(fixed, false), repeats);
  const barrier = await measure(() => waveBarrier(concurrency), repeats);
  const idealDriven = simulateDependencyDriven(nodes, concurrency, (id) => tails.get(id) ?? 0);
  console.log(`\nconcurrency ${concurrency}: lower bound max(critical path ${critical.lengthMs}, work/${concurrency} ${(workMs / concurrency).toFixed(0)}) = ${bound.toFixed(0)} ms; median of ${repeats}`);
  console.log(`  ${'schedule'.padEnd(42)} wall ms  ideal ms  wall/bound`);
  const row = (name: string, m: Measured, ideal: number | null): void =>
    console.log(`  ${name.padEnd(42)}${f(m.wallMs)}  ${ideal === null ? '      -' : f(ideal)}  ${r(m.wallMs / bound)}`);
  row('dependency-driven, critical-path priority', driven, idealDriven);
  row('dependency-driven, first ready first', fifo, simulateDependencyDriven(nodes, concurrency, () => 0));
  if (adaptive) {
    const ramp = (): ConcurrencyController => createAdaptiveConcurrency({ maxConcurrency: concurrency, clock });
    row(`dependency-driven, adaptive ramp 8->${concurrency}`, await measure(() => dependencyDriven(ramp, true), repeats), null);
  }
  row('wave barrier', barrier, simulateWaveBarrier(nodes, waves, concurrency));
  console.log(`  wave barrier / dependency-driven: ${(barrier.wallMs / driven.wallMs).toFixed(2)}x`);
  return { bound, driven, fifo, barrier, idealDriven };
}

async function main(): Promise<void> {
  const n = ids.length;
  console.log(`DAG: ${n} atoms, ${SHAPE.chains} chains, ${graph.size} edges, ${waves.length} waves, seed ${SHAPE.seed}, median latency ${SHAPE.medianMs} ms`);
  console.log(`graph: build ${buildMs.toFixed(1)} ms, waves ${wavesMs.toFixed(1)} ms, critical path ${criticalMs.toFixed(1)} ms (${critical.path.length} atoms, ${critical.lengthMs} ms)`);
  // Warm the JIT so the first measured policy is not charged for it.
  await dependencyDriven(() => fixedConcurrency(CONCURRENCY), true, true);
  await dependencyDriven(() => fixedConcurrency(CONCURRENCY), false, true);
  const main = await section(CONCURRENCY, REPEATS, true);
  // At 20 the concurrency binds as much as the critical path: there the start order matters.
  const tight = await section(20, 3, false);
  const overhead = await measure(() => dependencyDriven(() => fixedConcurrency(CONCURRENCY), true, true), REPEATS);
  console.log(
    `\nhost overhead per atom: ${(main.driven.cpuUs / n).toFixed(0)} us CPU (timers included); ` +
      `${((overhead.wallMs * 1000) / n).toFixed(0)} us wall with zero-latency calls; ` +
      `wall beyond the simulated ideal ${((main.driven.wallMs - main.idealDriven) / n).toFixed(3)} ms/atom (${(main.driven.wallMs - main.idealDriven).toFixed(0)} ms total)`,
  );
  console.log(
    JSON.stringify({
      atoms: n,
      waves: waves.length,
      concurrency: CONCURRENCY,
      lowerBoundMs: Math.round(main.bound),
      wallMs: Math.round(main.driven.wallMs),
      ratio: Number((main.driven.wallMs / main.bound).toFixed(3)),
      waveBarrierWallMs: Math.round(main.barrier.wallMs),
      waveBarrierRatio: Number((main.barrier.wallMs / main.bound).toFixed(3)),
      at20: {
        lowerBoundMs: Math.round(tight.bound),
        wallMs: Math.round(tight.driven.wallMs),
        fifoWallMs: Math.round(tight.fifo.wallMs),
        waveBarrierWallMs: Math.round(tight.barrier.wallMs),
      },
      overheadCpuUsPerAtom: Math.round(main.driven.cpuUs / n),
      overheadZeroLatencyUsPerAtom: Math.round((overhead.wallMs * 1000) / n),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
