/**
 * What atomization produces: the skeleton files of a task and the atoms cut from their holes.
 * Plain data, persisted as is (see src/core/store/generation.ts) so a resumed run rebuilds the
 * same graph and the same prompts without asking the model again.
 */
import type { LanguageId } from '../parse/languages';

/**
 * - body: the hole is a function or method body; the atom writes its statements.
 * - top-level: the hole is a statement block at module (or class) level.
 * - file: a file with no holes (JSON, Markdown, a types-only module): given whole, already done.
 * - chunk: V1 only, a ~25-line slice of a whole generated file, reported like an atom.
 */
export type AtomKind = 'body' | 'top-level' | 'file' | 'chunk';

/** One hole found in a skeleton. Lines are 1-based. */
export interface HoleSite {
  /** The hole's name (`createTask`, `Repo.add`), unique in its file. */
  readonly unit: string;
  readonly description: string;
  readonly kind: 'body' | 'top-level';
  /** Declaration header of the function whose body the hole is (`async createTask(input: NewTask): Promise<Task>`); null for top-level holes. */
  readonly signature: string | null;
  readonly line: number;
  /** The whole hole line as written (it is what a rejected atom leaves behind). */
  readonly lineText: string;
  /** Leading whitespace of the hole line: the atom's code is re-indented to it. */
  readonly indent: string;
}

/** One file of a task as the skeleton call returned it (or as V1 wrote it). */
export interface TaskFile {
  readonly taskId: string;
  /** Normalised workspace-relative path (one of the task's planned files). */
  readonly path: string;
  /** Position in the task's file list. */
  readonly ordinal: number;
  readonly content: string;
  /** The file before the run touched it (undefined: it did not exist). */
  readonly baseContent: string | undefined;
}

/** One atom: a hole to fill, or a whole file that is already done. */
export interface AtomSpec {
  /** `atomIdOf(taskId, path, unit)`: stable across runs and resumes. */
  readonly atomId: string;
  readonly taskId: string;
  readonly path: string;
  readonly unit: string;
  readonly kind: AtomKind;
  readonly signature: string | null;
  readonly description: string;
  /** Line of the hole in its task's skeleton of the file (1 for whole files). */
  readonly holeLine: number;
  readonly holeText: string;
  readonly indent: string;
  readonly language: LanguageId | null;
  /** Position in the run (task order, then file, then line): the deterministic order of everything. */
  readonly ordinal: number;
}
