/** Knobs of code generation, with defaults; the CLI and the extension fill them from their settings. */
import { DEFAULT_ATOM_MODEL, DEFAULT_MODEL, type EffectiveSettings } from '../../shared/settings';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TEMPERATURES } from '../execute';
import type { RetrievalOptions } from '../rag/retrieve';

export { DEFAULT_ATOM_MODEL };

/** Every knob of a generate run. */
export interface GenerateSettings {
  /** 'v2': atomized, parallel, validated at levels 1-3 (+4-5); 'v1': whole tasks, syntax only. */
  readonly engine: 'v1' | 'v2';
  /** Most model calls in flight (`mge.v2.maxConcurrency`). */
  readonly maxConcurrency: number;
  /** Attempts per atom, first one included (`mge.v2.maxRetries`). */
  readonly maxRetries: number;
  /** Temperature per attempt (recorded and part of the response-cache key even where the API ignores it). */
  readonly temperatures: readonly number[];
  /** Line budget of one atom (`mge.v2.atomMaxLines`). */
  readonly atomMaxLines: number;
  /** Model of atom calls (`mge.atomModel`). */
  readonly atomModel: string;
  /** Model of skeletons, V1 tasks and an atom's last attempt (`mge.model`). */
  readonly planningModel: string;
  /** A last failing attempt climbs to the planning model. */
  readonly escalateLastAttempt: boolean;
  /** Stop once spend + calls in flight would pass this (USD); null: no cap. */
  readonly maxCostUsd: number | null;
  /** Identical requests answered from the database (wired into the client by the composition). */
  readonly enableCaching: boolean;
  /** Retrieval into skeleton and atom prompts (off: no search at all). */
  readonly enableRag: boolean;
  /** Retrieved context of a skeleton prompt: the task's conventions, a few whole snippets. */
  readonly skeletonRetrieval: Pick<RetrievalOptions, 'k' | 'tokenBudget'>;
  /** Retrieved context of an atom prompt: small, it is paid on every one of hundreds of calls. */
  readonly atomRetrieval: Pick<RetrievalOptions, 'k' | 'tokenBudget'>;
  /** Output is charged up front from max_tokens, so each call asks for little. */
  readonly atomMaxTokens: number;
  readonly skeletonMaxTokens: number;
  readonly v1MaxTokens: number;
  /** Skeleton calls per task when the answer is unusable (schema, syntax, holes, atomicity). */
  readonly skeletonAttempts: number;
  /** V1 tasks in flight (the legacy path ran 2-3 at a time). */
  readonly v1Concurrency: number;
  /** Lines per V1 subtask chunk in reports. */
  readonly v1ChunkLines: number;
  /** Expected duration of one atom call, weighting the critical path shown before execution. */
  readonly expectedAtomMs: number;
}

/** The defaults (the same as the extension's settings defaults). */
export const DEFAULT_GENERATE_SETTINGS: GenerateSettings = {
  engine: 'v2',
  maxConcurrency: 100,
  maxRetries: DEFAULT_MAX_ATTEMPTS,
  temperatures: DEFAULT_TEMPERATURES,
  atomMaxLines: 10,
  atomModel: DEFAULT_ATOM_MODEL,
  planningModel: DEFAULT_MODEL,
  escalateLastAttempt: true,
  maxCostUsd: null,
  enableCaching: true,
  enableRag: true,
  skeletonRetrieval: { k: 4, tokenBudget: 1_500 },
  atomRetrieval: { k: 2, tokenBudget: 500 },
  atomMaxTokens: 1_024,
  skeletonMaxTokens: 8_000,
  v1MaxTokens: 16_000,
  skeletonAttempts: 3,
  v1Concurrency: 3,
  v1ChunkLines: 25,
  expectedAtomMs: 3_000,
};

/** Generation settings from the user-facing settings plus overrides (flags, tests). */
export function generateSettingsFrom(effective: EffectiveSettings, overrides: Partial<GenerateSettings> = {}): GenerateSettings {
  return {
    ...DEFAULT_GENERATE_SETTINGS,
    engine: effective.v2Enabled ? 'v2' : 'v1',
    maxConcurrency: effective.maxConcurrency,
    maxRetries: effective.maxRetries,
    atomMaxLines: effective.atomMaxLines,
    atomModel: effective.atomModel,
    planningModel: effective.model,
    maxCostUsd: effective.maxCostUsd,
    enableCaching: effective.enableCaching,
    enableRag: effective.enableRag,
    ...overrides,
  };
}
