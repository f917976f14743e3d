/** Knobs of the planning stages, with defaults; the CLI and the extension fill in the model. */
import { DEFAULT_MODEL } from '../../shared/settings';

export interface PlanSettings {
  /** Model for discovery and planning (`mge.model`). */
  readonly model: string;
  /** Low: the same request should give the same plan. */
  readonly discoveryTemperature: number;
  readonly planTemperature: number;
  readonly discoveryMaxTokens: number;
  /** Calls per structured answer when the answer breaks the schema (callStructured's maxAttempts). */
  readonly structuredAttempts: number;
  /** Retrieved snippets added to the plan prompt at most (0 when RAG is off: no search at all). */
  readonly ragExamples: number;
  /** Most (estimated) tokens those snippets may take. */
  readonly ragTokenBudget: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  model: DEFAULT_MODEL,
  discoveryTemperature: 0.2,
  planTemperature: 0.2,
  discoveryMaxTokens: 8_000,
  structuredAttempts: 3,
  ragExamples: 6,
  ragTokenBudget: 3_000,
};
