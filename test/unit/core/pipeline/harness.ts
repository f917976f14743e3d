/**
 * The real planning stack against the fake server: real SDK, real LLM client, sql.js store
 * (in memory unless a path is given), no-op retrieval. Tests read events and the server's log.
 */
import { createRealClock } from '../../../../src/core/clock';
import { createAnthropicLlmClient } from '../../../../src/core/llm';
import { createCallLedger } from '../../../../src/core/pipeline/callLedger';
import type { PlanRunDeps } from '../../../../src/core/pipeline/planRun';
import { DEFAULT_PLAN_SETTINGS } from '../../../../src/core/pipeline/planSettings';
import type { PlanStore } from '../../../../src/core/ports';
import { noopVectorIndex } from '../../../../src/core/rag/noopVectorIndex';
import { openDatabase, type StoreDatabase } from '../../../../src/core/store/database';
import { createSqlPlanStore } from '../../../../src/core/store/planStore';
import type { ProgressEvent } from '../../../../src/shared/events';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../fixtures/fake-anthropic/server';
import type { Scenario } from '../../../fixtures/fake-anthropic/types';
import { capturingLogger, type CapturingLogger } from '../testDoubles';

export interface PlanHarness {
  readonly server: FakeAnthropicServer;
  readonly db: StoreDatabase;
  readonly store: PlanStore;
  readonly deps: PlanRunDeps;
  readonly events: ProgressEvent[];
  readonly logger: CapturingLogger;
  /** The tool each /v1/messages request asked for (forced, else the only one offered), in order. */
  forcedTools(): string[];
  close(): Promise<void>;
}

/** Start a fake server with `scenario` and wire the planning stack to it. */
export async function startPlanHarness(scenario: string | Scenario, options: { apiKey?: string; dbPath?: string; maxTransportRetries?: number; model?: string; timeoutMs?: number } = {}): Promise<PlanHarness> {
  const server = await startFakeAnthropic({ scenario, latencyScale: 0 });
  const logger = capturingLogger();
  const db = await openDatabase({ path: options.dbPath ?? null, logger });
  const clock = createRealClock();
  const store = createSqlPlanStore(db, clock);
  const calls = createCallLedger(store);
  const llm = createAnthropicLlmClient({
    apiKey: options.apiKey ?? 'sk-ant-test-key',
    baseUrl: server.baseUrl,
    cache: null,
    onCall: calls.onCall,
    onPause: calls.onPause,
    clock,
    logger,
    maxTransportRetries: options.maxTransportRetries ?? 2,
    timeoutMs: options.timeoutMs,
    random: () => 0,
  });
  const events: ProgressEvent[] = [];
  const deps: PlanRunDeps = { llm, calls, store, vectorIndex: noopVectorIndex, clock, logger, emit: (e) => events.push(e), settings: { ...DEFAULT_PLAN_SETTINGS, model: options.model ?? 'claude-sonnet-5' } };
  return {
    server,
    db,
    store,
    deps,
    events,
    logger,
    forcedTools: () =>
      server.requests.flatMap((r) => {
        if (r.path !== '/v1/messages' || typeof r.body !== 'object' || r.body === null) return [];
        const body = r.body as { tool_choice?: { name?: string }; tools?: Array<{ name?: string }> };
        return [body.tool_choice?.name ?? body.tools?.[0]?.name ?? '(none)'];
      }),
    async close() {
      await db.close();
      await server.close();
    },
  };
}
