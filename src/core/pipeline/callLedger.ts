/**
 * Attributes the LLM client's call records and pauses to the run in progress: persists each call
 * in llm_calls, keeps running totals and emits `cost/update` and `llm/pause` for that run. The
 * client is built with `ledger.onCall` / `ledger.onPause`; the pipeline attaches the run id once
 * it exists. One ledger serves one run at a time: concurrent runs need a client and ledger each.
 */
import { createUsageTotals, type LlmCallRecord, type LlmPause, type UsageSnapshot, type UsageTotals } from '../llm';
import type { PlanStore, ProgressSink } from '../ports';

export interface CallLedger {
  /** Give to createAnthropicLlmClient as `onCall`. */
  readonly onCall: (record: LlmCallRecord) => void;
  /** Give to createAnthropicLlmClient as `onPause`. */
  readonly onPause: (pause: LlmPause) => void;
  /** Attribute later calls to `runId` and report through `emit`; resets the totals. */
  attach(runId: string, emit: ProgressSink): void;
  /** Stop attributing (calls after this are stored without a run). */
  detach(): void;
  /** Totals since the last attach. */
  snapshot(): UsageSnapshot;
}

/** A ledger writing to `store`. */
export function createCallLedger(store: PlanStore): CallLedger {
  let runId: string | null = null;
  let emit: ProgressSink = () => undefined;
  let totals: UsageTotals = createUsageTotals();
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
      totals = createUsageTotals();
    },
    detach() {
      runId = null;
      emit = () => undefined;
    },
    snapshot: () => totals.snapshot(),
  };
}
