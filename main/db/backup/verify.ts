// Verifying a `.cdbak` file: every layer of format.ts is checked, then the SQLite image itself
// (integrity_check, row counts). Each problem has its own BackupError `problem` and message.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  APP_NAME,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  MAX_MANIFEST_BYTES,
  TRAILER_BYTES,
  TRAILER_MAGIC,
  deriveKeys,
  kdfAllowed,
  keysMatch,
  manifestAad,
  manifestChecksum,
  type BackupManifest,
  type DerivedKeys,
} from './format';
import { BackupError, ioError, keyedBackupError } from './errors';
import { openSealed } from './seal';
import { chunks, readRange, rmQuiet, rmSqliteFiles } from './fsutil';
import { checkSqliteFile } from './sqlite-check';
import { openRawSqlite } from './book-info';
import { checkBookImage, type ImageProblem } from '../book-schema';
import type { ServerMessageKey } from '../../../shared/messages/server-messages';
export { countRows } from './sqlite-check';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type ProgressFn = (done: number, total: number, phase: 'snapshot' | 'write' | 'verify' | 'restore') => void;

export interface VerifyOptions {
  password?: string;
  /** Highest schema version this app understands; newer backups are refused. */
  maxSchemaVersion: number;
  /** Where the decrypted copy for integrity_check goes (default: the OS temp folder). */
  tempDir?: string;
  onProgress?: ProgressFn;
  /** Also require the image to be exactly the schema the app's migrations produce for the
   *  manifest's schema version (tables, columns, indexes, triggers, views, foreign keys).
   *  The app always sets it; only the format's own tests (synthetic books) leave it off. */
  appSchema?: boolean;
  /** Keys already derived from `password` (createBackup reading back its own file); used only
   *  when their scrypt parameters and salt are the manifest's, otherwise derived again. */
  keys?: DerivedKeys;
}

interface Inspected {
  manifest: BackupManifest;
  manifestBytes: Buffer;
  payloadOffset: number;
  size: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkShape(m: unknown): m is BackupManifest {
  if (!isObj(m)) return false;
  const okTables = isObj(m.tables) && Object.values(m.tables).every((n) => Number.isInteger(n) && (n as number) >= 0);
  const base =
    typeof m.format === 'number' &&
    typeof m.app === 'string' &&
    typeof m.appVersion === 'string' &&
    Number.isInteger(m.schemaVersion) &&
    typeof m.company === 'string' &&
    typeof m.createdAt === 'string' &&
    typeof m.encrypted === 'boolean' &&
    Number.isSafeInteger(m.payloadBytes) &&
    (m.payloadBytes as number) >= 0 &&
    typeof m.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(m.sha256) &&
    typeof m.manifestSha256 === 'string' &&
    okTables;
  if (!base) return false;
  if (m.sealed !== undefined) {
    const s = m.sealed;
    if (!m.encrypted || !isObj(s) || typeof s.iv !== 'string' || typeof s.data !== 'string') return false;
  }
  if (m.encrypted) {
    const k = m.kdf;
    const c = m.cipher;
    if (
      !isObj(k) ||
      k.name !== 'scrypt' ||
      !Number.isInteger(k.N) ||
      !Number.isInteger(k.r) ||
      !Number.isInteger(k.p) ||
      typeof k.salt !== 'string'
    )
      return false;
    if (
      (k.N as number) < 2 ||
      (k.N as number) > 1 << 22 ||
      (k.r as number) < 1 ||
      (k.r as number) > 32 ||
      (k.p as number) < 1 ||
      (k.p as number) > 16
    )
      return false;
    if (
      !isObj(c) ||
      c.name !== 'aes-256-gcm' ||
      typeof c.iv !== 'string' ||
      typeof c.authTag !== 'string' ||
      typeof c.passwordCheck !== 'string'
    )
      return false;
  }
  return true;
}

/**
 * Structural checks that need no password and do not read the payload: magic, manifest
 * checksum, trailer binding, file length. `allowPartial` is used by createBackup to verify its
 * own `.partial` file before renaming it.
 */
export async function inspectBackup(file: string, opts: { allowPartial?: boolean } = {}): Promise<Inspected> {
  const name = path.basename(file);
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw keyedBackupError('not-found', 'backup_file_not_found', { file }, { field: 'file' });
    const values = { file, detail: (e as Error).message, code: code ?? '—' };
    throw keyedBackupError('io', 'backup_cannot_read', values, { code: 'VALIDATION', field: 'file' });
  }
  if (!st.isFile()) throw keyedBackupError('not-a-backup', 'backup_not_a_file', { name }, { field: 'file' });
  if (!opts.allowPartial && name.endsWith('.partial')) {
    throw keyedBackupError('incomplete', 'backup_unfinished', { name }, { field: 'file' });
  }
  const size = st.size;
  if (size === 0) throw keyedBackupError('not-a-backup', 'backup_empty', { name }, { field: 'file' });
  const head = await readRange(file, 0, Math.min(size, Math.max(HEADER_BYTES, SQLITE_MAGIC.length)));
  if (head.length >= SQLITE_MAGIC.length && head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw keyedBackupError('not-a-backup', 'backup_is_sqlite', { name }, { field: 'file' });
  }
  const magicLen = Math.min(head.length, MAGIC.length);
  if (!head.subarray(0, magicLen).equals(MAGIC.subarray(0, magicLen)) || head.length < MAGIC.length) {
    if (head.length >= 6 && head.subarray(0, 6).equals(MAGIC.subarray(0, 6)) && head.length >= MAGIC.length) {
      throw keyedBackupError(
        'unsupported-format',
        'backup_unknown_format',
        { name, version: head[6]! },
        { field: 'file' },
      );
    }
    if (head.length < MAGIC.length && head.equals(MAGIC.subarray(0, head.length))) {
      throw keyedBackupError('truncated', 'backup_truncated', { name, size }, { field: 'file' });
    }
    throw keyedBackupError('not-a-backup', 'backup_unknown_contents', { name }, { field: 'file' });
  }
  if (size < HEADER_BYTES) throw keyedBackupError('truncated', 'backup_truncated', { name, size }, { field: 'file' });
  const manifestLen = head.readUInt32BE(MAGIC.length);
  if (manifestLen === 0 || manifestLen > MAX_MANIFEST_BYTES) {
    throw keyedBackupError(
      'manifest-damaged',
      'backup_manifest_length',
      { name, length: manifestLen },
      { field: 'file' },
    );
  }
  if (HEADER_BYTES + manifestLen > size) {
    throw keyedBackupError('truncated', 'backup_truncated_manifest', { name, size }, { field: 'file' });
  }
  const manifestBytes = await readRange(file, HEADER_BYTES, manifestLen);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw keyedBackupError('manifest-damaged', 'backup_manifest_unreadable', { name }, { field: 'file' });
  }
  if (!checkShape(parsed)) {
    if (isObj(parsed) && typeof parsed.format === 'number' && parsed.format > FORMAT_VERSION) {
      throw otherFormat(name, parsed.format);
    }
    throw keyedBackupError('manifest-damaged', 'backup_manifest_incomplete', { name }, { field: 'file' });
  }
  const manifest = parsed;
  if (manifestChecksum(manifest) !== manifest.manifestSha256) {
    throw keyedBackupError('manifest-damaged', 'backup_manifest_altered', { name }, { field: 'file' });
  }
  if (manifest.app !== APP_NAME)
    throw keyedBackupError('not-a-backup', 'backup_foreign_app', { name, app: manifest.app }, { field: 'file' });
  if (manifest.format !== FORMAT_VERSION) {
    throw otherFormat(name, manifest.format);
  }
  const payloadOffset = HEADER_BYTES + manifestLen;
  const expected = payloadOffset + manifest.payloadBytes + TRAILER_BYTES;
  const trailer =
    size >= payloadOffset + TRAILER_BYTES
      ? await readRange(file, size - TRAILER_BYTES, TRAILER_BYTES)
      : Buffer.alloc(0);
  const hasTrailer =
    trailer.length === TRAILER_BYTES && trailer.subarray(0, TRAILER_MAGIC.length).equals(TRAILER_MAGIC);
  if (hasTrailer) {
    const bound = crypto.createHash('sha256').update(manifestBytes).digest();
    if (!bound.equals(trailer.subarray(TRAILER_MAGIC.length))) {
      throw keyedBackupError('manifest-swapped', 'backup_manifest_swapped', { name }, { field: 'file' });
    }
    if (size !== expected) {
      throw keyedBackupError('damaged', 'backup_size_mismatch', { name, size, expected }, { field: 'file' });
    }
  } else if (size < expected) {
    throw keyedBackupError('truncated', 'backup_truncated_of', { name, size, expected }, { field: 'file' });
  } else {
    throw keyedBackupError('damaged', 'backup_end_marker', { name }, { field: 'file' });
  }
  return { manifest, manifestBytes, payloadOffset, size };
}

/** The manifest of a backup (structurally checked), to show before confirming a restore. */
export async function readManifest(file: string): Promise<BackupManifest> {
  try {
    return (await inspectBackup(file)).manifest;
  } catch (e) {
    throw ioError(e, path.dirname(file), 'read the backup');
  }
}

export interface VerifyIntoOptions extends VerifyOptions {
  allowPartial?: boolean;
  /** Write the verified plaintext image here (kept on success, removed on failure). */
  plainOut: string;
  /** fsync plainOut before returning. */
  sync?: boolean;
}

/** Full verification; on success the verified SQLite image is at opts.plainOut. */
export async function verifyInto(file: string, opts: VerifyIntoOptions): Promise<BackupManifest> {
  const out = opts.plainOut;
  let ok = false;
  try {
    const fh = await fsp.open(out, 'wx');
    let manifest: BackupManifest;
    try {
      manifest = await readPayload(file, opts, async (buf) => {
        let off = 0;
        while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten;
      });
      if (opts.sync) await fh.sync();
    } finally {
      await fh.close();
    }
    await checkDatabase(out, manifest, path.basename(file));
    if (opts.appSchema) await checkAppSchema(out, manifest, path.basename(file));
    ok = true;
    return manifest;
  } finally {
    if (!ok) await rmSqliteFiles(out);
  }
}

/**
 * Reads a backup back without writing the plaintext anywhere: structure, password, decryption
 * and the SHA-256 of the contents. createBackup uses it on the file it has just written: the
 * checksum proves the contents are byte for byte the snapshot it already integrity-checked, so
 * a second copy and a second integrity_check would add seconds and prove nothing more.
 */
export async function verifyWritten(
  file: string,
  opts: VerifyOptions & { allowPartial?: boolean },
): Promise<BackupManifest> {
  return readPayload(file, opts, async () => undefined);
}

/** Streams the (decrypted) payload to `sink` and checks its checksum and SQLite magic. */
async function readPayload(
  file: string,
  opts: VerifyOptions & { allowPartial?: boolean },
  sink: (buf: Buffer) => Promise<void>,
): Promise<BackupManifest> {
  const { manifest, payloadOffset } = await inspectBackup(file, { allowPartial: opts.allowPartial });
  const name = path.basename(file);
  if (manifest.schemaVersion > opts.maxSchemaVersion) {
    const values = {
      name,
      appVersion: manifest.appVersion,
      schema: manifest.schemaVersion,
      known: opts.maxSchemaVersion,
    };
    throw keyedBackupError('newer-schema', 'backup_newer_schema', values, { field: 'file' });
  }
  let decipher: crypto.DecipherGCM | undefined;
  let unsealed = manifest;
  if (manifest.encrypted) {
    if (opts.password === undefined || opts.password === '') {
      throw keyedBackupError('password-required', 'backup_password_required', { name });
    }
    const k = manifest.kdf!;
    if (!kdfAllowed(k)) {
      const values = { name, N: k.N, r: k.r, p: k.p };
      throw keyedBackupError('unsupported-format', 'backup_kdf_refused', values, { field: 'file' });
    }
    const keys = opts.keys && keysMatch(opts.keys, k) ? opts.keys : await deriveKeys(opts.password, k);
    const a = Buffer.from(keys.passwordCheck, 'base64');
    const b = Buffer.from(manifest.cipher!.passwordCheck, 'base64');
    if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
      throw keyedBackupError('wrong-password', 'backup_wrong_password', { name });
    }
    const iv = Buffer.from(manifest.cipher!.iv, 'base64');
    const tag = Buffer.from(manifest.cipher!.authTag, 'base64');
    if (iv.length !== 12 || tag.length !== 16)
      throw keyedBackupError('manifest-damaged', 'backup_cipher_damaged', { name }, { field: 'file' });
    decipher = crypto.createDecipheriv('aes-256-gcm', keys.encKey, iv, { authTagLength: 16 });
    decipher.setAAD(manifestAad(manifest));
    const opened = openSealed(keys.encKey, manifest);
    if (!opened) throw keyedBackupError('manifest-damaged', 'backup_sealed_damaged', { name }, { field: 'file' });
    unsealed = opened;
    decipher.setAuthTag(tag);
  }

  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  let done = 0;
  const total = manifest.payloadBytes;
  const take = async (buf: Buffer) => {
    if (buf.length === 0) return;
    hash.update(buf);
    if (head.length < SQLITE_MAGIC.length)
      head = Buffer.concat([head, buf.subarray(0, SQLITE_MAGIC.length - head.length)]);
    await sink(buf);
  };
  for await (const chunk of chunks(file, payloadOffset, payloadOffset + total)) {
    await take(decipher ? decipher.update(chunk) : chunk);
    done += chunk.length;
    opts.onProgress?.(done, total, 'verify');
  }
  if (done !== total) throw keyedBackupError('truncated', 'backup_payload_short', { name }, { field: 'file' });
  if (decipher) {
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      throw keyedBackupError('damaged', 'backup_auth_failed', { name }, { field: 'file' });
    }
    await take(last);
  }
  if (hash.digest('hex') !== manifest.sha256) {
    throw keyedBackupError('checksum', 'backup_checksum', { name }, { field: 'file' });
  }
  if (!head.equals(SQLITE_MAGIC)) throw keyedBackupError('integrity', 'backup_no_book', { name }, { field: 'file' });
  return unsealed;
}

async function checkDatabase(file: string, manifest: BackupManifest, name: string): Promise<void> {
  let check;
  try {
    check = await checkSqliteFile(file);
  } catch (e) {
    const values = { name, detail: (e as Error).message };
    throw keyedBackupError('integrity', 'backup_inner_unreadable', values, { field: 'file' });
  }
  const result = check.integrity;
  if (result.length !== 1 || result[0] !== 'ok' || !check.counts) {
    const values = { name, detail: result.slice(0, 3).join('; ') };
    throw keyedBackupError('integrity', 'backup_inner_integrity', values, { field: 'file' });
  }
  const counts = check.counts;
  const problems: string[] = [];
  const names = new Set([...Object.keys(counts), ...Object.keys(manifest.tables)]);
  for (const t of [...names].sort()) {
    if (counts[t] !== manifest.tables[t])
      problems.push(`${t}: ${counts[t] ?? 'missing'} rows, manifest says ${manifest.tables[t] ?? 'no such table'}`);
  }
  if (problems.length)
    throw keyedBackupError(
      'row-counts',
      'backup_row_counts',
      { name, detail: problems.slice(0, 5).join('; '), count: problems.length },
      { field: 'file' },
    );
}

/** The sentence for each way a backup's book is not a CreditDesk book of its stated schema. */
const IMAGE_PROBLEM_KEY = {
  'no-migrations': 'backup_inner_not_book',
  'schema-version': 'backup_inner_schema',
  'schema-differs': 'backup_inner_structure',
  'foreign-keys': 'backup_inner_foreign_keys',
} as const satisfies Record<ImageProblem['kind'], ServerMessageKey>;

function otherFormat(name: string, format: number): BackupError {
  const values = { name, format, supported: FORMAT_VERSION };
  return keyedBackupError('unsupported-format', 'backup_other_format', values, { field: 'file' });
}

async function checkAppSchema(file: string, manifest: BackupManifest, name: string): Promise<void> {
  const db = openRawSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const problem = await checkBookImage(db, manifest.schemaVersion);
    if (problem) {
      throw keyedBackupError(
        problem.kind === 'schema-version' ? 'newer-schema' : 'integrity',
        IMAGE_PROBLEM_KEY[problem.kind],
        { name, detail: problem.message },
        { field: 'file' },
      );
    }
  } finally {
    db.close();
  }
}

/**
 * Verify a backup completely: structure, password, checksum, SQLite integrity and row counts.
 * Resolves `{ ok: true, manifest }` or throws a BackupError naming the problem.
 */
export async function verifyBackup(file: string, opts: VerifyOptions): Promise<{ ok: true; manifest: BackupManifest }> {
  const scratch = opts.tempDir ?? os.tmpdir();
  let dir: string;
  try {
    dir = await fsp.mkdtemp(path.join(scratch, 'creditdesk-verify-'));
  } catch (e) {
    throw ioError(e, scratch, 'verify the backup');
  }
  try {
    const manifest = await verifyInto(file, { ...opts, plainOut: path.join(dir, 'book.sqlite') });
    return { ok: true, manifest };
  } catch (e) {
    throw ioError(e, scratch, 'verify the backup');
  } finally {
    await rmQuiet(dir);
  }
}
