/**
 * The workbench page, seen from a test inside the extension host: asks scripts/run-host-tests.mjs
 * (test/support/workbenchBridge.ts) to type, press keys, click and read in the browser, for what
 * the extension API cannot do: a quick input's text, a modal dialog's buttons.
 */
import type { BridgeRequest, Target } from '../support/workbenchBridge';

export type { Target };

/** True when the runner serves the bridge (it always does under `npm run test:integration`). */
export function hasWorkbench(): boolean {
  return Boolean(process.env.MGE_TEST_WORKBENCH_URL);
}

async function call(request: BridgeRequest): Promise<unknown> {
  const url = process.env.MGE_TEST_WORKBENCH_URL;
  if (!url) throw new Error('MGE_TEST_WORKBENCH_URL is not set: run through scripts/run-host-tests.mjs.');
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(request), headers: { 'content-type': 'application/json' } });
  const answer = (await res.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!answer.ok) throw new Error(`workbench ${request.op}: ${answer.error ?? 'failed'}`);
  return answer.value;
}

export const workbench = {
  waitFor: (target: Target, state: 'visible' | 'hidden' | 'attached' | 'detached' = 'visible', timeoutMs = 10_000) =>
    call({ op: 'waitFor', target, state, timeoutMs }).then(() => undefined),
  fill: (target: Target, text: string) => call({ op: 'fill', target, text }).then(() => undefined),
  click: (target: Target, timeoutMs = 10_000) => call({ op: 'click', target, timeoutMs }).then(() => undefined),
  press: (key: string) => call({ op: 'press', key }).then(() => undefined),
  type: (text: string) => call({ op: 'type', text }).then(() => undefined),
  text: (target: Target, timeoutMs = 10_000) => call({ op: 'text', target, timeoutMs }).then((v) => String(v)),
  count: (target: Target) => call({ op: 'count', target }).then((v) => Number(v)),
  screenshot: (path: string) => call({ op: 'screenshot', path }).then((v) => String(v)),
};

/** The quick input's text box (input boxes and quick picks). */
export const QUICK_INPUT = { selector: '.quick-input-widget .quick-input-box input' } as const satisfies Target;
