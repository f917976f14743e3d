/**
 * Retrieval for the generation prompts of a run: one search per skeleton and per atom (retries
 * reuse the first result, so every attempt sends the same context), each result announced as a
 * `context/used` event. With `enableRag` off nothing is searched. A failed search costs the prompt
 * its context, never the atom (retrieveOrNothing).
 */
import type { AtomSpec } from '../atomize/types';
import type { PlanTask } from '../masterplan/schema';
import { atomQuery, sameLanguage, skeletonQuery } from '../rag/queries';
import { retrieveOrNothing, type RetrievalOptions } from '../rag/retrieve';
import type { ContextUsedEntry } from '../../shared/events';
import type { RunContext } from './deps';

/** What a prompt gets from retrieval: its `<retrieved_context>` block ('' for none) and the record. */
export interface PromptContext {
  readonly text: string;
  readonly used: readonly ContextUsedEntry[];
}

export const NO_CONTEXT: PromptContext = { text: '', used: [] };

/** The run's retrieval for skeleton and atom prompts. */
export interface RunRetrieval {
  forSkeleton(task: PlanTask, signal: AbortSignal): Promise<PromptContext>;
  forAtom(atom: AtomSpec, task: PlanTask, signal: AbortSignal): Promise<PromptContext>;
}

/** Retrieval over the run's vector index, emitting through the run. */
export function createRunRetrieval(ctx: Pick<RunContext, 'deps' | 'runId' | 'emit'>): RunRetrieval {
  const { deps, runId } = ctx;
  const retrieve = async (
    query: string, options: Pick<RetrievalOptions, 'k' | 'tokenBudget'>, language: string | null, signal: AbortSignal,
  ): Promise<PromptContext> => {
    if (!deps.settings.enableRag) return NO_CONTEXT;
    const result = await retrieveOrNothing(deps.vectorIndex, query, { ...options, accept: sameLanguage(language) }, signal, deps.logger, 'prompt');
    return { text: result.text, used: result.used };
  };
  return {
    async forSkeleton(task, signal) {
      const context = await retrieve(skeletonQuery(task), deps.settings.skeletonRetrieval, task.language, signal);
      if (context.used.length > 0) ctx.emit({ type: 'context/used', runId, scope: 'skeleton', taskId: task.id, atomId: null, entries: [...context.used] });
      return context;
    },
    async forAtom(atom, task, signal) {
      const context = await retrieve(atomQuery(atom, task), deps.settings.atomRetrieval, atom.language ?? task.language, signal);
      if (context.used.length > 0) ctx.emit({ type: 'context/used', runId, scope: 'atom', taskId: atom.taskId, atomId: atom.atomId, entries: [...context.used] });
      return context;
    },
  };
}
