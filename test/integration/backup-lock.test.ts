import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBookLock, bookLockHolder, lockFileOf } from '../../main/db/lock';
import { AppError } from '../../shared/result';
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import { createBackup, restoreBackup } from '../../main/db/backup';
import { makeBook, tempDir } from '../fixtures/backup-books';

let dir: string;
let book: string;
beforeEach(() => {
  dir = tempDir('cd-lock-');
  book = path.join(dir, 'book.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(r.stdout));
}

describe('book lock: one writer per book', () => {
  it('the lock file names the holder; a second acquire is refused with a clear message', () => {
    const lock = acquireBookLock(book, { purpose: 'app' });
    const info = JSON.parse(fs.readFileSync(`${path.resolve(book)}.lock`, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname(), purpose: 'app' });
    expect(new Date(info.startedAt).toISOString()).toBe(info.startedAt);
    let err: unknown;
    try {
      acquireBookLock(book, { purpose: 'cli' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).message).toMatch(
      new RegExp(
        `this book is open in another CreditDesk window/process \\(a CreditDesk window, pid ${process.pid}, since ${info.startedAt.replace(/[.]/g, '\\.')}`,
      ),
    );
    // the Chinese names the local minute, not the ISO stamp
    const zh = localizedErrorMessage('zh-CN', err as AppError);
    expect(zh).toMatch(/自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起/);
    expect(zh).not.toContain('T');
    expect(bookLockHolder(book)).toMatchObject({ pid: process.pid });
    lock.release();
    expect(fs.existsSync(lockFileOf(book))).toBe(false);
    expect(bookLockHolder(book)).toBeNull();
    const again = acquireBookLock(book, { purpose: 'cli' });
    again.release();
    again.release(); // idempotent
  });

  it('a lock held by another live process is refused; once that process dies the lock is taken over', async () => {
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(lockFileOf(book))}, JSON.stringify({pid: process.pid, host: require('os').hostname(), purpose: 'serve', startedAt: new Date().toISOString(), token: 'x'}), {flag: 'wx'}); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((r) => holder.stdout.on('data', () => r()));
    expect(() => acquireBookLock(book, { purpose: 'app' })).toThrow(new RegExp(`browser mode.*pid ${holder.pid}`));
    holder.kill('SIGKILL'); // crash: the lock file stays behind
    await new Promise((r) => holder.on('exit', r));
    expect(fs.existsSync(lockFileOf(book))).toBe(true);
    const lock = acquireBookLock(book, { purpose: 'app' });
    expect(JSON.parse(fs.readFileSync(lockFileOf(book), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a stale lock (dead pid) and a damaged lock file are taken over', () => {
    fs.writeFileSync(
      lockFileOf(book),
      JSON.stringify({ pid: deadPid(), host: os.hostname(), purpose: 'app', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    expect(bookLockHolder(book)).toBeNull();
    const lock = acquireBookLock(book, { purpose: 'cli' });
    expect(JSON.parse(fs.readFileSync(lockFileOf(book), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'cli' });
    lock.release();

    fs.writeFileSync(lockFileOf(book), '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFileOf(book), old, old);
    const lock2 = acquireBookLock(book, { purpose: 'cli' });
    lock2.release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a lock from another computer (network share) is never taken over', () => {
    fs.writeFileSync(
      lockFileOf(book),
      JSON.stringify({ pid: deadPid(), host: 'ACCOUNTING-PC2', purpose: 'app', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    expect(() => acquireBookLock(book, { purpose: 'app' })).toThrow(/on computer "ACCOUNTING-PC2"/);
  });

  it('the lock is released when the process exits normally', () => {
    const script = `import('${path.resolve('main/db/lock.ts').replace(/\\/g, '/')}').then(m => { m.acquireBookLock(${JSON.stringify(book)}, { purpose: 'cli' }); console.log(require('fs').existsSync(${JSON.stringify(lockFileOf(book))})); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
    expect(fs.existsSync(lockFileOf(book))).toBe(false);
  });

  it('restore refuses a book held by another live process; backup works on it', async () => {
    makeBook(book, { company: 'L', customers: 10, invoices: 10 });
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(lockFileOf(book))}, JSON.stringify({pid: process.pid, host: require('os').hostname(), purpose: 'app', startedAt: 'now'})); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((r) => holder.stdout.on('data', () => r()));
      const { file } = await createBackup({
        dbPath: book,
        toDir: out,
        company: 'L',
        appVersion: '0',
        schemaVersion: 1,
      });
      await expect(restoreBackup(file, { dbPath: book, maxSchemaVersion: 1 })).rejects.toMatchObject({
        problem: 'book-in-use',
        code: 'CONFLICT',
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
