/**
 * Rebuilds the runs the panel shows from the host's stored events plus the live events that
 * arrived since. The stored list is the truth; a live event is kept on top only while the store
 * has not caught up with it (the host may persist after it posts), so nothing is counted twice.
 */
import type { ProgressEvent } from '../../src/shared/events';
import type { RunInfo } from '../../src/shared/protocol';
import { applyEvent, emptyRun, type RunView } from './runView';

/** What the host says about a run beside its events; null fields are unknown (a run seen only live). */
export interface RunMeta {
  readonly kind: RunInfo['kind'] | null;
  readonly status: RunInfo['status'];
  readonly live: boolean;
  readonly awaitingReview: boolean;
  readonly generateRunId: string | null;
  readonly pendingProposals: number;
}

/** One run as drawn: its folded view and what the host says about it. */
export interface RunEntry {
  readonly view: RunView;
  readonly meta: RunMeta;
}

/**
 * The live events the stored ones do not contain yet, in arrival order. Events carry no sequence
 * number, so identity is their JSON text, matched as a multiset (each stored copy absorbs one).
 */
export function unpersisted(stored: readonly ProgressEvent[], live: readonly ProgressEvent[]): ProgressEvent[] {
  const counts = new Map<string, number>();
  for (const e of stored) {
    const key = JSON.stringify(e);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: ProgressEvent[] = [];
  for (const e of live) {
    const key = JSON.stringify(e);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else out.push(e);
  }
  return out;
}

/** Folds a list of events into a fresh view. */
export function foldRun(runId: string, events: readonly ProgressEvent[], now: number): RunView {
  const view = emptyRun(runId);
  for (const e of events) applyEvent(view, e, now);
  return view;
}

/** Host metadata of a run seen only through live events: live until it reports an outcome. */
export function metaFromView(view: RunView): RunMeta {
  const status: RunInfo['status'] = view.outcome === null ? 'running'
    : view.outcome === 'done' ? 'done'
      : view.outcome === 'cancelled' ? 'cancelled' : 'failed';
  return { kind: null, status, live: view.outcome === null, awaitingReview: false, generateRunId: null, pendingProposals: 0 };
}

/**
 * Every run the panel knows: the stored ones (events replayed, then the still-unpersisted live
 * ones on top) and runs seen only live. Returns the entries and the live buffer to keep.
 */
export function buildRuns(
  stored: readonly RunInfo[],
  live: Readonly<Record<string, readonly ProgressEvent[]>>,
  now: number,
): { runs: Record<string, RunEntry>; pending: Record<string, ProgressEvent[]> } {
  const runs: Record<string, RunEntry> = {};
  const pending: Record<string, ProgressEvent[]> = {};
  for (const info of stored) {
    const extra = unpersisted(info.events, live[info.runId] ?? []);
    if (extra.length > 0) pending[info.runId] = extra;
    const view = foldRun(info.runId, [...info.events, ...extra], now);
    // A pause stored by a run nobody drives any more is over; its countdown would be a lie.
    if (!info.live) view.pause = null;
    const { events: _events, runId: _runId, ...meta } = info;
    runs[info.runId] = { view, meta };
  }
  for (const [runId, events] of Object.entries(live)) {
    if (runs[runId] || events.length === 0) continue;
    pending[runId] = [...events];
    const view = foldRun(runId, events, now);
    runs[runId] = { view, meta: metaFromView(view) };
  }
  return { runs, pending };
}

/** Where each run is drawn: under the message that started it, its generate run right after it. */
export interface RunPlacement {
  /** Run ids to draw under each message id, in order. */
  readonly byMessage: Record<string, string[]>;
  /** Runs no message leads to (started from the command palette, or a message not listed yet). */
  readonly orphans: string[];
}

/** Places runs under messages: a message's run, then the chain of generate runs started from it. */
export function placeRuns(messages: ReadonlyArray<{ id: string; runId: string | null }>, runs: Readonly<Record<string, RunEntry>>): RunPlacement {
  const byMessage: Record<string, string[]> = {};
  const placed = new Set<string>();
  for (const message of messages) {
    if (message.runId === null) continue;
    const chain: string[] = [];
    let id: string | null = message.runId;
    while (id !== null && !placed.has(id)) {
      chain.push(id);
      placed.add(id);
      id = runs[id]?.meta.generateRunId ?? null;
    }
    byMessage[message.id] = chain;
  }
  // A generate run is drawn with its planning run even when that one is an orphan itself.
  const children = new Set(Object.values(runs).map((r) => r.meta.generateRunId).filter((id): id is string => id !== null));
  const orphans: string[] = [];
  for (const runId of Object.keys(runs)) {
    if (placed.has(runId) || children.has(runId)) continue;
    let id: string | null = runId;
    while (id !== null && !placed.has(id)) {
      orphans.push(id);
      placed.add(id);
      id = runs[id]?.meta.generateRunId ?? null;
    }
  }
  return { byMessage, orphans };
}
