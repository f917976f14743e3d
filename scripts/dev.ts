/**
 * `npm run dev`: the extension in a local VS Code (code-server 4.139.1, VS Code 1.139.1) on this
 * machine. Installs the host on first use, builds, starts code-server with this repository as the
 * extension under development on a folder (default .cache/dev-workspace, or --folder DIR), prints
 * the URL to open, and serves until Ctrl+C. `--fake SCENARIO` also starts the fake Anthropic API
 * and points `mge.anthropic.baseUrl` at it, to try the extension with no key and no network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CodeServer, REPO_ROOT } from '../test/support/codeServerHost';
import { startFakeAnthropic, type FakeAnthropicServer } from '../test/fixtures/fake-anthropic/server';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { folder: { type: 'string' }, fake: { type: 'string' } } });
  const folder = resolve(values.folder ?? join(REPO_ROOT, '.cache/dev-workspace'));
  mkdirSync(folder, { recursive: true });
  execFileSync('bash', [join(REPO_ROOT, 'scripts/install-code-server.sh')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(REPO_ROOT, 'esbuild.mjs')], { stdio: 'inherit', cwd: REPO_ROOT });
  let fake: FakeAnthropicServer | undefined;
  if (values.fake) fake = await startFakeAnthropic({ scenario: values.fake });
  const server = await CodeServer.start({
    label: 'mge-dev',
    settings: fake ? { 'mge.anthropic.baseUrl': fake.baseUrl } : {},
  });
  const url = new URL(server.workbenchUrl({ extensionDevelopmentPath: REPO_ROOT }));
  url.searchParams.set('folder', folder);
  console.log(`\nMGE is running in VS Code ${fake ? `(fake Anthropic API: ${values.fake} at ${fake.baseUrl})` : ''}`);
  console.log(`Open: ${url.toString()}`);
  console.log('Then: Command Palette -> "MGE: Set Anthropic API Key", and the MGE icon in the activity bar. Ctrl+C stops.\n');
  const stop = async (): Promise<void> => {
    await server.stop();
    await fake?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
