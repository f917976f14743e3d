/**
 * The user-facing settings, their defaults and bounds, declared once. Both the extension (reading
 * VS Code configuration) and the CLI (flags and MGE_* environment variables) turn raw values into
 * `EffectiveSettings` through `resolveSettings`, which clamps out-of-range numbers and replaces
 * values of the wrong type with the default, reporting a warning for each instead of failing.
 */
import { z } from 'zod';

export const DEFAULT_MODEL = 'claude-sonnet-5-5';
/** Ten-line atoms with rich injected context do not need the largest model; output dominates the bill. */
export const DEFAULT_ATOM_MODEL = 'claude-haiku-5-5';

interface BooleanSpec { readonly kind: 'boolean'; readonly default: boolean }
interface IntegerSpec { readonly kind: 'integer'; readonly default: number; readonly min: number; readonly max: number }
interface StringSpec { readonly kind: 'string'; readonly default: string }
interface CostSpec { readonly kind: 'cost'; readonly default: null }
type SettingSpec = BooleanSpec | IntegerSpec | StringSpec | CostSpec;

/** Keys as they appear in VS Code settings (`mge.` + key). */
export const SETTING_SPECS = {
  'v2.enabled': { kind: 'boolean', default: true },
  'v2.maxConcurrency': { kind: 'integer', default: 100, min: 1, max: 500 },
  'v2.maxRetries': { kind: 'integer', default: 4, min: 1, max: 10 },
  'v2.enableCaching': { kind: 'boolean', default: true },
  'v2.enableRag': { kind: 'boolean', default: true },
  'v2.atomMaxLines': { kind: 'integer', default: 10, min: 3, max: 40 },
  model: { kind: 'string', default: DEFAULT_MODEL },
  atomModel: { kind: 'string', default: DEFAULT_ATOM_MODEL },
  'anthropic.baseUrl': { kind: 'string', default: '' },
  reviewPlanBeforeExecution: { kind: 'boolean', default: true },
  'validation.runtime': { kind: 'boolean', default: true },
  maxCostUsd: { kind: 'cost', default: null },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTING_SPECS;

export const effectiveSettingsSchema = z.object({
  v2Enabled: z.boolean(),
  maxConcurrency: z.number().int(),
  maxRetries: z.number().int(),
  enableCaching: z.boolean(),
  enableRag: z.boolean(),
  atomMaxLines: z.number().int(),
  model: z.string(),
  atomModel: z.string(),
  /** Empty string: the Anthropic default endpoint. */
  baseUrl: z.string(),
  /** Stop a run before its spend passes this (USD); null: no cap. */
  maxCostUsd: z.number().nullable(),
  /** Show the Discovery Document and MasterPlan for review (and edits) before generating. */
  reviewPlanBeforeExecution: z.boolean(),
  /** Level 5 (run the acceptance checks) where the workspace is trusted. */
  runtimeValidation: z.boolean(),
});
export type EffectiveSettings = z.infer<typeof effectiveSettingsSchema>;

export interface ResolvedSettings {
  readonly settings: EffectiveSettings;
  /** One plain sentence per value that was clamped or replaced. */
  readonly warnings: readonly string[];
}

/** Reads raw values (undefined = not set) and returns clamped settings plus warnings. */
export function resolveSettings(read: (key: SettingKey) => unknown): ResolvedSettings {
  const warnings: string[] = [];
  const bool = (key: SettingKey): boolean => {
    const spec = SETTING_SPECS[key] as BooleanSpec;
    const raw = read(key);
    if (raw === undefined) return spec.default;
    if (typeof raw === 'boolean') return raw;
    warnings.push(`Setting mge.${key} should be true or false; using ${String(spec.default)}.`);
    return spec.default;
  };
  const int = (key: SettingKey): number => {
    const spec = SETTING_SPECS[key] as IntegerSpec;
    const raw = read(key);
    if (raw === undefined) return spec.default;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      warnings.push(`Setting mge.${key} should be a number from ${spec.min} to ${spec.max}; using ${spec.default}.`);
      return spec.default;
    }
    const clamped = Math.min(spec.max, Math.max(spec.min, Math.round(raw)));
    if (clamped !== raw) warnings.push(`Setting mge.${key} = ${raw} is outside ${spec.min}..${spec.max}; using ${clamped}.`);
    return clamped;
  };
  const str = (key: SettingKey): string => {
    const spec = SETTING_SPECS[key] as StringSpec;
    const raw = read(key);
    if (raw === undefined) return spec.default;
    if (typeof raw === 'string') return raw.trim();
    warnings.push(`Setting mge.${key} should be text; using "${spec.default}".`);
    return spec.default;
  };
  const cost = (): number | null => {
    const raw = read('maxCostUsd');
    if (raw === undefined || raw === null) return null;
    if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return raw;
    warnings.push(`Setting mge.maxCostUsd should be a positive number of US dollars, or null for no cap; using no cap.`);
    return null;
  };
  const baseUrl = str('anthropic.baseUrl');
  const settings: EffectiveSettings = {
    v2Enabled: bool('v2.enabled'),
    maxConcurrency: int('v2.maxConcurrency'),
    maxRetries: int('v2.maxRetries'),
    enableCaching: bool('v2.enableCaching'),
    enableRag: bool('v2.enableRag'),
    atomMaxLines: int('v2.atomMaxLines'),
    model: str('model') || DEFAULT_MODEL,
    atomModel: str('atomModel') || DEFAULT_ATOM_MODEL,
    baseUrl: isHttpUrl(baseUrl) ? baseUrl : warnBadUrl(baseUrl, warnings),
    maxCostUsd: cost(),
    reviewPlanBeforeExecution: bool('reviewPlanBeforeExecution'),
    runtimeValidation: bool('validation.runtime'),
  };
  return { settings, warnings };
}

function isHttpUrl(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function warnBadUrl(value: string, warnings: string[]): string {
  warnings.push(`Setting mge.anthropic.baseUrl "${value}" is not an http(s) URL; using the Anthropic default.`);
  return '';
}
