/**
 * V1, the legacy path: a whole task in one call, checked for syntax only, asked again with the
 * syntax errors until it parses or the attempts run out. Kept to compare with V2 on one scenario.
 */
import { v1TaskAnswerSchema, V1_TASK_TOOL } from '../atomize/contract';
import { sharedSystem } from '../atomize/prefix';
import { v1TaskMessages, type ShownFile } from '../atomize/taskPrompt';
import { temperatureForAttempt } from '../execute';
import { responseCacheKey, toolInputSchema } from '../llm';
import { checkStructuredAnswer } from '../llm/structured';
import { collectSyntaxErrors, type SyntaxProblem } from '../parse/syntaxErrors';
import { normalizeWorkspacePath } from '../workspacePath';
import type { AtomFailure } from '../../shared/events';
import type { CallGuard } from './callGuard';
import type { RunContext, RunTask } from './deps';
import type { TaskSurroundings } from './taskFiles';

const TOOL = { name: V1_TASK_TOOL, description: 'Submit every file of the task, complete.', schema: v1TaskAnswerSchema };
const LLM_TOOL = { name: TOOL.name, description: TOOL.description, inputSchema: toolInputSchema(TOOL.schema) };

/** One whole file a V1 task wrote. */
export interface V1File {
  readonly path: string;
  readonly content: string;
  /** Syntax problems left in the file (empty when it parses or has no grammar). */
  readonly problems: readonly SyntaxProblem[];
}

/** Files (possibly with syntax errors left after the last attempt), or why there are none. */
export type V1TaskResult =
  | { readonly ok: true; readonly files: readonly V1File[]; readonly attempts: number }
  | { readonly ok: false; readonly failure: AtomFailure; readonly attempts: number };

/** Generates `task`'s files in one call per attempt. */
export async function generateV1Task(ctx: RunContext, guard: CallGuard, task: RunTask, around: TaskSurroundings, signal: AbortSignal): Promise<V1TaskResult> {
  const { settings, generation: gen, parser } = ctx.deps;
  const system = sharedSystem('v1', { discovery: ctx.discovery, plan: ctx.plan.plan }, settings.atomMaxLines);
  const currentFiles = [...around.current].map(([path, content]) => ({ path, content }));
  let feedback: { problems: string[]; previous: ShownFile[] } | undefined;
  let best: V1File[] | null = null;
  let failure: AtomFailure = { level: 'syntax', message: 'no answer' };
  for (let attempt = 1; attempt <= settings.maxRetries; attempt++) {
    const request = {
      purpose: `v1:${task.id}`,
      model: settings.planningModel,
      system,
      messages: v1TaskMessages({ task, dependencyFiles: around.dependencyFiles, currentFiles, feedback }),
      tools: [LLM_TOOL],
      forceTool: TOOL.name,
      temperature: temperatureForAttempt(attempt, settings.temperatures),
      maxTokens: settings.v1MaxTokens,
    };
    const response = await guard.call(request, signal);
    const checked = checkStructuredAnswer(response, TOOL);
    let problems: string[];
    let files: V1File[] = [];
    if (!checked.ok) {
      problems = checked.problems;
    } else {
      const given = new Map<string, string>();
      for (const f of checked.value.files) {
        const norm = normalizeWorkspacePath(f.path);
        if (norm.ok && task.files.some((p) => p.path === norm.path)) given.set(norm.path, f.content);
        else ctx.deps.logger.warn(`Task ${task.id}: ignored "${f.path}": it is not one of the task's files.`);
      }
      problems = task.files.filter((p) => !given.has(p.path)).map((p) => `${p.path}: missing from the answer`);
      for (const planned of task.files) {
        const content = given.get(planned.path);
        if (content === undefined) continue;
        const language = parser.languageForPath(planned.path);
        const found = language ? await parser.withTree(content, language, signal, (tree) => collectSyntaxErrors(tree.rootNode)) : jsonProblems(planned.path, content);
        problems.push(...found.map((p) => `${planned.path} line ${p.line}:${p.column}: ${p.message}`));
        files.push({ path: planned.path, content, problems: found });
      }
      if (files.length !== task.files.length) files = [];
    }
    const passed = problems.length === 0;
    failure = { level: 'syntax', message: problems.slice(0, 5).join('; ') };
    gen.recordAttempt(ctx.runId, {
      atomId: `${task.id}#v1`, attempt, model: request.model, temperature: request.temperature, promptHash: responseCacheKey(request),
      usage: response.usage, costUsd: response.costUsd, durationMs: response.durationMs, fromCache: response.fromCache, passed,
      failure: passed ? null : failure, levels: [], code: null,
    });
    if (passed) return { ok: true, files, attempts: attempt };
    // Refused: a resume (or a retry with the same prompt) must ask the model again.
    await guard.forget(request);
    if (files.length > 0) best = files;
    feedback = { problems, previous: files.map((f) => ({ path: f.path, content: f.content })) };
  }
  // Out of attempts: whole files with syntax errors are still reported chunk by chunk.
  return best ? { ok: true, files: best, attempts: settings.maxRetries } : { ok: false, failure, attempts: settings.maxRetries };
}

function jsonProblems(path: string, content: string): SyntaxProblem[] {
  if (!/\.json$/i.test(path)) return [];
  try {
    JSON.parse(content);
    return [];
  } catch (err) {
    return [{ kind: 'unexpected', message: `not valid JSON (${err instanceof Error ? err.message : String(err)})`, line: 1, column: 1, endLine: content.split('\n').length }];
  }
}
