import * as vscode from 'vscode';
import type { ApiKeyStore } from '../apiKeyStore';
import type { Logger } from '../../core/ports';

export const SET_API_KEY_COMMAND = 'mge.setApiKey';

/**
 * "MGE: Set Anthropic API Key": asks for the key in a password box and stores it in SecretStorage.
 * An empty answer with a key already stored offers to remove it. Returns whether a key is stored.
 */
export async function setApiKey(store: ApiKeyStore, logger: Logger): Promise<boolean> {
  const existing = await store.get();
  const value = await vscode.window.showInputBox({
    title: 'Anthropic API Key',
    prompt: existing
      ? 'A key is stored. Enter a new key to replace it, or leave empty and press Enter to remove it.'
      : 'Enter your Anthropic API key. It is kept in VS Code secret storage, never in settings or files.',
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'sk-ant-…',
    validateInput: (text) => (/\s/.test(text.trim()) ? 'An API key has no spaces.' : undefined),
  });
  if (value === undefined) return existing !== undefined;
  const key = value.trim();
  if (key === '') {
    if (existing) {
      await store.clear();
      logger.info('API key removed from secret storage.');
      void vscode.window.showInformationMessage('MGE: API key removed.');
    }
    return false;
  }
  await store.set(key);
  logger.info('API key stored in secret storage.');
  void vscode.window.showInformationMessage('MGE: API key saved in secret storage.');
  return true;
}
