// `mge generate` as a child process against the fake server: proposals by default, --apply,
// the JSON summary's shape, failures reported with exit 1, the readable summary, bad usage,
// and paths outside the workspace never written.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { atomIdOf } from '../../../src/core/atomize/contract';
import { planTasks } from '../../../src/core/masterplan/schema';
import { TASK_API_REQUEST } from '../../fixtures/fake-anthropic/scenarios/data/taskApiDomain';
import { SMALL_LIBRARY_REQUEST } from '../../fixtures/fake-anthropic/scenarios/flaky-atoms';
import { STUBBORN_ATOM } from '../../fixtures/fake-anthropic/scenarios/stubborn-atom';
import { TASK_API_TS_DIR, taskApiTsPlan } from '../../fixtures/fake-anthropic/scenarios/task-api-ts';
import { FINAL_FILES, statsScenario } from '../core/pipeline/generateScenario';
import { runMge } from './cliProcess';
import { filesUnder, fixtures, KEY, SUMMARY_KEYS } from './generateSupport';

const trimLines = (text: string): string => text.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();

describe('cli: mge generate', function () {
  this.timeout(120_000);
  const fx = fixtures();
  after(() => fx.cleanup());

  it('proposes by default: task-api-ts lands in .mge/proposals/<run>/ with a manifest, the workspace untouched; the JSON summary has every key', async () => {
    const server = await fx.serve('task-api-ts');
    const ws = fx.dir();
    const run = await runMge(['generate', TASK_API_REQUEST, '--workspace', ws, '--base-url', server.baseUrl, '--json'], { env: KEY });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    const s = run.summary ?? {};
    assert.deepEqual(Object.keys(s).sort(), SUMMARY_KEYS);
    const planFiles = planTasks(taskApiTsPlan).flatMap((t) => t.files.map((f) => f.path)).sort();
    assert.deepEqual(
      [s.outcome, s.mode, s.engine, s.tasks, s.precision, s.atomsFailed, s.filesWritten, s.filesProposed, s.failed, s.error, s.resume],
      ['done', 'propose-only', 'v2', 25, 1, 0, [], planFiles, [], null, null],
    );
    assert.ok((s.atoms as number) > 100 && (s.waves as number) > 1 && (s.criticalPathMs as number) >= 0 && (s.costUsd as number) > 0);
    assert.deepEqual(readdirSync(ws), ['.mge'], 'nothing written into the workspace');
    const proposals = join(ws, String(s.proposalsDir));
    assert.equal(s.proposalsDir, `.mge/proposals/${String(s.runId)}`);
    const files = filesUnder(proposals);
    assert.deepEqual(Object.keys(files).filter((f) => f !== 'manifest.json').sort(), planFiles);
    for (const path of planFiles) assert.equal(trimLines(files[path] ?? ''), trimLines(readFileSync(join(TASK_API_TS_DIR, path), 'utf8')), path);
    const manifest = JSON.parse(files['manifest.json'] ?? '{}') as { mode: string; files: Array<{ path: string; status: string; atoms: unknown[] }> };
    assert.equal(manifest.mode, 'propose-only');
    assert.ok(manifest.files.every((f) => f.status === 'proposed'));
    assert.equal(manifest.files.reduce((n, f) => n + f.atoms.length, 0), (s.atoms as number) - manifest.files.filter((f) => f.atoms.length === 0).length);
    // Progress: JSON lines on stderr, the last of them run/finished.
    assert.ok(run.jsonLines.some((l) => l.type === 'waves/planned'));
    assert.equal(run.jsonLines.filter((l) => typeof l.type === 'string').at(-1)?.type, 'run/finished');
  });

  it('--apply writes the files into the workspace and lists them in filesWritten', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    const run = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--json'], { env: KEY });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    assert.deepEqual(filesUnder(ws), FINAL_FILES);
    assert.deepEqual(run.summary?.filesWritten, Object.keys(FINAL_FILES).sort());
    assert.deepEqual(run.summary?.filesProposed, []);
    assert.equal(run.summary?.mode, 'apply');
  });

  it('flaky-atoms (proposals): retried until every atom passes', async () => {
    const server = await fx.serve('flaky-atoms');
    const run = await runMge(['generate', SMALL_LIBRARY_REQUEST, '--workspace', fx.dir(), '--base-url', server.baseUrl, '--propose-only', '--json'], { env: KEY });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    assert.equal(run.summary?.precision, 1);
    assert.ok((run.summary?.retries as number) > 0 && (run.summary?.firstPassRate as number) < 1);
  });

  it('stubborn-atom, readable output: exit 1, the atom and its reason on stdout, how to retry on stderr', async () => {
    const server = await fx.serve('stubborn-atom');
    const run = await runMge(['generate', SMALL_LIBRARY_REQUEST, '--workspace', fx.dir(), '--base-url', server.baseUrl], { env: KEY });
    assert.equal(run.code, 1, run.stderr.slice(-3000));
    const atomId = atomIdOf(STUBBORN_ATOM.taskId, STUBBORN_ATOM.path, STUBBORN_ATOM.unit);
    assert.match(run.stdout, /^MasterPlan mp-\w+: \d+ tasks, \d+ atoms, precision \d+\.\d%, first pass \d+%, .*lower bound .*\); \$\d+\.\d+, .* tokens \(cache saved \$\d+\.\d+\)$/m);
    assert.ok(run.stdout.includes('Failed (1):'), run.stdout);
    assert.ok(run.stdout.includes(`${atomId} (task ${STUBBORN_ATOM.taskId}) at semantics:`), run.stdout);
    assert.match(run.stdout, /normaliseQuantity/);
    assert.match(run.stderr, /finished with failures: 1 atom\(s\) or task\(s\) did not pass \(listed above\)\. Retry what failed with: mge resume run-\w+/);
    // Not a terminal: one plain progress line per wave, never rewritten in place.
    assert.match(run.stderr, /^ {2}wave 1\/\d+: /m);
    assert.ok(!run.stderr.includes('\r'));
  });

  it('refuses bad usage with exit 2 and a clear message', async () => {
    const ws = fx.dir();
    const cases: Array<[string[], RegExp]> = [
      [['generate', 'x', '--workspace', ws, '--concurrency', 'lots'], /--concurrency takes a whole number, not "lots"/],
      [['generate', 'x', '--workspace', ws, '--max-cost=-1'], /--max-cost takes an amount in US dollars/],
      [['generate', 'x', '--workspace', ws, '--max-cost', 'lots'], /--max-cost takes an amount in US dollars/],
      [['generate', 'x', '--workspace', ws, '--apply', '--propose-only'], /--apply or --propose-only, not both/],
      [['generate', 'x', '--workspace', ws, '--v1', '--v2'], /--v1 or --v2, not both/],
      [['generate', '--workspace', ws], /Give the request/],
      [['generate', 'x', '--workspace', ws, '--frobnicate'], /frobnicate/],
      [['resume', 'run-nope', '--workspace', ws], /Nothing to resume: there is no database/],
    ];
    for (const [args, message] of cases) {
      const run = await runMge(args, { env: KEY });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    const noKey = await runMge(['generate', 'x', '--workspace', ws]);
    assert.equal(noKey.code, 3, noKey.stderr);
    assert.match(noKey.stderr, /ANTHROPIC_API_KEY is not set/);
  });

  it('never writes outside the workspace: skeleton paths climbing out are ignored, a folder symlinked out is refused', async () => {
    const base = fx.dir('mge-cli-escape-');
    const ws = join(base, 'ws');
    const outside = join(base, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
    const extra = [{ path: '../escape.ts', content: 'x' }, { path: '/tmp/mge-evil.ts', content: 'x' }, { path: '../outside/x.ts', content: 'x' }];
    const server = await fx.serve(statsScenario({ extraSkeletonFiles: extra }));
    const ok = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--json'], { env: KEY });
    assert.equal(ok.code, 0, ok.stderr.slice(-3000));
    assert.deepEqual(filesUnder(ws), FINAL_FILES);
    assert.deepEqual(readdirSync(base).sort(), ['outside', 'ws']);
    assert.ok(!existsSync('/tmp/mge-evil.ts'));
    assert.deepEqual(readdirSync(outside), []);

    // A folder that becomes a symlink out mid-run (after planning, before src/ is written).
    const ws3 = join(base, 'ws3');
    mkdirSync(ws3);
    const midRun = await fx.serve(statsScenario({
      onHeader: (header) => {
        if (header.kind === 'atom' && !existsSync(join(ws3, 'src'))) symlinkSync(outside, join(ws3, 'src'));
      },
    }));
    const late = await runMge(['generate', 'a stats library', '--workspace', ws3, '--base-url', midRun.baseUrl, '--apply', '--json'], { env: KEY });
    assert.equal(late.code, 1, late.stderr.slice(-3000));
    assert.deepEqual(readdirSync(outside), [], 'nothing written through the symlink');
    assert.deepEqual(late.summary?.filesWritten, ['package.json']);
    const refusedLate = (late.summary?.filesRefused ?? []) as Array<{ path: string; reason: string }>;
    assert.deepEqual(refusedLate.map((r) => r.path).sort(), ['src/math.ts', 'src/report.ts', 'src/stats.ts']);
    assert.match(refusedLate[0]?.reason ?? '', /symlink/);

    const ws2 = join(base, 'ws2');
    mkdirSync(ws2);
    symlinkSync(outside, join(ws2, 'src'));
    const refused = await runMge(['generate', 'a stats library', '--workspace', ws2, '--base-url', server.baseUrl, '--apply', '--json'], { env: KEY });
    assert.notEqual(refused.code, 0, refused.stderr.slice(-3000));
    assert.deepEqual(readdirSync(outside), [], 'nothing written through the symlink');
    const why = [...((refused.summary?.filesRefused ?? []) as Array<{ reason: string }>).map((r) => r.reason), refused.stderr].join('\n');
    assert.match(why, /symlink|outside/);
  });
});
