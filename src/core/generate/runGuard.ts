/** The call guard of one stage of a run: the run's cap and warm prefixes, slowdowns shown to the user. */
import type { ConcurrencyController, ThrottleKind } from '../execute';
import { createCallGuard, type CallGuard } from './callGuard';
import type { RunContext } from './deps';

/** What the user reads when the run starts fewer calls at once. */
export function slowdownMessage(kind: ThrottleKind, limit: number): string {
  const why = kind === 'overloaded' ? 'API overloaded' : 'API rate limit reached';
  return `${why}, slowing down: ${limit} call${limit === 1 ? '' : 's'} at a time (grows back as calls succeed).`;
}

/** A guard for a stage of `ctx` whose calls `concurrency` sizes. */
export function createRunGuard(ctx: RunContext, concurrency: ConcurrencyController): CallGuard {
  const { deps, runId } = ctx;
  return createCallGuard({
    llm: deps.llm,
    cap: ctx.cap,
    concurrency,
    rateLimits: deps.rateLimits,
    warmup: ctx.warmup,
    onSlowdown: (reason, limit) => ctx.emit({ type: 'llm/slowdown', runId, reason, concurrency: limit, message: slowdownMessage(reason, limit) }),
  });
}
