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
import type { LatencyModel } from '../fixtures/fake-anthropic/types';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output/screenshots');

export interface SessionOptions {
  /** Fake Anthropic scenario (default: echo). */
  readonly scenario?: string;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The fake API's latency model (default: the scenario's). */
  readonly latency?: LatencyModel;
  /** Multiplies the fake API's waits (default 0: answers at once). */
  readonly latencyScale?: number;
}

/**
 * The two themes the UI tests take screenshots in: the `workbench.colorTheme` value and the label
 * the "Preferences: Color Theme" picker shows for it.
 */
export const THEMES = {
  light: { setting: 'Default Light Modern', label: 'Light Modern' },
  dark: { setting: 'Default Dark Modern', label: 'Dark Modern' },
} as const;
export type ThemeName = keyof typeof THEMES;

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
    const fake = await startFakeAnthropic({
      scenario: options.scenario ?? 'echo',
      latencyScale: options.latencyScale ?? 0,
      ...(options.latency ? { latency: options.latency } : {}),
    });
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

  /**
   * Runs a command by its palette title (e.g. "MGE: Open Chat") through F1, as a user would;
   * resolves with the time (Date.now()) Enter was pressed on it.
   */
  async runCommand(title: string): Promise<number> {
    const page = this.page;
    await this.fillPalette(`>${title}`);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    // Enter runs the highlighted row, which is not always this one (the palette ranks
    // "Preferences: Browse Color Themes in Marketplace" over "Preferences: Color Theme"): move the
    // highlight to it with the arrow keys first.
    for (let i = 0; i < 10 && (await row.getAttribute('aria-selected')) !== 'true' && !((await row.getAttribute('class')) ?? '').split(' ').includes('focused'); i++) {
      await page.keyboard.press('ArrowDown');
    }
    const pressed = Date.now();
    await page.keyboard.press('Enter');
    return pressed;
  }

  /** Opens a workspace file through Go to File (the palette without ">"), focused in an editor. */
  async openFile(relPath: string): Promise<void> {
    const page = this.page;
    await this.fillPalette(relPath);
    const name = relPath.slice(relPath.lastIndexOf('/') + 1);
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 10_000 });
  }

  /**
   * Opens the palette and types `text` into it; again if the palette closed in between (an editor
   * or view opening at that moment takes the focus and closes it).
   */
  private async fillPalette(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      await this.openPalette();
      try {
        await input.fill(text, { timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
        await sleep(300);
      }
    }
  }

  /** F1, retried with the workbench focused when a webview swallowed the key. */
  private async openPalette(): Promise<void> {
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

  /**
   * Switches the colour theme as a user does ("Preferences: Color Theme", pick it) and waits until
   * the workbench and, when given, the chat webview have it: the workbench's `vs`/`vs-dark` class,
   * the page's `vscode-light`/`vscode-dark` body class.
   */
  async setTheme(theme: ThemeName, chat?: Frame): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    const { label } = THEMES[theme];
    await input.fill(label);
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // The filter leaves this theme first ("Dark Modern" matches no other built-in label).
    const first = (await rows.first().innerText()).trim();
    if (!first.startsWith(label)) throw new Error(`The theme picker offers "${first}" first, not ${label}.`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    const workbenchClass = theme === 'dark' ? 'vs-dark' : 'vs';
    await this.page.waitForFunction(`document.querySelector('.monaco-workbench')?.classList.contains('${workbenchClass}') === true`, undefined, { timeout: 15_000 });
    if (chat) await chat.waitForFunction(`document.body.classList.contains('vscode-${theme}')`, undefined, { timeout: 15_000 });
    // The theme's colours are applied by CSS variables; give the frames one paint.
    await sleep(300);
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
