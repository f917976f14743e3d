/**
 * Settings for a CLI command: flags win over MGE_* / ANTHROPIC_* environment variables, which win
 * over the defaults in src/shared/settings.ts (same clamping and warnings as the extension).
 */
import { resolveSettings, SETTING_SPECS, type EffectiveSettings, type SettingKey } from '../shared/settings';

export interface SettingFlags {
  readonly model?: string;
  readonly baseUrl?: string;
  /** false for --no-cache. */
  readonly cache?: boolean;
  readonly rag?: boolean;
  /** false for --v1, true for --v2. */
  readonly v2?: boolean;
  readonly concurrency?: number;
  readonly retries?: number;
}

const ENV: Partial<Record<SettingKey, string>> = {
  'v2.enabled': 'MGE_V2_ENABLED',
  'v2.maxConcurrency': 'MGE_V2_MAX_CONCURRENCY',
  'v2.maxRetries': 'MGE_V2_MAX_RETRIES',
  'v2.enableCaching': 'MGE_V2_ENABLE_CACHING',
  'v2.enableRag': 'MGE_V2_ENABLE_RAG',
  model: 'MGE_MODEL',
  'anthropic.baseUrl': 'ANTHROPIC_BASE_URL',
};

/** Effective settings and the warnings about values that were replaced. */
export function cliSettings(flags: SettingFlags, env: Readonly<Record<string, string | undefined>>): { settings: EffectiveSettings; warnings: readonly string[] } {
  const fromFlags: Partial<Record<SettingKey, unknown>> = {
    model: flags.model,
    'anthropic.baseUrl': flags.baseUrl,
    'v2.enableCaching': flags.cache,
    'v2.enableRag': flags.rag,
    'v2.enabled': flags.v2,
    'v2.maxConcurrency': flags.concurrency,
    'v2.maxRetries': flags.retries,
  };
  return resolveSettings((key) => {
    if (fromFlags[key] !== undefined) return fromFlags[key];
    const name = ENV[key];
    const raw = name ? env[name] : undefined;
    return raw === undefined || raw === '' ? undefined : parseEnv(raw, SETTING_SPECS[key].kind);
  });
}

/** Environment text as the type the setting expects; text that does not read as one is passed on to be warned about. */
function parseEnv(raw: string, kind: (typeof SETTING_SPECS)[SettingKey]['kind']): unknown {
  const text = raw.trim();
  if (kind === 'boolean' && /^(true|1|yes|on)$/i.test(text)) return true;
  if (kind === 'boolean' && /^(false|0|no|off)$/i.test(text)) return false;
  if ((kind === 'integer' || kind === 'cost') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
