/**
 * RecursiveDecomposer: a task's checked skeleton files -> atoms. Each hole is one atom; a file
 * with no hole (JSON, Markdown, a types-only module) is one whole-file atom that is already done.
 * A file that an earlier task wrote keeps that task's holes (they stay that task's atoms): only
 * the holes this task adds become its atoms. "Recursive" because a hole too big for one atom is
 * not accepted here: the skeleton goes back to be split (see atomicity.ts) until every hole fits.
 */
import { atomIdOf } from './contract';
import type { LanguageId } from '../parse/languages';
import type { AtomSpec, HoleSite } from './types';

/** One skeleton file as the decomposer needs it. */
export interface DecomposableFile {
  readonly path: string;
  readonly language: LanguageId | null;
  readonly content: string;
  /** Holes found by scanHoles (empty for files without a grammar). */
  readonly holes: readonly HoleSite[];
}

/**
 * The atoms of task `taskId`, numbered from `firstOrdinal`. `ownedElsewhere` names, per path, the
 * holes an earlier task's skeleton of that file already had.
 */
export function decomposeTask(
  taskId: string,
  files: readonly DecomposableFile[],
  firstOrdinal: number,
  ownedElsewhere: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): AtomSpec[] {
  const atoms: AtomSpec[] = [];
  let ordinal = firstOrdinal;
  for (const file of files) {
    const earlier = ownedElsewhere.get(file.path) ?? new Set<string>();
    if (file.holes.length === 0) {
      if (earlier.size > 0) continue; // a later writer that only changed declarations adds no atom
      atoms.push({
        atomId: atomIdOf(taskId, file.path, 'file'),
        taskId,
        path: file.path,
        unit: 'file',
        kind: 'file',
        signature: null,
        description: `the whole file ${file.path}`,
        holeLine: 1,
        holeText: '',
        indent: '',
        language: file.language,
        ordinal: ordinal++,
      });
      continue;
    }
    for (const hole of file.holes) {
      if (earlier.has(hole.unit)) continue;
      atoms.push({
        atomId: atomIdOf(taskId, file.path, hole.unit),
        taskId,
        path: file.path,
        unit: hole.unit,
        kind: hole.kind,
        signature: hole.signature,
        description: hole.description,
        holeLine: hole.line,
        holeText: hole.lineText,
        indent: hole.indent,
        language: file.language,
        ordinal: ordinal++,
      });
    }
  }
  return atoms;
}
