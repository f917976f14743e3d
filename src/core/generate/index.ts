/** Code generation (issue 4's core): the public surface for the CLI, the extension and tests. */
export { generateRun, resumeGenerate } from './generateRun';
export type { GenerateDeps, GenerateInput } from './deps';
export { DEFAULT_ATOM_MODEL, DEFAULT_GENERATE_SETTINGS, generateSettingsFrom } from './settings';
export type { GenerateSettings } from './settings';
export type { FailedUnit, GenerateOutcome, GenerateSummary, GenerateUsage } from './summary';
export type { AtomRecord, AttemptEntry, GenerationStore, ProposalRecord, TaskState } from './store';
export { assembleFile, reindent } from '../atomize/assemble';
export type { AssembledFile, FilledRange } from '../atomize/assemble';
