import type * as vscode from 'vscode';
import type { Logger } from '../core/ports';

/**
 * A core Logger over the "MGE" log output channel. Every line passes through `redact` first, so a
 * key that slips into an error message from a gateway or the SDK never reaches the log.
 */
export function createChannelLogger(channel: vscode.LogOutputChannel, secrets: () => readonly string[]): Logger {
  const redact = (message: string): string => redactSecrets(message, secrets());
  return {
    debug: (m) => channel.debug(redact(m)),
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    error: (m) => channel.error(redact(m)),
  };
}

/** Replaces every occurrence of each secret (and anything shaped like an Anthropic key) by a mask. */
export function redactSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out.replace(/sk-ant-[A-Za-z0-9_-]{8,}/g, '[redacted]');
}
