import assert from 'node:assert/strict';
import { generateRun } from '../../../../src/core/generate/generateRun';
import type { Validator } from '../../../../src/core/validate/types';
import type { AtomStatusEvent } from '../../../../src/shared/events';
import { FINAL_FILES, statsScenario } from './generateScenario';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const noAbort = new AbortController().signal;
const statusOf = (h: GenerateHarness, atomId: string): string[] =>
  h.events
    .filter((e): e is AtomStatusEvent => e.type === 'atom/status' && e.atomId === atomId)
    .map((e) => `${e.status}#${e.attempt}${e.failure ? `:${e.failure.level}` : ''}`);

describe('generateRun: retries, failures and prompt caching', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('retries a bad atom at the next temperature with its validation failure and code fed back', async () => {
    h = await startGenerateHarness(statsScenario({ flaky: ['mul'] }));
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.deepEqual(h.sink.files(), FINAL_FILES);
    assert.deepEqual([summary.retries, summary.firstPassRate, summary.precision], [1, 7 / 8, 1]);
    assert.deepEqual(statusOf(h, 'T2.src/math.ts#mul'), ['running#1', 'running#2:semantics', 'passed#2']);
    const attempts = h.session.generation.attempts(summary.runId, 'T2.src/math.ts#mul');
    assert.deepEqual(attempts.map((a) => [a.attempt, a.temperature, a.passed, a.failure?.level ?? null]), [[1, 0.7, false, 'semantics'], [2, 0.5, true, null]]);
    assert.deepEqual(attempts[0]?.levels.map((l) => `${l.level}:${l.status}`), ['syntax:pass', 'semantics:fail', 'atomicity:skipped']);
    const retry = h.requestsWith('unit=mul attempt=2');
    assert.equal(retry.length, 1);
    const text = JSON.stringify(retry[0]);
    assert.match(text, /Attempt 1 was refused by validation/);
    assert.match(text, /\[semantics\] line 8:14: `bb` is not defined \(did you mean `b`\?\)/);
    assert.match(text, /return a \* bb;/);
  });

  it('fails a stubborn atom after maxRetries with its level, escalates the last attempt, skips its dependents and proposes only complete files', async () => {
    h = await startGenerateHarness(statsScenario({ stubborn: ['mean'] }));
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'failed');
    assert.deepEqual(summary.failed.map((f) => [f.atomId, f.task, f.level]), [['T3.src/stats.ts#mean', 'T3', 'semantics']]);
    assert.match(summary.failed[0]?.message ?? '', /`summ` is not defined \(did you mean `sum`\?\)/);
    assert.deepEqual([summary.atomsPassed, summary.atomsFailed, summary.atomsSkipped], [6, 1, 1]);
    assert.deepEqual(statusOf(h, 'T4.src/report.ts#report'), ['skipped#0']);
    assert.deepEqual(statusOf(h, 'T3.src/stats.ts#mean'), ['running#1', 'running#2:semantics', 'running#3:semantics', 'running#4:semantics', 'failed#4:semantics']);
    const attempts = h.session.generation.attempts(summary.runId, 'T3.src/stats.ts#mean');
    assert.deepEqual(attempts.map((a) => [a.temperature, a.model]), [[0.7, 'claude-haiku-5-5'], [0.5, 'claude-haiku-5-5'], [0.3, 'claude-haiku-5-5'], [0.3, 'claude-sonnet-5']]);
    assert.deepEqual(Object.keys(h.sink.files()).sort(), ['package.json', 'src/math.ts']);
    assert.equal(h.session.store.getRun(summary.runId)?.status, 'failed');
  });

  it('runs injected levels 4-5 after 1-3, feeds their failures back, and mirrors the run\'s files for them', async () => {
    h = await startGenerateHarness(statsScenario());
    const seen: string[] = [];
    const types: Validator = {
      level: 'types',
      validate: (target) => {
        seen.push(target.atomId);
        const first = target.atomId === 'T2.src/math.ts#add' && seen.filter((id) => id === target.atomId).length === 1;
        const messages = first ? [{ message: "Type 'string' is not assignable to type 'number'.", line: target.startLine, column: 3 }] : [];
        return Promise.resolve({ level: 'types', status: first ? 'fail' : 'pass', messages });
      },
    };
    const mirrored: string[] = [];
    const validationWorkspace = { write: (relPath: string, text: string) => Promise.resolve(void mirrored.push(`${relPath}:${text.includes('@atom') ? 'skeleton' : 'final'}`)) };
    const summary = await generateRun({ ...h.deps, extraValidators: [types], validationWorkspace }, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    assert.equal(summary.outcome, 'done');
    assert.equal(seen.length, 8, 'every atom, plus the retry of add');
    assert.deepEqual(statusOf(h, 'T2.src/math.ts#add'), ['running#1', 'running#2:types', 'passed#2']);
    assert.match(JSON.stringify(h.requestsWith('unit=add attempt=2')[0]), /\[types\] line 3:3: Type 'string' is not assignable/);
    assert.deepEqual(mirrored.slice(0, 4).sort(), ['package.json:final', 'src/math.ts:skeleton', 'src/report.ts:skeleton', 'src/stats.ts:skeleton']);
    assert.deepEqual(mirrored.slice(4).sort(), ['package.json:final', 'src/math.ts:final', 'src/report.ts:final', 'src/stats.ts:final']);
  });

  it('reads the shared prefix from the prompt cache on atom calls', async () => {
    h = await startGenerateHarness(statsScenario());
    const summary = await generateRun(h.deps, { request: 'stats', workspaceRoot: h.workspaceRoot }, noAbort);
    const rows = h.db.all(`SELECT cache_read_tokens AS r, cache_write_tokens AS w, input_tokens AS i FROM llm_calls WHERE run_id = ? AND purpose LIKE 'atom:%' ORDER BY id`, [summary.runId]);
    assert.equal(rows.length, 7);
    const reads = rows.map((r) => Number(r.r));
    assert.equal(reads.filter((n) => n > 0).length, 6, `one write then reads: ${JSON.stringify(rows)}`);
    assert.ok(Number(rows[0]?.w) > 1_024, 'the first atom call writes a prefix over the minimum');
    const prompt = rows.reduce((n, r) => n + Number(r.r) + Number(r.w) + Number(r.i), 0);
    assert.ok(reads.reduce((a, b) => a + b, 0) / prompt > 0.5, 'most atom prompt tokens come from the cache');
    assert.ok(summary.usage.cacheReadTokens > 0 && summary.usage.cacheSavingsUsd > 0);
  });
});
