/**
 * The masterplan prompt. Prefix order for prompt caching: tool schema, system text (fixed, cached),
 * then the discovery document (cached: a plan sent back for repair reuses it), then the per-run
 * instructions. Retrieved examples go with the discovery block when RAG is on.
 */
import type { DiscoveryDocument } from '../discovery/schema';
import type { LlmMessage, PromptBlock } from '../ports';
import type { SizeGuidance } from './sizeGuidance';

/** Name of the tool the model must call with the plan. */
export const MASTERPLAN_TOOL_NAME = 'submit_masterplan';

export const MASTERPLAN_TOOL_DESCRIPTION =
  'Submit the complete MasterPlan: phases in order, each with tasks that name the files they create or modify, the tasks they depend on, an acceptance check, an LOC estimate and a language.';

/** First line of the message that sends an invalid plan back; scenarios match on it. */
export const PLAN_FEEDBACK_HEADING = 'The plan you submitted cannot be used as it is.';

const SYSTEM = `You are the planning stage of MGE, a code generator that plans before it writes. You receive a discovery document (the domain model of a request) and produce the MasterPlan: the ordered list of tasks that, done in dependency order, yields the complete working project. Later stages split each task into code units of about ten lines, generate them in parallel and check them, so the plan decides what exists and in what order.

Rules for the plan:

1. Phases group tasks by purpose, in the order they can be built: project scaffolding and shared kernel first (package manifest, configuration, error types, shared value objects), then each bounded context's domain model, then persistence, then application services, then the interface (HTTP handlers, CLI commands), then integration and end-to-end tests, then documentation.

2. Every task names the files it creates or modifies, as workspace-relative paths with forward slashes ("src/work/task.ts"), never absolute, never with "..", never under .git or .mge. A task writes a small, coherent set of files, usually one to three. The files follow the idioms of the target stack: a TypeScript project has package.json, tsconfig.json and src/; a Python project has a package directory with __init__.py and tests/ with test_*.py.

3. dependsOn lists the ids of the tasks whose output this task uses: the types it imports, the functions it calls, the files it extends. Dependencies must form no cycle. If two tasks write the same file, one of them must depend on the other, directly or through other tasks; prefer giving each file one owner.

4. Each task's description says precisely what to build: the types with their fields, the functions with their parameters and results, the behaviour and error cases, the invariants from the discovery document it enforces. Someone who has only the description and the files of the tasks it depends on must be able to write it.

5. acceptance is an observable check: a named test that passes, a command that succeeds, a request that returns a given status. Include test files as their own tasks or alongside the code they test, and make the project's own test command pass at the end.

6. estimatedLoc is the lines of code the task adds, honestly: most tasks are 20 to 150 lines. language is the language of the task's files in lower case.

7. Task ids are "T1", "T2", ... in plan order, unique across the whole plan; phase ids are "P1", "P2", ....

8. Size the plan to the request, within the range you are given: a small tool needs a handful of tasks, a multi-context service a hundred or more. Do not pad with trivial tasks, and do not merge unrelated work into one large task.

Answer only by calling the ${MASTERPLAN_TOOL_NAME} tool, once, with the complete plan.`;

/** The system prompt (one cached block). */
export function masterPlanSystem(): PromptBlock[] {
  return [{ text: SYSTEM, cache: true }];
}

/**
 * The first user turn: discovery, then the retrieved snippets when there are any (a repair call
 * reads both from the cache: the breakpoint is on the last of them), then the sizing and request
 * (not cached).
 */
export function masterPlanMessages(input: {
  readonly request: string;
  readonly discovery: DiscoveryDocument;
  /** A `<retrieved_context>` block (from retrieveForPrompt), or '' for none. */
  readonly retrievedContext: string;
  readonly size: SizeGuidance;
}): LlmMessage[] {
  const discovery = `<discovery_document>\n${JSON.stringify(input.discovery, null, 1)}\n</discovery_document>`;
  const context: PromptBlock[] = input.retrievedContext
    ? [{ text: discovery, cache: false }, { text: input.retrievedContext, cache: true }]
    : [{ text: discovery, cache: true }];
  const instructions =
    `The original request:\n<request>\n${input.request}\n</request>\n\n` +
    `Size: ${input.size.rationale} Produce between ${input.size.minTasks} and ${input.size.maxTasks} tasks.\n\n` +
    `Build the MasterPlan for the ${input.discovery.targetStack.language} project described above.`;
  return [{ role: 'user', content: [...context, { text: instructions, cache: false }] }];
}

/**
 * The turns that send an invalid plan back once: the plan as the assistant gave it, then the
 * problems. Starts with PLAN_FEEDBACK_HEADING.
 */
export function planFeedbackTurns(planJson: string, problems: readonly string[]): LlmMessage[] {
  const list = problems.map((p) => `- ${p}`).join('\n');
  return [
    { role: 'assistant', content: [{ text: `I called \`${MASTERPLAN_TOOL_NAME}\` with this input:\n${planJson}`, cache: false }] },
    {
      role: 'user',
      content: [
        {
          text: `${PLAN_FEEDBACK_HEADING} These problems were found:\n${list}\n\nFix every problem and call the \`${MASTERPLAN_TOOL_NAME}\` tool again with the complete corrected plan (all phases and tasks, not only the changed ones).`,
          cache: false,
        },
      ],
    },
  ];
}
