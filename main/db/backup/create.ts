// Creating a verified backup: consistent online snapshot (SQLite backup API, safe while the app
// writes), manifest with row counts and checksum, optional encryption, written as
// `<final>.partial`, fsynced, read back and checked, then renamed to its final name; rotation last.
// The snapshot's bytes are read once on their way to the target: a plain backup is hashed as it
// is written, an encrypted one encrypted as it is written (no second copy in the temp folder);
// the manifest's value known only at the end (checksum, GCM tag) is written over its
// same-length placeholder before the file is synced and read back.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { sealDetails } from './seal';
import {
  APP_NAME,
  DEFAULT_KDF,
  FORMAT_VERSION,
  backupFileName,
  backupSortKey,
  deriveKeys,
  manifestAad,
  manifestChecksum,
  type BackupManifest,
  type CipherParams,
  type DerivedKeys,
  type KdfParams,
} from './format';
import { BackupError, ioError, keyedBackupError } from './errors';
import { localizedErrorMessage } from '../../../shared/messages/server-messages';
import { chunks, nodeTargetFs, rmQuiet, rmSqliteFiles, syncDir, type BackupTargetFs } from './fsutil';
import { SHA_PLACEHOLDER, TAG_PLACEHOLDER, writeTarget, type PayloadPass } from './write-target';
import { verifyWritten, type ProgressFn } from './verify';
import { checkSqliteFile, snapshotInWorker, WorkerUnavailable } from './sqlite-check';
import { openRawSqlite } from './book-info';

export interface CreateBackupOptions {
  /** An open connection to the book (the app's own; the backup API copies it consistently). */
  sqlite?: Database.Database;
  /** Or the book's file. */
  dbPath?: string;
  /** Target folder (must exist: a missing folder usually means the USB stick is not plugged in). */
  toDir: string;
  password?: string;
  company: string;
  appVersion: string;
  schemaVersion: number;
  now?: Date;
  onProgress?: ProgressFn;
  /** Rotation: keep the newest N backups of this company in toDir (default: keep all). */
  keep?: number;
  /** Pages copied per backup step; smaller keeps the event loop more responsive. Default 1000. */
  pagesPerStep?: number;
  /** Local scratch folder for the snapshot (default: OS temp). */
  tempDir?: string;
  /** How the target file is written (tests inject failures). */
  targetFs?: BackupTargetFs;
  /** scrypt cost parameters (tests use cheaper ones). */
  kdf?: { N: number; r: number; p: number };
}

export interface CreateBackupResult {
  file: string;
  manifest: BackupManifest;
  /** Older backups removed by rotation. */
  rotated: string[];
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export async function createBackup(opts: CreateBackupOptions): Promise<CreateBackupResult> {
  if (!opts.sqlite && !opts.dbPath) throw keyedBackupError('io', 'backup_no_source', {}, { code: 'VALIDATION' });
  const now = opts.now ?? new Date();
  const toDir = path.resolve(opts.toDir);
  await checkTargetDir(toDir);

  const work = await fsp.mkdtemp(path.join(opts.tempDir ?? os.tmpdir(), 'creditdesk-backup-'));
  let partial: string | undefined;
  try {
    // scrypt (about a second of CPU) runs on libuv's thread pool during steps 1 and 2: it needs
    // only the password and a fresh salt
    const keysPromise = opts.password ? startKeyDerivation(opts.password, opts.kdf) : undefined;
    // 1. consistent snapshot through the backup API (one self-contained file: rollback journal)
    const snapshot = path.join(work, 'snapshot.sqlite');
    await snapshotBook(opts, snapshot);

    // 2. a worker runs integrity_check and counts rows. An encrypted backup needs the checksum
    //    before its first byte (the cipher's AAD covers the manifest): this thread hashes the
    //    copy meanwhile. A plain one is hashed as it is written (step 4).
    const [tables, knownSha] = await Promise.all([
      inspectSnapshot(snapshot),
      opts.password ? sha256File(snapshot) : undefined,
    ]);
    const plainBytes = (await fsp.stat(snapshot)).size;

    // 3. the manifest; with a password, encryption bound to it (the AAD covers the manifest)
    const base = {
      format: FORMAT_VERSION,
      app: APP_NAME,
      appVersion: opts.appVersion,
      schemaVersion: opts.schemaVersion,
      company: opts.company,
      createdAt: now.toISOString(),
      encrypted: !!opts.password,
      payloadBytes: plainBytes,
      tables,
    };
    let payload: PayloadPass;
    let keys: DerivedKeys | undefined;
    if (keysPromise && knownSha) {
      const sha256 = knownSha;
      keys = await keysPromise;
      const kdf = keys.kdf;
      const iv = crypto.randomBytes(12);
      const cipherDraft: CipherParams = {
        name: 'aes-256-gcm',
        iv: iv.toString('base64'),
        authTag: '',
        passwordCheck: keys.passwordCheck,
      };
      const cipher = crypto.createCipheriv('aes-256-gcm', keys.encKey, iv, { authTagLength: 16 });
      // nothing in the readable manifest names the company or what the book holds (10e)
      const sealed = sealDetails(keys.encKey, { company: base.company, tables: base.tables });
      const draft = { ...base, company: '', tables: {}, sealed, kdf, cipher: cipherDraft, sha256 };
      cipher.setAAD(manifestAad(draft));
      const withTag = (authTag: string): BackupManifest => {
        const full = { ...draft, cipher: { ...cipherDraft, authTag } };
        return { ...full, manifestSha256: manifestChecksum(full) };
      };
      payload = {
        draft: withTag(TAG_PLACEHOLDER),
        through: (c) => cipher.update(c),
        end: () => cipher.final(),
        manifest: () => withTag(cipher.getAuthTag().toString('base64')),
      };
    } else {
      const hash = crypto.createHash('sha256');
      const withSha = (sha256: string): BackupManifest => {
        const full = { ...base, sha256 };
        return { ...full, manifestSha256: manifestChecksum(full) };
      };
      payload = {
        draft: withSha(SHA_PLACEHOLDER),
        through: (c) => {
          hash.update(c);
          return c;
        },
        manifest: () => withSha(hash.digest('hex')),
      };
    }

    // 4. write <final>.partial on the target, fsync
    const final = await pickName(toDir, opts.company, now);
    partial = `${final}.partial`;
    const manifest = await writeTarget(
      opts.targetFs ?? nodeTargetFs,
      partial,
      toDir,
      snapshot,
      plainBytes,
      payload,
      opts.onProgress,
    );
    await syncDir(toDir);
    await rmQuiet(snapshot);

    // 5. read the written file back: structure, decryption, checksum. The checksum proves its
    //    contents are the snapshot that passed integrity_check in step 2, byte for byte.
    try {
      await verifyWritten(partial, {
        password: opts.password,
        // the keys derived above: a second scrypt run would cost another second and prove
        // nothing more (the password check and the GCM tag are still checked against the file)
        keys,
        maxSchemaVersion: opts.schemaVersion,
        allowPartial: true,
        onProgress: opts.onProgress,
      });
    } catch (e) {
      if (e instanceof BackupError && e.problem === 'not-found') {
        throw keyedBackupError('target-gone', 'backup_target_gone_verify', { dir: toDir }, { cause: e });
      }
      if (e instanceof BackupError && e.badInput) {
        const detailZh = localizedErrorMessage('zh-CN', e);
        throw keyedBackupError(
          'io',
          'backup_readback_failed',
          { dir: toDir, detail: e.message, detailZh },
          { cause: e },
        );
      }
      throw ioError(e, toDir, 'verify the backup');
    }

    // 6. only now give it its final name
    try {
      await fsp.rename(partial, final);
    } catch (e) {
      throw ioError(e, toDir, 'finish the backup');
    }
    partial = undefined;
    await syncDir(toDir);

    const rotated = opts.keep !== undefined ? await rotate(toDir, opts.company, final, opts.keep) : [];
    // the caller knows the company and counts: it gets them back even when the file seals them
    return { file: final, manifest: { ...manifest, company: base.company, tables: base.tables }, rotated };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw ioError(e, toDir, 'write the backup');
  } finally {
    if (partial) await rmQuiet(partial);
    await rmQuiet(work);
  }
}

/** Derivation started early; a rejection is observed here so that an earlier failure (say, the
 *  snapshot) does not leave it unhandled — it is awaited, and thrown, where the keys are used. */
function startKeyDerivation(password: string, cost?: { N: number; r: number; p: number }): Promise<DerivedKeys> {
  const kdf: KdfParams = { name: 'scrypt', ...(cost ?? DEFAULT_KDF), salt: crypto.randomBytes(16).toString('base64') };
  const p = deriveKeys(password, kdf);
  p.catch(() => undefined);
  return p;
}

async function checkTargetDir(dir: string): Promise<void> {
  let st;
  try {
    st = await fsp.stat(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw keyedBackupError(
        'target-gone',
        'backup_folder_not_found',
        { dir },
        {
          field: 'toDir',
        },
      );
    }
    throw ioError(e, dir, 'open the backup folder');
  }
  if (!st.isDirectory())
    throw keyedBackupError('target-unwritable', 'backup_not_a_folder', { dir }, { field: 'toDir' });
}

function snapshotError(e: unknown, dbPath?: string): BackupError {
  if (e instanceof BackupError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'SQLITE_CANTOPEN' && dbPath)
    return keyedBackupError('io', 'backup_book_not_found', { db: dbPath }, { code: 'NOT_FOUND', field: 'db' });
  const detail = (e as Error).message;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return keyedBackupError('source-damaged', 'backup_book_damaged', { detail }, { field: 'db' });
  if (code === 'SQLITE_FULL') return keyedBackupError('disk-full', 'backup_temp_full', {}, { cause: e });
  return keyedBackupError('io', 'backup_snapshot_failed', { detail }, { cause: e });
}

/** The consistent copy, in a worker thread when the book is a file (the copy and its fsync take seconds). */
async function snapshotBook(opts: CreateBackupOptions, snapshot: string): Promise<void> {
  const pages = Math.max(1, opts.pagesPerStep ?? 1000);
  const file = opts.sqlite ? (opts.sqlite.memory ? null : opts.sqlite.name) : path.resolve(opts.dbPath!);
  if (file) {
    try {
      await snapshotInWorker(file, snapshot, pages, (done, total) => opts.onProgress?.(done, total, 'snapshot'));
      return;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw snapshotError(e, opts.dbPath);
      await rmSqliteFiles(snapshot);
    }
  }
  await snapshotInThread(opts, snapshot, pages);
  await toSelfContained(snapshot);
}

async function snapshotInThread(opts: CreateBackupOptions, snapshot: string, pages: number): Promise<void> {
  let db = opts.sqlite;
  let own = false;
  if (!db) {
    try {
      db = openRawSqlite(opts.dbPath!, { fileMustExist: true });
      own = true;
      db.pragma('busy_timeout = 5000');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'SQLITE_CANTOPEN') throw snapshotError(e, opts.dbPath);
      const values = { db: opts.dbPath!, detail: (e as Error).message };
      throw keyedBackupError('source-damaged', 'backup_book_unopenable', values, { field: 'db' });
    }
  }
  // A write by another connection or process restarts a stepped backup. After a few restarts,
  // copy the rest in one step: in WAL mode that reads one consistent snapshot and does not
  // block the writers; the event loop is held only for that one step.
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  try {
    await db.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        opts.onProgress?.(totalPages - remainingPages, totalPages, 'snapshot');
        return restarts >= 3 ? 0x7fffffff : pages;
      },
    });
  } catch (e) {
    throw snapshotError(e);
  } finally {
    if (own) db.close();
  }
  await yieldToLoop();
}

/** A backup-API copy of a WAL book is itself in WAL mode: switch it to a rollback journal. */
async function toSelfContained(snapshot: string): Promise<void> {
  try {
    const db = openRawSqlite(snapshot, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (e) {
    throw unreadableBook(e);
  }
}

function unreadableBook(e: unknown): BackupError {
  return keyedBackupError(
    'source-damaged',
    'backup_book_unreadable',
    { detail: (e as Error).message },
    { field: 'db' },
  );
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const c of chunks(file)) hash.update(c);
  return hash.digest('hex');
}

async function inspectSnapshot(snapshot: string): Promise<Record<string, number>> {
  let check;
  try {
    check = await checkSqliteFile(snapshot);
  } catch (e) {
    throw unreadableBook(e);
  }
  if (check.integrity.length !== 1 || check.integrity[0] !== 'ok' || !check.counts) {
    const detail = check.integrity.slice(0, 3).join('; ');
    throw keyedBackupError('source-damaged', 'backup_book_integrity', { detail }, { field: 'db' });
  }
  return check.counts;
}

async function pickName(dir: string, company: string, now: Date): Promise<string> {
  for (let seq = 1; seq < 1000; seq++) {
    const f = path.join(dir, backupFileName(company, now, seq));
    try {
      await fsp.access(f);
    } catch {
      try {
        await fsp.access(`${f}.partial`);
      } catch {
        return f;
      }
    }
  }
  throw keyedBackupError('io', 'backup_too_many', { company, dir });
}

async function rotate(dir: string, company: string, keepFile: string, keep: number): Promise<string[]> {
  const n = Math.max(1, Math.floor(keep));
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const mine = path.basename(keepFile);
  const older = names
    .map((f) => ({ f, key: backupSortKey(company, f) }))
    .filter((x): x is { f: string; key: string } => x.key !== null && x.f !== mine)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const removed: string[] = [];
  for (const { f } of older.slice(n - 1)) {
    try {
      await fsp.unlink(path.join(dir, f));
      removed.push(path.join(dir, f));
    } catch {
      /* rotation is best effort: a failed delete leaves one backup too many */
    }
  }
  return removed;
}
