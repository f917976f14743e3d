/**
 * Request fields the API refuses with a 400.
 * - `temperature`: API version 2026-10-21 (what SDK 1.x sends) removed temperature/top_p/top_k
 *   and answers 400 even for 1.0, on every model; the newest models refuse a non-default value
 *   on the old version too. So no Claude model is sent one. Other model names (an
 *   Anthropic-compatible local server, say) still get it.
 * - forced `tool_choice`: refused by models whose thinking is always on (Opus 5.5, Sonnet 5.5,
 *   Haiku 5.5, Fable/Mythos 5.1 and later). They get tool_choice auto and an instruction instead.
 * The table gives the known answer; a 400 that names the field teaches the client the rest, so a
 * model newer than this file costs one wasted request, not a failed run.
 */

/** What a model accepts. */
export interface ModelQuirks {
  readonly temperature: boolean;
  readonly forcedTool: boolean;
}

const NO_TEMPERATURE = [/claude/];
const NO_FORCED_TOOL = [
  /claude-opus-5-[5-9]/, /claude-opus-[6-9]/, /claude-sonnet-5-[5-9]/, /claude-sonnet-[6-9]/, /claude-haiku-5-[5-9]/,
  /claude-haiku-[6-9]/, /claude-fable-5-[1-9]/, /claude-fable-[6-9]/, /claude-mythos-5-[1-9]/, /claude-mythos-[6-9]/,
];

/** What the table knows about `model`; unknown names (gateways, local servers) accept both. */
export function knownQuirks(model: string): ModelQuirks {
  const id = model.toLowerCase();
  return {
    temperature: !NO_TEMPERATURE.some((re) => re.test(id)),
    forcedTool: !NO_FORCED_TOOL.some((re) => re.test(id)),
  };
}

/** Which refused field a 400's message names, if it names one we can drop. */
export function refusedField(detail: string): keyof ModelQuirks | null {
  if (/temperature|top_p|sampling/i.test(detail)) return 'temperature';
  // "tool_choice.name: Tool 'x' not found" is our bug, not the model's refusal: keep it a 400.
  if (/tool_choice|forced tool|force.* tool/i.test(detail) && !/not found/i.test(detail)) return 'forcedTool';
  return null;
}

/** Table answers plus what 400s taught this client, per model. */
export interface QuirkBook {
  get(model: string): ModelQuirks;
  /** Records that `model` refused `field`; false when it was already known (do not loop). */
  learn(model: string, field: keyof ModelQuirks): boolean;
}

/** A QuirkBook that starts from the table. */
export function createQuirkBook(): QuirkBook {
  const learned = new Map<string, ModelQuirks>();
  return {
    get(model) {
      return learned.get(model) ?? knownQuirks(model);
    },
    learn(model, field) {
      const current = learned.get(model) ?? knownQuirks(model);
      if (!current[field]) return false;
      learned.set(model, { ...current, [field]: false });
      return true;
    },
  };
}
