/**
 * What the panel keeps in the webview's own state (vscode.getState/setState) so that hiding and
 * showing it, or reloading the window, loses no typing: the message draft and each plan review
 * (open or not, and the edited plan). Runs are not kept here: the host stores their events.
 */
import { z } from 'zod';
import type { MasterPlan } from '../../src/core/masterplan/schema';

// Looser than the plan schema on purpose: a draft may be mid-edit (an empty title) and must survive.
const draftTaskSchema = z.object({
  id: z.string(), title: z.string(), description: z.string(), boundedContext: z.string(),
  files: z.array(z.object({ path: z.string(), change: z.enum(['create', 'modify']) })),
  dependsOn: z.array(z.string()), acceptance: z.string(), estimatedLoc: z.number(), language: z.string(),
});
const draftPlanSchema = z.object({
  title: z.string(), summary: z.string(),
  phases: z.array(z.object({ id: z.string(), name: z.string(), goal: z.string(), tasks: z.array(draftTaskSchema) })),
});

const reviewSchema = z.object({ open: z.boolean(), plan: draftPlanSchema.nullable() });
const savedSchema = z.object({
  draft: z.string().catch(''),
  reviews: z.record(z.string(), reviewSchema).catch({}),
});

/** One plan review as kept between sessions. */
export interface SavedReview {
  readonly open: boolean;
  /** The edited plan, or null while the user has not changed anything. */
  readonly plan: MasterPlan | null;
}

/** The panel's kept state. */
export interface SavedState {
  readonly draft: string;
  readonly reviews: Readonly<Record<string, SavedReview>>;
}

/** Reads kept state, dropping whatever does not fit (an older panel's format, a torn value). */
export function parseSavedState(raw: unknown): SavedState {
  const parsed = savedSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { draft: '', reviews: {} };
}

/**
 * Drops reviews of runs that no longer wait for one (executed). Runs not listed belong to another
 * conversation and keep their review.
 */
export function pruneReviews(saved: SavedState, runs: ReadonlyArray<{ runId: string; awaitingReview: boolean }>): SavedState {
  const done = new Set(runs.filter((r) => !r.awaitingReview).map((r) => r.runId));
  const reviews: Record<string, SavedReview> = {};
  for (const [runId, review] of Object.entries(saved.reviews)) if (!done.has(runId)) reviews[runId] = review;
  return { ...saved, reviews };
}
