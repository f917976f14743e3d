/**
 * The masterplan stage: discovery -> plan, validated; an invalid plan goes back to the model once
 * with its problems listed, then is refused with InvalidPlanError. Only a valid plan is stored as
 * a plan; refused ones are kept apart (status 'invalid') for inspection.
 */
import { callStructured } from '../llm';
import type { LlmClient, LlmMessage, LlmRequest, Logger, PlanStore, StoredDiscovery, StoredMasterPlan, VectorIndex } from '../ports';
import type { PlanSettings } from '../pipeline/planSettings';
import { planQuery } from '../rag/queries';
import { retrieveOrNothing } from '../rag/retrieve';
import type { ContextUsedEntry } from '../../shared/events';
import { InvalidPlanError } from './errors';
import { MASTERPLAN_TOOL_DESCRIPTION, MASTERPLAN_TOOL_NAME, masterPlanMessages, masterPlanSystem, planFeedbackTurns } from './prompt';
import { renderMasterPlanMarkdown } from './renderMarkdown';
import { masterPlanSchema, type MasterPlan } from './schema';
import { planMaxTokens, sizeGuidance } from './sizeGuidance';
import { validatePlan, type PlanProblem } from './validatePlan';

export interface MasterPlanDeps {
  readonly llm: LlmClient;
  readonly store: PlanStore;
  readonly vectorIndex: VectorIndex;
  readonly logger: Logger;
  readonly settings: PlanSettings;
}

export interface MasterPlanInput {
  readonly runId: string;
  readonly request: string;
  readonly discovery: StoredDiscovery;
  readonly workspaceRoot: string;
  /** Told what retrieval put into the prompt, when it put anything (the caller emits `context/used`). */
  readonly onContextUsed?: (entries: readonly ContextUsedEntry[]) => void;
}

/** Plan from the stored discovery, validate, repair once if needed, store and save at once. */
export async function runMasterPlan(deps: MasterPlanDeps, input: MasterPlanInput, signal: AbortSignal): Promise<StoredMasterPlan> {
  const doc = input.discovery.document;
  const size = sizeGuidance(doc);
  const retrieved = await retrieveForPlan(deps, doc, signal);
  if (retrieved.used.length > 0) input.onContextUsed?.(retrieved.used);
  const baseMessages = masterPlanMessages({ request: input.request, discovery: doc, retrievedContext: retrieved.text, size });
  const ask = async (messages: readonly LlmMessage[], purpose: string): Promise<{ value: MasterPlan; request: LlmRequest }> => {
    const { value, request } = await callStructured(
      deps.llm,
      {
        purpose,
        model: deps.settings.model,
        system: masterPlanSystem(),
        messages,
        temperature: deps.settings.planTemperature,
        maxTokens: planMaxTokens(size),
        tool: { name: MASTERPLAN_TOOL_NAME, description: MASTERPLAN_TOOL_DESCRIPTION, schema: masterPlanSchema },
        contextUsed: retrieved.used,
      },
      signal,
      { maxAttempts: deps.settings.structuredAttempts },
    );
    return { value, request };
  };

  const { value: first, request: firstRequest } = await ask(baseMessages, 'masterplan');
  const firstProblems = validatePlan(first, input.workspaceRoot);
  if (firstProblems.length === 0) return save(deps.store, input, first);

  rejectPlan(deps, input, first, firstProblems, 'sending it back once to be fixed');
  // A refused plan must not come back from the response cache on a resume.
  await deps.llm.forget(firstRequest);
  const feedback = planFeedbackTurns(JSON.stringify(first), firstProblems.map((p) => p.message));
  const { value: second, request: secondRequest } = await ask([...baseMessages, ...feedback], 'masterplan:repair');
  const secondProblems = validatePlan(second, input.workspaceRoot);
  if (secondProblems.length === 0) return save(deps.store, input, second);

  await deps.llm.forget(secondRequest);
  const rejectedId = rejectPlan(deps, input, second, secondProblems, 'refused');
  await deps.store.flushNow();
  throw new InvalidPlanError(secondProblems, rejectedId);
}

/** The plan prompt's retrieved snippets: none (and no search) when RAG is off; a failed search goes without. */
async function retrieveForPlan(deps: MasterPlanDeps, doc: StoredDiscovery['document'], signal: AbortSignal): Promise<{ text: string; used: readonly ContextUsedEntry[] }> {
  // ragExamples 0 (RAG off) asks for no chunk: retrieveForPrompt then does not search at all.
  return retrieveOrNothing(deps.vectorIndex, planQuery(doc), { k: deps.settings.ragExamples, tokenBudget: deps.settings.ragTokenBudget }, signal, deps.logger, 'plan prompt');
}

function rejectPlan(deps: MasterPlanDeps, input: MasterPlanInput, plan: MasterPlan, problems: readonly PlanProblem[], outcome: string): string {
  const messages = problems.map((p) => p.message);
  deps.logger.warn(`Plan for run ${input.runId} has ${problems.length} problem(s), ${outcome}: ${messages.slice(0, 5).join(' ')}`);
  return deps.store.saveRejectedMasterPlan(input.runId, input.discovery.id, plan, messages);
}

async function save(store: PlanStore, input: MasterPlanInput, plan: MasterPlan): Promise<StoredMasterPlan> {
  const stored = store.saveMasterPlan(input.runId, input.discovery.id, plan, renderMasterPlanMarkdown(plan));
  await store.flushNow();
  return stored;
}
