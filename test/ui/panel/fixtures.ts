/** Data the fake host serves to the panel in the browser tests: a plan, its runs, their events. */
import type { MasterPlan, PlanTask } from '../../../src/core/masterplan/schema';
import type { ProgressEvent } from '../../../src/shared/events';
import type { AppState, RunInfo } from '../../../src/shared/protocol';

const NOW = Date.UTC(2026, 0, 15, 14, 5);

function task(id: string, title: string, files: string[], dependsOn: string[] = []): PlanTask {
  return {
    id, title, description: `Implement ${title.toLowerCase()}.`, boundedContext: 'tasks',
    files: files.map((path) => ({ path, change: 'create' as const })), dependsOn,
    acceptance: `The tests of ${id} pass.`, estimatedLoc: 40, language: 'typescript',
  };
}

/** The plan the planning run proposes. */
export const PLAN: MasterPlan = {
  title: 'Task management API',
  summary: 'A REST API for tasks with users, projects and assignments.',
  phases: [
    { id: 'P1', name: 'Domain model', goal: 'Types and invariants.', tasks: [
      task('T1', 'Task and project types', ['src/domain/task.ts', 'src/domain/project.ts']),
      task('T2', 'User and assignment types', ['src/domain/user.ts'], ['T1']),
    ] },
    { id: 'P2', name: 'Services', goal: 'Use cases over repositories.', tasks: [
      task('T3', 'In-memory repositories', ['src/repo/memory.ts'], ['T1', 'T2']),
      task('T4', 'Task service', ['src/services/taskService.ts'], ['T3']),
    ] },
    { id: 'P3', name: 'HTTP', goal: 'Routes and validation.', tasks: [
      task('T5', 'Routes', ['src/http/routes.ts'], ['T4']),
    ] },
  ],
};

export const DISCOVERY_MARKDOWN = [
  '# Task management', '', 'Teams plan work as **projects** of *tasks* assigned to users.', '',
  '## Context: Tasks', '', 'Owns tasks and their lifecycle.', '',
  '### Aggregate: Project (root: Project)', '',
  '- **Task**: a unit of work', '  - `id: TaskId`', '  - `title: string`', '- *DueDate* (value object): a date in the future', '',
  '## Open questions', '', '- Should tasks have sub-tasks? <script>alert(1)</script>',
].join('\n');

const started = (runId: string, engine: 'v1' | 'v2' = 'v2'): ProgressEvent => ({ type: 'run/started', runId, request: 'Create a REST API for task management', engine });

/** The stored events of the planning run (finished, waiting for review). */
export function planRunEvents(runId = 'plan1'): ProgressEvent[] {
  return [
    started(runId),
    { type: 'stage/started', runId, stage: 'discovery' },
    { type: 'discovery/ready', runId, discoveryId: 'd1', domain: 'Task management', markdown: DISCOVERY_MARKDOWN },
    { type: 'stage/finished', runId, stage: 'discovery', durationMs: 8400 },
    { type: 'stage/started', runId, stage: 'masterplan' },
    { type: 'plan/ready', runId, masterPlanId: 'mp-7f3a', phases: 3, tasks: 5, markdown: '# Task management API\n\n## P1 Domain model\n\n- **T1 Task and project types**' },
    { type: 'stage/finished', runId, stage: 'masterplan', durationMs: 21_000 },
    { type: 'cost/update', runId, inputTokens: 12_000, outputTokens: 4_000, cacheReadTokens: 0, cacheWriteTokens: 3000, costUsd: 0.096, cacheSavingsUsd: 0 },
    { type: 'run/finished', runId, outcome: 'done', wallMs: 29_400 },
  ];
}

/** Live events of the generate run, in the order the test sends them. */
export function generateEvents(runId = 'gen1'): ProgressEvent[] {
  const atom = (atomId: string, taskId: string, wave: number, status: 'running' | 'passed' | 'failed', attempt = 1): ProgressEvent => ({
    type: 'atom/status', runId, atomId, taskId, wave, status, attempt,
    failure: status === 'failed' ? { level: 'types', message: `Type 'string' is not assignable to type 'TaskId' (${atomId}).` } : null,
  });
  return [
    started(runId),
    { type: 'stage/started', runId, stage: 'atomization' },
    { type: 'stage/finished', runId, stage: 'atomization', durationMs: 3100 },
    { type: 'stage/started', runId, stage: 'execution' },
    { type: 'waves/planned', runId, waveSizes: [4, 3, 2], atoms: 9, criticalPathMs: 18_000 },
    atom('a1', 'T1', 0, 'running'), atom('a2', 'T1', 0, 'running'), atom('a3', 'T2', 0, 'running'), atom('a4', 'T2', 0, 'running'),
    atom('a1', 'T1', 0, 'passed'), atom('a2', 'T1', 0, 'passed'), atom('a3', 'T2', 0, 'passed'),
    atom('a4', 'T2', 0, 'failed', 1), atom('a4', 'T2', 0, 'running', 2), atom('a4', 'T2', 0, 'passed', 2),
    atom('a5', 'T3', 1, 'running'), atom('a6', 'T3', 1, 'running'),
    { type: 'llm/pause', runId, reason: 'rate-limit', secondsLeft: 42, message: 'The API asked us to slow down.' },
    { type: 'cost/update', runId, inputTokens: 48_000, outputTokens: 9_100, cacheReadTokens: 120_000, cacheWriteTokens: 0, costUsd: 0.2113, cacheSavingsUsd: 0.3240 },
  ];
}

/** The rest of the generate run: it ends with one failed atom and a summary. */
export function generateEndEvents(runId = 'gen1'): ProgressEvent[] {
  const atom = (atomId: string, taskId: string, wave: number, status: 'passed' | 'failed', attempt = 1): ProgressEvent => ({
    type: 'atom/status', runId, atomId, taskId, wave, status, attempt,
    failure: status === 'failed' ? { level: 'runtime', message: 'POST /tasks returned 500.' } : null,
  });
  return [
    { type: 'llm/pause', runId, reason: 'rate-limit', secondsLeft: 0, message: 'Resumed.' },
    atom('a5', 'T3', 1, 'passed'), atom('a6', 'T3', 1, 'passed'), atom('a7', 'T4', 1, 'passed'),
    atom('a8', 'T5', 2, 'passed'), atom('a9', 'T5', 2, 'failed', 4),
    { type: 'stage/finished', runId, stage: 'execution', durationMs: 41_000 },
    {
      type: 'run/summary', runId, engine: 'v2', masterPlanId: 'mp-7f3a', tasks: 5, atoms: 9, atomsPassed: 8, atomsFailed: 1,
      precision: 8 / 9, firstPassRate: 7 / 9, retries: 4, wallMs: 47_000, executionMs: 41_000, criticalPathMs: 18_000,
      inputTokens: 61_000, outputTokens: 11_800, cacheReadTokens: 150_000, costUsd: 0.2671, cacheSavingsUsd: 0.4012,
      filesProposed: ['src/domain/task.ts', 'src/domain/project.ts', 'src/domain/user.ts', 'src/repo/memory.ts', 'src/services/taskService.ts', 'src/http/routes.ts'],
      failed: [{ atomId: 'a9', task: 'T5', level: 'runtime', message: 'POST /tasks returned 500.' }],
      levels: [
        { level: 'syntax', pass: 9, fail: 0, skipped: 0, skipReasons: [] },
        { level: 'types', pass: 6, fail: 0, skipped: 3, skipReasons: [{ reason: 'typescript-language-server not found', atoms: 3 }] },
        { level: 'runtime', pass: 2, fail: 1, skipped: 6, skipReasons: [
          { reason: 'not a test file: the tests that import it run it once it is complete', atoms: 5 },
          { reason: 'a helper or setup hook of the tests: they run with it (their atoms wait for it)', atoms: 1 },
        ] },
      ],
    },
    { type: 'run/finished', runId, outcome: 'done', wallMs: 47_000 },
  ];
}

/** A stored run as app/getState lists it. */
/** What retrieval put into the MasterPlan prompt of `runId`. */
export function planContextEvents(runId = 'plan1'): ProgressEvent[] {
  return [{
    type: 'context/used', runId, scope: 'masterplan', taskId: null, atomId: null, entries: [
      { path: 'examples/express/task-routes.ts', startLine: 1, endLine: 38, symbol: 'createTaskRouter', source: 'examples', score: 1, tokens: 420 },
      { path: 'examples/ddd/task-aggregate.ts', startLine: 6, endLine: 44, symbol: 'Task', source: 'examples', score: 0.81, tokens: 515 },
      { path: 'src/shared/errors.ts', startLine: 1, endLine: 18, symbol: 'DomainError', source: 'workspace', score: 0.64, tokens: 160 },
    ],
  }];
}

/** What retrieval put into the skeleton and atom prompts of generate run `runId`. */
export function generateContextEvents(runId = 'gen1'): ProgressEvent[] {
  const entry = (path: string, startLine: number, endLine: number, symbol: string, source: 'workspace' | 'examples', score: number) =>
    ({ path, startLine, endLine, symbol, source, score, tokens: (endLine - startLine + 1) * 9 });
  return [
    { type: 'context/used', runId, scope: 'skeleton', taskId: 'T1', atomId: null, entries: [entry('examples/ddd/value-object.ts', 5, 31, 'Email', 'examples', 1)] },
    { type: 'context/used', runId, scope: 'atom', taskId: 'T1', atomId: 'T1.src/domain/task.ts#Task.assign', entries: [
      entry('examples/ddd/task-aggregate.ts', 20, 34, 'Task.assign', 'examples', 1), entry('src/shared/errors.ts', 1, 18, 'DomainError', 'workspace', 0.52)] },
    { type: 'context/used', runId, scope: 'atom', taskId: 'T3', atomId: 'T3.src/http/routes.ts#createTask', entries: [entry('examples/express/task-routes.ts', 9, 21, 'createTaskRouter', 'examples', 1)] },
  ];
}

export function runInfo(runId: string, events: ProgressEvent[], over: Partial<RunInfo> = {}): RunInfo {
  return { runId, kind: 'generate', engine: 'v2', status: 'running', live: true, awaitingReview: false, generateRunId: null, pendingProposals: 0, events, ...over };
}

/** The panel's first state: two conversations, the active one with a plan waiting for review. */
export function initialState(): AppState {
  return {
    settings: {
      v2Enabled: true, maxConcurrency: 100, maxRetries: 4, enableCaching: true, enableRag: true, atomMaxLines: 10,
      model: 'claude-sonnet-5-5', atomModel: 'claude-haiku-5-5', baseUrl: '', maxCostUsd: null, reviewPlanBeforeExecution: true, runtimeValidation: true,
    },
    key: { hasKey: true },
    conversations: [
      { id: 'c1', title: 'Create a REST API for task management', updatedAt: NOW },
      { id: 'c2', title: 'A todo CLI', updatedAt: NOW - 86_400_000 * 3 },
    ],
    activeConversationId: 'c1',
    messages: [{ id: 'm1', role: 'user', text: 'Create a REST API for task management with users, projects and assignments', createdAt: NOW, runId: 'plan1' }],
    runs: [runInfo('plan1', planRunEvents(), { kind: 'plan', status: 'done', live: false, awaitingReview: true })],
  };
}
