/**
 * The user turn of an atom call. First block: the task, the file's skeleton, the injected
 * signatures and which hole to fill (atom-specific, so the API and the fake server can tell two
 * atoms of one file apart). Then, when retrieval found any, the retrieved snippets. Last block:
 * the header line (with the attempt number), the budget, and on a retry the refused code and its
 * validation failures. Nothing here depends on timing
 * (no generated code of other atoms), so a resumed run sends the same prompts.
 */
import type { PlanTask } from '../masterplan/schema';
import type { LlmMessage } from '../ports';
import { atomHeader, ATOM_TOOL } from './contract';
import type { InjectedSignature } from './contextInjector';
import type { AtomSpec } from './types';

/** What one atom attempt's prompt is made of. */
export interface AtomPromptInput {
  readonly atom: AtomSpec;
  readonly task: PlanTask;
  /** The atom's task's skeleton of its file. */
  readonly skeleton: string;
  readonly signatures: readonly InjectedSignature[];
  readonly attempt: number;
  readonly maxLines: number;
  /** A `<retrieved_context>` block (from retrieveForPrompt), or '' / absent for none. */
  readonly retrievedContext?: string;
  /** The previous attempt's failures and code, on a retry. */
  readonly previous?: { readonly failures: ReadonlyArray<{ readonly level: string; readonly message: string }>; readonly code: string | null };
}

const FENCE: Readonly<Record<string, string>> = { typescript: 'ts', tsx: 'tsx', javascript: 'js', python: 'python' };

function numbered(text: string): string {
  const lines = text.split('\n');
  const width = String(lines.length).length;
  return lines.map((l, i) => `${String(i + 1).padStart(width, ' ')}| ${l}`).join('\n');
}

function holeSentence(atom: AtomSpec): string {
  const what = atom.kind === 'body' && atom.signature ? `the body of \`${atom.signature}\`` : 'a top-level block';
  return `Your hole: \`${atom.unit}\` at line ${atom.holeLine}, ${what}. It must: ${atom.description}`;
}

/** The messages of one atom attempt. */
export function atomMessages(input: AtomPromptInput): LlmMessage[] {
  const { atom, task } = input;
  const fence = FENCE[atom.language ?? ''] ?? '';
  const context = [
    `Task ${task.id}: ${task.title}. ${task.description}`,
    `File ${atom.path} (skeleton with line numbers; every \`@atom\` line is a hole, the others are filled by other calls):\n\`\`\`${fence}\n${numbered(input.skeleton)}\n\`\`\``,
  ];
  if (input.signatures.length > 0) {
    context.push(`Declarations of other files you may use (through the file's imports):\n${input.signatures.map((s) => `- ${s.path}: \`${s.signature}\`${s.doc ? ` (${s.doc})` : ''}`).join('\n')}`);
  }
  context.push(holeSentence(atom));
  const header = atomHeader({ atomId: atom.atomId, taskId: atom.taskId, path: atom.path, unit: atom.unit, attempt: input.attempt });
  let instruction =
    `${header}\nWrite the code that replaces line ${atom.holeLine} (the \`${atom.unit}\` hole): at most ${input.maxLines} lines of code, ` +
    `indentation relative to the hole. Answer by calling \`${ATOM_TOOL}\`.`;
  if (input.previous) {
    const failures = input.previous.failures.map((f) => `- [${f.level}] ${f.message}`).join('\n');
    const code = input.previous.code !== null ? `\nThe refused code was:\n\`\`\`${fence}\n${input.previous.code}\n\`\`\`` : '';
    instruction += `\n\nAttempt ${input.attempt - 1} was refused by validation:\n${failures}${code}\nFix every problem listed.`;
  }
  // Retrieved snippets get their own block after the atom's context, far from the cached system
  // prefix; the header stays first in the last block.
  const retrieved = input.retrievedContext ? [{ text: input.retrievedContext, cache: false }] : [];
  return [{ role: 'user', content: [{ text: context.join('\n\n'), cache: false }, ...retrieved, { text: instruction, cache: false }] }];
}
