/**
 * The one price table (USD per million tokens) and the cost of a call. Checked against
 * platform.claude.com/docs/en/about-claude/pricing and the model pages, November 2026.
 * Cache reads are NOT always 0.1x input on recent models (Fable 5.1: 0.025x, Sonnet/Opus 5.5:
 * 0.05x), so every row states all four rates instead of deriving them. Cache writes are the
 * 5-minute rate (1.25x input): the client only asks for 5-minute breakpoints.
 */
import type { LlmUsage } from '../ports';

/** Rates of one model in USD per million tokens. */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  readonly cacheWritePerMTok: number;
  readonly cacheReadPerMTok: number;
}

interface PriceRow extends ModelPrice {
  /** Higher rates for every token of a request whose prompt is longer than `thresholdTokens`. */
  readonly longPrompt?: ModelPrice & { readonly thresholdTokens: number };
}

/** When the table was last checked; shown next to cost figures. */
export const PRICES_CHECKED = '2026-11';

function row(input: number, output: number, cacheRead: number, longPrompt?: PriceRow['longPrompt']): PriceRow {
  return { inputPerMTok: input, outputPerMTok: output, cacheWritePerMTok: input * 1.25, cacheReadPerMTok: cacheRead, longPrompt };
}

const PRICES: Readonly<Record<string, PriceRow>> = {
  'claude-fable-5-2': row(8, 40, 0.2),
  // Not on the pricing page we could read; Mythos has always shared Fable's card.
  'claude-mythos-5-2': row(8, 40, 0.2),
  'claude-fable-5-1': row(10, 50, 0.25),
  'claude-mythos-5-1': row(10, 50, 0.25),
  'claude-fable-5': row(10, 50, 1),
  'claude-mythos-5': row(10, 50, 1),
  // Only "more than twice Fable 5" is public; $25/$125 is the figure reported at its preview.
  'claude-mythos-preview': row(25, 125, 2.5),
  'claude-opus-5-5': row(4, 20, 0.2),
  'claude-opus-5': row(5, 25, 0.5),
  'claude-opus-4-8': row(5, 25, 0.5),
  'claude-opus-4-7': row(5, 25, 0.5),
  'claude-opus-4-6': row(5, 25, 0.5),
  'claude-opus-4-5': row(5, 25, 0.5),
  'claude-opus-4-1': row(15, 75, 1.5),
  'claude-opus-4': row(15, 75, 1.5),
  // Sonnet 5.5 cache reads were cut from $0.20 to $0.10 on 2026-10-07.
  'claude-sonnet-5-5': row(2, 10, 0.1),
  'claude-sonnet-5': row(2, 10, 0.2),
  'claude-sonnet-4-6': row(3, 15, 0.3),
  'claude-sonnet-4-5': row(3, 15, 0.3),
  'claude-sonnet-4': row(3, 15, 0.3),
  'claude-3-7-sonnet': row(3, 15, 0.3),
  // Haiku 5.5 is priced by prompt length (input + cache reads + cache writes), per request.
  'claude-haiku-5-5': row(0.1, 0.5, 0.01, { ...row(0.5, 2.5, 0.05), thresholdTokens: 100_000 }),
  'claude-haiku-4-5': row(1, 5, 0.1),
  'claude-3-5-haiku': row(0.8, 4, 0.08),
  'claude-3-haiku': row(0.25, 1.25, 0.03),
};

/** Unknown models (gateways, local servers, a model newer than this table) cost like Sonnet 4.x. */
export const FALLBACK_MODEL = 'claude-sonnet-4-5';

// Longest ids first, so 'claude-opus-4-5' wins over 'claude-opus-4' inside 'claude-opus-4-5-20251101'.
const IDS_LONGEST_FIRST = Object.keys(PRICES).sort((a, b) => b.length - a.length);

/** The table row a model id falls under, or null. Accepts dated ids and cloud-prefixed ids. */
function findRow(model: string): { id: string; row: PriceRow } | null {
  const normalized = model.trim().toLowerCase();
  for (const id of IDS_LONGEST_FIRST) {
    const at = normalized.indexOf(id);
    if (at < 0) continue;
    // 'claude-opus-4' must not match 'claude-opus-40', nor 'claude-sonnet-5' match 'claude-sonnet-5-5'.
    const after = normalized.slice(at + id.length);
    if (after === '' || /^(-\d{8}|@\d{8}|-v\d|:|\[)/.test(after)) return { id, row: PRICES[id] };
  }
  return null;
}

/** How a model is priced; `known: false` means the fallback price is a guess to be flagged. */
export interface PriceLookup {
  readonly price: ModelPrice;
  readonly known: boolean;
  /** The table id used (FALLBACK_MODEL when unknown). */
  readonly pricedAs: string;
}

/** Rates for `model`; `promptTokens` selects the long-prompt tier where a model has one. */
export function priceFor(model: string, promptTokens = 0): PriceLookup {
  const found = findRow(model);
  const id = found?.id ?? FALLBACK_MODEL;
  const base = found?.row ?? PRICES[FALLBACK_MODEL];
  const price = base.longPrompt !== undefined && promptTokens > base.longPrompt.thresholdTokens ? base.longPrompt : base;
  return { price, known: found !== null, pricedAs: id };
}

/** True when the table has a price for `model` (else costs use the fallback). */
export function isKnownModel(model: string): boolean {
  return findRow(model) !== null;
}

function promptTokensOf(usage: LlmUsage): number {
  return usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
}

/** USD cost of one call's usage. */
export function costOf(model: string, usage: LlmUsage): number {
  const { price } = priceFor(model, promptTokensOf(usage));
  return (
    (usage.inputTokens * price.inputPerMTok +
      usage.outputTokens * price.outputPerMTok +
      usage.cacheWriteTokens * price.cacheWritePerMTok +
      usage.cacheReadTokens * price.cacheReadPerMTok) /
    1_000_000
  );
}

/** What the same tokens would have cost with no prompt caching (cached tokens at the input rate). */
export function costWithoutCache(model: string, usage: LlmUsage): number {
  const { price } = priceFor(model, promptTokensOf(usage));
  return (promptTokensOf(usage) * price.inputPerMTok + usage.outputTokens * price.outputPerMTok) / 1_000_000;
}
