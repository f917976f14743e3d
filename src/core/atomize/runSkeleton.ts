/**
 * One task's skeleton: ask, check, and re-ask with the problems until it is usable. An answer
 * must give every planned file (other paths the model invents are ignored, never written), parse,
 * and keep to the hole contract; atomicity problems (two jobs, holes too coarse) are sent back
 * once and then accepted with a warning, since level 3 still judges every atom.
 */
import { toolInputSchema } from '../llm';
import { checkStructuredAnswer } from '../llm/structured';
import type { PlanTask } from '../masterplan/schema';
import { languageForPath, type LanguageId } from '../parse/languages';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import type { LlmRequest, LlmResponse, PromptBlock } from '../ports';
import { normalizeWorkspacePath } from '../workspacePath';
import type { AtomFailure, ContextUsedEntry } from '../../shared/events';
import { atomicityProblems } from './atomicity';
import { skeletonAnswerSchema, SKELETON_TOOL, type SkeletonAnswer } from './contract';
import type { DecomposableFile } from './decomposer';
import { checkSkeletonFile } from './skeletonCheck';
import { skeletonMessages, type ShownFile } from './taskPrompt';

const TOOL = { name: SKELETON_TOOL, description: 'Submit the skeleton of every file of the task, with @atom holes.', schema: skeletonAnswerSchema };

/** A skeleton that could not be made usable; `failure` is what the run reports. */
export class SkeletonError extends Error {
  override readonly name = 'SkeletonError';
  constructor(
    readonly failure: AtomFailure,
    readonly attempts: number,
  ) {
    super(failure.message);
  }
}

/** Everything one task's skeleton call needs. */
export interface SkeletonRequest {
  readonly task: PlanTask;
  readonly system: readonly PromptBlock[];
  readonly dependencyFiles: readonly ShownFile[];
  /** Current text of the task's files that exist (workspace or an earlier task), by path. */
  readonly currentFiles: ReadonlyMap<string, string>;
  /** Holes an earlier task of this run left in a file this task changes: they must stay. */
  readonly keptHoles: ReadonlyMap<string, ReadonlySet<string>>;
  readonly model: string;
  readonly maxTokens: number;
  readonly maxLines: number;
  readonly attempts: number;
  readonly temperature: number;
  /** Retrieved snippets for every attempt's prompt, and their record for the call log. */
  readonly retrieved?: { readonly text: string; readonly used: readonly ContextUsedEntry[] };
}

/** How one skeleton call went. */
export interface SkeletonAttempt {
  readonly attempt: number;
  readonly request: LlmRequest;
  readonly response: LlmResponse;
  readonly failure: AtomFailure | null;
}

/** The caller's way to make a call (cost cap, rate budget, warm-up) and hear how each attempt went. */
export interface SkeletonCalls {
  call(request: LlmRequest, signal: AbortSignal): Promise<LlmResponse>;
  /** A refused answer: drop it from the response cache (CallGuard.forget). */
  forget(request: LlmRequest): Promise<void>;
  attempted(outcome: SkeletonAttempt): void;
  warn(message: string): void;
}

/** The usable skeleton files of a task and the calls it took. */
export interface SkeletonResult {
  readonly files: DecomposableFile[];
  readonly attempts: number;
}

/** Ask for the task's skeleton until it is usable or the attempts run out (SkeletonError). */
export async function runSkeleton(parser: MultiLanguageParser, calls: SkeletonCalls, req: SkeletonRequest, signal: AbortSignal): Promise<SkeletonResult> {
  const llmTool = { name: TOOL.name, description: TOOL.description, inputSchema: toolInputSchema(TOOL.schema) };
  const currentFiles = req.task.files.flatMap((f) => {
    const content = req.currentFiles.get(f.path);
    return content === undefined ? [] : [{ path: f.path, content }];
  });
  let feedback: { problems: string[]; previous: ShownFile[] } | undefined;
  let last: AtomFailure = { level: 'syntax', message: 'no answer' };
  for (let attempt = 1; attempt <= req.attempts; attempt++) {
    const request: LlmRequest = {
      purpose: `skeleton:${req.task.id}`,
      model: req.model,
      system: req.system,
      messages: skeletonMessages({ task: req.task, dependencyFiles: req.dependencyFiles, currentFiles, feedback, retrievedContext: req.retrieved?.text }),
      tools: [llmTool],
      forceTool: TOOL.name,
      temperature: req.temperature,
      maxTokens: req.maxTokens,
      ...(req.retrieved && req.retrieved.used.length > 0 ? { contextUsed: req.retrieved.used } : {}),
    };
    const response = await calls.call(request, signal);
    const checked = checkStructuredAnswer(response, TOOL);
    if (!checked.ok) {
      last = { level: 'syntax', message: `unusable answer: ${checked.problems.slice(0, 5).join('; ')}` };
      calls.attempted({ attempt, request, response, failure: last });
      await calls.forget(request);
      feedback = { problems: checked.problems, previous: [] };
      continue;
    }
    const judged = await judge(parser, req, checked.value, calls, signal);
    const accept = judged.blocking.length === 0 && (judged.atomicity.length === 0 || attempt >= 2 || attempt === req.attempts);
    if (accept) {
      for (const p of judged.atomicity) calls.warn(`Task ${req.task.id}: accepted a skeleton with an atomicity warning: ${p}`);
      calls.attempted({ attempt, request, response, failure: null });
      return { files: judged.files, attempts: attempt };
    }
    const problems = judged.blocking.length > 0 ? judged.blocking : judged.atomicity;
    last = { level: judged.syntaxFailed ? 'syntax' : 'atomicity', message: problems.slice(0, 5).join('; ') };
    calls.attempted({ attempt, request, response, failure: last });
    await calls.forget(request);
    feedback = { problems, previous: checked.value.files.map((f) => ({ path: f.path, content: f.content })) };
  }
  throw new SkeletonError({ level: last.level, message: `skeleton of ${req.task.id} unusable after ${req.attempts} attempts: ${last.message}` }, req.attempts);
}

interface Judged {
  readonly files: DecomposableFile[];
  readonly blocking: string[];
  readonly atomicity: string[];
  readonly syntaxFailed: boolean;
}

async function judge(parser: MultiLanguageParser, req: SkeletonRequest, answer: SkeletonAnswer, calls: SkeletonCalls, signal: AbortSignal): Promise<Judged> {
  const byPath = new Map<string, string>();
  for (const f of answer.files) {
    const norm = normalizeWorkspacePath(f.path);
    const planned = norm.ok && req.task.files.some((p) => p.path === norm.path);
    if (!planned) calls.warn(`Task ${req.task.id}: ignored "${f.path}" in the skeleton answer: it is not one of the task's files.`);
    else byPath.set(norm.path, f.content);
  }
  const files: DecomposableFile[] = [];
  const blocking: string[] = [];
  let syntaxFailed = false;
  let givenCode = 0;
  const holes: Array<{ path: string; hole: DecomposableFile['holes'][number] }> = [];
  for (const planned of req.task.files) {
    const content = byPath.get(planned.path);
    if (content === undefined) {
      blocking.push(`${planned.path}: missing from the answer; every file of the task must be given`);
      continue;
    }
    const language: LanguageId | null = languageForPath(planned.path) ?? null;
    if (language === null) {
      if (/\.json$/i.test(planned.path) && !isJson(content)) {
        blocking.push(`${planned.path}: not valid JSON`);
        syntaxFailed = true;
      }
      files.push({ path: planned.path, language, content, holes: [] });
      continue;
    }
    const check = await parser.withTree(content, language, signal, (tree) => checkSkeletonFile(tree, language, content, req.maxLines));
    if (check.syntax.length > 0) syntaxFailed = true;
    blocking.push(...check.syntax.map((m) => `${planned.path} ${m}`), ...check.structure.map((m) => `${planned.path} ${m}`));
    givenCode += check.codeLines;
    const names = new Set(check.holes.map((h) => h.unit));
    const dropped = [...(req.keptHoles.get(planned.path) ?? [])].filter((unit) => !names.has(unit));
    if (dropped.length > 0) blocking.push(`${planned.path}: the existing holes ${dropped.map((u) => `\`${u}\``).join(', ')} were removed; keep every existing hole line as it is`);
    holes.push(...check.holes.filter((h) => !req.keptHoles.get(planned.path)?.has(h.unit)).map((hole) => ({ path: planned.path, hole })));
    files.push({ path: planned.path, language, content, holes: check.holes });
  }
  const atomicity = atomicityProblems({ holes, givenCodeLines: givenCode, estimatedLoc: req.task.estimatedLoc, maxLines: req.maxLines });
  return { files, blocking, atomicity, syntaxFailed };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
