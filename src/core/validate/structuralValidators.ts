/** The three structural levels (syntax, semantics, atomicity) wired over one shared tree cache. */
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import { createTreeCache } from '../parse/treeCache';
import { createAtomicityValidator } from './atomicityLevel';
import { createSemanticsValidator } from './semanticsLevel';
import { createSyntaxValidator } from './syntaxLevel';
import type { Validator } from './types';

/** Levels 1-3 and the means to free their cached trees. */
export interface StructuralValidators {
  /** Syntax, semantics and atomicity, in that order; they parse each assembled file once between them. */
  readonly validators: readonly Validator[];
  /** Deletes the cached trees (the parser itself stays with its owner). */
  dispose(): void;
}

/**
 * Creates levels 1-3 over `parser`, sharing a cache of `cacheSize` parse trees. Atoms validated
 * concurrently interleave between levels, so keep `cacheSize` at least the number of atoms in
 * flight or a file may be parsed again between its levels (correct, only slower).
 */
export function createStructuralValidators(parser: MultiLanguageParser, cacheSize = 16): StructuralValidators {
  const trees = createTreeCache(parser, cacheSize);
  return {
    validators: [createSyntaxValidator(trees), createSemanticsValidator(trees), createAtomicityValidator(trees)],
    dispose: () => trees.dispose(),
  };
}
