/**
 * The retrieval queries of the prompts: short (a query's cost grows with its terms), made of what
 * names the code to find (titles, signatures, hole descriptions), and the language filter that
 * keeps a Python atom from getting TypeScript snippets.
 */
import type { AtomSpec } from '../atomize/types';
import type { DiscoveryDocument } from '../discovery/schema';
import type { PlanTask } from '../masterplan/schema';
import { languageForPath } from '../parse/languages';
import type { RetrievedChunk } from '../ports';

/** Longest description text put into a query. */
const MAX_DESCRIPTION_CHARS = 300;

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** The MasterPlan's query: the domain, its summary and the stack. */
export function planQuery(doc: DiscoveryDocument): string {
  const stack = [doc.targetStack.language, ...doc.targetStack.frameworks].join(' ');
  return `${doc.domain}: ${clip(doc.summary, MAX_DESCRIPTION_CHARS)} ${stack}`;
}

/** A skeleton's query: the task's title, description and file paths. */
export function skeletonQuery(task: PlanTask): string {
  return `${task.title}. ${clip(task.description, MAX_DESCRIPTION_CHARS)} ${task.files.map((f) => f.path).join(' ')}`;
}

/** An atom's query: its task's title, then the hole's signature (or name) and description. */
export function atomQuery(atom: AtomSpec, task: PlanTask): string {
  return `${task.title}. ${atom.signature ?? atom.unit}: ${clip(atom.description, MAX_DESCRIPTION_CHARS)}`;
}

/** Languages whose snippets are useful to each other (TypeScript code reads JavaScript fine). */
function family(language: string): string {
  const l = language.toLowerCase();
  if (l === 'typescript' || l === 'tsx' || l === 'javascript') return 'js';
  return l;
}

/**
 * Accepts chunks of files in `language`'s family; a language given by name ("TypeScript") or as
 * a LanguageId. Files of no known language (Markdown, SQL, YAML) are left out: a code prompt
 * wants code.
 */
export function sameLanguage(language: string | null): ((chunk: RetrievedChunk) => boolean) | undefined {
  if (language === null || language.trim() === '') return undefined;
  const wanted = family(language);
  return (chunk) => {
    const of = languageForPath(chunk.path);
    return of !== undefined && family(of) === wanted;
  };
}
