/**
 * Which buttons a run offers and how its state reads, from the host's metadata and the folded
 * events. Pure, so the rules are tested without a browser.
 */
import type { RunMeta } from './runReplay';
import type { RunView } from './runView';

/** The buttons a run shows. */
export interface RunActions {
  readonly stop: boolean;
  readonly resume: boolean;
  readonly reviewPlan: boolean;
  readonly reviewChanges: boolean;
  readonly apply: boolean;
  /** Apply is shown but waits: the run still generates, and what it proposes so far is not final. */
  readonly applyWaits: boolean;
}

/** Stop while driven; Resume once nobody drives an unfinished run; Review/Apply while proposals wait (Apply once the run ends). */
export function runActions(meta: RunMeta, view: RunView): RunActions {
  const finished = view.outcome !== null;
  const unfinished = meta.status === 'running' || meta.status === 'failed' || meta.status === 'cancelled';
  return {
    stop: meta.live && !finished,
    // A run stopped at the cost cap reports 'failed'; one that died with the window stays 'running'.
    resume: !meta.live && unfinished && !meta.awaitingReview,
    reviewPlan: meta.awaitingReview && !meta.live,
    reviewChanges: meta.pendingProposals > 0,
    apply: meta.pendingProposals > 0,
    // As Cline and Copilot do, the edit lands once it is complete: a resumed or running run may
    // still propose files the applied ones need (the host refuses the apply too).
    applyWaits: meta.pendingProposals > 0 && meta.live && !finished,
  };
}

/** A run's state as an icon and words (never colour alone). */
export interface StatusLabel {
  readonly icon: string;
  readonly spin: boolean;
  readonly text: string;
  readonly tone: 'progress' | 'ok' | 'warning' | 'error';
}

/** How a run's state reads in its header. */
export function statusLabel(meta: RunMeta, view: RunView): StatusLabel {
  if (meta.live && view.outcome === null) {
    if (view.pause) return { icon: 'watch', spin: false, text: 'Paused', tone: 'warning' };
    return { icon: 'loading', spin: true, text: 'Running', tone: 'progress' };
  }
  if (meta.awaitingReview) return { icon: 'checklist', spin: false, text: 'Plan ready for review', tone: 'warning' };
  const outcome = view.outcome ?? meta.status;
  switch (outcome) {
    case 'done':
      return view.summary && view.summary.atomsFailed > 0
        ? { icon: 'warning', spin: false, text: `Done, ${view.summary.atomsFailed} ${view.summary.atomsFailed === 1 ? 'atom' : 'atoms'} failed`, tone: 'warning' }
        : { icon: 'pass', spin: false, text: 'Done', tone: 'ok' };
    case 'cancelled':
      return { icon: 'circle-slash', spin: false, text: 'Stopped', tone: 'warning' };
    case 'stopped-at-cost-cap':
      return { icon: 'credit-card', spin: false, text: 'Stopped at the cost cap', tone: 'warning' };
    case 'running':
      return { icon: 'debug-pause', spin: false, text: 'Interrupted', tone: 'warning' };
    default:
      return { icon: 'error', spin: false, text: 'Failed', tone: 'error' };
  }
}

/** A run's heading: what kind of run it is, by engine. */
export function runTitle(meta: RunMeta, view: RunView): string {
  const engine = view.engine === 'v1' ? 'V1' : 'V2';
  if (meta.kind === 'plan') return `Planning (${engine})`;
  if (meta.kind === 'generate') return `Generation (${engine})`;
  return `${engine} run`;
}

const STAGE_WORDS: Record<string, string> = {
  discovery: 'discovery', masterplan: 'planning', atomization: 'atomization', graph: 'the dependency graph',
  execution: 'generation', validation: 'validation', assembly: 'assembly',
};

/**
 * What the run's polite live region says. Coarse on purpose (state, stage, wave), so a screen
 * reader hears milestones rather than every atom or every second of a countdown.
 */
export function announcement(meta: RunMeta, view: RunView): string {
  const status = statusLabel(meta, view);
  const parts = [`${runTitle(meta, view)}: ${status.text}.`];
  if (status.tone === 'progress' || status.text === 'Paused') {
    const stage = view.stages.at(-1);
    if (stage && stage.state === 'running') parts.push(`Now ${STAGE_WORDS[stage.stage] ?? stage.stage}.`);
    const wave = view.waves.findIndex((w) => w.done + w.failed < w.size);
    if (wave >= 0) parts.push(`Wave ${wave + 1} of ${view.waves.length}.`);
    if (view.pause) parts.push(`Paused: ${view.pause.reason.replace('-', ' ')}.`);
  }
  return parts.join(' ');
}
