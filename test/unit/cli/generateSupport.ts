/**
 * Shared pieces of the `mge generate` / `mge resume` process tests: fake servers and workspaces
 * that are cleaned up, a workspace's files without the .mge folder, and the summary's key set.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../fixtures/fake-anthropic/server';
import type { Scenario } from '../../fixtures/fake-anthropic/types';

export const KEY = { ANTHROPIC_API_KEY: 'sk-ant-test-key' };

/** Every key of the `--json` summary: the planning summary's, then generation's. */
export const SUMMARY_KEYS = [
  'runId', 'masterPlanId', 'tasks', 'phases', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'costUsd', 'wallMs',
  'outcome', 'error', 'calls', 'cacheReadShare',
  'engine', 'atoms', 'atomsPassed', 'atomsFailed', 'atomsSkipped', 'precision', 'firstPassRate', 'retries', 'criticalPathMs', 'executionMs',
  'waves', 'cacheSavingsUsd', 'mode', 'filesWritten', 'filesProposed', 'proposalsDir', 'filesRefused', 'conflicts', 'failed', 'levels', 'resume',
].sort();

/** Files under `dir` (relative, forward slashes) -> text, skipping `.mge` and dependency folders. */
export function filesUnder(dir: string, skip: readonly string[] = ['.mge', 'node_modules']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (skip.includes(name)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Servers and folders of one test file, closed and removed after it. */
export interface Fixtures {
  serve(scenario: string | Scenario, latencyScale?: number): Promise<FakeAnthropicServer>;
  dir(prefix?: string): string;
  cleanup(): Promise<void>;
}

/** A fresh set of fixtures. */
export function fixtures(): Fixtures {
  const servers: FakeAnthropicServer[] = [];
  const dirs: string[] = [];
  return {
    async serve(scenario, latencyScale = 0) {
      const server = await startFakeAnthropic({ scenario, latencyScale });
      servers.push(server);
      return server;
    },
    dir(prefix = 'mge-cli-gen-') {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async cleanup() {
      await Promise.all(servers.splice(0).map((s) => s.close()));
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
