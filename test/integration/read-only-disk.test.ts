// #15 item 9 on a REAL read-only disk (test/support/read-only-disk.ts: a read-only bind mount
// here, so every write gets EROFS from the kernel): a WAL-mode book whose -wal/-shm cannot be
// created opens read-only (SQLite `immutable=1`), shows its data, refuses writes with "this
// book is on a read-only disk…" in the user's language, and nothing beside it is created or
// changed — the CLI readers and browser mode's read-only offer alike. Before the immutable
// opening both said "not a CreditDesk book (unable to open database file)".
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';
import { fromWire } from '../../shared/ipc/wire';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { HUASHENG, tempDir } from '../support/book';
import { readOnlyMechanism, runOnReadOnlyDisk, spawnOnReadOnlyDisk } from '../support/read-only-disk';

const ROOT = path.resolve(__dirname, '../..');
const CLI = [process.execPath, path.join(ROOT, 'bin/creditdesk.mjs')];
const RUN_TS = [process.execPath, path.join(ROOT, 'bin/run-ts.mjs')];
const TOKEN = 'read-only-disk-token-0123456789';
const mechanism = readOnlyMechanism();

let dir: string; // holds usb/ (mounted read-only for the children) and pc/ (a writable copy)
let usb: string;
let book: string;
let copy: string;
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const state = () => ({
  files: fs.readdirSync(usb).sort(),
  sha: hash(book),
  mtime: fs.statSync(book).mtimeMs,
});

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(CLI[0], [...CLI.slice(1), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!mechanism) return;
  dir = tempDir('cd-ro-disk-');
  fs.chmodSync(dir, 0o755); // the chmod-as-nobody mechanism runs the children as another user
  usb = path.join(dir, 'usb');
  fs.mkdirSync(usb);
  book = path.join(usb, 'book.creditdesk');
  const made = cli(['demo', '--db', book, '--customers', '6', '--invoices', '40', '--seed', '7']);
  expect(made.code, made.err).toBe(0);
  fs.mkdirSync(path.join(dir, 'pc'));
  copy = path.join(dir, 'pc', 'book.creditdesk');
  fs.copyFileSync(book, copy);
  // closed cleanly: a WAL-mode file (header bytes 18/19 = 2) with no -wal/-shm beside it
  const header = fs.readFileSync(book).subarray(18, 20);
  expect([...header]).toEqual([2, 2]);
  expect(fs.readdirSync(usb)).toEqual(['book.creditdesk']);
}, 120_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!mechanism)(`a WAL book on a real read-only disk (${mechanism ?? 'none available'})`, () => {
  it('the disk really refuses writes', async () => {
    const r = await runOnReadOnlyDisk(usb, ['sh', '-c', 'touch "$0"/probe', usb]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/Read-only file system|Permission denied/);
    expect(fs.readdirSync(usb)).toEqual(['book.creditdesk']);
  });

  it('creditdesk ageing --db reads it (same figures as a writable copy) and leaves it byte-identical', async () => {
    const before = state();
    const args = ['ageing', '--as-of', '2026-11-30', '--format', 'csv'];
    const reference = cli([...args, '--db', copy]);
    expect(reference.code, reference.err).toBe(0);
    const rows = reference.out.trim().split('\n');
    expect(rows.length).toBeGreaterThan(2); // header, customers, TOTAL
    expect(rows.at(-1)).toMatch(/^TOTAL,,/);
    expect(rows.at(-1)).not.toMatch(/^TOTAL,,0\.00,0\.00,0\.00,0\.00,0\.00,0\.00,0\.00,0\.00,0\.00,$/);

    const r = await runOnReadOnlyDisk(usb, [...CLI, ...args, '--db', book]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(reference.out);
    expect(state()).toEqual(before);
  }, 120_000);

  it('a book whose journal (-wal) a crash left behind: told to copy both to the PC, not "not a CreditDesk book"', async () => {
    // the stick was pulled (or write-protected) while the book had changes only in its -wal file
    const stick = path.join(dir, 'usb-journal');
    fs.mkdirSync(stick);
    const scratch = path.join(dir, 'pc', 'journal.creditdesk');
    fs.copyFileSync(copy, scratch);
    const writer = new Database(scratch);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma('user_version = 7'); // a change that lives in the -wal until a checkpoint
    const left = path.join(stick, 'book.creditdesk');
    fs.copyFileSync(scratch, left);
    fs.copyFileSync(`${scratch}-wal`, `${left}-wal`);
    writer.close();
    expect(fs.statSync(`${left}-wal`).size).toBeGreaterThan(0);
    const files = fs.readdirSync(stick).sort();
    const sha = hash(left);
    const zh = await runOnReadOnlyDisk(stick, [...CLI, 'ageing', '--db', left, '--as-of', '2026-11-30']);
    expect(zh.code).not.toBe(0);
    expect(zh.err).toContain('日志文件');
    expect(zh.err).toContain('一起复制到本机');
    expect(zh.err).not.toContain('这不是');
    const en = await runOnReadOnlyDisk(stick, [
      ...CLI,
      'ageing',
      '--db',
      left,
      '--as-of',
      '2026-11-30',
      '--lang',
      'en',
    ]);
    expect(en.err).toContain('copy the book together with its -wal file to your PC');
    expect(en.err).not.toContain('not a CreditDesk book');
    expect(fs.readdirSync(stick).sort()).toEqual(files);
    expect(hash(left)).toBe(sha);
  }, 120_000);

  it('a CLI write is refused with the read-only-disk message (zh-CN and en), nothing written', async () => {
    const before = state();
    const csv = path.join(dir, 'customers.csv');
    fs.writeFileSync(csv, 'code,name\nC900001,新客户有限公司\n');
    const zh = await runOnReadOnlyDisk(usb, [...CLI, 'import', '--db', book, 'customers', csv]);
    expect(zh.err).toBe(`creditdesk import：账套在只读磁盘上：请以只读方式打开，或先复制到本机：${book}\n`);
    expect(zh.code).not.toBe(0);
    const en = await runOnReadOnlyDisk(usb, [...CLI, 'import', '--db', book, 'customers', csv, '--lang', 'en']);
    expect(en.err).toBe(
      `creditdesk import: this book is on a read-only disk: open it read-only or copy it to your PC: ${book}\n`,
    );
    expect(state()).toEqual(before);
  }, 120_000);

  it('browser mode: offers read-only opening, shows the data, refuses saves in the page language; file untouched', async () => {
    const before = state();
    // what the writable copy shows
    const refDesk = new Desk({
      mode: 'browser',
      userDataDir: path.join(dir, 'ref'),
      clock: fixedClock('2026-11-30T09:00:00Z'),
    });
    await refDesk.open(copy, { readonly: true });
    const refList = await dispatch(createHandlers(refDesk), 'customers:list', {});
    await refDesk.close();
    expect(refList.ok).toBe(true);
    const expected = fromWire('customers:list', (refList as { data: unknown }).data);
    expect(expected.total).toBe(6);

    const renderer = path.join(dir, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>CreditDesk</title>');
    const child = spawnOnReadOnlyDisk(usb, [
      ...RUN_TS,
      path.join(ROOT, 'test/support/serve-child.ts'),
      book,
      path.join(dir, 'serve-data'),
      renderer,
      TOKEN,
      'zh-CN',
    ]);
    try {
      const started = await firstLine(child);
      expect(started).toMatchObject({ file: book, readonly: false });
      expect(started.notice).toBe(
        `账套在只读磁盘上：请以只读方式打开，或先复制到本机：${book}\n浏览器页面上可以选择只读打开；也可以加 --readonly 重新启动。`,
      );
      const call = (channel: string, input: unknown) => post(started.port, channel, input);

      const info = await call('app:info', {});
      expect(info).toMatchObject({ ok: false, error: { key: 'book_read_only_disk', values: { file: book } } });

      const opened = await call('books:open', { path: book, readonly: true });
      expect(opened).toMatchObject({ ok: true, data: { readonly: true } });
      const list = await call('customers:list', {});
      expect(list.ok).toBe(true);
      expect(fromWire('customers:list', list.data)).toEqual(expected);

      const save = await call('customers:create', HUASHENG);
      expect(save).toMatchObject({ ok: false, error: { key: 'book_read_only' } });
      const err = (save as { error: { key: 'book_read_only'; values?: Record<string, string | number> } }).error;
      expect(renderServerMessage('zh-CN', err.key, err.values)).toBe(
        '账套在只读磁盘上：请以只读方式打开，或先复制到本机',
      );
      expect(renderServerMessage('en', err.key, err.values)).toBe(
        'this book is on a read-only disk: open it read-only or copy it to your PC',
      );
      expect(fromWire('customers:list', (await call('customers:list', {})).data).total).toBe(6);
    } finally {
      await stop(child);
    }
    expect(state()).toEqual(before);
  }, 180_000);
});

/** The child's first stdout line as JSON (its stderr in the error if it exits first). */
function firstLine(
  child: ChildProcess,
): Promise<{ port: number; file: string; notice: string | null; readonly: boolean }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    child.once('exit', (code) => reject(new Error(`serve child exited ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function post(port: number, channel: string, input: unknown): Promise<any> {
  const body = Buffer.from(JSON.stringify(input));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/ipc/${channel}`,
        method: 'POST',
        headers: { 'x-creditdesk-token': TOKEN, 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
