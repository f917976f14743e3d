/**
 * AtomicityValidator at the skeleton level: before any atom is generated, catch holes that will
 * not make good atoms and send the skeleton back to be split. Two checks, deliberately simple:
 * - two jobs: the hole's description joins two actions ("validates the input and stores the
 *   user"); each should be its own function with its own hole;
 * - budget: the task's estimated size spread over its holes leaves each hole far more than the
 *   atom line budget, so the functions are too coarse.
 * Returning values and raising errors are part of a job, not jobs of their own.
 */
import type { HoleSite } from './types';

/** Verbs that name a job of their own (third person and imperative). */
const JOB_VERBS = new Set(
  [
    'add', 'build', 'calculate', 'compute', 'convert', 'create', 'delete', 'emit', 'fetch', 'filter', 'find', 'format',
    'insert', 'list', 'load', 'log', 'notify', 'parse', 'persist', 'publish', 'read', 'register', 'remove', 'render',
    'save', 'send', 'serialize', 'sort', 'store', 'update', 'validate', 'write', 'assign', 'print', 'start', 'stop',
    'close', 'open', 'hash', 'encode', 'decode', 'merge', 'download', 'upload', 'schedule', 'cache', 'index', 'export', 'import',
  ].flatMap((v) => [v, thirdPerson(v)]),
);

function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** How many line budgets of estimated code one hole may carry before the functions count as too coarse. */
const BUDGET_FACTOR = 3;

/** The jobs a description names: job verbs that open it or follow a connector. */
export function jobsIn(description: string): string[] {
  const words = description.toLowerCase().replace(/[`'"()]/g, ' ').split(/(\s+|;|,)/).map((w) => w.trim()).filter((w) => w !== '');
  const jobs: string[] = [];
  let clauseStart = true;
  for (const word of words) {
    if (word === ';' || word === ',' || word === 'and' || word === 'then' || word === 'also') {
      clauseStart = true;
      continue;
    }
    if (clauseStart && JOB_VERBS.has(word) && !jobs.includes(word)) jobs.push(word);
    clauseStart = false;
  }
  return jobs;
}

/** Problems of the holes of one task, as sentences for the model. */
export function atomicityProblems(input: {
  readonly holes: ReadonlyArray<{ readonly path: string; readonly hole: HoleSite }>;
  /** Code lines the skeleton already has outside its holes. */
  readonly givenCodeLines: number;
  readonly estimatedLoc: number;
  readonly maxLines: number;
}): string[] {
  const problems: string[] = [];
  for (const { path, hole } of input.holes) {
    const jobs = jobsIn(hole.description);
    if (jobs.length >= 2) {
      problems.push(
        `${path} line ${hole.line}: the hole \`${hole.unit}\` does ${jobs.length} jobs (${jobs.join(', ')}); give each job its own function with its own hole`,
      );
    }
  }
  const count = input.holes.length;
  const perHole = count === 0 ? 0 : (input.estimatedLoc - input.givenCodeLines) / count;
  if (count > 0 && perHole > BUDGET_FACTOR * input.maxLines) {
    problems.push(
      `the task is estimated at ${input.estimatedLoc} lines but has only ${count} hole(s), about ${Math.round(perHole)} lines each; ` +
        `an atom holds at most ${input.maxLines} lines: split the large functions into helpers, each with its own hole`,
    );
  }
  return problems;
}
