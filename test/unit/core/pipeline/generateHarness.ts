/**
 * The real generation stack against the fake server, composed by openCoreSession (the wiring the
 * CLI and the extension share): real SDK and client, sql.js store, real parser and validators,
 * an in-memory EditSink that logs every proposal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerateDeps } from '../../../../src/core/generate/deps';
import type { GenerateSettings } from '../../../../src/core/generate/settings';
import { createMultiLanguageParser, type MultiLanguageParser } from '../../../../src/core/parse/multiLanguageParser';
import { openCoreSession, type CoreSession } from '../../../../src/core/pipeline/coreSession';
import type { EditSink, FileProposal, VectorIndex } from '../../../../src/core/ports';
import { openDatabase, type StoreDatabase } from '../../../../src/core/store/database';
import type { ProgressEvent } from '../../../../src/shared/events';
import { resolveSettings } from '../../../../src/shared/settings';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../fixtures/fake-anthropic/server';
import type { Scenario } from '../../../fixtures/fake-anthropic/types';
import { capturingLogger, type CapturingLogger } from '../testDoubles';

/** Test defaults: a planning model that takes forced tools, the default (always-thinking) atom model. */
export const TEST_SETTINGS: Partial<GenerateSettings> = { planningModel: 'claude-sonnet-5', skeletonMaxTokens: 2_000, atomMaxTokens: 256, enableCaching: false };

let sharedParser: MultiLanguageParser | undefined;

export interface ProposalLog {
  readonly calls: Array<{ runId: string; proposals: FileProposal[] }>;
  /** Latest proposed content per path. */
  files(): Record<string, string>;
  /** How often each path was proposed. */
  counts(): Record<string, number>;
}

/** An EditSink that remembers; `hook` may delay or fail a call. */
export function memorySink(hook?: (proposals: readonly FileProposal[], signal: AbortSignal) => Promise<void>): EditSink & ProposalLog {
  const calls: ProposalLog['calls'] = [];
  return {
    calls,
    async propose(runId, proposals, signal) {
      await hook?.(proposals, signal);
      calls.push({ runId, proposals: [...proposals] });
    },
    files: () => Object.fromEntries(calls.flatMap((c) => c.proposals.map((p) => [p.relPath, p.content]))),
    counts: () => {
      const out: Record<string, number> = {};
      for (const c of calls) for (const p of c.proposals) out[p.relPath] = (out[p.relPath] ?? 0) + 1;
      return out;
    },
  };
}

export interface GenerateHarness {
  readonly server: FakeAnthropicServer;
  readonly db: StoreDatabase;
  readonly session: CoreSession;
  readonly deps: GenerateDeps;
  readonly sink: EditSink & ProposalLog;
  readonly events: ProgressEvent[];
  readonly logger: CapturingLogger;
  readonly workspaceRoot: string;
  /** Request bodies of /v1/messages whose prompt holds `text`. */
  requestsWith(text: string): unknown[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly settings?: Partial<GenerateSettings>;
  readonly dbPath?: string;
  readonly sink?: EditSink & ProposalLog;
  readonly workspaceRoot?: string;
  /** Reuse a running server (a resumed run talks to the same fake API). */
  readonly server?: FakeAnthropicServer;
  /** Sees every event as it is emitted. */
  readonly onEvent?: (event: ProgressEvent) => void;
  /** Retrieval for the prompts (default: none); `settings.enableRag: false` turns it off. */
  readonly vectorIndex?: VectorIndex;
}

/** Starts a fake server with `scenario` (unless one is given) and wires generation to it. */
export async function startGenerateHarness(scenario: Scenario, options: HarnessOptions = {}): Promise<GenerateHarness> {
  const server = options.server ?? (await startFakeAnthropic({ scenario, latencyScale: scenario.latency ? 1 : 0 }));
  const logger = capturingLogger();
  const db = await openDatabase({ path: options.dbPath ?? null, logger, debounceMs: 20 });
  const events: ProgressEvent[] = [];
  sharedParser ??= createMultiLanguageParser();
  const session = await openCoreSession({
    apiKey: 'sk-ant-test-key',
    baseUrl: server.baseUrl,
    db,
    settings: resolveSettings(() => undefined).settings,
    generate: { ...TEST_SETTINGS, ...options.settings },
    logger,
    emit: (e) => {
      events.push(e);
      options.onEvent?.(e);
    },
    parser: sharedParser,
    vectorIndex: options.vectorIndex,
    maxTransportRetries: 2,
  });
  const sink = options.sink ?? memorySink();
  const workspaceRoot = options.workspaceRoot ?? mkdtempSync(join(tmpdir(), 'mge-gen-'));
  const deps = session.generateDeps({ editSink: sink, workspaceRoot });
  return {
    server, db, session, deps, sink, events, logger, workspaceRoot,
    requestsWith: (text) =>
      server.requests.filter((r) => r.path === '/v1/messages' && JSON.stringify(r.body).includes(text)).map((r) => r.body),
    async close() {
      await session.close();
      await db.close();
      if (!options.server) await server.close();
    },
  };
}
