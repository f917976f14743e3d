import * as vscode from 'vscode';

const SECRET_KEY = 'mge.anthropic.apiKey';

/**
 * The Anthropic API key, kept only in VS Code's SecretStorage (never in settings, logs or files).
 * Caches the value so synchronous redaction of log lines can know it.
 */
export class ApiKeyStore implements vscode.Disposable {
  private cached: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires when the key is set, replaced or removed (also from another window). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key !== SECRET_KEY) return;
      void this.refresh().then(() => this.changed.fire());
    });
  }

  /** Loads the key once at activation so `known()` is right from the start. */
  async refresh(): Promise<string | undefined> {
    this.cached = (await this.secrets.get(SECRET_KEY)) || undefined;
    return this.cached;
  }

  async get(): Promise<string | undefined> {
    return this.refresh();
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
    this.cached = key;
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.cached = undefined;
    this.changed.fire();
  }

  /** Values to redact from logs. */
  known(): readonly string[] {
    return this.cached ? [this.cached] : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
