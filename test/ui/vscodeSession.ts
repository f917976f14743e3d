/**
 * A UI-test session: code-server (the real VS Code 1.139.1 workbench) with this extension loaded
 * from the repository (extensionDevelopmentPath, no tests payload), shown in Debian chromium through
 * playwright-core, with the fake Anthropic API behind `mge.anthropic.baseUrl`. Tests drive the
 * workbench as a user does: command palette, the MGE views, the chat webview (a nested iframe).
 *
 * Needs a build (`npm run build`) and the host (`bash scripts/install-code-server.sh`); run the UI
 * tests with `npm run test:ui`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { CodeServer, REPO_ROOT, Workbench } from '../support/codeServerHost';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fixtures/fake-anthropic/server';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output/screenshots');

export interface SessionOptions {
  /** Fake Anthropic scenario (default: echo). */
  readonly scenario?: string;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

const live = new Set<VscodeSession>();
let handlersInstalled = false;

/** If the test process is told to stop, or exits, no code-server is left behind. */
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', () => {
    for (const s of live) s.killNow();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const s of live) s.killNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export class VscodeSession {
  private constructor(
    readonly server: CodeServer,
    readonly workbench: Workbench,
    readonly fake: FakeAnthropicServer,
    private readonly logTail: string[],
  ) {}

  static async start(options: SessionOptions = {}): Promise<VscodeSession> {
    if (!existsSync(join(REPO_ROOT, 'dist/extension.js'))) {
      throw new Error('dist/extension.js is missing: run `npm run build` (or `npm run test:ui`, which builds).');
    }
    installExitHandlers();
    const verbose = process.env.MGE_HOST_VERBOSE === '1';
    const fake = await startFakeAnthropic({ scenario: options.scenario ?? 'echo', latencyScale: 0 });
    let server: CodeServer | undefined;
    try {
      server = await CodeServer.start({
        label: 'mge-ui',
        settings: { 'mge.anthropic.baseUrl': fake.baseUrl, ...options.settings },
        log: verbose ? (l) => console.log(`  [code-server] ${l}`) : undefined,
      });
      const tail: string[] = [];
      const workbench = await Workbench.open(server, {
        extensionDevelopmentPath: REPO_ROOT,
        log: (line) => {
          tail.push(line);
          if (tail.length > 200) tail.shift();
          if (verbose) console.log(`  [workbench] ${line}`);
        },
      });
      const session = new VscodeSession(server, workbench, fake, tail);
      live.add(session);
      await session.waitForExtensionHost();
      return session;
    } catch (err) {
      await server?.stop({ keepRunDir: process.env.MGE_HOST_KEEP === '1' });
      await fake.close();
      throw err;
    }
  }

  get page(): Page {
    return this.workbench.page;
  }

  /** Waits until the activity bar shows the MGE container (the extension's manifest is loaded). */
  private async waitForExtensionHost(): Promise<void> {
    await this.page.locator('.activitybar .action-item a[aria-label^="MGE"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  }

  /** Runs a command by its palette title (e.g. "MGE: Open Chat") through F1, as a user would. */
  async runCommand(title: string): Promise<void> {
    const page = this.page;
    const input = page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
        // Focus may sit in a webview that swallowed the key: give the workbench focus back.
        await page.locator('.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
      }
    }
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
  }

  /** "MGE: Set Anthropic API Key" through the palette and its password box. */
  async setApiKey(key: string): Promise<void> {
    await this.runCommand('MGE: Set Anthropic API Key');
    const input = this.page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(key);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** "MGE: Open Chat", then the chat webview's frame. */
  async openChat(): Promise<Frame> {
    await this.runCommand('MGE: Open Chat');
    return this.chatFrame();
  }

  /** The frame (webviews are nested iframes) whose document holds `#mge-app` with the panel drawn. */
  async chatFrame(timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame.isDetached()) continue;
        try {
          if ((await frame.locator('#mge-app').count()) > 0) return frame;
        } catch {
          // navigating or detached meanwhile
        }
      }
      await sleep(250);
    }
    throw new Error(`No frame with #mge-app within ${timeoutMs} ms; frames: ${this.page.frames().map((f) => f.url()).join(', ')}`);
  }

  /** The chat box and the Send button, by their accessible names. */
  chatControls(frame: Frame): { readonly input: Locator; readonly send: Locator } {
    return {
      input: frame.getByRole('textbox', { name: 'Message MGE' }),
      send: frame.getByRole('button', { name: 'Send' }),
    };
  }

  /** Saves a PNG of the whole workbench under test-output/screenshots/; returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** The latest workbench/browser log lines, for failure messages. */
  recentLog(lines = 40): string {
    return this.logTail.slice(-lines).join('\n');
  }

  killNow(): void {
    this.server.killNow({ keepRunDir: process.env.MGE_HOST_KEEP === '1' });
  }

  async close(): Promise<void> {
    live.delete(this);
    await this.workbench.close();
    await this.server.stop({ keepRunDir: process.env.MGE_HOST_KEEP === '1' });
    await this.fake.close();
  }
}
