// `mge generate` runs validation levels 4 (types, through the language servers in a shadow copy)
// and 5 (runtime) as the extension does: types always, runtime only with --runtime (the flag is
// the consent: the CLI has no Workspace Trust). Evidence: each attempt's levels in the database.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER_FILE } from '../../../src/core/shadow/staleShadows';
import { openDatabase } from '../../../src/core/store/database';
import type { LevelResult } from '../../../src/core/validate/types';
import { capturingLogger } from '../core/testDoubles';
import { FINAL_FILES, FINAL_FILES_WITH_TESTS, RUN_OUTPUT_MARK, statsScenario } from '../core/pipeline/generateScenario';
import type { GenerateJsonSummary } from '../../../src/cli/generateSummary';
import { runMge } from './cliProcess';
import { filesUnder, fixtures, KEY } from './generateSupport';

interface AttemptLevels {
  readonly atomId: string;
  readonly passed: boolean;
  readonly levels: readonly LevelResult[];
}

async function attemptsOf(workspace: string): Promise<AttemptLevels[]> {
  const db = await openDatabase({ path: join(workspace, '.mge', 'mge.db'), logger: capturingLogger(), readOnly: true });
  try {
    // Skeleton calls are recorded as attempts with no levels: only atoms' attempts are validated.
    return db.all(`SELECT atom_id, passed, levels_json FROM attempts WHERE levels_json <> '[]' ORDER BY id`).map((row) => ({
      atomId: String(row.atom_id),
      passed: row.passed === 1,
      levels: JSON.parse(String(row.levels_json)) as LevelResult[],
    }));
  } finally {
    await db.close();
  }
}

const levelOf = (attempt: AttemptLevels, level: string): LevelResult | undefined => attempt.levels.find((l) => l.level === level);

/** Shadow folders (in the default scratch dir) owned by process `pid`. */
function shadowsOf(pid: number): string[] {
  const dir = join(tmpdir(), 'mge-shadows');
  const owned = (name: string): boolean => {
    try {
      return (JSON.parse(readFileSync(join(dir, name, OWNER_FILE), 'utf8')) as { pid?: number }).pid === pid;
    } catch {
      return false;
    }
  };
  return existsSync(dir) ? readdirSync(dir).filter(owned) : [];
}

describe('cli: mge generate with validation levels 4-5', function () {
  this.timeout(120_000);
  const fx = fixtures();
  after(() => fx.cleanup());

  it('runs the types level on every atom (TypeScript server) and skips runtime without --runtime, with the reason', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    const run = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--json'], { env: KEY });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    assert.deepEqual(filesUnder(ws), FINAL_FILES);
    const attempts = await attemptsOf(ws);
    assert.ok(attempts.length > 0);
    for (const attempt of attempts.filter((a) => a.passed)) {
      const types = levelOf(attempt, 'types');
      assert.ok(types, `${attempt.atomId}: no types level in ${JSON.stringify(attempt.levels.map((l) => l.level))}`);
      if (types.status === 'skipped') assert.ok(types.reason, `${attempt.atomId}: types skipped without a reason`);
      assert.deepEqual(levelOf(attempt, 'runtime'), { level: 'runtime', status: 'skipped', messages: [], reason: 'run with --runtime to execute generated code' });
    }
    const typesPassed = attempts.filter((a) => levelOf(a, 'types')?.status === 'pass').length;
    assert.ok(typesPassed > 0, `the TypeScript server never checked an atom: ${JSON.stringify(attempts.map((a) => levelOf(a, 'types')))}`);
  });

  it('--runtime is the consent: level 5 is no longer off (it looks for the atom\'s check); the shadow is gone after the run', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    let pid = 0;
    let seenShadow = false;
    const run = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--propose-only', '--runtime', '--json'], {
      env: KEY,
      onJsonLine: (line, child) => {
        pid = child.pid ?? 0;
        if (line.type === 'atom/status' && shadowsOf(pid).length > 0) seenShadow = true;
      },
    });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    const attempts = await attemptsOf(ws);
    assert.ok(attempts.length > 0);
    for (const attempt of attempts) {
      const runtime = levelOf(attempt, 'runtime');
      assert.ok(runtime, attempt.atomId);
      assert.notEqual(runtime.reason, 'run with --runtime to execute generated code', attempt.atomId);
    }
    assert.ok(seenShadow, 'the run had a shadow copy while atoms ran');
    assert.deepEqual(shadowsOf(pid), [], 'the run\'s shadow copy was deleted');
  });

  it('--runtime: a test whose first answer is wrong only when run fails level 5, its retry gets the output and passes; the summary counts each level', async () => {
    const server = await fx.serve(statsScenario({ tests: true, wrongAtRunTime: ['medianOfTheSample'] }));
    const ws = fx.dir();
    const run = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--apply', '--runtime', '--json'], { env: KEY });
    assert.equal(run.code, 0, run.stderr.slice(-3000));
    assert.deepEqual(filesUnder(ws), FINAL_FILES_WITH_TESTS);
    const attempts = await attemptsOf(ws);
    const median = attempts.filter((a) => a.atomId.endsWith('#medianOfTheSample'));
    assert.deepEqual(median.map((a) => [a.passed, levelOf(a, 'types')?.status, levelOf(a, 'runtime')?.status]), [[false, 'pass', 'fail'], [true, 'pass', 'pass']]);
    const failure = levelOf(median[0], 'runtime')?.messages[0]?.message ?? '';
    assert.match(failure, /^node --test stats\.test\.ts \(through tsx\) exited with code 1/);
    assert.ok(failure.includes(RUN_OUTPUT_MARK), failure);
    // Every test case ran against the whole code under test (its atoms wait for it): none skipped.
    for (const unit of ['meanOfTheSample', 'reportOfTheSample']) {
      assert.deepEqual(attempts.filter((a) => a.atomId.endsWith(`#${unit}`)).map((a) => levelOf(a, 'runtime')?.status), ['pass'], unit);
    }
    const summary = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as GenerateJsonSummary;
    const runtime = summary.levels.find((l) => l.level === 'runtime');
    assert.deepEqual(runtime && [runtime.pass, runtime.fail], [3, 0], JSON.stringify(summary.levels));
    assert.deepEqual(runtime?.skipReasons, [
      { reason: 'not a test file: the tests that import it run it once it is complete', atoms: 7 },
      { reason: 'a helper or setup hook of the tests: they run with it (their atoms wait for it)', atoms: 1 },
    ]);
    assert.equal(summary.retries, 1);
  });

  it('mentions --runtime in the help of generate and resume', async () => {
    for (const command of ['generate', 'resume']) {
      const help = await runMge([command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--runtime {2,}/, command);
    }
  });
});
