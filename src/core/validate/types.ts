/**
 * The common shape of the five validation levels, so the executor runs any mix of them the same
 * way and levels 4-5 (types through a language server, runtime in a shadow workspace) plug in
 * beside the structural levels 1-3.
 */
import type { ValidationLevel } from '../../shared/events';
import type { TestRole } from '../atomize/testFiles';
import type { LanguageId } from '../parse/languages';

export type { ValidationLevel } from '../../shared/events';

/** Levels in the order they run: cheapest first (and the numbering users see: 1 syntax ... 5 runtime). */
export const LEVEL_ORDER: readonly ValidationLevel[] = ['syntax', 'semantics', 'atomicity', 'types', 'runtime'];

/** One finding, 1-based position in the assembled file. */
export interface ValidationMessage {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** What one level concluded about one atom. */
export interface LevelResult {
  readonly level: ValidationLevel;
  readonly status: 'pass' | 'fail' | 'skipped';
  /** Why it failed (empty on pass; may be empty when skipped). */
  readonly messages: readonly ValidationMessage[];
  /** Why the level did not run, for 'skipped' (shown to the user: never a silent pass). */
  readonly reason?: string;
}

/** An atom placed in its assembled file, ready to be validated. */
export interface AtomUnderValidation {
  readonly atomId: string;
  /** Workspace-relative path of the assembled file. */
  readonly relPath: string;
  /** The file's language, or null when no grammar fits (levels that need one are skipped). */
  readonly language: LanguageId | null;
  /** The whole assembled file: the skeleton with this atom (and any finished atoms) in place. */
  readonly fileText: string;
  /**
   * The same file with this atom's hole left empty (everything else as in `fileText`): what the
   * types level compares with, so an error elsewhere fails the atom only if the atom brought it.
   * Absent (mge validate): errors outside the atom's lines are not held against it.
   */
  readonly baselineText?: string;
  /**
   * The file with every atom of it that has passed so far in place, and this one: what level 5
   * runs (a test needs its helpers and hooks, whichever atoms they are). Absent: `fileText`.
   */
  readonly runText?: string;
  /**
   * The run's other files whose atoms have all passed, assembled, by path (test files' atoms
   * only; computed when asked): level 5 writes them into the shadow so a test runs against the
   * whole code under test.
   */
  readonly runFiles?: () => ReadonlyMap<string, string>;
  /** For an atom of a test file, what it is to a test run (see testRole); absent elsewhere. */
  readonly testRole?: TestRole;
  /** The atom's lines in `fileText`, 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** The signature the plan declared for this atom (`function add(a: number, b: number): number`), if any. */
  readonly declaredSignature: string | null;
  /** Most non-blank, non-comment lines the atom may have (mge.v2.atomMaxLines). */
  readonly maxLines: number;
  /** Names the ContextInjector provided from other atoms and files; they count as defined. */
  readonly injectedSymbols: readonly string[];
}

/** One validation level. */
export interface Validator {
  readonly level: ValidationLevel;
  /** Judges one atom. Throws only on abort; anything it cannot judge is 'skipped' with a reason. */
  validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult>;
}

/** Every level's result for one atom, in level order. */
export interface AtomValidationReport {
  readonly atomId: string;
  /** True when no level failed (skipped levels do not fail an atom). */
  readonly passed: boolean;
  readonly results: readonly LevelResult[];
  /** The first failing level's result, or null. */
  readonly firstFailure: LevelResult | null;
}
