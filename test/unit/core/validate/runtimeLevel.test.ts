import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShadowWorkspace, type ShadowWorkspace } from '../../../../src/core/shadow/shadowWorkspace';
import { runFileItself } from '../../../../src/core/validate/runtimeCommands';
import { createRuntimeValidator, lineInOutput, runtimePolicy, type RuntimeLevelOptions } from '../../../../src/core/validate/runtimeLevel';
import type { LanguageId } from '../../../../src/core/parse/languages';
import type { AtomUnderValidation } from '../../../../src/core/validate/types';

const signal = new AbortController().signal;

function fileAtom(relPath: string, language: LanguageId, lines: readonly string[]): AtomUnderValidation {
  return { atomId: relPath, relPath, language, fileText: lines.join('\n') + '\n', startLine: 1, endLine: lines.length, declaredSignature: null, maxLines: 10, injectedSymbols: [] };
}

describe('runtime level (5)', function () {
  this.timeout(30_000);
  let base: string;
  let shadow: ShadowWorkspace;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'mge-runtime-test-'));
    shadow = await createShadowWorkspace({ sourceRoot: base, files: [], scratchDir: join(base, 'scratch') }, signal);
  });
  after(async () => {
    await shadow.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  const level = (overrides: Partial<RuntimeLevelOptions> = {}) => createRuntimeValidator({ runtime: 'on', shadow, checkFor: runFileItself, timeoutMs: 5000, ...overrides });

  it('passes code that runs and exits 0 (JavaScript, TypeScript, Python)', async () => {
    for (const target of [
      fileAtom('ok.js', 'javascript', ['const x = [1, 2].map((n) => n * 2);', 'console.log(x);']),
      fileAtom('ok.ts', 'typescript', ['const x: number[] = [1, 2].map((n) => n * 2);', 'console.log(x);']),
      fileAtom('ok.py', 'python', ['x = [n * 2 for n in (1, 2)]', 'print(x)']),
    ]) {
      const result = await level().validate(target, signal);
      assert.deepEqual(result, { level: 'runtime', status: 'pass', messages: [] }, target.relPath);
    }
  });

  it('fails code that throws, with the output as feedback and the line from the stack', async () => {
    const js = await level().validate(fileAtom('throws.js', 'javascript', ['const a = 1;', 'throw new Error(`boom ${a}`);']), signal);
    assert.equal(js.status, 'fail');
    assert.match(js.messages[0]?.message ?? '', /node throws\.js exited with code 1:[\s\S]*Error: boom 1/);
    assert.equal(js.messages[0]?.line, 2);
    assert.doesNotMatch(js.messages[0]?.message ?? '', new RegExp(shadow.root), 'shadow paths are shown relative');
    const py = await level().validate(fileAtom('raises.py', 'python', ['x = 1', 'raise ValueError(f"bad {x}")']), signal);
    assert.equal(py.status, 'fail');
    assert.match(py.messages[0]?.message ?? '', /ValueError: bad 1/);
    assert.equal(py.messages[0]?.line, 2);
  });

  it('kills code that hangs at the deadline, the processes it started included', async () => {
    const marker = join(base, 'grandchild-survived');
    const target = fileAtom('hang.js', 'javascript', [
      `require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => require("node:fs").writeFileSync(${JSON.stringify(marker)}, "x"), 1500)'], { stdio: 'ignore' });`,
      'setInterval(() => {}, 1000);',
    ]);
    const started = Date.now();
    const result = await level({ timeoutMs: 700 }).validate(target, signal);
    assert.equal(result.status, 'fail');
    assert.match(result.messages[0]?.message ?? '', /did not finish within 0\.7 s and was killed/);
    assert.ok(Date.now() - started < 4000, 'returned soon after the deadline');
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(existsSync(marker), false, 'the grandchild was killed with the group');
  });

  it('runs without the API key or other secrets in the environment', async () => {
    const env = { PATH: process.env.PATH, HOME: '/home/test', ANTHROPIC_API_KEY: 'sk-ant-secret', MGE_TOKEN: 't', GITHUB_TOKEN: 'g', MY_PASSWORD: 'p', OTHER: 'o' };
    const target = fileAtom('env.js', 'javascript', ['console.log(JSON.stringify(process.env));', 'process.exit(1);']);
    const result = await level({ env }).validate(target, signal);
    const printed = /(\{.*\})/.exec(result.messages[0]?.message ?? '')?.[1] ?? '{}';
    const seen = JSON.parse(printed) as Record<string, string>;
    assert.equal(seen.HOME, '/home/test');
    assert.ok(seen.PATH);
    for (const secret of ['ANTHROPIC_API_KEY', 'MGE_TOKEN', 'GITHUB_TOKEN', 'MY_PASSWORD', 'OTHER']) assert.equal(seen[secret], undefined, secret);
  });

  it('is skipped with the reason when runtime is off or there is no check', async () => {
    const target = fileAtom('never.js', 'javascript', ['throw new Error("must not run");']);
    const off = await level({ runtime: 'off', offReason: 'the workspace is not trusted' }).validate(target, signal);
    assert.deepEqual(off, { level: 'runtime', status: 'skipped', messages: [], reason: 'the workspace is not trusted' });
    const none = await level({ checkFor: () => Promise.resolve(null) }).validate(target, signal);
    assert.equal(none.status, 'skipped');
    assert.match(none.reason ?? '', /no acceptance check/);
  });

  it('runs an acceptance check command of the pipeline in the shadow workspace', async () => {
    await shadow.write('test/check.js', 'const { double } = require("../lib.js");\nif (double(2) !== 4) { console.error("double(2) !== 4"); process.exit(1); }\n', signal);
    const check: RuntimeLevelOptions['checkFor'] = () => Promise.resolve({ command: process.execPath, args: ['test/check.js'], description: 'node test/check.js' });
    const good = await level({ checkFor: check }).validate(fileAtom('lib.js', 'javascript', ['exports.double = (n) => n * 2;']), signal);
    assert.equal(good.status, 'pass', JSON.stringify(good));
    const bad = await level({ checkFor: check }).validate(fileAtom('lib.js', 'javascript', ['exports.double = (n) => n + 1;', '']), signal);
    assert.equal(bad.status, 'fail');
    assert.match(bad.messages[0]?.message ?? '', /double\(2\) !== 4/);
  });

  it('is on only in a trusted workspace with the setting on', () => {
    assert.deepEqual(runtimePolicy({ trusted: true, setting: true }), { runtime: 'on' });
    assert.match(runtimePolicy({ trusted: false, setting: true }).offReason ?? '', /not trusted/);
    assert.match(runtimePolicy({ trusted: true, setting: false }).offReason ?? '', /mge\.validation\.runtime/);
  });

  it('finds the file line in Node and Python stack traces', () => {
    assert.equal(lineInOutput('    at f (src/a.ts:12:5)\n    at g (src/a.ts:30:1)', 'src/a.ts'), 12);
    assert.equal(lineInOutput('  File "/x/a.py", line 3, in <module>\n  File "/x/a.py", line 7, in f', 'a.py'), 7);
    assert.equal(lineInOutput('no trace', 'a.py'), null);
  });
});
