/** Retrieval quality on a labeled query set: recall@5 and MRR@10 per fusion mode. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FusionMode } from '../../src/core/rag/hybrid';
import type { RagIndex } from '../../src/core/rag/ragIndex';
import type { LabeledQuery } from './ragQueries';

/** Figures of one fusion mode. */
export interface QualityFigures {
  readonly mode: FusionMode;
  readonly recallAt5: number;
  readonly mrr: number;
  readonly misses: readonly string[];
}

/** The 1-based line of the first line of `path` that starts with the anchor (after indentation). */
export function anchorLine(root: string, q: LabeledQuery): number {
  const lines = readFileSync(join(root, q.path), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trimStart().startsWith(q.anchor));
  if (at < 0) throw new Error(`anchor not found: ${q.path}: ${q.anchor}`);
  return at + 1;
}

/** Runs every labeled query through `index` (built over `root`) in each mode. */
export async function measureQuality(index: RagIndex, root: string, queries: readonly LabeledQuery[], modes: readonly FusionMode[], signal: AbortSignal): Promise<QualityFigures[]> {
  const targets = queries.map((q) => ({ q, line: anchorLine(root, q) }));
  const out: QualityFigures[] = [];
  for (const mode of modes) {
    let hits5 = 0;
    let rr = 0;
    const misses: string[] = [];
    for (const { q, line } of targets) {
      const results = await index.searchWith(q.query, 10, { mode }, signal);
      const rank = results.findIndex((r) => r.path === q.path && r.startLine <= line && r.endLine >= line);
      if (rank >= 0 && rank < 5) hits5++;
      else misses.push(`${q.query} -> ${results.slice(0, 3).map((r) => `${r.path}:${r.startLine}`).join(', ')}`);
      if (rank >= 0) rr += 1 / (rank + 1);
    }
    out.push({ mode, recallAt5: hits5 / targets.length, mrr: rr / targets.length, misses });
  }
  return out;
}
