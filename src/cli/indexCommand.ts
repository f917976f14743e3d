/** `mge index`: build or refresh the RAG index of a workspace (and the shipped and the user's examples). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMultiLanguageParser } from '../core/parse/multiLanguageParser';
import { openRagIndex, shippedExamplesDir, shippedExamplesRoot, userExamplesRoot, workspaceRoot, type IndexRoot, type RagIndex } from '../core/rag';
import type { CliCommand, CliContext } from './commands';
import { EXIT } from './exitCodes';
import { UsageError, type CliIo } from './io';
import { workspacePaths } from './wiring';

const OPTIONS = {
  workspace: { type: 'string', short: 'w' },
  examples: { type: 'string', multiple: true },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const HELP = `Usage: mge index [--workspace DIR] [--examples DIR]... [--db FILE] [--json]

Indexes the workspace's code (and MGE's curated examples) for retrieval: files are chunked by
function, class and method; only files changed since the last run are re-read. Skips .gitignore'd
files, dependency and build folders, binaries and files over 256 KiB.

Options:
  -w, --workspace DIR   workspace (default: current directory)
      --examples DIR    also index a folder of your own examples (kept for later runs; repeatable)
      --db FILE         database file; the index lives beside it in index/ (default: DIR/.mge/mge.db)
      --json            one JSON object on stdout
  -h, --help            this text
`;

export const indexCommand: CliCommand = { name: 'index', summary: 'index the workspace and examples for retrieval', help: HELP, run: runIndex };

/** The index folder of a workspace: `index/` beside the database. */
export function indexDirFor(io: CliIo, flags: { readonly workspace?: string; readonly db?: string }): { root: string; indexDir: string } {
  const paths = workspacePaths(io, flags);
  return { root: paths.root, indexDir: join(dirname(paths.dbPath), 'index') };
}

/** Opens the workspace's index (no indexing pass). */
export function openCliRagIndex(indexDir: string, signal: AbortSignal): Promise<RagIndex> {
  return openRagIndex({ dir: indexDir, parser: createMultiLanguageParser() }, signal);
}

/** Run `mge index`; returns the exit code. */
export async function runIndex(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) {
    ctx.io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const { root, indexDir } = indexDirFor(ctx.io, values);
  const added = (values.examples ?? []).map((dir) => resolve(ctx.io.cwd, dir));
  for (const dir of added) if (!existsSync(dir)) throw new UsageError(`The examples folder ${dir} does not exist.`);
  const started = Date.now();
  const index = await openCliRagIndex(indexDir, ctx.signal);
  const roots = rootsToSync(index, root, added);
  const reports = [];
  for (const r of roots) {
    let last = 0;
    const report = await index.sync(r, (p) => {
      if (values.json || p.phase !== 'index' || Date.now() - last < 1000) return;
      last = Date.now();
      ctx.io.stderr(`indexing ${r.label || 'workspace'}: ${p.done}/${p.total} files\n`);
    }, ctx.signal);
    reports.push({ id: r.id, source: r.source, dir: r.dir, ...report });
  }
  const stats = index.stats();
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify({ indexDir, files: stats.files, chunks: stats.chunks, ms: Date.now() - started, roots: reports })}\n`);
  } else {
    for (const r of reports) {
      ctx.io.stdout(`${r.source === 'workspace' ? 'workspace' : `examples ${r.dir}`}: ${r.scanned} files (${r.added} new, ${r.updated} changed, ${r.removed} removed, ${r.skipped} skipped) in ${r.ms} ms\n`);
    }
    ctx.io.stdout(`Index ${indexDir}: ${stats.files} files, ${stats.chunks} chunks.\n`);
  }
  return EXIT.ok;
}

// Shipped examples first, then every user folder indexed before (still on disk) or named now, then the workspace.
function rootsToSync(index: RagIndex, workspaceDir: string, added: readonly string[]): IndexRoot[] {
  const shipped = shippedExamplesDir();
  const user = new Map<string, IndexRoot>();
  for (const r of index.stats().roots) if (r.id.startsWith('examples:') && existsSync(r.dir)) user.set(r.id, r);
  for (const dir of added) {
    const r = userExamplesRoot(dir);
    user.set(r.id, r);
  }
  return [...(shipped ? [shippedExamplesRoot(shipped)] : []), ...user.values(), workspaceRoot(workspaceDir)];
}
