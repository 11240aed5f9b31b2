// Creating a verified backup: consistent online snapshot (SQLite backup API, safe while the app
// writes), manifest with row counts and checksum, optional encryption, written as
// `<final>.partial`, fsynced, read back and checked, then renamed to its final name; rotation last.
// The snapshot's bytes are read once on their way to the target: a plain backup is hashed as it
// is written, an encrypted one encrypted as it is written (no second copy in the temp folder);
// the manifest's value known only at the end (checksum, GCM tag) is written over its
// same-length placeholder before the file is synced and read back. The snapshot's
// integrity_check runs in a worker meanwhile (snapshot.ts); the file is renamed only after it.
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
import { chunks, nodeTargetFs, rmQuiet, syncDir, type BackupTargetFs } from './fsutil';
import { SHA_PLACEHOLDER, TAG_PLACEHOLDER, writeTarget, type PayloadPass } from './write-target';
import { verifyWritten, type ProgressFn } from './verify';
import { snapshotAndInspect } from './snapshot';

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
    // 1. consistent snapshot through the backup API (one self-contained file: rollback journal);
    //    its row counts come first, its integrity_check runs on in a worker beside steps 2-5
    const snapshot = path.join(work, 'snapshot.sqlite');
    const { tables, checked } = await snapshotAndInspect(opts, snapshot);
    let written: { final: string; manifest: BackupManifest };
    try {
      written = await writeAndReadBack(opts, { now, toDir, snapshot, tables, keysPromise }, (f) => (partial = f));
    } catch (e) {
      await checked; // a damaged snapshot is reported as such, as when its check came first
      if (e instanceof BackupError) throw e;
      throw ioError(e, toDir, 'write the backup');
    }
    // the file's contents are the snapshot byte for byte: it may be named only once the
    // snapshot has passed integrity_check
    await checked;
    await rmQuiet(snapshot);
    const { final, manifest } = written;

    // 6. only now give it its final name
    try {
      await fsp.rename(partial!, final);
    } catch (e) {
      throw ioError(e, toDir, 'finish the backup');
    }
    partial = undefined;
    await syncDir(toDir);

    const rotated = opts.keep !== undefined ? await rotate(toDir, opts.company, final, opts.keep) : [];
    // the caller knows the company and counts: it gets them back even when the file seals them
    return { file: final, manifest: { ...manifest, company: opts.company, tables }, rotated };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw ioError(e, toDir, 'write the backup');
  } finally {
    if (partial) await rmQuiet(partial);
    await rmQuiet(work);
  }
}

interface WritePlan {
  now: Date;
  toDir: string;
  snapshot: string;
  tables: Record<string, number>;
  keysPromise?: Promise<DerivedKeys>;
}

/** Steps 2-5: manifest, `<final>.partial` written and synced, read back. */
async function writeAndReadBack(
  opts: CreateBackupOptions,
  { now, toDir, snapshot, tables, keysPromise }: WritePlan,
  onPartial: (file: string) => void,
): Promise<{ final: string; manifest: BackupManifest }> {
  // 2. an encrypted backup needs the checksum before its first byte (the cipher's AAD covers
  //    the manifest); a plain one is hashed as it is written (step 4)
  const knownSha = opts.password ? await sha256File(snapshot) : undefined;
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
  const partial = `${final}.partial`;
  onPartial(partial);
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

  // 5. read the written file back: structure, decryption, checksum. The checksum proves its
  //    contents are the snapshot that integrity_check is passing judgement on, byte for byte.
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
      throw keyedBackupError('io', 'backup_readback_failed', { dir: toDir, detail: e.message, detailZh }, { cause: e });
    }
    throw ioError(e, toDir, 'verify the backup');
  }
  return { final, manifest };
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

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const c of chunks(file)) hash.update(c);
  return hash.digest('hex');
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
