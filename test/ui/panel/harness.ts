/**
 * The chat panel's bundle in a plain page with the fake host (fakeHost.ts) instead of VS Code:
 * a tiny HTTP server for the page and its assets, and chromium through playwright-core. Fast
 * enough to click through every view of the panel; the workbench tests (chat.test.ts) check the
 * real host.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, REPO_ROOT } from '../../support/codeServerHost';
import { themeStyle, type THEMES } from './themes';

export type Theme = keyof typeof THEMES;

const ASSETS: Record<string, [string, string]> = {
  '/main.js': [join(REPO_ROOT, 'dist/webview/main.js'), 'text/javascript'],
  '/codicon.css': [join(REPO_ROOT, 'dist/webview/codicon.css'), 'text/css'],
  '/codicon.ttf': [join(REPO_ROOT, 'dist/webview/codicon.ttf'), 'font/ttf'],
};

function pageHtml(theme: Theme): string {
  const bodyBackground = theme === 'light' ? '#f8f8f8' : theme === 'dark' ? '#181818' : '#000000';
  return `<!DOCTYPE html><html lang="en" style='${themeStyle(theme)}'><head><meta charset="UTF-8">
<link rel="stylesheet" href="/codicon.css" id="vscode-codicon-stylesheet">
<style>html, body { margin: 0; height: 100%; background: ${bodyBackground}; } #mge-app { height: 100%; }</style></head>
<body><div id="mge-app"></div><script src="/fakeHost.js"></script><script type="module" src="/main.js"></script></body></html>`;
}

/** A server for the harness page and a browser to open it in. */
export class PanelHarness {
  private constructor(private readonly server: Server, private readonly browser: Browser, readonly origin: string) {}

  static async start(): Promise<PanelHarness> {
    const fakeHost = await build({ entryPoints: [join(REPO_ROOT, 'test/ui/panel/fakeHost.ts')], bundle: true, format: 'iife', platform: 'browser', write: false });
    const fakeHostJs = fakeHost.outputFiles[0].text;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const asset = ASSETS[url.pathname];
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml((url.searchParams.get('theme') ?? 'dark') as Theme));
      } else if (url.pathname === '/fakeHost.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(fakeHostJs);
      } else if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
      } else if (asset) {
        res.writeHead(200, { 'content-type': asset[1] }).end(readFileSync(asset[0]));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    return new PanelHarness(server, browser, `http://127.0.0.1:${port}`);
  }

  /** Opens the panel; `errors` collects console errors and uncaught exceptions. */
  async open(theme: Theme = 'dark', setup?: string): Promise<{ page: Page; errors: string[] }> {
    const page = await this.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    // fakeHost.js calls it with the host before the panel's bundle runs.
    if (setup) await page.addInitScript({ content: `window.mgeSetup = (host) => { ${setup} };` });
    await page.goto(`${this.origin}/?theme=${theme}`);
    return { page, errors };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
