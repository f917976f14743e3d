/** Shared setup for the validation tests: real parser, real levels, and an atom builder. */
import type { LanguageId } from '../../../../src/core/parse/languages';
import { createMultiLanguageParser, type MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';
import { createStructuralValidators, type StructuralValidators } from '../../../../src/core/validate/structuralValidators';
import type { AtomUnderValidation, LevelResult, ValidationLevel } from '../../../../src/core/validate/types';

export const noAbort = new AbortController().signal;

let parser: MultiLanguageParser | undefined;
let levels: StructuralValidators | undefined;

/** Levels 1-3 over one shared parser (created on first use). */
export function structural(): StructuralValidators {
  parser ??= createMultiLanguageParser();
  levels ??= createStructuralValidators(parser);
  return levels;
}

/** An atom in a file made of `lines`; by default the whole file is the atom. */
export function atom(language: LanguageId | null, lines: readonly string[], overrides: Partial<AtomUnderValidation> = {}): AtomUnderValidation {
  return {
    atomId: 'a1', relPath: 'src/file', language, fileText: lines.join('\n') + '\n',
    startLine: 1, endLine: lines.length, declaredSignature: null, maxLines: 10, injectedSymbols: [],
    ...overrides,
  };
}

/** Runs one level on an atom. */
export function runLevel(level: ValidationLevel, target: AtomUnderValidation): Promise<LevelResult> {
  const validator = structural().validators.find((v) => v.level === level);
  if (!validator) throw new Error(`no ${level} validator`);
  return validator.validate(target, noAbort);
}

/** "line:column message" per message, the compact form assertions read. */
export function described(result: LevelResult): string[] {
  return result.messages.map((m) => `${m.line}:${m.column} ${m.message}`);
}
