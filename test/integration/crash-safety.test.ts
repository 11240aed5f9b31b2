// Crash safety: a child process imports batches (one transaction each) into a WAL book and is
// killed with SIGKILL at random moments, 60 times in all. After every kill the book must open,
// pass integrity_check, and hold every batch either completely or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCrashBook, killWriterOnce, REPO_ROOT, runCrashRounds, WRITER } from '../fixtures/backup-crash-harness';
import { createBackup, restoreBackup, verifyBackup } from '../../main/db/backup';
import { tempDir } from '../fixtures/backup-books';

let dir: string;
beforeAll(() => {
  dir = tempDir('cd-crash-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('crash safety (SIGKILL during transactional imports)', () => {
  it('the fixture runs under node --import tsx', async () => {
    const r = await killWriterOnce(path.join(dir, 'probe.sqlite'), 0, 1);
    expect(r.signal).toBe('SIGKILL');
    expect(r.stderr).toBe('');
    const c = checkCrashBook(path.join(dir, 'probe.sqlite'));
    expect(c.integrity).toBe('ok');
    expect(c.batches).toBeGreaterThan(0);
  });

  it('60 random kills on 3 books: always opens, integrity ok, every batch all-or-nothing', async () => {
    const runs = await Promise.all(
      [1, 2, 3].map((k) =>
        runCrashRounds(path.join(dir, `book${k}.sqlite`), 20, { seed: 1000 * k + 7, maxDelayMs: 150 }),
      ),
    );
    const kills = runs.reduce((a, r) => a + r.kills, 0);
    const failures = runs.flatMap((r) => r.failures);
    expect(failures).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(60);
    for (const r of runs) {
      // the books kept growing across kills: work really was interrupted and resumed
      const batches = r.checks.map((c) => c.batches);
      expect(batches[batches.length - 1]).toBeGreaterThan(batches[0]);
      expect(r.checks.every((c) => c.integrity === 'ok')).toBe(true);
    }
  }, 240_000); // three books killed 20 times each: minutes on a loaded 2-core machine

  it('a backup taken from another process while the writer runs (and is killed) is consistent', async () => {
    const book = path.join(dir, 'live.sqlite');
    const out = path.join(dir, 'usb');
    fs.mkdirSync(out, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, book, '99'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
      child.on('exit', () => reject(new Error('writer exited early')));
    });
    await new Promise((r) => setTimeout(r, 300)); // let the book grow a little
    let killed = false;
    const { file, manifest } = await createBackup({
      dbPath: book,
      toDir: out,
      company: 'live',
      appVersion: '0',
      schemaVersion: 0,
      pagesPerStep: 20,
      onProgress: (done, total, phase) => {
        if (phase === 'snapshot' && !killed && done > total / 2) {
          child.kill('SIGKILL');
          killed = true;
        }
      },
    }).finally(() => child.kill('SIGKILL'));
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r)));
    await verifyBackup(file, { maxSchemaVersion: 0 });
    const restored = path.join(dir, 'restored-live.sqlite');
    await restoreBackup(file, { dbPath: restored, maxSchemaVersion: 0 });
    const c = checkCrashBook(restored);
    expect(c.integrity).toBe('ok');
    expect(c.broken).toEqual([]);
    expect(manifest.tables.batches).toBe(c.batches);
    expect(c.batches).toBeGreaterThan(0);
    const after = checkCrashBook(book);
    expect(after.integrity).toBe('ok');
    expect(after.broken).toEqual([]);
  }, 60_000);
});
