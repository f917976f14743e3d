import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { atomicWriteFile } from '../../../../src/core/store/atomicWrite';
import { openDatabase } from '../../../../src/core/store/database';
import { capturingLogger } from '../testDoubles';

const saveLoop = resolve(__dirname, 'fixtures', 'saveLoop.ts');

/** Start the save loop, wait until it has saved once, let it run `ms`, then SIGKILL it. */
function runAndKill(dbPath: string, ms: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', saveLoop, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolvePromise() : reject(new Error(`child exited by itself: ${stderr}`))));
  });
}

describe('store/atomicWrite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mge-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'f.bin');
    await atomicWriteFile(path, new Uint8Array([1, 2, 3]));
    await atomicWriteFile(path, new Uint8Array([4, 5]));
    assert.deepEqual([...readFileSync(path)], [4, 5]);
    assert.deepEqual(readdirSync(dir), ['f.bin']);
  });

  it('leaves a database that opens after SIGKILL at any moment of a save loop', async function () {
    this.timeout(120_000);
    const path = join(dir, 'mge.db');
    let lastCount = 0;
    for (const ms of [5, 37, 80, 133, 211, 290]) {
      await runAndKill(path, ms);
      const logger = capturingLogger();
      const db = await openDatabase({ path, logger });
      assert.equal(db.openReport.corruptMovedTo, null, `kill after ${ms} ms left a torn file: ${logger.lines.map((l) => l.message).join('; ')}`);
      const count = Number(db.get('SELECT COUNT(*) AS n FROM filler')?.n);
      assert.ok(count >= lastCount, 'saved rows never go backwards');
      assert.equal(count % 50, 0, 'a transaction is saved whole or not at all');
      lastCount = count;
      await db.close();
    }
    assert.ok(lastCount > 0);
    assert.ok(!readdirSync(dir).some((f) => f.includes('.corrupt-')));
    assert.ok(existsSync(path));
  });
});
