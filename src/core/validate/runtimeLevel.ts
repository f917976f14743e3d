/**
 * Level 5, runtime: the atom's check (the task's acceptance check or generated tests; for
 * `mge validate --runtime` the file itself) runs in the shadow workspace with a deadline and an
 * environment without secrets; a non-zero exit or a timeout fails the atom with the captured
 * output as retry feedback. Off unless the caller allows it (Workspace Trust and
 * mge.validation.runtime in the extension, --runtime in the CLI).
 */
import type { ShadowWorkspace } from '../shadow/shadowWorkspace';
import { runSandboxed } from '../shadow/runSandboxed';
import { nodeEnvExtra, safeEnv } from '../shadow/safeEnv';
import type { RuntimeCommand } from './runtimeCommands';
import { skipped } from './validateAtom';
import type { AtomUnderValidation, LevelResult, ValidationMessage, Validator } from './types';

/** What the runtime level runs for an atom: a command, null (no check for it: skipped), or an Error (skipped with it). */
export type RuntimeCheckFor = (target: AtomUnderValidation, shadow: ShadowWorkspace, signal: AbortSignal) => Promise<RuntimeCommand | Error | null>;

export interface RuntimeLevelOptions {
  /** 'off' makes the level skipped with the reason; the host decides (trust + settings, or --runtime). */
  readonly runtime: 'on' | 'off';
  /** Why it is off, shown to the user ("the workspace is not trusted"). */
  readonly offReason?: string;
  readonly shadow: ShadowWorkspace;
  readonly checkFor: RuntimeCheckFor;
  /** Deadline per run (default 10 s); the process group is killed when it passes. */
  readonly timeoutMs?: number;
  /** Characters of output kept as feedback (default 4000). */
  readonly outputLimit?: number;
  /** The environment to whitelist from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The runtime level. */
export function createRuntimeValidator(options: RuntimeLevelOptions): Validator {
  return {
    level: 'runtime',
    async validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
      if (options.runtime === 'off') return skipped('runtime', options.offReason ?? 'running generated code is off (Workspace Trust, mge.validation.runtime or --runtime)');
      const { shadow } = options;
      await shadow.write(target.relPath, target.fileText, signal);
      if (target.language) await shadow.includeImports(target.relPath, target.fileText, target.language, signal);
      const check = await options.checkFor(target, shadow, signal);
      if (check === null) return skipped('runtime', `no acceptance check or test for ${target.relPath}`);
      if (check instanceof Error) return skipped('runtime', check.message);
      const timeoutMs = options.timeoutMs ?? 10_000;
      let outcome;
      try {
        outcome = await runSandboxed({
          command: check.command, args: check.args, cwd: shadow.root, timeoutMs, outputLimit: options.outputLimit ?? 4000,
          env: safeEnv(options.env ?? process.env, { ...nodeEnvExtra(), PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1' }),
        }, signal);
      } catch (err) {
        if (signal.aborted) throw err;
        return skipped('runtime', err instanceof Error ? err.message : String(err));
      } finally {
        await check.cleanup?.();
      }
      if (check.outputRenames) outcome = { ...outcome, output: renamed(outcome.output, check.outputRenames) };
      if (outcome.timedOut) {
        return fail(target, shadow, `${check.description} did not finish within ${timeoutMs / 1000} s and was killed (an endless loop or a wait that never ends?)`, outcome.output);
      }
      if (outcome.exitCode === 0) return { level: 'runtime', status: 'pass', messages: [] };
      const how = outcome.exitCode !== null ? `exited with code ${outcome.exitCode}` : `was killed by ${outcome.signal ?? 'a signal'}`;
      return fail(target, shadow, `${check.description} ${how}`, outcome.output);
    },
  };
}

function renamed(output: string, renames: ReadonlyArray<readonly [string, string]>): string {
  return renames.reduce((text, [from, to]) => text.split(from).join(to), output);
}

function fail(target: AtomUnderValidation, shadow: ShadowWorkspace, summary: string, output: string): LevelResult {
  // Paths in the scratch copy mean nothing to the reader or the model: show them workspace-relative.
  const trimmed = output.split(`${shadow.root}/`).join('').trim();
  const message: ValidationMessage = {
    message: trimmed ? `${summary}:\n${trimmed}` : summary,
    line: lineInOutput(output, target.relPath) ?? target.startLine,
    column: 1,
  };
  return { level: 'runtime', status: 'fail', messages: [message] };
}

/**
 * The line of the file named in a stack trace (Node `file.ts:12:5`, Python `File "...file.py",
 * line 12`): the innermost frame in the file for Node (first listed), the last for Python.
 */
export function lineInOutput(output: string, relPath: string): number | null {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const py = [...output.matchAll(new RegExp(`File "[^"]*${base}", line (\\d+)`, 'g'))];
  if (py.length > 0) return Number(py[py.length - 1]?.[1]);
  const js = new RegExp(`${base}:(\\d+)(?::\\d+)?`).exec(output);
  return js ? Number(js[1]) : null;
}

/**
 * Level 5's switch in the extension: on only in a trusted workspace (VS Code Workspace Trust)
 * whose `mge.validation.runtime` setting is on (its default), with the reason when off.
 */
export function runtimePolicy(facts: { readonly trusted: boolean; readonly setting: boolean }): { runtime: 'on' | 'off'; offReason?: string } {
  if (!facts.trusted) return { runtime: 'off', offReason: 'the workspace is not trusted: generated code is not run (Workspace Trust)' };
  if (!facts.setting) return { runtime: 'off', offReason: 'running generated code is turned off (mge.validation.runtime)' };
  return { runtime: 'on' };
}
