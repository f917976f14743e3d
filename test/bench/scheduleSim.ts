/**
 * Ideal (zero-overhead) makespans by discrete-event simulation, so the bench can tell scheduling
 * policy apart from host overhead: measured wall minus simulated wall is time the host added.
 */
import type { AtomNodeSpec } from '../../src/core/graph/atomGraph';

/** Greedy list scheduling: whenever a slot is free, start the ready atom with the highest priority. */
export function simulateDependencyDriven(nodes: readonly AtomNodeSpec[], concurrency: number, priority: (id: string) => number): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const waiting = new Map(nodes.map((n) => [n.id, new Set(n.dependsOn).size]));
  const dependents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const n of nodes) for (const d of new Set(n.dependsOn)) dependents.get(d)?.push(n.id);
  const ready = nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  const running: { id: string; end: number }[] = [];
  let now = 0;
  let done = 0;
  while (done < nodes.length) {
    ready.sort((a, b) => priority(b) - priority(a));
    while (running.length < concurrency && ready.length > 0) {
      const id = ready.shift() as string;
      running.push({ id, end: now + (byId.get(id)?.expectedMs ?? 0) });
    }
    running.sort((a, b) => a.end - b.end);
    const next = running.shift();
    if (!next) throw new Error('simulation stuck: cycle?');
    now = next.end;
    done++;
    for (const d of dependents.get(next.id) ?? []) {
      const left = (waiting.get(d) ?? 0) - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  return now;
}

/** Waves one after another; inside a wave, greedy list scheduling on `concurrency` slots. */
export function simulateWaveBarrier(nodes: readonly AtomNodeSpec[], waves: readonly (readonly string[])[], concurrency: number): number {
  const ms = new Map(nodes.map((n) => [n.id, n.expectedMs]));
  let total = 0;
  for (const wave of waves) {
    const slots = new Array<number>(Math.min(concurrency, wave.length)).fill(0);
    for (const id of wave) {
      let best = 0;
      for (let i = 1; i < slots.length; i++) if (slots[i] < slots[best]) best = i;
      slots[best] += ms.get(id) ?? 0;
    }
    total += Math.max(0, ...slots);
  }
  return total;
}
