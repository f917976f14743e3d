/** Validation levels: the common interface, the runner, and levels 1-3 (syntax, semantics, atomicity). */
export type { AtomUnderValidation, AtomValidationReport, LevelResult, ValidationLevel, ValidationMessage, Validator } from './types';
export { LEVEL_ORDER } from './types';
export { EARLIER_LEVEL_FAILED, reportFailures, skipped, validateAtom } from './validateAtom';
export { createSyntaxValidator } from './syntaxLevel';
export { createSemanticsValidator } from './semanticsLevel';
export { createAtomicityValidator } from './atomicityLevel';
export { createStructuralValidators, type StructuralValidators } from './structuralValidators';
export { parseSignature, signatureMismatch, type SignatureShape } from './signatureMatch';
