/** Small builders of plans and events for the panel's unit tests. */
import type { MasterPlan, PlanTask } from '../../../src/core/masterplan/schema';
import type { ProgressEvent } from '../../../src/shared/events';
import type { RunInfo } from '../../../src/shared/protocol';

/** A valid task; override what the test is about. */
export function task(id: string, over: Partial<PlanTask> = {}): PlanTask {
  return {
    id, title: `Task ${id}`, description: `Build ${id}.`, boundedContext: 'core',
    files: [{ path: `src/${id.toLowerCase()}.ts`, change: 'create' }], dependsOn: [],
    acceptance: `${id} passes its test.`, estimatedLoc: 20, language: 'typescript', ...over,
  };
}

/** P1: T1, T2 (after T1); P2: T3 (after T2). */
export function plan(): MasterPlan {
  return {
    title: 'Todo API', summary: 'A small API.',
    phases: [
      { id: 'P1', name: 'Model', goal: 'Types.', tasks: [task('T1'), task('T2', { dependsOn: ['T1'] })] },
      { id: 'P2', name: 'Service', goal: 'Logic.', tasks: [task('T3', { dependsOn: ['T2'] })] },
    ],
  };
}

/** An atom/status event. */
export function atom(atomId: string, wave: number, status: 'pending' | 'running' | 'passed' | 'failed' | 'skipped', attempt = 1, runId = 'r'): ProgressEvent {
  return {
    type: 'atom/status', runId, atomId, taskId: 'T1', wave, status, attempt,
    failure: status === 'failed' ? { level: 'types', message: `bad ${atomId}` } : null,
  };
}

/** A stored run as app/getState lists it. */
export function runInfo(runId: string, events: ProgressEvent[], over: Partial<RunInfo> = {}): RunInfo {
  return {
    runId, kind: 'generate', engine: 'v2', status: 'running', live: true, awaitingReview: false,
    generateRunId: null, pendingProposals: 0, events, ...over,
  };
}
