/**
 * One attempt of one atom: build the prompt (with the last attempt's failures), call, put the
 * code into the atom's skeleton with only the atoms it depends on filled in (they always pass
 * before it starts, so the text does not depend on which other atoms happen to be done), and
 * validate: levels 1-3, then any injected 4-5.
 */
import { atomMessages } from '../atomize/atomPrompt';
import type { AtomContext } from '../atomize/contextInjector';
import { atomAnswerSchema, ATOM_TOOL } from '../atomize/contract';
import type { AtomSpec } from '../atomize/types';
import type { AttemptPlan, AttemptResult } from '../execute';
import { responseCacheKey, toolInputSchema } from '../llm';
import { checkStructuredAnswer } from '../llm/structured';
import type { PlanTask } from '../masterplan/schema';
import type { LlmRequest, LlmResponse, PromptBlock } from '../ports';
import { reportFailures, validateAtom } from '../validate/validateAtom';
import type { LevelResult, Validator } from '../validate/types';
import { assembleFile } from '../atomize/assemble';
import { isTestFile, testRole } from '../atomize/testFiles';
import type { CallGuard } from './callGuard';
import type { GenerateSettings } from './settings';
import type { PromptContext } from './retrieval';
import type { AttemptEntry } from './store';

const TOOL = { name: ATOM_TOOL, description: 'Submit the code that replaces the hole line.', schema: atomAnswerSchema };
const LLM_TOOL = { name: TOOL.name, description: TOOL.description, inputSchema: toolInputSchema(TOOL.schema) };
/** Failures fed back per retry at most: enough to fix, short enough to stay cheap. */
const MAX_FEEDBACK = 8;

/** One atom with what its prompt needs. */
export interface AtomJob {
  readonly atom: AtomSpec;
  readonly task: PlanTask;
  readonly skeleton: string;
  readonly context: AtomContext;
  /**
   * Code of the atoms this one depends on that fill holes of the same skeleton, by hole name: an
   * atom reading `self.repo` is checked with the `__init__` that assigns it.
   */
  readonly dependencyFills?: ReadonlyMap<string, string>;
  /** Code of every atom of the same file that has passed so far, by hole name (for level 5's run). */
  passedFills?(): ReadonlyMap<string, string>;
  /** The run's other complete files, by path (for level 5's run of a test file); see AtomUnderValidation.runFiles. */
  readonly runFiles?: () => ReadonlyMap<string, string>;
  /** Retrieved snippets, the same for every attempt (none: absent). */
  readonly retrieved?: PromptContext;
}

/** What every atom attempt of a run shares. */
export interface AtomAttemptEnv {
  readonly guard: CallGuard;
  readonly system: readonly PromptBlock[];
  readonly settings: GenerateSettings;
  /** Levels 1-3 and any 4-5. */
  readonly validators: readonly Validator[];
}

/** The request of attempt `plan.n` (exported for tests and for estimates). */
export function atomRequest(env: AtomAttemptEnv, job: AtomJob, plan: AttemptPlan<AttemptEntry>): LlmRequest {
  const previous = plan.n > 1 ? { failures: plan.previousFailures, code: plan.previousRecord?.code ?? null } : undefined;
  return {
    purpose: `atom:${job.atom.atomId}`,
    model: plan.model ?? env.settings.atomModel,
    system: env.system,
    messages: atomMessages({
      atom: job.atom, task: job.task, skeleton: job.skeleton, signatures: job.context.signatures,
      attempt: plan.n, maxLines: env.settings.atomMaxLines, previous, retrievedContext: job.retrieved?.text,
    }),
    tools: [LLM_TOOL],
    forceTool: TOOL.name,
    temperature: plan.temperature,
    maxTokens: env.settings.atomMaxTokens,
    ...(job.retrieved && job.retrieved.used.length > 0 ? { contextUsed: job.retrieved.used } : {}),
  };
}

/** Makes and judges attempt `plan.n` of `job`. */
export async function attemptAtom(env: AtomAttemptEnv, job: AtomJob, plan: AttemptPlan<AttemptEntry>, signal: AbortSignal): Promise<AttemptResult<AttemptEntry>> {
  const request = atomRequest(env, job, plan);
  const response = await env.guard.call(request, signal);
  const result = await judgeAnswer(env, job, plan, request, response, signal);
  // A refused answer must not come back from the response cache on a retry or a resume.
  if (!result.passed) await env.guard.forget(request);
  return result;
}

async function judgeAnswer(
  env: AtomAttemptEnv, job: AtomJob, plan: AttemptPlan<AttemptEntry>, request: LlmRequest, response: LlmResponse, signal: AbortSignal,
): Promise<AttemptResult<AttemptEntry>> {
  const record = (passed: boolean, failures: ReadonlyArray<{ level: LevelResult['level']; message: string }>, levels: readonly LevelResult[], code: string | null): AttemptResult<AttemptEntry> => ({
    passed,
    failures: failures.slice(0, MAX_FEEDBACK),
    record: {
      atomId: job.atom.atomId, attempt: plan.n, model: request.model, temperature: request.temperature, promptHash: responseCacheKey(request),
      usage: response.usage, costUsd: response.costUsd, durationMs: response.durationMs, fromCache: response.fromCache, passed,
      failure: failures[0] ? { level: failures[0].level, message: failures.slice(0, MAX_FEEDBACK).map((f) => f.message).join('; ') } : null,
      levels, code,
    },
  });
  const checked = checkStructuredAnswer(response, TOOL);
  if (!checked.ok) return record(false, checked.problems.map((message) => ({ level: 'syntax', message: `unusable answer: ${message}` })), [], null);
  const code = checked.value.code;
  const others = new Map([...(job.dependencyFills ?? [])].filter(([unit]) => unit !== job.atom.unit));
  const assembled = assembleFile(job.skeleton, new Map([...others, [job.atom.unit, code]]));
  const range = assembled.ranges.find((r) => r.unit === job.atom.unit);
  if (!range) return record(false, [{ level: 'atomicity', message: 'the answer holds no code' }], [], code);
  const report = await validateAtom(env.validators, {
    atomId: job.atom.atomId,
    relPath: job.atom.path,
    language: job.atom.language,
    fileText: assembled.text,
    baselineText: assembleFile(job.skeleton, others).text,
    runText: job.passedFills ? assembleFile(job.skeleton, new Map([...job.passedFills(), ...others, [job.atom.unit, code]])).text : undefined,
    runFiles: job.runFiles,
    testRole: isTestFile(job.atom.path) ? testRole(job.atom) : undefined,
    startLine: range.startLine,
    endLine: range.endLine,
    declaredSignature: job.atom.kind === 'body' ? job.atom.signature : null,
    maxLines: env.settings.atomMaxLines,
    // The atom is judged in its whole file, imports included: injecting other files' names
    // would hide a missing import that the assembled project would fail on.
    injectedSymbols: [],
  }, signal);
  return record(report.passed, reportFailures(report), report.results, code);
}
