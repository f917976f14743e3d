/** Validation levels: the common interface, the runner, levels 1-3 (syntax, semantics, atomicity) and 4-5 (types, runtime) in a shadow workspace. */
export type { AtomUnderValidation, AtomValidationReport, LevelResult, ValidationLevel, ValidationMessage, Validator } from './types';
export { LEVEL_ORDER } from './types';
export { EARLIER_LEVEL_FAILED, reportFailures, skipped, validateAtom } from './validateAtom';
export { createSyntaxValidator } from './syntaxLevel';
export { createSemanticsValidator } from './semanticsLevel';
export { createAtomicityValidator } from './atomicityLevel';
export { createStructuralValidators, type StructuralValidators } from './structuralValidators';
export { parseSignature, signatureMismatch, type SignatureShape } from './signatureMatch';
export { createShadowValidators, type ShadowValidators, type ShadowValidatorsOptions } from './shadowValidators';
export { createTypesValidator, type TypesLevelOptions } from './typesLevel';
export { createRuntimeValidator, runtimePolicy, type RuntimeCheckFor, type RuntimeLevelOptions } from './runtimeLevel';
export { fileRunCommand, runFileItself, type RuntimeCommand } from './runtimeCommands';
export { validateFiles, type FileValidation, type ValidateFilesOptions } from './validateFiles';
