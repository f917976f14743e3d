// `npm run package` after the production build: a platform-specific VSIX for this machine
// (`vsce package --target`), as dist/servers holds this platform's native TypeScript 7 server.
// Writes dist-vsix/mge-<target>.vsix; node_modules stay out (--no-dependencies: everything
// else is bundled into dist/), then checks the VSIX as installed (scripts/checkVsix.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkVsix } from './checkVsix.mjs';
import { vsceTarget } from './copyServers.mjs';

const target = vsceTarget();
if (!target) {
  console.error(`package: vsce has no target for ${process.platform}-${process.arch}`);
  process.exit(1);
}
if (!existsSync('dist/servers/stamp.json')) {
  console.error('package: dist/servers is missing; run `node esbuild.mjs --production` first');
  process.exit(1);
}
mkdirSync('dist-vsix', { recursive: true });
const out = join('dist-vsix', `mge-${target}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--target', target, '--out', out], { stdio: 'inherit' });
console.log(checkVsix(out));
