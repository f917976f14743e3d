// The CLI's disk EditSink on its own: proposals folder and manifest, atomic apply, paths refused
// at write time (whatever the core let through), files changed on disk kept back, no file
// written twice, and applying an earlier propose-only session's files.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskSink, sha256, type DiskEditSink } from '../../../src/cli/diskSink';
import { readManifest, type SinkMode } from '../../../src/cli/proposalManifest';
import type { FileProposal } from '../../../src/core/ports';
import { capturingLogger, type CapturingLogger } from '../core/testDoubles';

const RUN = 'run-0123456789';
const noAbort = new AbortController().signal;

function proposal(relPath: string, content: string, baseContent?: string): FileProposal {
  return { relPath, content, baseContent, atoms: [{ atomId: `T1/${relPath}#main`, startLine: 1, endLine: 1, placeholder: '// @atom main: x' }] };
}

/** The part of the GenerationStore the sink uses, in memory, counting writes. */
function appliedStore(): { recordApplied(runId: string, path: string, sha: string): void; appliedFiles(runId: string): Map<string, string>; flushNow(): Promise<void>; records: string[] } {
  const applied = new Map<string, string>();
  const records: string[] = [];
  return {
    records,
    recordApplied: (_runId, path, sha) => {
      applied.set(path, sha);
      records.push(path);
    },
    appliedFiles: () => new Map(applied),
    flushNow: () => Promise.resolve(),
  };
}

describe('cli: disk EditSink', () => {
  let root: string;
  let outside: string;
  let logger: CapturingLogger;
  let store: ReturnType<typeof appliedStore>;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mge-sink-'));
    outside = mkdtempSync(join(tmpdir(), 'mge-sink-outside-'));
    logger = capturingLogger();
    store = appliedStore();
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const sink = (mode: SinkMode): DiskEditSink => createDiskSink({ workspaceRoot: root, mode, generation: store, logger, maxCostUsd: 1.5 });
  const workspaceEntries = (): string[] => readdirSync(root).filter((n) => n !== '.mge').sort();

  it('propose-only: files go under .mge/proposals/<run>/ with a manifest of atom ranges; the workspace is untouched', async () => {
    const s = sink('propose-only');
    s.begin(RUN);
    await s.propose(RUN, [proposal('src/a.ts', 'export const a = 1;\n'), proposal('README.md', '# hi\n')], noAbort);
    assert.deepEqual(workspaceEntries(), []);
    const dir = join(root, '.mge', 'proposals', RUN);
    assert.equal(readFileSync(join(dir, 'src', 'a.ts'), 'utf8'), 'export const a = 1;\n');
    const manifest = readManifest(root, RUN);
    assert.equal(manifest?.mode, 'propose-only');
    assert.equal(manifest?.maxCostUsd, 1.5);
    assert.deepEqual(manifest?.files.map((f) => [f.path, f.status, f.baseSha256]), [['README.md', 'proposed', null], ['src/a.ts', 'proposed', null]]);
    assert.deepEqual(manifest?.files[1]?.atoms, [{ atomId: 'T1/src/a.ts#main', startLine: 1, endLine: 1 }]);
    assert.deepEqual(s.report(RUN), {
      mode: 'propose-only', proposalsDir: `.mge/proposals/${RUN}`, filesWritten: [], filesProposed: ['README.md', 'src/a.ts'], conflicts: [], refused: [],
    });
  });

  it('apply: writes in place (parents created, no temp file left, an existing file keeps its mode) and records each file', async () => {
    mkdirSync(join(root, 'bin'));
    writeFileSync(join(root, 'bin', 'run.sh'), 'old\n');
    chmodSync(join(root, 'bin', 'run.sh'), 0o755);
    const written: string[] = [];
    const s = createDiskSink({ workspaceRoot: root, mode: 'apply', generation: store, logger, maxCostUsd: null, onWritten: (p) => written.push(p) });
    await s.propose(RUN, [proposal('src/deep/a.ts', 'a\n'), proposal('bin/run.sh', 'new\n', 'old\n')], noAbort);
    assert.deepEqual(written, ['src/deep/a.ts', 'bin/run.sh'], 'each written file reported (for re-indexing)');
    assert.equal(readFileSync(join(root, 'src', 'deep', 'a.ts'), 'utf8'), 'a\n');
    assert.equal(readFileSync(join(root, 'bin', 'run.sh'), 'utf8'), 'new\n');
    assert.equal(statSync(join(root, 'bin', 'run.sh')).mode & 0o777, 0o755);
    assert.deepEqual(readdirSync(join(root, 'src', 'deep')), ['a.ts']);
    assert.deepEqual(store.records.sort(), ['bin/run.sh', 'src/deep/a.ts']);
    assert.deepEqual(s.report(RUN).filesWritten, ['bin/run.sh', 'src/deep/a.ts']);
  });

  it('apply: the same proposal again (a resumed run) writes nothing twice, even if the record was lost', async () => {
    const s = sink('apply');
    await s.propose(RUN, [proposal('a.ts', 'a\n')], noAbort);
    const before = statSync(join(root, 'a.ts')).mtimeMs;
    await s.propose(RUN, [proposal('a.ts', 'a\n')], noAbort);
    assert.equal(store.records.length, 1);
    // A new process whose store never saw the write: the bytes on disk are already the proposal's.
    const fresh = appliedStore();
    const again = createDiskSink({ workspaceRoot: root, mode: 'apply', generation: fresh, logger, maxCostUsd: null });
    await again.propose(RUN, [proposal('a.ts', 'a\n')], noAbort);
    assert.equal(statSync(join(root, 'a.ts')).mtimeMs, before);
    assert.deepEqual(fresh.records, ['a.ts']);
  });

  it('apply: a file changed on disk since MGE read it is kept; MGE\'s version goes to proposals as a conflict', async () => {
    writeFileSync(join(root, 'a.ts'), 'edited by the user\n');
    const s = sink('apply');
    await s.propose(RUN, [proposal('a.ts', 'mge\n', 'original\n'), proposal('new.ts', 'n\n')], noAbort);
    assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'edited by the user\n');
    assert.equal(readFileSync(join(root, '.mge', 'proposals', RUN, 'a.ts'), 'utf8'), 'mge\n');
    const report = s.report(RUN);
    assert.deepEqual(report.filesWritten, ['new.ts']);
    assert.deepEqual(report.conflicts.map((c) => c.path), ['a.ts']);
    assert.match(report.conflicts[0]?.reason ?? '', /changed on disk/);
  });

  for (const mode of ['apply', 'propose-only'] as const) {
    it(`${mode}: refuses ../, absolute, device, .git/.mge paths and symlinks out, writing the rest`, async () => {
      symlinkSync(outside, join(root, 'linked'));
      writeFileSync(join(outside, 'target.ts'), 'outside\n');
      symlinkSync(join(outside, 'target.ts'), join(root, 'file-link.ts'));
      const bad = ['../x.ts', '/etc/x', 'C:/x.ts', 'src/../../x.ts', 'nul.ts', 'src/CON', '.git/config', '.mge/mge.db', 'linked/x.ts', 'file-link.ts'];
      const s = sink(mode);
      await s.propose(RUN, [...bad.map((p) => proposal(p, 'evil\n')), proposal('ok.ts', 'ok\n')], noAbort);
      assert.deepEqual(s.report(RUN).refused.map((r) => r.path).sort(), [...bad].sort());
      assert.deepEqual(readdirSync(outside), ['target.ts']);
      assert.equal(readFileSync(join(outside, 'target.ts'), 'utf8'), 'outside\n');
      assert.equal(existsSync(join(root, '.git')), false);
      assert.equal(existsSync(join(tmpdir(), 'x.ts')) && readFileSync(join(tmpdir(), 'x.ts'), 'utf8') === 'evil\n', false);
      const written = mode === 'apply' ? join(root, 'ok.ts') : join(root, '.mge', 'proposals', RUN, 'ok.ts');
      assert.equal(readFileSync(written, 'utf8'), 'ok\n');
      assert.ok(logger.lines.some((l) => l.level === 'error' && l.message.includes('Refused to write "../x.ts"')));
    });
  }

  it('refuses a proposal whose folder is a symlink into the proposals folder\'s way out', async () => {
    mkdirSync(join(root, '.mge', 'proposals', RUN), { recursive: true });
    symlinkSync(outside, join(root, '.mge', 'proposals', RUN, 'src'));
    const s = sink('propose-only');
    await s.propose(RUN, [proposal('src/a.ts', 'a\n')], noAbort);
    assert.deepEqual(readdirSync(outside), []);
    assert.deepEqual(s.report(RUN).refused.map((r) => r.path), ['src/a.ts']);
  });

  it('applyPending: a later --apply writes what an earlier propose-only session left, checking each file', async () => {
    const first = sink('propose-only');
    first.begin(RUN);
    await first.propose(RUN, [proposal('a.ts', 'a\n'), proposal('b.ts', 'b\n'), proposal('c.ts', 'c\n')], noAbort);
    writeFileSync(join(root, 'b.ts'), 'the user made b meanwhile\n');
    writeFileSync(join(root, '.mge', 'proposals', RUN, 'c.ts'), 'tampered\n');
    const second = sink('apply');
    second.begin(RUN);
    await second.applyPending(RUN, noAbort);
    const report = second.report(RUN);
    assert.equal(report.mode, 'apply');
    assert.deepEqual(report.filesWritten, ['a.ts']);
    assert.deepEqual(report.conflicts.map((c) => c.path), ['b.ts']);
    assert.deepEqual(report.refused.map((r) => r.path), ['c.ts']);
    assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), 'a\n');
    assert.equal(readFileSync(join(root, 'b.ts'), 'utf8'), 'the user made b meanwhile\n');
    assert.equal(existsSync(join(root, 'c.ts')), false);
    assert.equal(readManifest(root, RUN)?.files.find((f) => f.path === 'a.ts')?.sha256, sha256('a\n'));
  });

  it('stops between files when the run is cancelled, keeping what was written recorded', async () => {
    const controller = new AbortController();
    const s = createDiskSink({
      workspaceRoot: root, mode: 'apply', logger, maxCostUsd: null,
      generation: { ...store, recordApplied: (runId, path, sha) => { store.recordApplied(runId, path, sha); controller.abort(); } },
    });
    await assert.rejects(s.propose(RUN, [proposal('a.ts', 'a\n'), proposal('b.ts', 'b\n')], controller.signal));
    assert.deepEqual(workspaceEntries(), ['a.ts']);
    assert.deepEqual(readManifest(root, RUN)?.files.map((f) => f.path), ['a.ts']);
  });
});
