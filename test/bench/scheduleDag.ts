/**
 * A seeded synthetic atom DAG shaped like a large plan: ~120 task chains of a few atoms each,
 * tasks depending on earlier tasks, per-atom latencies from a skewed distribution (most atoms
 * quick, a few slow). Shared by the schedule bench and anything else that wants the same shape.
 */
import type { AtomNodeSpec } from '../../src/core/graph/atomGraph';

/** mulberry32: small, seeded, good enough for workloads. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DagShape {
  readonly seed: number;
  readonly atoms: number;
  readonly chains: number;
  /** Median atom latency in ms (log-normal, sigma 0.6, clamped to [0.25, 5] x median). */
  readonly medianMs: number;
}

/** Atoms in dependency-respecting order; `expectedMs` is the latency the simulated call takes. */
export function syntheticDag(shape: DagShape): AtomNodeSpec[] {
  const random = seededRandom(shape.seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const latency = (): number => {
    const ms = shape.medianMs * Math.exp(0.6 * gaussian());
    return Math.round(Math.min(5 * shape.medianMs, Math.max(0.25 * shape.medianMs, ms)));
  };
  // Chain lengths vary (2..12) and then are nudged to sum exactly to `atoms`.
  const lengths = Array.from({ length: shape.chains }, () => 2 + Math.floor(random() * 11));
  let total = lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; total !== shape.atoms; i = (i + 1) % shape.chains) {
    if (total < shape.atoms) {
      lengths[i]++;
      total++;
    } else if (lengths[i] > 2) {
      lengths[i]--;
      total--;
    }
  }
  const nodes: AtomNodeSpec[] = [];
  const chainAtoms: string[][] = [];
  for (let c = 0; c < shape.chains; c++) {
    const ids = Array.from({ length: lengths[c] }, (_, i) => `t${c}.a${i}`);
    chainAtoms.push(ids);
    // A task uses symbols of 0-2 recent earlier tasks (types, repositories), usually early atoms.
    const upstream = new Set<string>();
    const fanIn = c === 0 ? 0 : Math.floor(random() * 3);
    for (let k = 0; k < fanIn; k++) {
      const from = chainAtoms[Math.max(0, c - 1 - Math.floor(random() * 25))];
      upstream.add(from[Math.floor(random() * Math.ceil(from.length / 2))]);
    }
    ids.forEach((id, i) => {
      const dependsOn = i === 0 ? [...upstream] : [ids[i - 1]];
      nodes.push({ id, dependsOn, expectedMs: latency() });
    });
  }
  return nodes;
}
