// Checks a packaged VSIX as VS Code would install it: unzips it into a temporary folder with no
// node_modules above it, then runs the extracted dist/cli.js `validate --levels types` on a
// TypeScript and a Python file with a type error each. Both must fail at level 4 (not be skipped),
// which needs the servers in dist/servers to be complete and found next to the bundle.
// Run by `npm run package`; alone: node scripts/checkVsix.mjs [dist-vsix/mge-<target>.vsix]
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { vsceTarget } from './copyServers.mjs';

/** Every entry of a (non-zip64) zip: name, unix mode, contents. */
export function readZip(buffer) {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const mode = buffer.readUInt32LE(at + 38) >>> 16;
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    entries.push({ name, mode, data: () => (method === 8 ? inflateRawSync(raw) : raw) });
    at += 46 + skip;
  }
  return entries;
}

/** Throws with what is wrong with the VSIX at `vsixPath`. */
export function checkVsix(vsixPath) {
  const entries = readZip(readFileSync(vsixPath));
  const manifest = entries.find((e) => e.name === 'extension.vsixmanifest')?.data().toString('utf8') ?? '';
  const target = vsceTarget();
  if (!manifest.includes(`TargetPlatform="${target}"`)) throw new Error(`the VSIX is not for ${target}`);
  const root = mkdtempSync(join(tmpdir(), 'mge-vsix-'));
  try {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const to = join(root, entry.name);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, entry.data());
      if (entry.mode) chmodSync(to, entry.mode & 0o777);
    }
    const ws = join(root, 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, 'a.ts'), 'export const n: number = "text";\n');
    writeFileSync(join(ws, 'b.py'), 'n: int = "text"\n');
    const cli = join(root, 'extension', 'dist', 'cli.js');
    let out;
    try {
      out = execFileSync(process.execPath, [cli, 'validate', 'a.ts', 'b.py', '--levels', 'types', '--json'], { cwd: ws, encoding: 'utf8' });
    } catch (err) {
      // Exit code 1: some file failed, which is what the check wants.
      if (err.status !== 1) throw err;
      out = err.stdout;
    }
    const files = JSON.parse(out).files;
    const expected = [/not assignable to type 'number'/, /not assignable to declared type "int"/];
    files.forEach((file, i) => {
      const types = file.levels.types;
      const first = types.messages[0]?.message ?? types.reason ?? '';
      if (types.status !== 'fail' || !expected[i].test(first)) throw new Error(`${file.path}: level 4 ${types.status}: ${first}`);
    });
    return `${vsixPath}: ${entries.length} entries, for ${target}; level 4 found the type errors with the VSIX's own servers`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2] ?? join('dist-vsix', `mge-${vsceTarget()}.vsix`);
  try {
    console.log(checkVsix(path));
  } catch (err) {
    console.error(`checkVsix: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
