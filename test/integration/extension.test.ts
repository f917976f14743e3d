/**
 * The extension inside a real VS Code extension host (code-server 4.139.1, VS Code 1.139.1):
 * activation, contributed commands, settings through the typed protocol, and the chat view.
 * Run with `npm run test:integration` (scripts/run-host-tests.mjs).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MgeApi } from '../../src/extension';
import { log } from './log';
import type { AppState } from '../../src/shared/protocol';
import type { EffectiveSettings } from '../../src/shared/settings';
import { EXTENSION_ID, mge, openChat } from './support';

async function effectiveSettings(api: MgeApi): Promise<EffectiveSettings> {
  return (await api.request('settings/get', {})) as EffectiveSettings;
}

async function setMaxConcurrency(value: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('mge').update('v2.maxConcurrency', value, vscode.ConfigurationTarget.Global);
}

describe('MGE in a real VS Code extension host', () => {
  describe('activation', () => {
    it('activates and returns its API', async () => {
      const api = await mge();
      assert.equal(typeof api.whenChatReady, 'function');
      assert.equal(typeof api.request, 'function');
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'isActive after activate()');
    });

    it('runs in the web UI of a remote host (code-server)', () => {
      log(`      uiKind ${vscode.UIKind[vscode.env.uiKind]}, remoteName ${vscode.env.remoteName ?? '(none)'}, VS Code ${vscode.version}`);
      assert.ok(vscode.version.startsWith('1.'), vscode.version);
    });
  });

  describe('contributions', () => {
    it('registers mge.setApiKey and mge.openChat', async () => {
      await mge();
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('mge.setApiKey'), 'mge.setApiKey is registered');
      assert.ok(commands.includes('mge.openChat'), 'mge.openChat is registered');
    });

    it('declares the chat webview view and the masterplan tree in the MGE container', () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      const pkg = ext?.packageJSON as { contributes?: { views?: Record<string, { id: string }[]> } } | undefined;
      const ids = (pkg?.contributes?.views?.mge ?? []).map((v) => v.id);
      assert.deepEqual(ids.sort(), ['mge.chat', 'mge.masterplan']);
    });
  });

  describe('chat view', () => {
    it('opens with mge.openChat and answers a typed protocol request', async () => {
      const api = await mge();
      await openChat(api);
      const state = (await api.request('app/getState', {})) as AppState;
      assert.equal(typeof state.settings.maxConcurrency, 'number');
      assert.equal(typeof state.key.hasKey, 'boolean');
      assert.ok(Array.isArray(state.messages), 'state.messages is an array');
    });

    it('rejects an unknown method and invalid params', async () => {
      const api = await mge();
      await openChat(api);
      await assert.rejects(api.request('no/such-method', {}), /Unknown method/);
      await assert.rejects(api.request('settings/get', { extra: 1 }), /Invalid params/);
    });
  });

  describe('settings', () => {
    before(async () => {
      await openChat(await mge());
    });
    after(async () => {
      await setMaxConcurrency(undefined);
    });

    it('reads the defaults', async () => {
      const settings = await effectiveSettings(await mge());
      assert.equal(settings.maxConcurrency, 100);
      assert.equal(settings.v2Enabled, true);
    });

    it('reflects a change of mge.v2.maxConcurrency', async () => {
      await setMaxConcurrency(42);
      assert.equal((await effectiveSettings(await mge())).maxConcurrency, 42);
    });

    it('clamps an out-of-range value', async () => {
      await setMaxConcurrency(100_000);
      assert.equal((await effectiveSettings(await mge())).maxConcurrency, 500);
      await setMaxConcurrency(0);
      assert.equal((await effectiveSettings(await mge())).maxConcurrency, 1);
    });

    it('uses mge.anthropic.baseUrl from the user settings (the fake API the runner started)', async function () {
      const expected = process.env.MGE_EXPECT_BASE_URL;
      if (!expected) this.skip();
      assert.equal((await effectiveSettings(await mge())).baseUrl, expected);
    });
  });
});
