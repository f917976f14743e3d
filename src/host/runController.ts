import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import { generateRun, resumeGenerate } from '../core/generate';
import type { MasterPlan } from '../core/masterplan/schema';
import { renderMasterPlanMarkdown } from '../core/masterplan/renderMarkdown';
import { validatePlan } from '../core/masterplan/validatePlan';
import type { EditSink, Logger, PlanStore, VectorIndex } from '../core/ports';
import { createSqlPlanStore } from '../core/store/planStore';
import { openCoreSession, type CoreSession } from '../core/pipeline/coreSession';
import { planRun, resumePlan } from '../core/pipeline/planRun';
import type { MultiLanguageParser } from '../core/parse/multiLanguageParser';
import type { StoreDatabase } from '../core/store/database';
import type { ProgressEvent } from '../shared/events';
import type { ExecuteResult, PlanForReview } from '../shared/protocol';
import type { EffectiveSettings } from '../shared/settings';
import type { GenerateDeps } from '../core/generate/deps';
import { runtimePolicy } from '../core/validate/runtimeLevel';
import { createShadowValidators } from '../core/validate/shadowValidators';
import type { ServerLocations } from '../core/lsp/serverCommands';
import type { ApiKeyStore } from './apiKeyStore';
import type { LaunchResult } from './chatSession';

export interface RunControllerDeps {
  readonly apiKey: ApiKeyStore;
  readonly settings: () => EffectiveSettings;
  readonly logger: Logger;
  readonly emit: (event: ProgressEvent) => void;
  readonly database: () => Promise<StoreDatabase>;
  readonly parser: () => MultiLanguageParser;
  /** The retrieval index of the workspace at `root` (the no-op index when RAG is off). */
  readonly vectorIndex: (root: string) => VectorIndex;
  readonly editSink: EditSink;
  /** The language servers the extension carries (dist/servers of its install folder), when it has them. */
  readonly servers: ServerLocations;
}

/**
 * Starts, stops and resumes runs. Each run gets its own core session (client + call ledger, as the
 * ledger attributes calls to one run) over the shared database, and its own AbortController.
 * Settings and the key are read at start, so a changed setting applies to the next run.
 */
export class RunController implements vscode.Disposable {
  private readonly live = new Map<string, AbortController>();
  /**
   * Runs that reported run/finished while their session still closes: no longer live for the
   * panel, and a resume waits for the close instead of being refused.
   */
  private readonly closing = new Map<string, Promise<void>>();

  constructor(private readonly deps: RunControllerDeps) {}

  isLive(runId: string): boolean {
    return this.live.has(runId) && !this.closing.has(runId);
  }

  /** A new request: plan first and wait for review, or plan and generate in one go. */
  start(request: string, conversationId: string): Promise<LaunchResult> {
    const review = this.deps.settings().reviewPlanBeforeExecution;
    return this.launch(async (session, root, signal) => {
      if (review) await planRun(session.planDeps, { request, workspaceRoot: root, conversationId }, signal);
      else await this.withValidation(session, root, signal, (deps) => generateRun(deps, { request, workspaceRoot: root, conversationId }, signal));
    });
  }

  /** Continues a stopped or interrupted run from what is stored. */
  async resume(runId: string): Promise<LaunchResult> {
    await this.closing.get(runId);
    if (this.live.has(runId)) return { status: 'rejected', message: 'That run is still going.' };
    const run = (await this.store()).getRun(runId);
    if (!run) return { status: 'rejected', message: `There is no run ${runId} in this workspace.` };
    return this.launch(async (session, root, signal) => {
      if (run.kind === 'plan') await resumePlan(session.planDeps, runId, signal);
      else await this.withValidation(session, root, signal, (deps) => resumeGenerate(deps, runId, signal));
    }, runId);
  }

  /** The stored discovery and plan of a planning run, for review. */
  async planForReview(runId: string): Promise<PlanForReview> {
    const store = await this.store();
    const discovery = store.discoveryForRun(runId);
    const plan = store.masterPlanForRun(runId);
    if (!discovery || !plan) throw new Error(`Run ${runId} has no plan to review yet.`);
    return { runId, masterPlanId: plan.id, discoveryMarkdown: discovery.markdown, plan: plan.plan };
  }

  /** Generates from a reviewed plan; an edited plan is validated again and stored first. */
  async executePlan(planRunId: string, edited: MasterPlan): Promise<ExecuteResult> {
    const folder = workspaceFolder();
    if (!folder) return { status: 'rejected', message: NO_FOLDER };
    const store = await this.store();
    const run = store.getRun(planRunId);
    const discovery = store.discoveryForRun(planRunId);
    const stored = store.masterPlanForRun(planRunId);
    if (!run || !discovery || !stored) return { status: 'rejected', message: `Run ${planRunId} has no plan to execute.` };
    const problems = validatePlan(edited, folder.fsPath);
    if (problems.length > 0) return { status: 'invalid', problems: problems.map((p) => p.message) };
    if (JSON.stringify(edited) !== JSON.stringify(stored.plan)) {
      store.saveMasterPlan(planRunId, discovery.id, edited, renderMasterPlanMarkdown(edited));
      await store.flushNow();
      this.deps.logger.info(`Run ${planRunId}: the reviewed plan was edited and saved before execution.`);
    }
    const launched = await this.launch(async (session, root, signal) => {
      await this.withValidation(session, root, signal, (deps) => generateRun(deps, {
        request: run.request, workspaceRoot: root, conversationId: run.conversationId, planFromRunId: planRunId,
      }, signal));
    });
    return launched;
  }

  /**
   * Generation deps for this workspace with levels 4-5: a shadow copy of the workspace, language
   * servers started on first use (the workspace's TypeScript 7 or pyright first, else MGE's; none:
   * the level is skipped with the reason) and the generated tests run only in a trusted workspace
   * whose mge.validation.runtime is on. Servers are stopped and the shadow deleted however the
   * run ends (done, stopped, failed).
   */
  private async withValidation<T>(session: CoreSession, root: string, signal: AbortSignal, body: (deps: GenerateDeps) => Promise<T>): Promise<T> {
    const policy = runtimePolicy({ trusted: vscode.workspace.isTrusted, setting: this.deps.settings().runtimeValidation });
    const levels = await createShadowValidators({ sourceRoot: root, files: [], runtime: policy.runtime, runtimeOffReason: policy.offReason, servers: { ...this.deps.servers, useWorkspaceServers: vscode.workspace.isTrusted } }, signal);
    try {
      return await body(session.generateDeps({ editSink: this.deps.editSink, workspaceRoot: root, extraValidators: levels.validators, validationWorkspace: levels.shadow }));
    } finally {
      await levels.dispose().catch((err: unknown) => this.deps.logger.warn(`Cannot clean up the shadow workspace: ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  stop(runId: string): boolean {
    const controller = this.live.get(runId);
    controller?.abort(new Error('Stopped by the user.'));
    return controller !== undefined;
  }

  /** Runs `body` in a fresh core session; resolves once the run exists (its `run/started`). */
  private async launch(body: (session: CoreSession, root: string, signal: AbortSignal) => Promise<void>, knownRunId?: string): Promise<LaunchResult> {
    const folder = workspaceFolder();
    if (!folder) return { status: 'rejected', message: NO_FOLDER };
    const apiKey = await this.deps.apiKey.get();
    if (!apiKey) return { status: 'rejected', message: 'MGE needs an Anthropic API key. Run "MGE: Set Anthropic API Key".' };
    const settings = this.deps.settings();
    const db = await this.deps.database();
    const controller = new AbortController();
    return new Promise<LaunchResult>((resolve) => {
      let runId = knownRunId;
      let ended: () => void = () => undefined;
      const closed = new Promise<void>((r) => {
        ended = r;
      });
      const emit = (event: ProgressEvent): void => {
        if (event.type === 'run/started' && !this.live.has(event.runId)) {
          runId = event.runId;
          this.live.set(event.runId, controller);
          resolve({ status: 'started', runId: event.runId });
        }
        if (event.type === 'run/finished' && event.runId === runId) this.closing.set(event.runId, closed);
        this.deps.emit(event);
      };
      const run = async (): Promise<void> => {
        const session = await openCoreSession({
          apiKey, baseUrl: settings.baseUrl, db, settings, logger: this.deps.logger, emit, parser: this.deps.parser(),
          vectorIndex: this.deps.vectorIndex(folder.fsPath),
        });
        try {
          await body(session, folder.fsPath, controller.signal);
        } finally {
          await session.close();
        }
      };
      run().then(
        () => this.deps.logger.info(`Run ${runId ?? '(none)'} ended.`),
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          this.deps.logger.error(`Run ${runId ?? '(not started)'} stopped: ${message}`);
          resolve({ status: 'rejected', message });
        },
      ).finally(() => {
        if (runId) {
          this.live.delete(runId);
          this.closing.delete(runId);
        }
        ended();
      });
    });
  }

  private async store(): Promise<PlanStore> {
    return createSqlPlanStore(await this.deps.database(), { now: () => Date.now() });
  }

  dispose(): void {
    for (const controller of this.live.values()) controller.abort(new Error('The window is closing.'));
    this.live.clear();
  }
}

const NO_FOLDER = 'Open a folder first: MGE writes the generated code into the open workspace folder.';

function workspaceFolder(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && folder.uri.scheme === 'file' ? folder.uri : undefined;
}

/** sha256 of a file's text, as the generation store records applied files. */
export function contentSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
