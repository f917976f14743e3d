// The per-wave progress line (a terminal: rewritten in place, one kept line per wave, other
// lines printed above it; a log: plain lines) and how each outcome closes a run.
import assert from 'node:assert/strict';
import type { CliIo } from '../../../src/cli/io';
import { closeRun, duration, levelLines, type GenerateJsonSummary } from '../../../src/cli/generateSummary';
import { createGenerateReporter } from '../../../src/cli/waveProgress';
import type { ProgressEvent } from '../../../src/shared/events';

function fakeIo(tty: boolean): CliIo & { err: string; out: string } {
  const io = {
    err: '',
    out: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env: {},
    cwd: '/',
    stderrIsTty: tty,
  };
  return io;
}

const RUN = 'run-1';
const atom = (atomId: string, wave: number, status: 'running' | 'passed' | 'failed', attempt = 1): ProgressEvent =>
  ({ type: 'atom/status', runId: RUN, atomId, taskId: 'T1', wave, status, attempt, failure: null });

/** Two waves of two atoms; a retry of b; a log line in the middle. */
function play(io: CliIo, clock: { t: number }): void {
  const r = createGenerateReporter(io, { json: false, verbose: false, passedBefore: () => 1, now: () => clock.t });
  const events: ProgressEvent[] = [
    { type: 'stage/started', runId: RUN, stage: 'execution' },
    { type: 'waves/planned', runId: RUN, waveSizes: [2, 2], atoms: 5, criticalPathMs: 6000 },
    atom('a', 0, 'running'), atom('b', 0, 'running'), atom('a', 0, 'passed'), atom('b', 0, 'running', 2),
  ];
  for (const e of events) {
    clock.t += 150;
    r.event(e);
  }
  r.logger.warn('slow down');
  for (const e of [atom('b', 0, 'passed'), atom('c', 1, 'running'), atom('d', 1, 'running'), atom('c', 1, 'passed'), atom('d', 1, 'failed')]) {
    clock.t += 150;
    r.event(e);
  }
  r.event({ type: 'stage/finished', runId: RUN, stage: 'execution', durationMs: 1500 });
  r.finish();
}

describe('cli: progress line per wave', () => {
  it('on a terminal: rewritten in place with \\r, one line kept per wave, log lines above it', () => {
    const io = fakeIo(true);
    play(io, { t: 0 });
    assert.ok(io.err.includes('\r\x1b[2K  wave 1/2: 1/5 atoms passed, 1 running'), JSON.stringify(io.err));
    // What stays on screen: every \r-rewrite resolved.
    const screen = io.err.split('\n').map((line) => line.split('\r\x1b[2K').at(-1) ?? '');
    const waveLines = screen.filter((l) => l.startsWith('  wave '));
    assert.deepEqual(waveLines.map((l) => l.replace(/ · .*/, '')), [
      '  wave 1/2: 3/5 atoms passed, 1 running, 1 retries',
      '  wave 2/2: 4/5 atoms passed, 1 failed, 0 running, 1 retries',
    ]);
    assert.ok(screen.includes('warn: slow down'), JSON.stringify(screen));
    assert.ok(screen.includes('  5 atoms in 2 waves; critical path ~6.0 s expected'));
    assert.ok(io.err.endsWith('\n'));
  });

  it('in a log: one plain line as each wave starts and one at the end, never \\r', () => {
    const io = fakeIo(false);
    play(io, { t: 0 });
    assert.ok(!io.err.includes('\r'));
    const waveLines = io.err.split('\n').filter((l) => l.startsWith('  wave ')).map((l) => l.replace(/ · .*/, ''));
    assert.deepEqual(waveLines, [
      '  wave 1/2: 1/5 atoms passed, 1 running',
      '  wave 2/2: 3/5 atoms passed, 1 running, 1 retries',
      '  wave 2/2: 4/5 atoms passed, 1 failed, 0 running, 1 retries',
    ]);
  });

  it('with --json: every event one JSON line, no progress text', () => {
    const io = fakeIo(true);
    const r = createGenerateReporter(io, { json: true, verbose: false });
    r.event(atom('a', 0, 'running'));
    r.finish();
    assert.deepEqual(io.err.trimEnd().split('\n').map((l) => (JSON.parse(l) as { type: string }).type), ['atom/status']);
  });
});

describe('cli: how a generate run ends', () => {
  const base = { runId: 'run-1', outcome: 'done', error: null, atoms: 2, atomsPassed: 2, atomsFailed: 0, failed: [], filesRefused: [], conflicts: [], costUsd: 0.5, resume: 'mge resume run-1' } as const;
  const end = (patch: Partial<GenerateJsonSummary>): { code: number; err: string } => {
    const io = fakeIo(false);
    const code = closeRun(io, { ...base, ...patch } as GenerateJsonSummary);
    return { code, err: io.err };
  };

  it('maps outcomes to exit codes with a message that says how to continue', () => {
    assert.equal(end({}).code, 0);
    const cancelled = end({ outcome: 'cancelled' });
    assert.deepEqual([cancelled.code, /continue it with: mge resume run-1/.test(cancelled.err)], [130, true]);
    const capped = end({ outcome: 'stopped-at-cost-cap', error: { code: 'cost-cap', message: 'Cost cap of $1 reached.' }, resume: 'mge resume run-1 --max-cost <higher USD>' });
    assert.equal(capped.code, 1);
    assert.match(capped.err, /Stopped at the cost cap: Cost cap of \$1 reached\. Run run-1 is saved; continue it with a higher cap: mge resume run-1 --max-cost/);
    const failed = end({ outcome: 'failed', atomsFailed: 1, atomsPassed: 1, failed: [{ atomId: 'T1.a.ts#f', task: 'T1', level: 'semantics', message: 'x' }] });
    assert.equal(failed.code, 1);
    assert.match(failed.err, /finished with failures: 1 atom\(s\) or task\(s\) did not pass \(listed above\)\. Retry what failed with: mge resume run-1/);
    assert.equal(end({ outcome: 'failed', error: { code: 'auth', message: 'bad key' } }).code, 3);
    assert.equal(end({ outcome: 'failed', error: { code: 'spend-limit', message: 'limit' } }).code, 3);
    assert.equal(end({ conflicts: [{ path: 'a.ts', reason: 'changed' }] }).code, 1);
    assert.equal(end({ filesRefused: [{ path: '../a.ts', reason: 'outside' }] }).code, 1);
  });

  it('lists each validation level\'s counts and every reason a level was skipped', () => {
    assert.deepEqual(levelLines([
      { level: 'syntax', pass: 12, fail: 0, skipped: 0, skipReasons: [] },
      { level: 'types', pass: 0, fail: 0, skipped: 12, skipReasons: [{ reason: 'pyright not found', atoms: 12 }] },
      { level: 'runtime', pass: 3, fail: 1, skipped: 8, skipReasons: [{ reason: 'not a test file', atoms: 7 }, { reason: 'a teardown hook', atoms: 1 }] },
    ]), [
      '  Validation: syntax 12 passed; types 0 passed, 12 skipped; runtime 3 passed, 1 failed, 8 skipped',
      '    types: skipped for 12 atoms — pyright not found',
      '    runtime: skipped for 7 atoms — not a test file',
      '    runtime: skipped for 1 atom — a teardown hook',
    ]);
    assert.deepEqual(levelLines([]), []);
  });

  it('writes durations the way people read them', () => {
    assert.deepEqual([duration(2_345), duration(41_000), duration(72_000), duration(600_400)], ['2.3 s', '41 s', '1 min 12 s', '10 min 0 s']);
  });
});
