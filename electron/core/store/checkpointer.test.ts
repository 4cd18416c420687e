import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './checkpointer.js';
import { openDatabase, type Db } from './database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-ckpt-'));
  dirs.push(dir);
  return join(dir, 'desk.sqlite');
};

/** Writes `rounds` transactions of ~1 MB, yielding between them as the event loop does between batches; the WAL's largest size. */
async function write(db: Db, file: string, rounds: number): Promise<number> {
  db.exec('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO blobs (body) VALUES (?)');
  const chunk = Buffer.alloc(16 * 1024, 7);
  let largest = 0;
  for (let r = 0; r < rounds; r++) {
    db.transaction(() => {
      for (let i = 0; i < 64; i++) insert.run(chunk);
    })();
    largest = Math.max(largest, statSync(`${file}-wal`).size);
    await sleep(25);
  }
  return largest;
}

describe('the WAL checkpointer', () => {
  it('copies the WAL back from its own thread, and the WAL still rewinds instead of growing', async () => {
    const file = scratch();
    const db = openDatabase(file);
    const problems: string[] = [];
    const checkpointer = new WalCheckpointer(db, file, (m) => problems.push(m));
    checkpointer.ensure();
    // 60 MB written in 60 transactions.
    const largest = await write(db, file, 60);
    expect(problems).toEqual([]);
    expect(checkpointer.running).toBe(true);
    expect(checkpointer.copiedFrames).toBeGreaterThan(1_000);
    expect(largest).toBeLessThan(16 * 1024 * 1024);
    await checkpointer.close();
    expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 60 * 64 });
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('falls back to SQLite’s own checkpoints, and says so, when its thread cannot run', async () => {
    const file = scratch();
    const db = openDatabase(file);
    const problems: string[] = [];
    // A file the thread cannot open: it fails as a broken worker would.
    const checkpointer = new WalCheckpointer(db, join(file, 'missing', 'x.sqlite'), (m) => problems.push(m));
    checkpointer.ensure();
    await expect.poll(() => problems.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(checkpointer.running).toBe(false);
    checkpointer.ensure();
    expect(checkpointer.running).toBe(false);
    await checkpointer.close();
    db.close();
  });

  it('lets a process that awaits its close run on (the thread is unref’d, not the close)', () => {
    const out = (name: string) => fileURLToPath(new URL(`../../../out/electron/core/store/${name}`, import.meta.url));
    const file = scratch();
    const script = `
      const { openDatabase } = await import(${JSON.stringify(out('database.js'))});
      const { WalCheckpointer } = await import(${JSON.stringify(out('checkpointer.js'))});
      const db = openDatabase(${JSON.stringify(file)});
      const checkpointer = new WalCheckpointer(db, ${JSON.stringify(file)});
      checkpointer.ensure();
      await checkpointer.close();
      db.close();
      process.stdout.write('after close');`;
    // Before: Node saw nothing keeping it alive during the await and exited (code 13) mid-close.
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('after close');
  });
});
