/**
 * The shared prefix of every generation call: the rules of the call kind, then the project
 * (discovery document, plan summary, conventions), as ONE cached system block. It is the same
 * text for every call of a kind in a run, so 100 parallel atom calls read it from the prompt
 * cache instead of paying for it 100 times. Nothing call-specific may go in here.
 */
import type { DiscoveryDocument } from '../discovery/schema';
import { planTasks, type MasterPlan } from '../masterplan/schema';
import type { PromptBlock } from '../ports';
import { ATOM_TOOL, SKELETON_TOOL, V1_TASK_TOOL } from './contract';

/** The three kinds of generation call, each with its own rules (and cache entry). */
export type CallKind = 'skeleton' | 'atom' | 'v1';

const SKELETON_RULES = (maxLines: number): string => `You are the skeleton stage of MGE, a code generator that writes a project in small validated pieces. For one task of the plan you write every file the task creates or changes as a SKELETON: everything that declares is written out, everything that does is left as a hole that a later call fills.

Write out: imports, type definitions, interfaces, enums, constants, class declarations with their fields, function and method signatures with parameter and return types, and doc comments saying what each function does and how it fails.

Leave as a hole: every unit of behaviour. A hole is one line holding only a marker comment \`@atom <name>: <what it does>\`:
- TypeScript/JavaScript function or method: the hole is the whole body: \`function f(a: A): B {\\n  // @atom f: returns ...\\n}\`
- Python function or method: \`def f(a):\\n    """Doc."""\\n    ...  # @atom f: returns ...\` (the hole line is the whole body after the docstring)
- a block of top-level statements (test cases, route registration, a main entry point): the marker on its own line at module level: \`// @atom listRoute: GET /tasks returns ...\` or \`# @atom main: ...\`.

Each hole is filled by a separate call that sees only this skeleton and the signatures of other files, and must fit in ${maxLines} lines of code. So:
1. One job per hole: if a function validates, stores and notifies, declare a helper for each job with its own hole and let the function's hole call them.
2. Name holes after their function (\`createTask\`, \`TaskRepository.save\` for a method); names are unique in a file.
3. The description says exactly what the code must do, with the names it should use: errors to throw, events to publish, fields to set.
4. Declare every name the holes will need: imports of other files (their signatures are given), helper functions, constants.
5. Files without code (JSON, Markdown, configuration) are written complete: they have no holes.
6. When a file already exists (given as its current content), keep everything in it, keep its existing holes exactly as they are, and add what the task needs.
7. Write only the task's files, at exactly the paths given.

Answer only by calling the \`${SKELETON_TOOL}\` tool with every file of the task.`;

const ATOM_RULES = (maxLines: number): string => `You are the atom stage of MGE, a code generator that writes a project in small validated pieces. A skeleton of each file exists: imports, types, signatures and doc comments are written, and each unit of behaviour is a hole, a line holding only a marker comment \`@atom <name>: <what it does>\`. You fill exactly one hole.

What you write replaces the hole line and nothing else:
- for a function or method body hole: only the statements of the body. Do not repeat the signature, the braces or the docstring.
- for a top-level hole: the statements or declarations of that block.

Rules:
1. At most ${maxLines} lines of code (comments and blank lines are free). One unit of behaviour: do what the hole's description says, no more.
2. Use only names that exist: the file's imports and declarations, the parameters, the signatures given from other files, and the language's builtins. You cannot add imports; other holes of the file are written by other calls, so you may call the functions they belong to.
3. Match the signature: use its parameters and return what its type says; raise the errors the doc comment and description name.
4. Indentation is relative: write as if the hole were at column 0, using the file's indentation style inside nested blocks. The code is re-indented to the hole.
5. When an earlier attempt was refused, its problems are listed: fix every one of them.

Answer only by calling the \`${ATOM_TOOL}\` tool with the code.`;

const V1_RULES = `You are the code generator of MGE's legacy engine. For one task of the plan you write every file the task creates or changes, complete and working, consistent with the files of the tasks it depends on (given in full). When a file already exists (given as its current content), return the whole updated file. Write only the task's files, at exactly the paths given. Answer only by calling the \`${V1_TASK_TOOL}\` tool with every file of the task.`;

/** Conventions for the target stack: the same for every call of a run. */
export function conventionsFor(stack: DiscoveryDocument['targetStack']): string {
  const language = stack.language.toLowerCase();
  const libraries = stack.frameworks.length > 0 ? `Use only these libraries besides the standard library: ${stack.frameworks.join(', ')}.` : 'Use only the standard library and the runtime.';
  const common = `Target: ${stack.language} on ${stack.runtime}. ${libraries} The project's tests run with \`${stack.testCommand}\`.`;
  if (language.includes('python')) {
    return `${common} PEP 8, 4-space indentation, type hints on every signature, dataclasses for records, docstrings on public functions, raise the domain's exception classes (never bare Exception).`;
  }
  if (language.includes('typescript') || language.includes('javascript')) {
    return `${common} Strict TypeScript, 2-space indentation, single quotes, semicolons, named exports, no \`any\`, readonly where possible, throw the domain's error classes, async functions return Promises.`;
  }
  return `${common} Follow the language's usual style and naming; 4-space indentation unless the language has its own.`;
}

/** The plan as a list: which task writes which files after which others. */
export function planSummary(plan: MasterPlan): string {
  const lines = planTasks(plan).map((t) => {
    const files = t.files.map((f) => (f.change === 'modify' ? `~${f.path}` : f.path)).join(', ');
    const after = t.dependsOn.length > 0 ? ` [after ${t.dependsOn.join(', ')}]` : '';
    return `- ${t.id} (${t.phaseId}${t.boundedContext ? `, ${t.boundedContext}` : ''}) ${t.title}: ${files}${after}`;
  });
  return `# ${plan.title}\n${plan.summary}\n\n${lines.join('\n')}`;
}

/** The cached system prompt of `kind` for this project. */
export function sharedSystem(kind: CallKind, project: { readonly discovery: DiscoveryDocument; readonly plan: MasterPlan }, maxLines: number): PromptBlock[] {
  const rules = kind === 'skeleton' ? SKELETON_RULES(maxLines) : kind === 'atom' ? ATOM_RULES(maxLines) : V1_RULES;
  const text = [
    rules,
    `<discovery_document>\n${JSON.stringify(project.discovery, null, 1)}\n</discovery_document>`,
    `<plan>\n${planSummary(project.plan)}\n</plan>`,
    `<conventions>\n${conventionsFor(project.discovery.targetStack)}\n</conventions>`,
  ].join('\n\n');
  return [{ text, cache: true }];
}
