/**
 * Dependency-driven execution: a node starts the moment its last dependency is done, not when its
 * wave is (waves are for display), up to the concurrency controller's limit. p-limit bounds the
 * calls in flight; each queued p-limit task is a "slot" that takes the best ready node when it
 * runs, so priorities apply at start time rather than enqueue time.
 */
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { indexDependencies } from './dependencyIndex';
import { createReadyQueue } from './readyQueue';
import { classifyRunError } from './runErrors';
import type { ExpectedUsage } from './rateBudget';
import type { NodeOutcome, ScheduleOptions, ScheduleResult, StopReason } from './scheduleTypes';

const NO_USAGE: ExpectedUsage = { inputTokens: 0, outputTokens: 0 };

/**
 * Runs every node once its dependencies are done. Resolves when all nodes are settled, promptly
 * after a cancel or fatal error (in-flight nodes 'cancelled', their signals aborted), or once
 * in-flight work has finished after a halt (gate refusal, cost cap). Throws up front on an
 * unknown dependency or a cycle; rejects if a callback (onStart, onSettle, gate...) throws.
 */
export function runDependencyDriven<T>(options: ScheduleOptions<T>): Promise<ScheduleResult<T>> {
  const { waitingOn, dependents } = indexDependencies(options.nodes, options.dependsOn, options.alreadyDone ?? new Set());
  return new Promise<ScheduleResult<T>>((resolve, reject) => {
    const { concurrency, clock } = options;
    const succeeded = options.succeeded ?? (() => true);
    const classify = options.classifyError ?? classifyRunError;
    const usageOf = (id: string): ExpectedUsage => options.expectedUsage?.(id) ?? NO_USAGE;
    const outcomes = new Map<string, NodeOutcome<T>>(options.nodes.map((id) => [id, { status: 'pending' }]));
    const ready = createReadyQueue();
    const inFlight = new Set<string>();
    const started: Promise<unknown>[] = [];
    // Aborted on cancel/fatal: reaches the runs. Waits for budget are cut short on any stop.
    const runAbort = new AbortController();
    const waitAbort = new AbortController();
    // Every in-flight run (and the SDK under it) listens on these: 100 listeners is normal here.
    setMaxListeners(0, runAbort.signal, waitAbort.signal);
    const limit = pLimit({ concurrency: concurrency.limit, rejectOnClear: true });
    const unsubscribe = concurrency.onLimitChange((next) => {
      limit.concurrency = next;
    });
    let stop: StopReason | null = null;
    let finished = false;

    const finish = (reason: StopReason): void => {
      if (finished) return;
      finished = true;
      cleanup();
      const drained = Promise.all(started.map((p) => p.then(noop, noop))).then(noop);
      resolve({ stop: reason, outcomes: new Map(outcomes), drained });
    };
    const crash = (error: unknown): void => {
      if (finished) return;
      finished = true;
      runAbort.abort(error);
      cleanup();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const cleanup = (): void => {
      waitAbort.abort();
      limit.clearQueue();
      unsubscribe();
      options.signal.removeEventListener('abort', onCancel);
    };
    const maybeFinish = (): void => {
      if (inFlight.size === 0 && (stop !== null || ready.size === 0)) finish(stop ?? { kind: 'completed' });
    };
    const setOutcome = (id: string, outcome: NodeOutcome<T>): void => {
      outcomes.set(id, outcome);
      options.onSettle?.(id, outcome);
    };

    /** Start nothing new; calls in flight finish and are recorded. */
    const halt = (reason: StopReason): void => {
      if (stop !== null) return;
      stop = reason;
      limit.clearQueue();
      waitAbort.abort();
      maybeFinish();
    };
    /** Stop now: in-flight runs are aborted and recorded as cancelled. */
    const abortAll = (reason: StopReason): void => {
      if (finished) return;
      stop = reason;
      runAbort.abort(reason.kind === 'fatal' ? reason.error : options.signal.reason);
      for (const id of inFlight) setOutcome(id, { status: 'cancelled' });
      inFlight.clear();
      finish(reason);
    };
    function onCancel(): void {
      try {
        abortAll({ kind: 'cancelled' });
      } catch (error) {
        crash(error);
      }
    }

    const markReady = (id: string): void => {
      ready.push(id, options.priority?.(id) ?? 0);
      // Cleared slots reject with an AbortError by design (rejectOnClear); nothing to do then.
      limit(takeSlot).catch(noop);
    };

    const skipDependentsOf = (failedId: string): void => {
      const queue = [...(dependents.get(failedId) ?? [])];
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        if (outcomes.get(id)?.status !== 'pending') continue;
        setOutcome(id, { status: 'skipped', blockedBy: failedId });
        queue.push(...(dependents.get(id) ?? []));
      }
    };

    const settle = (id: string, outcome: NodeOutcome<T>): void => {
      inFlight.delete(id);
      setOutcome(id, outcome);
      if (outcome.status === 'done') {
        for (const next of dependents.get(id) ?? []) {
          const left = (waitingOn.get(next) ?? 0) - 1;
          waitingOn.set(next, left);
          if (left === 0 && stop === null && outcomes.get(next)?.status === 'pending') markReady(next);
        }
      } else {
        skipDependentsOf(id);
      }
      maybeFinish();
    };

    /**
     * Waits until the controller lets the best ready node start; false when the run stopped.
     * Returns synchronously when it can (a value, not a promise) because the caller must pop
     * and record the start in the same tick as the check, or parallel slots would all pass a
     * budget check that only has room for one of them.
     */
    const admitNow = (): boolean | Promise<boolean> => {
      if (stop !== null || finished) return false;
      const candidate = ready.peek();
      if (candidate === undefined) return false;
      const check = concurrency.check(usageOf(candidate));
      if (check.ok) return true;
      // Woken: true means "ask again", which the caller does in the tick it would start in.
      return clock.sleep(Math.max(1, check.retryAt - clock.now()), waitAbort.signal).then(
        () => true,
        () => false,
      );
    };

    const execute = async (id: string): Promise<void> => {
      inFlight.add(id);
      concurrency.recordStart(usageOf(id));
      options.onStart?.(id);
      // The async wrapper turns a synchronous throw into a rejection; run still starts now.
      const running = (async () => options.run(id, runAbort.signal))();
      started.push(running);
      let value: T;
      try {
        value = await running;
      } catch (error) {
        if (!finished) failed(id, error);
        return;
      }
      // After a cancel or fatal error the node is already 'cancelled'; a late result changes nothing.
      if (finished) return;
      settle(id, succeeded(value, id) ? { status: 'done', value } : { status: 'failed', value });
    };

    const failed = (id: string, error: unknown): void => {
      const disposition = classify(error, id);
      if (disposition === 'fail') {
        settle(id, { status: 'errored', error });
        return;
      }
      inFlight.delete(id);
      if (disposition === 'fatal') {
        setOutcome(id, { status: 'errored', error });
        abortAll({ kind: 'fatal', nodeId: id, error });
        return;
      }
      // 'halt': the node never finished, so it stays pending and is redone on resume.
      halt({ kind: 'halted', nodeId: id, cause: error });
      maybeFinish();
    };

    async function takeSlot(): Promise<void> {
      try {
        let admitted = admitNow();
        while (typeof admitted !== 'boolean') admitted = (await admitted) ? admitNow() : false;
        if (!admitted) return;
        const id = ready.pop() as string;
        const decision = options.gate?.(id) ?? { start: true };
        if (!decision.start) {
          halt({ kind: 'halted', nodeId: id, cause: decision.reason });
          return;
        }
        await execute(id);
      } catch (error) {
        crash(error);
      }
    }

    if (options.signal.aborted) {
      finish({ kind: 'cancelled' });
      return;
    }
    options.signal.addEventListener('abort', onCancel, { once: true });
    try {
      for (const id of options.nodes) if (waitingOn.get(id) === 0) markReady(id);
      maybeFinish();
    } catch (error) {
      crash(error);
    }
  });
}

function noop(): void {}
