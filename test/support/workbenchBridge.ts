/**
 * Lets integration tests running INSIDE the extension host do what only a user can: type into a
 * quick input (the password box of "MGE: Set Anthropic API Key"), press keys, answer a modal dialog
 * (VS Code's "undo across all files?"), read what the workbench shows. The extension API has no way
 * to do these, so scripts/run-host-tests.mjs serves this bridge over the workbench page it opened
 * and tells the host its URL in MGE_TEST_WORKBENCH_URL; test/integration/workbench.ts is the client.
 *
 * One JSON request per POST to `/`, answered `{ ok: true, value? }` or `{ ok: false, error }`.
 * Bound to 127.0.0.1 on a free port; lives as long as the test run.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';

/** What a test may ask the workbench page to do. */
export type BridgeRequest =
  | { readonly op: 'waitFor'; readonly target: Target; readonly state?: 'visible' | 'hidden' | 'attached' | 'detached'; readonly timeoutMs?: number }
  | { readonly op: 'fill'; readonly target: Target; readonly text: string; readonly timeoutMs?: number }
  | { readonly op: 'click'; readonly target: Target; readonly timeoutMs?: number }
  | { readonly op: 'press'; readonly key: string }
  | { readonly op: 'type'; readonly text: string }
  | { readonly op: 'text'; readonly target: Target; readonly timeoutMs?: number }
  | { readonly op: 'count'; readonly target: Target }
  /** Saves a PNG of the page at this absolute path. */
  | { readonly op: 'screenshot'; readonly path: string };

/** An element of the workbench page: a CSS selector, or an ARIA role and accessible name. */
export type Target =
  | { readonly selector: string; readonly hasText?: string }
  | { readonly role: Parameters<Page['getByRole']>[0]; readonly name: string; readonly exact?: boolean };

export interface WorkbenchBridge {
  readonly url: string;
  close(): Promise<void>;
}

function locate(page: Page, target: Target): Locator {
  if ('selector' in target) return page.locator(target.selector, target.hasText ? { hasText: target.hasText } : {}).first();
  return page.getByRole(target.role, { name: target.name, exact: target.exact ?? false }).first();
}

async function perform(page: Page, request: BridgeRequest): Promise<unknown> {
  switch (request.op) {
    case 'waitFor':
      await locate(page, request.target).waitFor({ state: request.state ?? 'visible', timeout: request.timeoutMs ?? 10_000 });
      return undefined;
    case 'fill':
      await locate(page, request.target).fill(request.text, { timeout: request.timeoutMs ?? 10_000 });
      return undefined;
    case 'click':
      await locate(page, request.target).click({ timeout: request.timeoutMs ?? 10_000 });
      return undefined;
    case 'press':
      await page.keyboard.press(request.key);
      return undefined;
    case 'type':
      await page.keyboard.type(request.text);
      return undefined;
    case 'text':
      return locate(page, request.target).innerText({ timeout: request.timeoutMs ?? 10_000 });
    case 'screenshot':
      await page.screenshot({ path: request.path });
      return request.path;
    case 'count':
      return 'selector' in request.target
        ? page.locator(request.target.selector, request.target.hasText ? { hasText: request.target.hasText } : {}).count()
        : page.getByRole(request.target.role, { name: request.target.name, exact: request.target.exact ?? false }).count();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Serves the bridge for `page` (a promise: the server may start before the page has loaded). */
export async function startWorkbenchBridge(page: Promise<Page>, log?: (line: string) => void): Promise<WorkbenchBridge> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      let answer: { ok: true; value?: unknown } | { ok: false; error: string };
      try {
        if (req.method !== 'POST') throw new Error('POST a JSON request');
        const request = JSON.parse(await readBody(req)) as BridgeRequest;
        log?.(`[bridge] ${JSON.stringify(request)}`);
        answer = { ok: true, value: await perform(await page, request) };
      } catch (err) {
        answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
