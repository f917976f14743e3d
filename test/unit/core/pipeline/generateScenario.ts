/**
 * A small generation scenario for the core's tests: a stats library in four tasks (a manifest,
 * math.ts, stats.ts, then report.ts plus a change to stats.ts), answered call by call through the
 * contract's headers. Options make one atom flaky (wrong on its first attempt) or stubborn (never
 * right), so retries and failures can be tested; V1 answers are the same files whole.
 */
import { ATOM_TOOL, parseHeader, SKELETON_TOOL, V1_TASK_TOOL, type ParsedHeader } from '../../../../src/core/atomize/contract';
import type { MasterPlan } from '../../../../src/core/masterplan/schema';
import { taskApiTsDiscovery } from '../../../fixtures/fake-anthropic/scenarios/task-api-ts';
import { planningReply, planTask, toolReply } from '../../../fixtures/fake-anthropic/scenarios/planning';
import type { FakeReply, LatencyModel, Scenario } from '../../../fixtures/fake-anthropic/types';

const detail = (loc: number, description: string) => ({ loc, language: 'typescript', context: '', description, acceptance: 'npm test passes' });

export const statsPlan: MasterPlan = {
  title: 'Stats library',
  summary: 'A tiny TypeScript statistics library with a report function.',
  phases: [
    {
      id: 'P1',
      name: 'Library',
      goal: 'Math helpers, statistics and a report.',
      tasks: [
        { ...planTask('T1', 'Manifest', ['package.json'], [], detail(5, 'package.json named "stats", private.')), language: 'json' },
        planTask('T2', 'Math helpers', ['src/math.ts'], ['T1'], detail(10, 'export add(a, b) and mul(a, b).')),
        planTask('T3', 'Statistics', ['src/stats.ts'], ['T2'], detail(14, 'export sum(xs) and mean(xs) (RangeError when empty).')),
        planTask('T4', 'Report and median', ['src/report.ts', '~src/stats.ts'], ['T3'], detail(20, 'export report(xs) and DEFAULT_SAMPLE; add median(xs) to stats.ts.')),
      ],
    },
  ],
};

const MATH = `/** Adds two numbers. */
export function add(a: number, b: number): number {
  // @atom add: returns the sum of a and b
}

/** Multiplies two numbers. */
export function mul(a: number, b: number): number {
  // @atom mul: returns the product of a and b
}
`;

const STATS_T3 = `import { add } from './math';

/** Sum of a list. */
export function sum(xs: readonly number[]): number {
  // @atom sum: folds xs with add starting from 0
}

/** Mean of a non-empty list. */
export function mean(xs: readonly number[]): number {
  // @atom mean: returns sum of xs divided by its length; a RangeError for an empty list
}
`;

const STATS_T4 = `${STATS_T3}
/** Middle value of a list. */
export function median(xs: readonly number[]): number {
  // @atom median: returns the middle value of a sorted copy of xs, averaging the two middle ones for an even length
}
`;

const REPORT = `import { mean, sum } from './stats';

/** One line describing xs. */
export function report(xs: readonly number[]): string {
  // @atom report: formats "sum=<sum> mean=<mean>" using sum and mean of xs
}

// @atom DEFAULT_SAMPLE: declares the exported sample list [1, 2, 3, 4]
`;

const PACKAGE = '{\n  "name": "stats",\n  "private": true\n}\n';

const TESTS = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { report } from '../src/report';
import { mean, median } from '../src/stats';

/** A sample of even length, unsorted. */
function sample(): number[] {
  // @atom sample: returns a new list [4, 1, 3, 2]
}

// @atom meanOfTheSample: test: the mean of the sample is 2.5

// @atom medianOfTheSample: test: the median of the sample is 2.5

// @atom reportOfTheSample: test: the report of the sample reads "sum=10 mean=2.5"
`;

/** statsPlan with a fifth task: node:test tests of the library (level 5 runs them with --runtime). */
export const statsPlanWithTests: MasterPlan = {
  ...statsPlan,
  phases: statsPlan.phases.map((p) => ({
    ...p,
    tasks: [...p.tasks, planTask('T5', 'Tests', ['test/stats.test.ts'], ['T4'], detail(20, 'node:test tests of mean, median and report.'))],
  })),
};

export const SKELETONS: Readonly<Record<string, ReadonlyArray<{ path: string; content: string }>>> = {
  T1: [{ path: 'package.json', content: PACKAGE }],
  T2: [{ path: 'src/math.ts', content: MATH }],
  T3: [{ path: 'src/stats.ts', content: STATS_T3 }],
  T4: [{ path: 'src/report.ts', content: REPORT }, { path: 'src/stats.ts', content: STATS_T4 }],
  T5: [{ path: 'test/stats.test.ts', content: TESTS }],
};

/** The right code of each hole, with relative indentation. */
export const CODE: Readonly<Record<string, string>> = {
  add: 'return a + b;',
  mul: 'return a * b;',
  sum: 'return xs.reduce((acc, x) => add(acc, x), 0);',
  mean: "if (xs.length === 0) {\n  throw new RangeError('mean of an empty list');\n}\nreturn sum(xs) / xs.length;",
  median: 'const sorted = [...xs].sort((a, b) => a - b);\nconst mid = Math.floor(sorted.length / 2);\nreturn sorted.length % 2 === 0 ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid];',
  report: 'return `sum=${sum(xs)} mean=${mean(xs)}`;',
  DEFAULT_SAMPLE: 'export const DEFAULT_SAMPLE: readonly number[] = [1, 2, 3, 4];',
  sample: 'return [4, 1, 3, 2];',
  meanOfTheSample: "test('the mean of the sample is 2.5', () => {\n  assert.equal(mean(sample()), 2.5);\n});",
  medianOfTheSample: "test('the median of the sample is 2.5', () => {\n  assert.equal(median(sample()), 2.5);\n});",
  reportOfTheSample: "test('the report of the sample', () => {\n  assert.equal(report(sample()), 'sum=10 mean=2.5');\n});",
};

/** An answer that type-checks and is wrong only when run: the median of [4, 1, 3, 2] taken as the middle of the unsorted list. */
const WRONG_AT_RUN_TIME: Readonly<Record<string, string>> = {
  medianOfTheSample: "test('the median of the sample is 2.5', () => {\n  assert.equal(median(sample()), 2);\n});",
};

/** What node's assert prints for a failed assert.equal: a retry prompt carries it only if level 5's output came back. */
export const RUN_OUTPUT_MARK = 'Expected values to be strictly equal';

/** A skeleton with every hole replaced by its code: what V1 answers and what V2 must assemble. */
export function filled(skeleton: string): string {
  return skeleton
    .split('\n')
    .flatMap((line) => {
      const m = /^(\s*)\/\/ @atom ([\w.]+):/.exec(line);
      const code = m ? CODE[m[2] ?? ''] : undefined;
      return m && code !== undefined ? code.split('\n').map((l) => `${m[1] ?? ''}${l}`) : [line];
    })
    .join('\n');
}

/** The final files of the scenario. */
export const FINAL_FILES: Readonly<Record<string, string>> = {
  'package.json': PACKAGE,
  'src/math.ts': filled(MATH),
  'src/stats.ts': filled(STATS_T4),
  'src/report.ts': filled(REPORT),
};

/** The final files with `tests`. */
export const FINAL_FILES_WITH_TESTS: Readonly<Record<string, string>> = { ...FINAL_FILES, 'test/stats.test.ts': filled(TESTS) };

export interface StatsOptions {
  /** Units whose first attempt uses an undefined name. */
  readonly flaky?: readonly string[];
  /** Units that never pass. */
  readonly stubborn?: readonly string[];
  readonly latency?: LatencyModel;
  /** V1 tasks whose first answer has a syntax error. */
  readonly v1Broken?: readonly string[];
  /** Extra files (outside the task's list) the skeleton of T2 also answers. */
  readonly extraSkeletonFiles?: ReadonlyArray<{ path: string; content: string }>;
  /** Every atom call is answered with this error. */
  readonly atomError?: { readonly status: number; readonly errorType: string };
  /** Adds task T5, node:test tests of the library (statsPlanWithTests). */
  readonly tests?: boolean;
  /**
   * Units answered with code that is wrong only at run time until the prompt carries the failed
   * run's output (RUN_OUTPUT_MARK): level 5 must catch it and feed it back.
   */
  readonly wrongAtRunTime?: readonly string[];
  /** Called for every parsed header (tests count calls or hold them). */
  readonly onHeader?: (header: ParsedHeader) => void | Promise<void>;
}

function atomCode(unit: string, attempt: number, options: StatsOptions): string {
  const right = CODE[unit] ?? 'return 0;';
  if (options.stubborn?.includes(unit)) return right.replace(/\bsum\(/g, 'summ(').replace(/a \+ b/, 'a + bb');
  if (options.flaky?.includes(unit) && attempt === 1) return right.replace(/\bb\b(?!\))/, 'bb');
  return right;
}

/** The scenario with `options`. */
export function statsScenario(options: StatsOptions = {}): Scenario {
  return {
    name: 'stats-library',
    description: 'A four-task TypeScript library answered atom by atom (core tests).',
    latency: options.latency,
    async reply(request): Promise<FakeReply> {
      const planning = planningReply(request, { discovery: taskApiTsDiscovery, plan: options.tests ? statsPlanWithTests : statsPlan });
      if (planning) return planning;
      const header = parseHeader(request.promptText);
      if (header) await options.onHeader?.(header);
      if (header?.kind === 'skeleton') {
        const extra = header.taskId === 'T2' ? (options.extraSkeletonFiles ?? []) : [];
        return toolReply(SKELETON_TOOL, { files: [...(SKELETONS[header.taskId] ?? []), ...extra] });
      }
      if (header?.kind === 'atom') {
        if (options.atomError) return { kind: 'error', status: options.atomError.status, errorType: options.atomError.errorType, message: 'refused by the scenario' };
        const wrong = options.wrongAtRunTime?.includes(header.unit) && !request.promptText.includes(RUN_OUTPUT_MARK) ? WRONG_AT_RUN_TIME[header.unit] : undefined;
        return toolReply(ATOM_TOOL, { code: wrong ?? atomCode(header.unit, header.attempt, options) });
      }
      if (header?.kind === 'v1task') {
        const broken = options.v1Broken?.includes(header.taskId) && !request.promptText.includes('Your previous answer could not be used');
        const files = (SKELETONS[header.taskId] ?? []).map((f) => ({ path: f.path, content: broken ? filled(f.content).replace(/\n}\n/, '\n\n') : filled(f.content) }));
        return toolReply(V1_TASK_TOOL, { files });
      }
      return { kind: 'error', status: 400, errorType: 'invalid_request_error', message: 'stats-library: no header in the prompt' };
    },
  };
}
