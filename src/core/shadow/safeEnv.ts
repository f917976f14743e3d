/**
 * The environment given to every process validation starts (language servers, the code under
 * test): a whitelist, so the API key and any other secret of the user's shell never reach code
 * the model wrote.
 */

// Enough for a toolchain to find itself and behave (locale, temp dir, home for caches).
const ALLOWED = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TERM', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
  'SYSTEMROOT', 'SystemRoot', 'WINDIR', 'COMSPEC', 'PATHEXT', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA',
  'NODE_ENV', 'PYENV_ROOT', 'PYENV_VERSION', 'VIRTUAL_ENV', 'XDG_CACHE_HOME',
]);
const ALLOWED_PREFIXES = ['LC_'];

// Even a whitelisted name is dropped when it looks like a credential (belt and braces).
const SECRET = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION|ANTHROPIC|^MGE_/i;

/** `env` reduced to the whitelist, then `extra` on top (callers' own settings, never secrets). */
export function safeEnv(env: Readonly<Record<string, string | undefined>>, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET.test(name)) continue;
    if (ALLOWED.has(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p))) out[name] = value;
  }
  return { ...out, ...extra };
}

/**
 * How to run a Node script with the current executable: inside VS Code that is Electron, which
 * behaves as Node only with ELECTRON_RUN_AS_NODE set.
 */
export function nodeEnvExtra(): Record<string, string> {
  return process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {};
}
