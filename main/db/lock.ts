// Single writer per book: `<book>.lock`, created exclusively, names the process holding it.
// A lock whose process is gone (crash, kill -9, power cut) is stale and taken over. After a
// reboot the pid may belong to another program: the lock records the boot id and the
// process's start time (Linux /proc), so a reused pid is recognised as stale. When the lock
// cannot be judged (no start time recorded, another OS, another computer) the refusal says so
// and the caller may "open anyway" (books:open { openAnyway }, creditdesk import --open-anyway).
import { serverError } from '../../shared/messages/server-messages';
import { LOCK_PURPOSE_TEXT } from '../../shared/messages/book-messages';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type LockPurpose = 'app' | 'cli' | 'serve';

export interface LockInfo {
  pid: number;
  host: string;
  purpose: LockPurpose;
  /** ISO-8601 UTC */
  startedAt: string;
  /** random, so release() never removes somebody else's lock */
  token?: string;
  /** Linux: the holder's start time (clock ticks since boot, /proc/<pid>/stat field 22) */
  procStart?: string;
  /** Linux: /proc/sys/kernel/random/boot_id when the lock was taken */
  bootId?: string;
}

/** Message suffix and AppError field of a lock that could not be judged. */
export const LOCK_IN_DOUBT_FIELD = 'lock';

/** Start time of a process in clock ticks since boot (Linux), null elsewhere or when gone. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return rest[19] ?? null; // field 22: starttime
  } catch {
    return null;
  }
}

let cachedBootId: string | null | undefined;
export function currentBootId(): string | null {
  if (cachedBootId === undefined) {
    try {
      cachedBootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
}

/**
 * live: the holder is certainly running; stale: certainly not (dead pid, rebooted since, pid
 * now another process); doubt: a live pid we cannot tie to the lock, or another computer.
 */
export function judgeLock(info: LockInfo): 'live' | 'stale' | 'doubt' {
  if (info.host !== os.hostname()) return 'doubt';
  if (!pidAlive(info.pid)) return 'stale';
  const boot = currentBootId();
  if (info.bootId && boot && info.bootId !== boot) return 'stale';
  if (info.procStart) {
    const now = processStartTime(info.pid);
    if (now !== null) return now === info.procStart ? 'live' : 'stale';
  }
  return info.pid === process.pid ? 'live' : 'doubt';
}

export interface BookLock {
  readonly file: string;
  readonly info: LockInfo;
  release(): void;
}

export function lockFileOf(dbPath: string): string {
  return `${path.resolve(dbPath)}.lock`;
}

/** Is a process with this pid alive on this machine? */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

function readLock(file: string): LockInfo | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const j = JSON.parse(text) as LockInfo;
    if (typeof j.pid !== 'number' || typeof j.host !== 'string') return 'unreadable';
    return j;
  } catch {
    return 'unreadable';
  }
}

/** Who holds the book, if a live process does (null when free or stale). */
export function bookLockHolder(dbPath: string): LockInfo | null {
  const info = readLock(lockFileOf(dbPath));
  if (info === null || info === 'unreadable') return null;
  if (judgeLock(info) === 'stale') return null;
  return info;
}

/** An ISO time as local `YYYY-MM-DD HH:mm` (the text itself if it is not a time). */
function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Who holds the lock, as message values in both languages (book_in_use in book-messages.ts). */
function holder(info: LockInfo): Record<string, string | number> {
  const who = LOCK_PURPOSE_TEXT[info.purpose] ?? { en: 'another CreditDesk process', zh: '另一个 CreditDesk 进程' };
  const remote = info.host !== os.hostname();
  const self = info.pid === process.pid && !remote;
  return {
    who: who.en,
    whoZh: who.zh,
    pid: info.pid,
    where: remote ? ` on computer "${info.host}"` : '',
    whereZh: remote ? `，在电脑“${info.host}”上` : '',
    since: info.startedAt,
    // the Chinese shows the local time the way a bookkeeper reads it, not the ISO stamp
    sinceZh: localMinute(info.startedAt),
    self: self ? ' — this same process' : '',
    selfZh: self ? '——就是本进程' : '',
  };
}

/**
 * Take the book's lock or throw AppError('CONFLICT'). The lock is released by release() or
 * when the process exits normally; after a crash the next acquire finds it stale.
 * A lock held from another computer (book on a network share) is never taken over
 * automatically: we cannot tell whether that process is alive.
 */
export function acquireBookLock(dbPath: string, opts: { purpose: LockPurpose; openAnyway?: boolean }): BookLock {
  const file = lockFileOf(dbPath);
  const procStart = processStartTime(process.pid);
  const bootId = currentBootId();
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    purpose: opts.purpose,
    startedAt: new Date().toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
    ...(procStart ? { procStart } : {}),
    ...(bootId ? { bootId } : {}),
  };
  const text = JSON.stringify(info);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, text);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return makeLock(file, info);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw serverError('NOT_FOUND', 'book_folder_missing', { dir: path.dirname(file) }, { field: 'db', bare: true });
      }
      if (code !== 'EEXIST')
        throw serverError('INTERNAL', 'lock_create_failed', { file, detail: (e as Error).message });
    }
    const held = readLock(file);
    if (held === null) continue; // released meanwhile: try again
    if (held === 'unreadable') {
      // a lock being written right now, or a lock file damaged by a crash mid-write
      const age = ageMs(file);
      if (age !== null && age < 2000) {
        sleepMs(50);
        continue;
      }
      takeOver(file);
      continue;
    }
    const verdict = judgeLock(held);
    if (verdict === 'stale' || (verdict === 'doubt' && opts.openAnyway)) {
      takeOver(file, held.token);
      continue;
    }
    if (verdict === 'doubt') {
      throw serverError('CONFLICT', 'book_in_use_doubt', holder(held), { field: LOCK_IN_DOUBT_FIELD, bare: true });
    }
    throw serverError('CONFLICT', 'book_in_use', holder(held));
  }
  throw serverError('CONFLICT', 'lock_contended', { file });
}

function ageMs(file: string): number | null {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Remove a stale lock, but only if it is still the one we judged stale. */
function takeOver(file: string, token?: string): void {
  const aside = `${file}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside); // atomic: of two racing processes only one moves a given file
  } catch {
    return;
  }
  const moved = readLock(aside);
  const same = moved !== null && moved !== 'unreadable' ? moved.token === token : token === undefined;
  if (!same) {
    // we moved a fresh lock somebody else just created: put it back if the slot is still free
    try {
      fs.linkSync(aside, file);
    } catch {
      /* slot taken again: the next attempt sees the holder */
    }
  }
  try {
    fs.unlinkSync(aside);
  } catch {
    /* ignore */
  }
}

function makeLock(file: string, info: LockInfo): BookLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const held = readLock(file);
    if (held !== null && held !== 'unreadable' && held.token === info.token) {
      try {
        fs.unlinkSync(file);
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', release);
  return { file, info, release };
}
