/**
 * Attributes the LLM client's call records and pauses to the run in progress: persists each call
 * in llm_calls, keeps running totals and emits `cost/update` and `llm/pause` for that run. The
 * client is built with `ledger.onCall` / `ledger.onPause`; the pipeline attaches the run id once
 * it exists. One ledger serves one run at a time: concurrent runs need a client and ledger each.
 * The totals are the whole run's: a resumed run continues from what its earlier sessions spent.
 */
import { costWithoutCache, createUsageTotals, type EarlierUsage, type LlmCallRecord, type LlmPause, type UsageSnapshot, type UsageTotals } from '../llm';
import type { LlmUsage, PlanStore, ProgressSink } from '../ports';

export interface CallLedger {
  /** Give to createAnthropicLlmClient as `onCall`. */
  readonly onCall: (record: LlmCallRecord) => void;
  /** Give to createAnthropicLlmClient as `onPause`. */
  readonly onPause: (pause: LlmPause) => void;
  /** Attribute later calls to `runId` and report through `emit`; totals start from the run's stored calls. */
  attach(runId: string, emit: ProgressSink): void;
  /** Stop attributing (calls after this are stored without a run). */
  detach(): void;
  /** Totals of the attached run (calls of earlier sessions included; failures and cache hits only since the attach). */
  snapshot(): UsageSnapshot;
}

/** A run's recorded usage per model (GenerationStore.usageByModel): prices what prompt caching saved earlier. */
export type UsageByModel = (runId: string) => ReadonlyArray<{ readonly model: string; readonly usage: LlmUsage; readonly costUsd: number }>;

/** A ledger writing to `store`; without `usageByModel`, earlier sessions count with no cache savings. */
export function createCallLedger(store: PlanStore, usageByModel?: UsageByModel): CallLedger {
  let runId: string | null = null;
  let emit: ProgressSink = () => undefined;
  let totals: UsageTotals = createUsageTotals();
  const earlierUsage = (id: string): EarlierUsage => {
    const run = store.usageForRun(id);
    const byModel = usageByModel?.(id);
    const uncachedCostUsd = byModel ? byModel.reduce((n, m) => n + costWithoutCache(m.model, m.usage), 0) : run.costUsd;
    return { calls: run.calls, usage: run, costUsd: run.costUsd, uncachedCostUsd };
  };
  return {
    onCall(record) {
      store.recordLlmCall(runId, record);
      totals.add(record);
      if (runId !== null) emit(totals.costUpdate(runId));
    },
    onPause(pause) {
      if (runId !== null) emit({ type: 'llm/pause', runId, ...pause });
    },
    attach(id, sink) {
      runId = id;
      emit = sink;
      const earlier = earlierUsage(id);
      totals = createUsageTotals(earlier);
      // A resumed run shows what it has spent so far at once, not $0 until its next call.
      if (earlier.calls > 0) emit(totals.costUpdate(id));
    },
    detach() {
      runId = null;
      emit = () => undefined;
    },
    snapshot: () => totals.snapshot(),
  };
}
