/** The discovery stage: request -> DiscoveryDocument, validated, persisted, rendered. */
import { callStructured } from '../llm';
import type { LlmClient, PlanStore, StoredDiscovery } from '../ports';
import type { PlanSettings } from '../pipeline/planSettings';
import { DISCOVERY_TOOL_DESCRIPTION, DISCOVERY_TOOL_NAME, discoveryMessages, discoverySystem } from './prompt';
import { renderDiscoveryMarkdown } from './renderMarkdown';
import { discoveryDocumentSchema } from './schema';

export interface DiscoveryDeps {
  readonly llm: LlmClient;
  readonly store: PlanStore;
  readonly settings: PlanSettings;
}

/**
 * Ask the model for the discovery document of `request` (a schema-breaking answer is retried by
 * callStructured with the errors fed back), store it under `runId` and save at once: resume
 * starts from it.
 */
export async function runDiscovery(deps: DiscoveryDeps, input: { readonly runId: string; readonly request: string }, signal: AbortSignal): Promise<StoredDiscovery> {
  const { settings } = deps;
  const { value } = await callStructured(
    deps.llm,
    {
      purpose: 'discovery',
      model: settings.model,
      system: discoverySystem(),
      messages: discoveryMessages(input.request),
      temperature: settings.discoveryTemperature,
      maxTokens: settings.discoveryMaxTokens,
      tool: { name: DISCOVERY_TOOL_NAME, description: DISCOVERY_TOOL_DESCRIPTION, schema: discoveryDocumentSchema },
    },
    signal,
    { maxAttempts: settings.structuredAttempts },
  );
  const stored = deps.store.saveDiscovery(input.runId, value, renderDiscoveryMarkdown(value));
  await deps.store.flushNow();
  return stored;
}
