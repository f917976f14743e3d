import * as vscode from 'vscode';

export const OPEN_CHAT_COMMAND = 'mge.openChat';

/** Reveals the MGE activity-bar container and focuses the chat view. */
export async function openChat(): Promise<void> {
  await vscode.commands.executeCommand('mge.chat.focus');
}
