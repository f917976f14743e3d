/**
 * Shared pieces of the integration tests: the extension's API (activated once, activation time
 * printed), the event recorder, protocol requests with their result types, settings, the key.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MgeApi } from '../../src/extension';
import type { ProgressEvent } from '../../src/shared/events';
import type { AppState, RunInfo } from '../../src/shared/protocol';
import { log } from './log';
import { QUICK_INPUT, workbench } from './workbench';

export const EXTENSION_ID = 'mge.mge';

let apiPromise: Promise<MgeApi> | undefined;

/** The extension's API; the first call activates it and logs how long activation took. */
export function mge(): Promise<MgeApi> {
  apiPromise ??= (async () => {
    const ext = vscode.extensions.getExtension<MgeApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed in the host`);
    const wasActive = ext.isActive;
    const started = performance.now();
    const api = await ext.activate();
    const ms = performance.now() - started;
    log(
      `      activation: ${ms.toFixed(1)} ms from getExtension('${EXTENSION_ID}').activate() to resolve` +
        ` (activate() body ${api.activationMs.toFixed(1)} ms${wasActive ? ', was already active' : ''})`,
    );
    recorder.attach(api);
    return api;
  })();
  return apiPromise;
}

export function withTimeout<T>(promise: PromiseLike<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(100);
  }
}

/** Every progress event since activation, by run, with waiters. */
class EventRecorder {
  private readonly events: ProgressEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private attached = false;

  attach(api: MgeApi): void {
    if (this.attached) return;
    this.attached = true;
    api.onEvent((event) => {
      this.events.push(event);
      for (const w of [...this.waiters]) w();
    });
  }

  of(runId: string): ProgressEvent[] {
    return this.events.filter((e) => e.runId === runId);
  }

  /** The first event of `runId` of this type (and matching `where`), waiting for it. */
  async next<T extends ProgressEvent['type']>(
    runId: string,
    type: T,
    ms = 60_000,
    where: (e: Extract<ProgressEvent, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ProgressEvent, { type: T }>> {
    const find = (): Extract<ProgressEvent, { type: T }> | undefined =>
      this.of(runId).find((e): e is Extract<ProgressEvent, { type: T }> => e.type === type && where(e as Extract<ProgressEvent, { type: T }>));
    const found = find();
    if (found) return found;
    return withTimeout(
      new Promise<Extract<ProgressEvent, { type: T }>>((resolve) => {
        const check = (): void => {
          const e = find();
          if (e) {
            this.waiters.delete(check);
            resolve(e);
          }
        };
        this.waiters.add(check);
      }),
      ms,
      `${type} of run ${runId} (events so far: ${this.of(runId).map((e) => e.type).join(', ') || 'none'})`,
    );
  }
}

export const recorder = new EventRecorder();

/** Opens the chat view the way a user does (the command) and waits for its page to be ready. */
export async function openChat(api: MgeApi): Promise<void> {
  await vscode.commands.executeCommand('mge.openChat');
  await withTimeout(api.whenChatReady(), 20_000, 'the chat webview saying webview/ready');
}

export async function getState(api: MgeApi): Promise<AppState> {
  return (await api.request('app/getState', {})) as AppState;
}

export async function runInfo(api: MgeApi, runId: string): Promise<RunInfo> {
  const run = (await getState(api)).runs.find((r) => r.runId === runId);
  assert.ok(run, `app/getState lists run ${runId}`);
  return run;
}

/** Sets (undefined: resets) a user setting of MGE. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mge').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * "MGE: Set Anthropic API Key" as a user runs it: the command opens its password box, the key is
 * typed into it in the browser (the workbench bridge) and Enter accepts it.
 */
export async function setApiKey(key: string): Promise<void> {
  const done = vscode.commands.executeCommand<boolean>('mge.setApiKey');
  const box = { selector: `${QUICK_INPUT.selector}[type="password"]` };
  await workbench.waitFor(box);
  await workbench.fill(box, key);
  await workbench.press('Enter');
  assert.equal(await withTimeout(done, 10_000, 'mge.setApiKey returning'), true, 'mge.setApiKey reports a stored key');
}

/** Workspace folder URI of a relative path. */
export function workspaceUri(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
}

/** A file's text on disk, or undefined when it does not exist. */
export async function readDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
