import assert from 'node:assert/strict';
import { jobsIn } from '../../../../src/core/atomize/atomicity';
import { SKELETON_TOOL } from '../../../../src/core/atomize/contract';
import { runSkeleton, SkeletonError, type SkeletonAttempt, type SkeletonRequest } from '../../../../src/core/atomize/runSkeleton';
import type { PlanTask } from '../../../../src/core/masterplan/schema';
import type { LlmRequest, LlmResponse } from '../../../../src/core/ports';
import { noAbort, testParser } from './parseHelper';

const task: PlanTask = {
  id: 'T2', title: 'Users', description: 'User service.', boundedContext: '', dependsOn: [], acceptance: 'tests pass',
  estimatedLoc: 20, language: 'typescript', files: [{ path: 'src/users.ts', change: 'create' }],
};

const GOOD = 'export function register(name: string): string {\n  // @atom register: returns the trimmed name\n}\n';
const TWO_JOBS = 'export function register(name: string): string {\n  // @atom register: validates the name and stores the user\n}\n';
const BROKEN = 'export function register(name: string: string {\n  // @atom register: returns the name\n}\n';

/** A client answering the skeleton tool with `answers` in turn, recording the requests. */
function scripted(answers: ReadonlyArray<Array<{ path: string; content: string }>>) {
  const requests: LlmRequest[] = [];
  const attempts: SkeletonAttempt[] = [];
  const warnings: string[] = [];
  const forgotten: LlmRequest[] = [];
  const calls = {
    call(request: LlmRequest): Promise<LlmResponse> {
      const files = answers[Math.min(requests.length, answers.length - 1)];
      requests.push(request);
      return Promise.resolve({
        text: '', toolInput: { files }, toolName: SKELETON_TOOL, stopReason: 'tool_use', costUsd: 0, fromCache: false, durationMs: 1,
        usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
      });
    },
    forget(request: LlmRequest): Promise<void> {
      forgotten.push(request);
      return Promise.resolve();
    },
    attempted: (a: SkeletonAttempt) => attempts.push(a),
    warn: (m: string) => warnings.push(m),
  };
  return { calls, requests, attempts, warnings, forgotten };
}

const request = (overrides: Partial<SkeletonRequest> = {}): SkeletonRequest => ({
  task, system: [{ text: 'rules', cache: true }], dependencyFiles: [], currentFiles: new Map(), keptHoles: new Map(),
  model: 'm', maxTokens: 1000, maxLines: 10, attempts: 3, temperature: 0.2, ...overrides,
});
const lastText = (r: LlmRequest | undefined): string => r?.messages.at(-1)?.content.at(-1)?.text ?? '';

describe('atomize/runSkeleton', () => {
  it('sends a skeleton that does not parse back with its errors, then accepts the fixed one', async () => {
    const s = scripted([[{ path: 'src/users.ts', content: BROKEN }], [{ path: 'src/users.ts', content: GOOD }]]);
    const result = await runSkeleton(testParser(), s.calls, request(), noAbort);
    assert.equal(result.attempts, 2);
    assert.deepEqual(result.files[0]?.holes.map((h) => h.unit), ['register']);
    assert.match(lastText(s.requests[1]), /^SKELETON task=T2 files=src%2Fusers.ts\n/);
    assert.match(lastText(s.requests[1]), /Your previous answer could not be used:\n- src\/users.ts line 1:/);
    assert.deepEqual(s.attempts.map((a) => a.failure?.level ?? 'passed'), ['syntax', 'passed']);
    // The refused answer leaves the response cache (a resume asks again); the accepted one stays.
    assert.deepEqual(s.forgotten, [s.requests[0]]);
  });

  it('sends a hole with two jobs back once, then accepts it with a warning', async () => {
    const s = scripted([[{ path: 'src/users.ts', content: TWO_JOBS }]]);
    const result = await runSkeleton(testParser(), s.calls, request(), noAbort);
    assert.equal(result.attempts, 2);
    assert.match(lastText(s.requests[1]), /the hole `register` does 2 jobs \(validates, stores\)/);
    assert.match(s.warnings.join('\n'), /accepted a skeleton with an atomicity warning/);
    assert.deepEqual(s.forgotten, [s.requests[0]]);
  });

  it('refuses a skeleton that drops a file of the task or an earlier task\'s hole, and gives up after the attempts', async () => {
    const s = scripted([[{ path: 'src/other.ts', content: GOOD }]]);
    await assert.rejects(runSkeleton(testParser(), s.calls, request({ attempts: 2 }), noAbort), (err: unknown) => {
      assert.ok(err instanceof SkeletonError);
      assert.match(err.message, /src\/users.ts: missing from the answer/);
      return true;
    });
    const kept = scripted([[{ path: 'src/users.ts', content: GOOD }]]);
    await assert.rejects(runSkeleton(testParser(), kept.calls, request({ attempts: 1, keptHoles: new Map([['src/users.ts', new Set(['login'])]]) }), noAbort), /the existing holes `login` were removed/);
  });

  it('counts the jobs a hole description names', () => {
    assert.deepEqual(jobsIn('validates the input and stores the user'), ['validates', 'stores']);
    assert.deepEqual(jobsIn('parses the body and returns it, throwing on bad JSON'), ['parses']);
    assert.deepEqual(jobsIn('returns the tasks of a project and user'), []);
    assert.deepEqual(jobsIn('creates the user; saves it, then publishes UserRegistered'), ['creates', 'saves', 'publishes']);
  });
});
