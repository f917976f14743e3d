/**
 * The shape of the code-generation conversation, shared by the pipeline and anything that must
 * recognise its calls (logs, the fake Messages API's scenarios). Three tools:
 *
 * 1. Skeleton (V2, one call per task): the model answers every file of the task as a skeleton —
 *    imports, types, constants, signatures and doc comments written out, and each unit of
 *    behaviour left as a *hole*: a line holding only the marker comment
 *    `@atom <name>: <one-line description>`.
 *      - TS/JS function or method body hole:   `function f(a: A): B {\n  // @atom f: does X\n}`
 *      - Python function or method body hole: `def f(a):\n    ...  # @atom f: does X`
 *      - top-level hole (a statement block such as a test case or route registration): the marker
 *        on its own line at module level: `// @atom listRoute: GET /tasks` or `# @atom main: ...`.
 *    Hole names are unique within a file. Files with no code (JSON, Markdown, config) are given
 *    whole and have no holes.
 * 2. Atom (V2, one call per hole): the model answers the code that replaces the hole line: the
 *    body statements of a function hole, or the statements of a top-level hole, at most the atom
 *    line budget, without re-declaring the signature. Indentation is relative; the assembler
 *    re-indents to the hole.
 * 3. Task files (V1, one call per task): whole files.
 *
 * The last user block of each call starts with a one-line header (below) so a reader of the log
 * or a scenario can tell which task, file and unit a call is for without parsing prose.
 */
import { z } from 'zod';

export const SKELETON_TOOL = 'write_file_skeletons';
export const ATOM_TOOL = 'write_atom';
export const V1_TASK_TOOL = 'write_task_files';

/** The marker of a hole: `@atom <name>: <description>` (name: letters, digits, `_`, `.`, `-`). */
export const HOLE_MARKER_PATTERN = /@atom\s+([A-Za-z_][\w.-]*)\s*:\s*(.*)$/;

/** Whether `text` still has a hole (a marker with a name) that no atom has filled. */
export function hasOpenHole(text: string): boolean {
  return /@atom\s+[A-Za-z_]/.test(text);
}

export const generatedFileSchema = z.object({
  path: z.string().min(1).describe('Workspace-relative path with forward slashes, one of the task\'s files'),
  content: z.string().describe('The whole file text'),
});

export const skeletonAnswerSchema = z.object({
  files: z.array(generatedFileSchema).min(1).describe('Every file the task creates or changes, as skeletons with @atom holes'),
});
export type SkeletonAnswer = z.infer<typeof skeletonAnswerSchema>;

export const atomAnswerSchema = z.object({
  code: z.string().describe('Only the code that replaces the hole line'),
});
export type AtomAnswer = z.infer<typeof atomAnswerSchema>;

export const v1TaskAnswerSchema = z.object({
  files: z.array(generatedFileSchema).min(1).describe('Every file the task creates or changes, complete'),
});
export type V1TaskAnswer = z.infer<typeof v1TaskAnswerSchema>;

/** Header fields are URI-encoded so a path with spaces or `=` cannot break the line apart. */
const enc = encodeURIComponent;

/** Header of a skeleton call: `SKELETON task=T3 files=src/a.ts,src/b.ts`. */
export function skeletonHeader(taskId: string, paths: readonly string[]): string {
  return `SKELETON task=${enc(taskId)} files=${paths.map(enc).join(',')}`;
}

/** Header of an atom call: `ATOM id=T3.src/a.ts#createTask task=T3 file=src/a.ts unit=createTask attempt=1`. */
export function atomHeader(atom: { atomId: string; taskId: string; path: string; unit: string; attempt: number }): string {
  return `ATOM id=${enc(atom.atomId)} task=${enc(atom.taskId)} file=${enc(atom.path)} unit=${enc(atom.unit)} attempt=${atom.attempt}`;
}

/** Header of a V1 task call: `V1TASK task=T3 files=src/a.ts`. */
export function v1TaskHeader(taskId: string, paths: readonly string[]): string {
  return `V1TASK task=${enc(taskId)} files=${paths.map(enc).join(',')}`;
}

export type ParsedHeader =
  | { readonly kind: 'skeleton'; readonly taskId: string; readonly paths: readonly string[] }
  | { readonly kind: 'atom'; readonly atomId: string; readonly taskId: string; readonly path: string; readonly unit: string; readonly attempt: number }
  | { readonly kind: 'v1task'; readonly taskId: string; readonly paths: readonly string[] };

/** Reads a header line back (the first line of `text` that is one), or null. */
export function parseHeader(text: string): ParsedHeader | null {
  for (const line of text.split('\n')) {
    // Most lines of a prompt are not headers: skip them before splitting them into fields.
    if (!line.startsWith('SKELETON ') && !line.startsWith('V1TASK ') && !line.startsWith('ATOM ')) continue;
    const fields = Object.fromEntries(
      line.split(' ').slice(1).map((kv) => {
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), safeDecode(kv.slice(eq + 1))];
      }),
    ) as Record<string, string | undefined>;
    if (line.startsWith('SKELETON ') && fields.task && fields.files !== undefined) {
      return { kind: 'skeleton', taskId: fields.task, paths: splitPaths(line) };
    }
    if (line.startsWith('V1TASK ') && fields.task && fields.files !== undefined) {
      return { kind: 'v1task', taskId: fields.task, paths: splitPaths(line) };
    }
    if (line.startsWith('ATOM ') && fields.id && fields.task && fields.file && fields.unit) {
      return { kind: 'atom', atomId: fields.id, taskId: fields.task, path: fields.file, unit: fields.unit, attempt: Number(fields.attempt ?? 1) };
    }
  }
  return null;
}

/** The files= list, split before decoding (an encoded path may contain a comma). */
function splitPaths(line: string): string[] {
  const raw = line.split(' ').find((kv) => kv.startsWith('files=')) ?? 'files=';
  return raw.slice('files='.length).split(',').filter(Boolean).map(safeDecode);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Atom ids are stable across runs and resumes: task, file and hole name. */
export function atomIdOf(taskId: string, path: string, unit: string): string {
  return `${taskId}.${path}#${unit}`;
}
