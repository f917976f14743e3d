/**
 * The labeled validation corpus (test/fixtures/validation): each file's first line says the
 * first level it should fail (`// expect: types`, `# expect: pass`). Runs every file through all
 * five levels as `mge validate --atom --runtime` does, and scores each level's precision and
 * recall: a file is flagged by level L when its first failure is L; the positives of L are the
 * files labeled L.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMultiLanguageParser } from '../../src/core/parse/multiLanguageParser';
import { LEVEL_ORDER, type ValidationLevel } from '../../src/core/validate/types';
import { validateFiles, type FileValidation } from '../../src/core/validate/validateFiles';

export const CORPUS_DIR = resolve(__dirname, '../fixtures/validation');

export type Label = ValidationLevel | 'pass';

export interface CorpusFile {
  readonly path: string;
  readonly language: 'typescript' | 'javascript' | 'python';
  readonly label: Label;
}

export interface CorpusOutcome {
  readonly file: CorpusFile;
  /** The first failing level, or 'pass'. */
  readonly flagged: Label;
  readonly result: FileValidation;
}

const LANGUAGE_BY_DIR = { ts: 'typescript', js: 'javascript', py: 'python' } as const;

/** Every labeled file of the corpus. */
export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const [sub, language] of Object.entries(LANGUAGE_BY_DIR)) {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      if (!/\.(ts|js|py)$/.test(name)) continue;
      const path = join(dir, sub, name);
      const header = /^(?:\/\/|#) expect: (\w+)/.exec(readFileSync(path, 'utf8'));
      const label = header?.[1];
      if (label !== 'pass' && !(LEVEL_ORDER as readonly string[]).includes(label ?? '')) throw new Error(`${path}: no valid "expect:" header`);
      files.push({ path, language, label: label as Label });
    }
  }
  return files;
}

/** Validates the whole corpus at all five levels (runtime on, a short deadline so hangs end quickly). */
export async function runCorpus(files: readonly CorpusFile[], signal: AbortSignal, runtimeTimeoutMs = 3000): Promise<CorpusOutcome[]> {
  const parser = createMultiLanguageParser();
  try {
    const results = await validateFiles(files.map((f) => f.path), { parser, levels: LEVEL_ORDER, atom: true, runtime: true, runtimeTimeoutMs }, signal);
    return files.map((file, i) => {
      const result = results[i];
      if (!result || result.path !== file.path) throw new Error(`no result for ${file.path}`);
      const failed = LEVEL_ORDER.find((level) => result.levels[level].status === 'fail');
      return { file, flagged: failed ?? 'pass', result };
    });
  } finally {
    parser.dispose();
  }
}

export interface LevelScore {
  readonly level: ValidationLevel;
  readonly positives: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
}

/** Precision and recall of every level over `outcomes` (1 when there is nothing to get wrong). */
export function scoreLevels(outcomes: readonly CorpusOutcome[]): LevelScore[] {
  return LEVEL_ORDER.map((level) => {
    const positives = outcomes.filter((o) => o.file.label === level).length;
    const flagged = outcomes.filter((o) => o.flagged === level).length;
    const truePositives = outcomes.filter((o) => o.flagged === level && o.file.label === level).length;
    return {
      level, positives, flagged, truePositives,
      precision: flagged === 0 ? 1 : truePositives / flagged,
      recall: positives === 0 ? 1 : truePositives / positives,
    };
  });
}

/** The files whose first failure differs from their label, with the first message, for a failing assertion. */
export function mismatches(outcomes: readonly CorpusOutcome[]): string[] {
  return outcomes.filter((o) => o.flagged !== o.file.label).map((o) => {
    const level = o.flagged === 'pass' ? null : o.result.levels[o.flagged];
    const why = level?.messages[0]?.message ?? LEVEL_ORDER.map((l) => o.result.levels[l].reason).filter(Boolean).join('; ');
    return `${o.file.path.slice(CORPUS_DIR.length + 1)}: expected ${o.file.label}, got ${o.flagged} (${why.split('\n')[0]})`;
  });
}
