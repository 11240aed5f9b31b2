// A stale lock whose pid now belongs to another process (crash, reboot, pid reused) no longer
// blocks the book: the lock records the holder's start time and boot id. A lock that cannot be
// judged is refused with an "open anyway" choice (IPC and CLI), never forever.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireBookLock, currentBootId, lockFileOf, processStartTime, LOCK_IN_DOUBT_FIELD } from '../../main/db/lock';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openTestDesk, tempDir, type TestDesk } from '../support/book';

let dir: string;
let book: string;
let other: ChildProcess; // a live process that is NOT CreditDesk (the "reused" pid)
let t: TestDesk;

beforeAll(async () => {
  dir = tempDir('cd-lockreuse-');
  book = path.join(dir, 'b.creditdesk');
  other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 200));
  t = await openTestDesk();
});
afterAll(async () => {
  other.kill('SIGKILL');
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const writeLock = (file: string, extra: Record<string, unknown>) =>
  fs.writeFileSync(
    lockFileOf(file),
    JSON.stringify({
      pid: other.pid,
      host: os.hostname(),
      purpose: 'app',
      startedAt: '2026-11-01T08:00:00.000Z',
      token: 'old',
      ...extra,
    }),
  );

describe('lock judgement', () => {
  it('the lock records the start time and boot id of its process', () => {
    const lock = acquireBookLock(book, { purpose: 'cli' });
    const info = JSON.parse(fs.readFileSync(lockFileOf(book), 'utf8'));
    expect(info.procStart).toBe(processStartTime(process.pid));
    expect(info.bootId).toBe(currentBootId());
    expect(info.procStart).toMatch(/^\d+$/);
    lock.release();
  });

  it('a live pid with a different start time is a reused pid: the lock is stale and taken over', () => {
    writeLock(book, { procStart: '1', bootId: currentBootId() });
    const lock = acquireBookLock(book, { purpose: 'app' });
    expect(JSON.parse(fs.readFileSync(lockFileOf(book), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a lock from before the last reboot is stale', () => {
    writeLock(book, { procStart: processStartTime(other.pid!), bootId: '00000000-0000-0000-0000-000000000000' });
    acquireBookLock(book, { purpose: 'app' }).release();
  });

  it('a live holder whose start time matches is refused for certain (no "open anyway")', () => {
    writeLock(book, { procStart: processStartTime(other.pid!), bootId: currentBootId() });
    let err: any;
    try {
      acquireBookLock(book, { purpose: 'app', openAnyway: true });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(err.field).toBeUndefined();
    fs.rmSync(lockFileOf(book));
  });

  it('a lock that cannot be judged offers "open anyway", which then takes it', () => {
    writeLock(book, {}); // an old-style lock: no start time
    expect(() => acquireBookLock(book, { purpose: 'app' })).toThrow(/open anyway/);
    try {
      acquireBookLock(book, { purpose: 'app' });
    } catch (e) {
      expect(e).toMatchObject({ code: 'CONFLICT', field: LOCK_IN_DOUBT_FIELD });
    }
    acquireBookLock(book, { purpose: 'app', openAnyway: true }).release();
  });
});

describe('open anyway through IPC and the CLI', () => {
  it('books:open { openAnyway: true }', async () => {
    const second = path.join(dir, 'second.creditdesk');
    await runCli(['init', '--db', second], { out: () => undefined, err: () => undefined });
    writeLock(second, {});
    const refused = await t.call('books:open', { path: second });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'lock' } });
    const opened = await t.call('books:open', { path: second, openAnyway: true });
    expect(opened).toMatchObject({ ok: true, data: { book: { path: second } } });
  });

  it('creditdesk import --open-anyway', async () => {
    const third = path.join(dir, 'third.creditdesk');
    await runCli(['init', '--db', third], { out: () => undefined, err: () => undefined });
    const csv = path.join(dir, 'c.csv');
    fs.writeFileSync(csv, 'code,name,kind\nC9,某某,company\n');
    writeLock(third, {});
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (s) => void err.push(s) };
    expect(await runCli(['import', '--db', third, 'customers', csv], io)).toBe(1);
    expect(err.join('')).toMatch(/仍然打开/);
    expect(await runCli(['import', '--db', third, 'customers', csv, '--open-anyway'], io)).toBe(0);
  });
});
