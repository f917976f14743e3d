import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { resolveSettings, type EffectiveSettings, type SettingKey } from '../shared/settings';

/**
 * Reads the `mge.*` configuration as effective settings. A broken value is clamped or replaced;
 * the user is warned once per distinct problem (not on every read) and the log keeps each one.
 */
export function createSettingsReader(logger: Logger): () => EffectiveSettings {
  const warned = new Set<string>();
  return () => {
    const config = vscode.workspace.getConfiguration('mge');
    const { settings, warnings } = resolveSettings((key: SettingKey) => config.get<unknown>(key));
    for (const warning of warnings) {
      if (warned.has(warning)) continue;
      warned.add(warning);
      logger.warn(warning);
      void vscode.window.showWarningMessage(`MGE: ${warning}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'mge.');
      });
    }
    return settings;
  };
}
