/**
 * Folds a run's progress events into what the panel shows. Pure, so the panel can rebuild a run
 * from its stored events after a reload and then keep folding live events on top.
 */
import type { AtomFailure, AtomStatus, ProgressEvent, RunSummaryEvent, Stage } from '../../src/shared/events';
import { applyContextUsed, emptyContextUsed, type ContextUsedView } from './contextUsed';

/** Atom counts of one wave (a topological generation of the atom graph). */
export interface WaveView {
  readonly size: number;
  done: number;
  running: number;
  failed: number;
}

/** What the panel knows of one atom: its latest status and its highest attempt so far. */
export interface AtomView {
  wave: number;
  taskId: string;
  status: AtomStatus;
  attempt: number;
  failure: AtomFailure | null;
}

/** The end-of-run numbers of `run/summary`, without the event's envelope. */
export type RunSummary = Omit<RunSummaryEvent, 'type' | 'runId'>;

/** Everything the panel draws for one run, folded from its events. */
export interface RunView {
  readonly runId: string;
  request: string;
  engine: 'v1' | 'v2';
  stages: Array<{ stage: Stage; state: 'running' | 'done'; durationMs: number | null }>;
  discovery: { domain: string; markdown: string } | null;
  plan: { masterPlanId: string; phases: number; tasks: number; markdown: string } | null;
  waves: WaveView[];
  atoms: Record<string, AtomView>;
  pause: { reason: string; until: number; message: string } | null;
  /** The last time a 429/529 made the run start fewer calls at once (it grows back as calls succeed). */
  slowdown: { reason: 'rate-limit' | 'overloaded'; concurrency: number; message: string } | null;
  cost: { inputTokens: number; outputTokens: number; cacheReadTokens: number; costUsd: number; cacheSavingsUsd: number } | null;
  error: { code: string; message: string } | null;
  summary: RunSummary | null;
  outcome: 'done' | 'failed' | 'cancelled' | 'stopped-at-cost-cap' | null;
  wallMs: number | null;
  criticalPathMs: number | null;
  /** What retrieval put into the run's prompts ("context used"). */
  context: ContextUsedView;
}

/** A run nothing is known about yet. */
export function emptyRun(runId: string): RunView {
  return {
    runId, request: '', engine: 'v2', stages: [], discovery: null, plan: null, waves: [], atoms: {},
    pause: null, slowdown: null, cost: null, error: null, summary: null, outcome: null, wallMs: null, criticalPathMs: null,
    context: emptyContextUsed(),
  };
}

/** Applies one event to a run view (mutates and returns it). `now` dates pause countdowns. */
export function applyEvent(run: RunView, event: ProgressEvent, now: number): RunView {
  switch (event.type) {
    case 'run/started':
      run.request = event.request;
      run.engine = event.engine;
      // A resumed run starts again under the same id: the stopped attempt's end no longer holds.
      run.outcome = null;
      run.wallMs = null;
      run.summary = null;
      run.error = null;
      run.pause = null;
      run.slowdown = null;
      break;
    case 'stage/started':
      run.stages.push({ stage: event.stage, state: 'running', durationMs: null });
      break;
    case 'stage/finished': {
      const stage = [...run.stages].reverse().find((s) => s.stage === event.stage);
      if (stage) Object.assign(stage, { state: 'done', durationMs: event.durationMs });
      run.pause = null;
      break;
    }
    case 'discovery/ready':
      run.discovery = { domain: event.domain, markdown: event.markdown };
      break;
    case 'plan/ready':
      run.plan = { masterPlanId: event.masterPlanId, phases: event.phases, tasks: event.tasks, markdown: event.markdown };
      break;
    case 'llm/pause':
      run.pause = event.secondsLeft > 0 ? { reason: event.reason, until: now + event.secondsLeft * 1000, message: event.message } : null;
      break;
    case 'llm/slowdown':
      run.slowdown = { reason: event.reason, concurrency: event.concurrency, message: event.message };
      break;
    case 'cost/update':
      run.cost = {
        inputTokens: event.inputTokens, outputTokens: event.outputTokens, cacheReadTokens: event.cacheReadTokens,
        costUsd: event.costUsd, cacheSavingsUsd: event.cacheSavingsUsd,
      };
      break;
    case 'waves/planned':
      // A resumed run plans its waves again: recount the atoms already known instead of zeroing them.
      run.waves = event.waveSizes.map((size) => ({ size, done: 0, running: 0, failed: 0 }));
      for (const atom of Object.values(run.atoms)) {
        const wave = run.waves[atom.wave];
        if (wave) adjust(wave, atom.status, +1);
      }
      run.criticalPathMs = event.criticalPathMs;
      break;
    case 'atom/status':
      applyAtomStatus(run, event);
      break;
    case 'context/used':
      applyContextUsed(run.context, event);
      break;
    case 'run/error':
      run.error = { code: event.code, message: event.message };
      break;
    case 'run/summary': {
      const { type: _type, runId: _runId, ...summary } = event;
      run.summary = summary;
      break;
    }
    case 'run/finished':
      run.outcome = event.outcome;
      run.wallMs = event.wallMs;
      run.pause = null;
      run.slowdown = null;
      break;
  }
  return run;
}

function applyAtomStatus(run: RunView, event: Extract<ProgressEvent, { type: 'atom/status' }>): void {
  const previous = run.atoms[event.atomId];
  if (previous) {
    const oldWave = run.waves[previous.wave];
    if (oldWave) adjust(oldWave, previous.status, -1);
  }
  const wave = run.waves[event.wave];
  if (wave) adjust(wave, event.status, +1);
  run.atoms[event.atomId] = {
    wave: event.wave,
    taskId: event.taskId,
    status: event.status,
    attempt: Math.max(previous?.attempt ?? 0, event.attempt),
    // A retry keeps the reason of the attempt before it until it passes.
    failure: event.status === 'passed' ? null : event.failure ?? previous?.failure ?? null,
  };
}

function adjust(wave: WaveView, status: AtomStatus, by: number): void {
  if (status === 'passed') wave.done += by;
  else if (status === 'running') wave.running += by;
  else if (status === 'failed' || status === 'skipped') wave.failed += by;
}

/** Atom totals of a run: counts per status, retries so far, and the failed atoms with reasons. */
export interface AtomStats {
  readonly total: number;
  readonly passed: number;
  readonly running: number;
  readonly failed: number;
  readonly pending: number;
  /** Attempts beyond each atom's first. */
  readonly retries: number;
  readonly failedAtoms: ReadonlyArray<{ atomId: string; taskId: string; attempt: number; failure: AtomFailure | null; status: AtomStatus }>;
}

/** Counts a run's atoms; the total is the planned atom count when the waves are known. */
export function atomStats(run: RunView): AtomStats {
  let passed = 0, running = 0, failed = 0, retries = 0;
  const failedAtoms: Array<AtomStats['failedAtoms'][number]> = [];
  for (const [atomId, atom] of Object.entries(run.atoms)) {
    retries += Math.max(0, atom.attempt - 1);
    if (atom.status === 'passed') passed++;
    else if (atom.status === 'running') running++;
    else if (atom.status === 'failed' || atom.status === 'skipped') {
      failed++;
      failedAtoms.push({ atomId, taskId: atom.taskId, attempt: atom.attempt, failure: atom.failure, status: atom.status });
    }
  }
  const planned = run.waves.reduce((n, w) => n + w.size, 0);
  const total = Math.max(planned, Object.keys(run.atoms).length);
  return { total, passed, running, failed, pending: Math.max(0, total - passed - running - failed), retries, failedAtoms };
}

/** Atom counts per task, for the plan tree. */
export function taskProgress(run: RunView): Record<string, { total: number; passed: number; failed: number; running: number }> {
  const out: Record<string, { total: number; passed: number; failed: number; running: number }> = {};
  for (const atom of Object.values(run.atoms)) {
    const entry = out[atom.taskId] ?? { total: 0, passed: 0, failed: 0, running: 0 };
    entry.total++;
    if (atom.status === 'passed') entry.passed++;
    else if (atom.status === 'running') entry.running++;
    else if (atom.status === 'failed' || atom.status === 'skipped') entry.failed++;
    out[atom.taskId] = entry;
  }
  return out;
}
