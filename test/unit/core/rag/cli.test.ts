import assert from 'node:assert/strict';
import { runCli } from '../../../../src/cli/cli';
import type { CliIo } from '../../../../src/cli/io';
import { cleanup, tempDir, tsFunction, writeFiles } from './helpers';

function fakeIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd, stderrIsTty: false };
}

describe('mge index / mge search', () => {
  let ws: string;
  let extra: string;
  before(() => {
    ws = tempDir('cli');
    extra = tempDir('cli-examples');
    writeFiles(ws, { 'src/invoice.ts': tsFunction('computeInvoiceTotal', 3), 'README.md': '# Billing\n\nInvoices and totals.\n' });
    writeFiles(extra, { 'retry.ts': '/**\n * @title Retry with exponential backoff\n * @tags retry\n * @stack node\n */\nexport async function retryWithBackoff(): Promise<void> {\n  return;\n}\n' });
  });
  after(() => cleanup(ws, extra));

  it('index --json reports every folder it indexed', async () => {
    const io = fakeIo(ws);
    const code = await runCli(['index', '--workspace', ws, '--examples', extra, '--json'], { io, signal: new AbortController().signal });
    assert.equal(code, 0, io.err.join(''));
    const report = JSON.parse(io.out.join('')) as { files: number; chunks: number; roots: { id: string; source: string; added: number }[] };
    const ids = report.roots.map((r) => r.source);
    assert.ok(ids.includes('workspace') && ids.includes('examples'));
    assert.ok(report.roots.some((r) => r.id === `examples:${extra}` && r.added === 1));
    assert.ok(report.chunks >= 3);
  });

  it('search --json prints {"results":[{path,startLine,endLine,symbol,score,source}]}', async () => {
    const io = fakeIo(ws);
    const code = await runCli(['search', 'invoice total', '--workspace', ws, '--k', '2', '--json'], { io, signal: new AbortController().signal });
    assert.equal(code, 0, io.err.join(''));
    const { results } = JSON.parse(io.out.join('')) as { results: Record<string, unknown>[] };
    assert.ok(results.length >= 1 && results.length <= 2);
    assert.deepEqual(Object.keys(results[0]).sort(), ['endLine', 'path', 'score', 'source', 'startLine', 'symbol']);
    assert.deepEqual([results[0].path, results[0].source, results[0].symbol], ['src/invoice.ts', 'workspace', 'computeInvoiceTotal']);
    assert.equal(typeof results[0].score, 'number');
  });

  it('search finds the user examples folder added earlier, marked as examples', async () => {
    const io = fakeIo(ws);
    await runCli(['search', 'retry with exponential backoff', '--workspace', ws, '--k', '1', '--json'], { io, signal: new AbortController().signal });
    const { results } = JSON.parse(io.out.join('')) as { results: { path: string; source: string }[] };
    assert.equal(results[0].source, 'examples');
    assert.match(results[0].path, /retry\.ts$/);
  });

  it('search without a query is a usage error (exit 2)', async () => {
    const io = fakeIo(ws);
    assert.equal(await runCli(['search', '--workspace', ws], { io, signal: new AbortController().signal }), 2);
  });
});
