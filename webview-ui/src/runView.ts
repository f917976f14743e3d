/**
 * Folds a run's progress events into what the panel shows. Pure, so the panel can rebuild a run
 * from its stored events after a reload.
 */
import type { ProgressEvent, Stage } from '../../src/shared/events';

export interface WaveView {
  readonly size: number;
  done: number;
  running: number;
  failed: number;
}

export interface RunView {
  readonly runId: string;
  request: string;
  engine: 'v1' | 'v2';
  stages: Array<{ stage: Stage; state: 'running' | 'done'; durationMs: number | null }>;
  discovery: { domain: string; markdown: string } | null;
  plan: { masterPlanId: string; phases: number; tasks: number; markdown: string } | null;
  waves: WaveView[];
  atoms: Record<string, { wave: number; status: string; attempt: number; failure: string | null }>;
  pause: { reason: string; until: number; message: string } | null;
  cost: { inputTokens: number; outputTokens: number; cacheReadTokens: number; costUsd: number; cacheSavingsUsd: number } | null;
  error: { code: string; message: string } | null;
  outcome: string | null;
  wallMs: number | null;
  criticalPathMs: number | null;
}

export function emptyRun(runId: string): RunView {
  return {
    runId, request: '', engine: 'v2', stages: [], discovery: null, plan: null, waves: [], atoms: {},
    pause: null, cost: null, error: null, outcome: null, wallMs: null, criticalPathMs: null,
  };
}

/** Applies one event to a run view (mutates and returns it). `now` dates pause countdowns. */
export function applyEvent(run: RunView, event: ProgressEvent, now: number): RunView {
  switch (event.type) {
    case 'run/started':
      run.request = event.request;
      run.engine = event.engine;
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
    case 'cost/update':
      run.cost = {
        inputTokens: event.inputTokens, outputTokens: event.outputTokens, cacheReadTokens: event.cacheReadTokens,
        costUsd: event.costUsd, cacheSavingsUsd: event.cacheSavingsUsd,
      };
      break;
    case 'waves/planned':
      run.waves = event.waveSizes.map((size) => ({ size, done: 0, running: 0, failed: 0 }));
      run.criticalPathMs = event.criticalPathMs;
      break;
    case 'atom/status':
      applyAtomStatus(run, event);
      break;
    case 'run/error':
      run.error = { code: event.code, message: event.message };
      break;
    case 'run/finished':
      run.outcome = event.outcome;
      run.wallMs = event.wallMs;
      run.pause = null;
      break;
  }
  return run;
}

function applyAtomStatus(run: RunView, event: Extract<ProgressEvent, { type: 'atom/status' }>): void {
  const previous = run.atoms[event.atomId];
  const wave = run.waves[event.wave];
  if (wave && previous) adjust(wave, previous.status, -1);
  if (wave) adjust(wave, event.status, +1);
  run.atoms[event.atomId] = {
    wave: event.wave, status: event.status, attempt: event.attempt,
    failure: event.failure ? `${event.failure.level}: ${event.failure.message}` : null,
  };
}

function adjust(wave: WaveView, status: string, by: number): void {
  if (status === 'passed') wave.done += by;
  else if (status === 'running') wave.running += by;
  else if (status === 'failed' || status === 'skipped') wave.failed += by;
}
