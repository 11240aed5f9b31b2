// The `.cdbak` file format: ONE self-describing file per backup.
//
//   offset 0   magic      7 bytes  "CDBAK" 0x00 0x01        (0x01 = container version)
//          7   length     uint32 big-endian: byte length N of the manifest
//         11   manifest   N bytes of UTF-8 JSON (BackupManifest, below)
//       11+N   payload    manifest.payloadBytes bytes: the SQLite database image, as is or
//                         AES-256-GCM ciphertext (same length as the plaintext)
//   end - 40   trailer    8 bytes "CDBAKEND" + 32 bytes sha256(manifest bytes)
//
// Integrity layers:
// - manifest.manifestSha256 = sha256 of the canonical JSON of every other manifest field:
//   a damaged or hand-edited manifest is detected before anything else is trusted;
// - the trailer binds the manifest bytes to this very file: a manifest swapped in from another
//   backup (with its own valid checksum) no longer matches the trailer;
// - manifest.sha256 is the sha256 of the plaintext SQLite image (flipped payload bytes);
// - when encrypted, the GCM additional authenticated data is sha256(canonical manifest without
//   authTag and manifestSha256), so changing any manifest field fails authentication, and a
//   password verifier derived from the scrypt output tells a wrong password from damage;
// - on restore, SQLite's integrity_check and the manifest's per-table row counts.
import crypto from 'node:crypto';

export const MAGIC = Buffer.from('CDBAK\x00\x01', 'latin1');
export const TRAILER_MAGIC = Buffer.from('CDBAKEND', 'latin1');
export const HEADER_BYTES = MAGIC.length + 4;
export const TRAILER_BYTES = TRAILER_MAGIC.length + 32;
export const FORMAT_VERSION = 1;
export const APP_NAME = 'CreditDesk';
export const BACKUP_EXT = '.cdbak';
/** A manifest larger than this is not ours (protects against reading garbage lengths). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes */
  salt: string;
}

export interface CipherParams {
  name: 'aes-256-gcm';
  /** base64, 12 bytes */
  iv: string;
  /** base64, 16 bytes */
  authTag: string;
  /** base64 HMAC-SHA256(verifier key, "CreditDesk password check"): tells a wrong password from a damaged file */
  passwordCheck: string;
}

export interface BackupManifest {
  format: number;
  app: string;
  appVersion: string;
  schemaVersion: number;
  /** the company name ("" when encrypted: it is in `sealed`) */
  company: string;
  /** ISO-8601 UTC */
  createdAt: string;
  encrypted: boolean;
  kdf?: KdfParams;
  cipher?: CipherParams;
  /** length of the payload as stored in the file */
  payloadBytes: number;
  /** hex sha256 of the plaintext SQLite image */
  sha256: string;
  /** row count per table of the backed-up book ({} when encrypted: the counts are in `sealed`) */
  tables: Record<string, number>;
  /** encrypted backups: company and tables sealed with the password's key (seal.ts) */
  sealed?: { iv: string; data: string };
  /** hex sha256 of canonicalManifest(manifest without this field) */
  manifestSha256: string;
}

/** Stable JSON: object keys sorted recursively, so checksums do not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Checksum of every manifest field except manifestSha256 itself. */
export function manifestChecksum(m: Omit<BackupManifest, 'manifestSha256'> & { manifestSha256?: string }): string {
  const { manifestSha256: _ignored, ...rest } = m;
  return sha256Hex(canonicalJson(rest));
}

/** GCM additional data: the manifest without the values only known after encryption. */
export function manifestAad(m: Omit<BackupManifest, 'manifestSha256'> & { manifestSha256?: string }): Buffer {
  const { manifestSha256: _a, cipher, ...rest } = m;
  const c = cipher ? { name: cipher.name, iv: cipher.iv, passwordCheck: cipher.passwordCheck } : undefined;
  return crypto
    .createHash('sha256')
    .update(canonicalJson({ ...rest, cipher: c }))
    .digest();
}

export function encodeHeader(manifestBytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifestBytes.length, 0);
  return Buffer.concat([MAGIC, len]);
}

export function encodeTrailer(manifestBytes: Buffer): Buffer {
  return Buffer.concat([TRAILER_MAGIC, crypto.createHash('sha256').update(manifestBytes).digest()]);
}

// ---- key derivation ----------------------------------------------------------------------

/** scrypt cost the app writes: N=2^17, r=8, p=1 (128 MiB) — OWASP's current recommendation for
 *  scrypt. Measured on the 2-core build machine: 1.0 s of CPU per derivation (N=2^16: 0.44 s,
 *  N=2^15: 0.2 s). Stored in the manifest, so older backups (N=2^15) stay readable. */
export const DEFAULT_KDF = { N: 1 << 17, r: 8, p: 1 } as const;

/** Parameter sets a backup may ask for: r=8, p=1 and N a power of two from 2^10 to 2^17 (at
 *  most 128 MiB and about a second). Anything else is refused BEFORE deriving: a crafted
 *  manifest asking for N=2^22, r=32, p=16 would otherwise take gigabytes and minutes. */
export function kdfAllowed(k: { N: number; r: number; p: number }): boolean {
  return k.r === 8 && k.p === 1 && Number.isInteger(Math.log2(k.N)) && k.N >= 1 << 10 && k.N <= 1 << 17;
}

export interface DerivedKeys {
  encKey: Buffer;
  passwordCheck: string;
  /** the parameters (salt included) they were derived with */
  kdf: KdfParams;
}

/** Keys derived with exactly these parameters and salt (so a reader may reuse them). */
export function keysMatch(keys: DerivedKeys, kdf: KdfParams): boolean {
  const k = keys.kdf;
  return k.name === kdf.name && k.N === kdf.N && k.r === kdf.r && k.p === kdf.p && k.salt === kdf.salt;
}

export function deriveKeys(password: string, kdf: KdfParams): Promise<DerivedKeys> {
  if (!kdfAllowed(kdf))
    return Promise.reject(new Error(`scrypt parameters not accepted (N=${kdf.N}, r=${kdf.r}, p=${kdf.p})`));
  const salt = Buffer.from(kdf.salt, 'base64');
  const maxmem = 256 * kdf.N * kdf.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, out) => {
      if (err) return reject(err);
      const encKey = Buffer.from(out.subarray(0, 32));
      const verKey = out.subarray(32, 64);
      const passwordCheck = crypto.createHmac('sha256', verKey).update('CreditDesk password check').digest('base64');
      resolve({ encKey, passwordCheck, kdf: { ...kdf } });
    });
  });
}

// ---- file names -----------------------------------------------------------------------------

/** A company name usable in a file name on Windows, macOS and Linux (Chinese kept). */
export function sanitizeCompany(name: string): string {
  const cleaned = name
    .normalize('NFC')

    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/g, '')
    .replace(/^[. ]+/g, '');
  let out = cleaned || 'book';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(out)) out = `_${out}`;
  // keep names well under file-system limits (255 bytes) even for 3-byte CJK characters
  while (Buffer.byteLength(out) > 120) out = Array.from(out).slice(0, -1).join('');
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Local time YYYYMMDD-HHmmss: what the bookkeeper sees on the clock. */
export function timeStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

export function backupFileName(company: string, now: Date, seq = 1): string {
  return `${sanitizeCompany(company)}-${timeStamp(now)}${seq > 1 ? `-${seq}` : ''}${BACKUP_EXT}`;
}

/** Matches backups of one company in a folder; returns a sort key or null. */
export function backupSortKey(company: string, fileName: string): string | null {
  const prefix = `${sanitizeCompany(company)}-`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith(BACKUP_EXT)) return null;
  const rest = fileName.slice(prefix.length, -BACKUP_EXT.length);
  const m = /^(\d{8}-\d{6})(?:-(\d+))?$/.exec(rest);
  if (!m) return null;
  return `${m[1]}-${pad(Number(m[2] ?? 1), 6)}`;
}
