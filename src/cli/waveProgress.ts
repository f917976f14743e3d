/**
 * Progress of `mge generate` / `mge resume` without --json: the planning reporter's lines, plus a
 * progress line per wave during execution. Atoms start as soon as their dependencies are done, so
 * several waves run at once; the line follows the furthest wave that has started. On a terminal
 * it is rewritten in place (\r) as atoms finish and kept when the next wave starts, and other
 * lines are printed above it; in a log file each wave gets one plain line when it starts.
 * With --json the events go out as JSON lines, unchanged.
 */
import type { ProgressEvent } from '../shared/events';
import type { CliIo } from './io';
import { createReporter, seconds, type Reporter } from './reporter';

const CLEAR = '\r\x1b[2K';
/** A terminal redraw at most this often: 800 atoms must not mean 800 redraws a second. */
const REDRAW_MS = 100;

export interface WaveProgressOptions {
  readonly json: boolean;
  readonly verbose: boolean;
  /** Atoms already passed when execution starts (a resumed run); they send no events. */
  readonly passedBefore?: (runId: string) => number;
  readonly now?: () => number;
}

/** A reporter with the per-wave line; `finish()` ends a line left open on the terminal. */
export function createGenerateReporter(io: CliIo, options: WaveProgressOptions): Reporter & { finish(): void } {
  if (options.json) return { ...createReporter(io, options), finish: () => undefined };
  const now = options.now ?? (() => Date.now());
  const tty = io.stderrIsTty;
  let live = '';
  const raw = (text: string): void => io.stderr(text);
  // Other output goes above the live line, which is drawn again under it.
  const above: CliIo = {
    ...io,
    stderr: (text) => {
      if (live !== '') raw(CLEAR);
      raw(text);
      if (live !== '') raw(live);
    },
  };
  const base = createReporter(above, options);
  const state = { waves: 0, atoms: 0, passed: 0, failed: 0, skipped: 0, retries: 0, frontier: -1, costUsd: 0, startedAt: 0, drawnAt: 0 };
  const running = new Set<string>();

  const text = (): string => {
    const done = `${state.passed}/${state.atoms} atoms passed`;
    const failed = state.failed > 0 ? `, ${state.failed} failed` : '';
    const skipped = state.skipped > 0 ? `, ${state.skipped} skipped` : '';
    const retries = state.retries > 0 ? `, ${state.retries} retries` : '';
    const cost = state.costUsd > 0 ? ` · $${state.costUsd.toFixed(2)}` : '';
    return `  wave ${state.frontier + 1}/${state.waves}: ${done}${failed}${skipped}, ${running.size} running${retries}${cost} · ${seconds(now() - state.startedAt)}`;
  };
  const draw = (force: boolean): void => {
    if (!tty || state.frontier < 0) return;
    if (!force && now() - state.drawnAt < REDRAW_MS) return;
    state.drawnAt = now();
    live = text();
    raw(`${CLEAR}${live}`);
  };
  const endLine = (): void => {
    if (live === '') return;
    raw(`${CLEAR}${text()}\n`);
    live = '';
  };

  const onAtom = (e: Extract<ProgressEvent, { type: 'atom/status' }>): void => {
    if (e.status === 'running') {
      if (running.has(e.atomId)) state.retries++;
      running.add(e.atomId);
    } else {
      running.delete(e.atomId);
      if (e.status === 'passed') state.passed++;
      if (e.status === 'failed') state.failed++;
      if (e.status === 'skipped') state.skipped++;
    }
    if (e.status === 'running' && e.wave > state.frontier) {
      if (tty) endLine();
      state.frontier = e.wave;
      if (tty) draw(true);
      else raw(`${text()}\n`);
      return;
    }
    draw(false);
  };

  return {
    logger: base.logger,
    event(e) {
      switch (e.type) {
        case 'waves/planned':
          Object.assign(state, { waves: e.waveSizes.length, atoms: e.atoms, passed: options.passedBefore?.(e.runId) ?? 0, startedAt: now() });
          above.stderr(`  ${e.atoms} atoms in ${e.waveSizes.length} waves; critical path ~${seconds(e.criticalPathMs)} expected\n`);
          return;
        case 'atom/status':
          onAtom(e);
          return;
        case 'cost/update':
          state.costUsd = e.costUsd;
          draw(false);
          return;
        case 'stage/finished':
          if (e.stage === 'execution') {
            if (tty) endLine();
            else if (state.frontier >= 0) raw(`${text()}\n`);
          }
          base.event(e);
          return;
        default:
          base.event(e);
      }
    },
    finish: endLine,
  };
}
