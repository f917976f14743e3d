/**
 * The user turn of the task-level calls (skeleton in V2, whole files in V1): the task, the files
 * of the tasks it depends on, the current content of files it changes, then (when retrieval found
 * any) the retrieved snippets in their own block, then, in the last block,
 * the header line and the instruction (and on a re-ask, what was wrong with the last answer).
 * Exactly one header per prompt: scenarios and logs find the call by it.
 */
import type { PlanTask } from '../masterplan/schema';
import type { LlmMessage } from '../ports';
import { skeletonHeader, SKELETON_TOOL, v1TaskHeader, V1_TASK_TOOL } from './contract';

/** Most characters of dependency files shown; beyond it only their paths are listed. */
export const MAX_DEPENDENCY_CHARS = 60_000;

/** A file shown in a prompt. */
export interface ShownFile {
  readonly path: string;
  readonly content: string;
}

/** What a task-level prompt (skeleton or V1) is made of. */
export interface TaskPromptInput {
  readonly task: PlanTask;
  /** Files of the tasks it depends on, nearest first (skeletons in V2, whole files in V1). */
  readonly dependencyFiles: readonly ShownFile[];
  /** Current content of files the task changes (from the workspace or an earlier task of this run). */
  readonly currentFiles: readonly ShownFile[];
  /** A `<retrieved_context>` block (from retrieveForPrompt), or '' / absent for none. */
  readonly retrievedContext?: string;
  /** The previous answer's files and problems, on a re-ask. */
  readonly feedback?: { readonly problems: readonly string[]; readonly previous: readonly ShownFile[] };
}

function fileBlock(tag: string, f: ShownFile): string {
  return `<${tag} path="${f.path}">\n${f.content}\n</${tag}>`;
}

/** The task and its surroundings (first block; not cached: it differs per task). */
export function taskContext(input: TaskPromptInput, dependencyLabel: string): string {
  const t = input.task;
  const parts = [
    `Task ${t.id}: ${t.title}${t.boundedContext ? ` (bounded context ${t.boundedContext})` : ''}`,
    `Description: ${t.description}`,
    `Acceptance: ${t.acceptance}`,
    `Files: ${t.files.map((f) => `${f.path} (${f.change})`).join(', ')}; about ${t.estimatedLoc} lines of ${t.language}.`,
  ];
  let budget = MAX_DEPENDENCY_CHARS;
  const shown: string[] = [];
  const listed: string[] = [];
  for (const f of input.dependencyFiles) {
    if (f.content.length <= budget) {
      shown.push(fileBlock('dependency', f));
      budget -= f.content.length;
    } else listed.push(f.path);
  }
  if (shown.length > 0) parts.push(`${dependencyLabel}:\n${shown.join('\n')}`);
  if (listed.length > 0) parts.push(`Also written by earlier tasks (not shown): ${listed.join(', ')}`);
  if (input.currentFiles.length > 0) parts.push(`Current content of the files this task changes:\n${input.currentFiles.map((f) => fileBlock('current', f)).join('\n')}`);
  return parts.join('\n\n');
}

function feedbackText(input: TaskPromptInput, tool: string): string {
  if (!input.feedback) return '';
  const previous = input.feedback.previous.map((f) => fileBlock('previous', f)).join('\n');
  return `\n\nYour previous answer could not be used:\n${input.feedback.problems.map((p) => `- ${p}`).join('\n')}\n\n` +
    `${previous ? `It was:\n${previous}\n\n` : ''}Call \`${tool}\` again with every file of the task, corrected.`;
}

/** Retrieved snippets as their own block between the task and the instruction (none: no block). */
function retrievedBlock(input: TaskPromptInput): Array<{ text: string; cache: boolean }> {
  return input.retrievedContext ? [{ text: input.retrievedContext, cache: false }] : [];
}

/** The messages of a skeleton call. */
export function skeletonMessages(input: TaskPromptInput): LlmMessage[] {
  const paths = input.task.files.map((f) => f.path);
  const instruction =
    `${skeletonHeader(input.task.id, paths)}\n` +
    `Write the skeletons of ${paths.join(', ')} for task ${input.task.id}: declarations written out, every unit of behaviour an \`@atom\` hole. ` +
    `Answer by calling \`${SKELETON_TOOL}\`.` + feedbackText(input, SKELETON_TOOL);
  return [{ role: 'user', content: [{ text: taskContext(input, 'Skeletons of the files of the tasks it depends on (use their declarations)'), cache: false }, ...retrievedBlock(input), { text: instruction, cache: false }] }];
}

/** The messages of a V1 task call. */
export function v1TaskMessages(input: TaskPromptInput): LlmMessage[] {
  const paths = input.task.files.map((f) => f.path);
  const instruction =
    `${v1TaskHeader(input.task.id, paths)}\n` +
    `Write ${paths.join(', ')} for task ${input.task.id}, complete. Answer by calling \`${V1_TASK_TOOL}\`.` + feedbackText(input, V1_TASK_TOOL);
  return [{ role: 'user', content: [{ text: taskContext(input, 'Files of the tasks it depends on'), cache: false }, ...retrievedBlock(input), { text: instruction, cache: false }] }];
}
