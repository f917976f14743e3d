/** `mge search "<query>"`: what the RAG index retrieves for a query (the same search the planner uses). */
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from './commands';
import { EXIT } from './exitCodes';
import { UsageError } from './io';
import { indexDirFor, openCliRagIndex } from './indexCommand';

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  k: { type: 'string', short: 'k', default: '8' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `Usage: mge search "<query>" [--workspace DIR] [--k N] [--db FILE] [--json]

Searches the workspace's RAG index (build it with mge index) and lists the best chunks.

Options:
  -w, --workspace DIR   workspace (default: current directory)
  -k, --k N             how many results (1-100, default 8)
      --db FILE         database file; the index lives beside it in index/ (default: DIR/.mge/mge.db)
      --json            {"results":[{"path","startLine","endLine","symbol","score","source"}]} on stdout
  -h, --help            this text
`;

export const searchCommand: CliCommand = { name: 'search', summary: 'search the RAG index', help: HELP, run: runSearch };

/** Run `mge search`; returns the exit code. */
export async function runSearch(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('Give a query: mge search "<query>".');
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new UsageError(`--k must be a whole number from 1 to 100, not "${values.k}".`);
  const { indexDir } = indexDirFor(ctx.io, values);
  const index = await openCliRagIndex(indexDir, ctx.signal);
  const hits = await index.search(query, k, ctx.signal);
  const results = hits.map(({ path, startLine, endLine, symbol, score, source }) => ({ path, startLine, endLine, symbol, score, source }));
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify({ results })}\n`);
    return EXIT.ok;
  }
  if (index.stats().chunks === 0) ctx.io.stderr(`The index at ${indexDir} is empty: run mge index first.\n`);
  for (const r of results) ctx.io.stdout(`${r.score.toFixed(4)}  ${r.source === 'examples' ? '[example] ' : ''}${r.path}:${r.startLine}-${r.endLine}${r.symbol ? `  ${r.symbol}` : ''}\n`);
  return EXIT.ok;
}
