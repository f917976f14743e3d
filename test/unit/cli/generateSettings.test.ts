// Where `mge generate` takes its settings from: MGE_V2_* environment variables as defaults,
// flags winning over them, values out of range clamped with a warning, and retrieval only
// with an index and RAG on.
import assert from 'node:assert/strict';
import { runMge } from './cliProcess';
import { statsScenario } from '../core/pipeline/generateScenario';
import { fixtures, KEY } from './generateSupport';

const LATENCY = { ttftMs: 60, tokensPerSecond: 20_000, jitter: 0 };

describe('cli: mge generate settings (environment defaults, flags win)', function () {
  this.timeout(120_000);
  const fx = fixtures();
  after(() => fx.cleanup());

  async function generate(scenario: Parameters<typeof fx.serve>[0], env: Record<string, string>, flags: readonly string[] = [], latencyScale = 0) {
    const server = await fx.serve(scenario, latencyScale);
    const ws = fx.dir();
    const run = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--json', ...flags], { env: { ...KEY, ...env } });
    return { run, server, ws };
  }

  it('MGE_V2_ENABLED=false runs V1; --v2 wins over it', async () => {
    const v1 = await generate(statsScenario(), { MGE_V2_ENABLED: 'false' });
    assert.equal(v1.run.code, 0, v1.run.stderr.slice(-2000));
    assert.equal(v1.run.summary?.engine, 'v1');
    const v2 = await generate(statsScenario(), { MGE_V2_ENABLED: 'false' }, ['--v2']);
    assert.equal(v2.run.summary?.engine, 'v2');
    const flag = await generate(statsScenario(), {}, ['--v1']);
    assert.equal(flag.run.summary?.engine, 'v1');
  });

  it('MGE_V2_MAX_RETRIES=1 leaves a flaky atom failed (exit 1); --retries 2 wins and it passes', async () => {
    const one = await generate(statsScenario({ flaky: ['add'] }), { MGE_V2_MAX_RETRIES: '1' });
    assert.equal(one.run.code, 1, one.run.stderr.slice(-2000));
    assert.deepEqual((one.run.summary?.failed as Array<{ atomId: string }>).map((f) => f.atomId), ['T2.src/math.ts#add']);
    const two = await generate(statsScenario({ flaky: ['add'] }), { MGE_V2_MAX_RETRIES: '1' }, ['--retries', '2']);
    assert.equal(two.run.code, 0, two.run.stderr.slice(-2000));
    assert.equal(two.run.summary?.retries, 1);
  });

  it('MGE_V2_MAX_CONCURRENCY=1 makes one call at a time; --concurrency 4 wins', async () => {
    const one = await generate(statsScenario({ latency: LATENCY }), { MGE_V2_MAX_CONCURRENCY: '1' }, [], 1);
    assert.equal(one.run.code, 0, one.run.stderr.slice(-2000));
    assert.equal(one.server.stats().maxInFlight, 1);
    const four = await generate(statsScenario({ latency: LATENCY }), { MGE_V2_MAX_CONCURRENCY: '1' }, ['--concurrency', '4'], 1);
    assert.equal(four.run.code, 0, four.run.stderr.slice(-2000));
    assert.ok(four.server.stats().maxInFlight > 1, `max in flight ${four.server.stats().maxInFlight}`);
  });

  it('clamps or replaces bad environment values with a warning and runs', async () => {
    const { run } = await generate(statsScenario(), { MGE_V2_MAX_CONCURRENCY: '9999', MGE_V2_MAX_RETRIES: 'many', MGE_V2_ENABLE_CACHING: 'perhaps' });
    assert.equal(run.code, 0, run.stderr.slice(-2000));
    const warnings = run.jsonLines.filter((l) => l.log === 'warn').map((l) => String(l.message));
    assert.ok(warnings.some((w) => /maxConcurrency = 9999 is outside 1\.\.500; using 500/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /maxRetries should be a number/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /enableCaching should be true or false/.test(w)), warnings.join('\n'));
    const clamped = await generate(statsScenario(), {}, ['--concurrency', '0']).then((r) => r.run);
    assert.equal(clamped.code, 0, clamped.stderr.slice(-2000));
    assert.ok(clamped.jsonLines.some((l) => l.log === 'warn' && /maxConcurrency = 0 is outside 1\.\.500; using 1/.test(String(l.message))), clamped.stderr);
  });

  it('MGE_V2_ENABLE_CACHING: a second identical run is answered from the response cache unless it is off; --cache wins', async () => {
    const server = await fx.serve(statsScenario());
    const again = async (ws: string, env: Record<string, string>, flags: readonly string[] = []) =>
      runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--json', ...flags], { env: { ...KEY, ...env } });
    const ws = fx.dir();
    // Retrieval puts snippets into the prompts: with the index built first, both runs see the same ones.
    assert.equal((await runMge(['index', '--workspace', ws, '--json'])).code, 0);
    assert.equal((await again(ws, {})).code, 0);
    const cached = await again(ws, {});
    assert.equal(cached.summary?.costUsd, 0, 'every call answered from the cache');
    const off = await again(ws, { MGE_V2_ENABLE_CACHING: 'false' });
    assert.ok((off.summary?.costUsd as number) > 0);
    const flag = await again(ws, { MGE_V2_ENABLE_CACHING: 'false' }, ['--cache']);
    assert.equal(flag.summary?.costUsd, 0);
  });

  it('retrieval: with an index (mge index), the plan and atom prompts carry examples; MGE_V2_ENABLE_RAG=false and --no-rag leave them out', async () => {
    const server = await fx.serve(statsScenario());
    const ws = fx.dir();
    const index = await runMge(['index', '--workspace', ws, '--json']);
    assert.equal(index.code, 0, index.stderr);
    const prompts = (marker: string): string[] =>
      server.requests.filter((r) => r.path === '/v1/messages' && JSON.stringify(r.body).includes(marker)).map((r) => JSON.stringify(r.body));
    const run = async (env: Record<string, string>, flags: readonly string[] = []) => {
      const before = { plan: prompts('submit_masterplan').length, atom: prompts('ATOM id=').length };
      const result = await runMge(['generate', 'a stats library', '--workspace', ws, '--base-url', server.baseUrl, '--json', '--no-cache', ...flags], { env: { ...KEY, ...env } });
      assert.equal(result.code, 0, result.stderr.slice(-2000));
      return { plan: prompts('submit_masterplan').slice(before.plan).join('\n'), atoms: prompts('ATOM id=').slice(before.atom).join('\n') };
    };
    const example = /### example: examples\//;
    const on = await run({});
    assert.match(on.plan, example);
    assert.match(on.atoms, example);
    for (const off of [await run({ MGE_V2_ENABLE_RAG: 'false' }), await run({}, ['--no-rag'])]) {
      assert.doesNotMatch(off.plan, /retrieved_context/);
      assert.doesNotMatch(off.atoms, /retrieved_context/);
    }
    assert.match((await run({ MGE_V2_ENABLE_RAG: 'false' }, ['--rag'])).plan, example);
  });
});
