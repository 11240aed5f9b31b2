// A backup reads the snapshot's bytes once on their way to the target: a plain one is hashed as
// it is written, an encrypted one encrypted as it is written (no second copy in the temp folder).
// The file is the same format as before: its manifest holds the real checksum and GCM tag (no
// placeholder left), and it verifies and restores.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackup, restoreBackup, verifyBackup } from '../../main/db/backup';
import { HEADER_BYTES, encodeTrailer, type BackupManifest } from '../../main/db/backup/format';
import { dumpBook, makeBook, tempDir } from '../fixtures/backup-books';

const PW = 'pw-一次';
const KDF = { N: 1 << 10, r: 8, p: 1 };
let dir: string;
let src: string;
let tmp: string;

beforeAll(() => {
  dir = tempDir('cd-onepass-');
  src = path.join(dir, 'src.sqlite');
  tmp = path.join(dir, 'tmp');
  makeBook(src, { company: 'P', customers: 50, invoices: 2000 });
  fs.mkdirSync(path.join(dir, 'out'));
  fs.mkdirSync(tmp);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files each backup reads through a stream, and what its temp folder holds while it writes. */
async function backup(password?: string) {
  const reads: string[] = [];
  const real = fs.createReadStream;
  vi.spyOn(fs, 'createReadStream').mockImplementation(((file: fs.PathLike, o?: unknown) => {
    reads.push(path.basename(String(file)));
    return real(file, o as never);
  }) as typeof fs.createReadStream);
  const scratch = new Set<string>();
  const r = await createBackup({
    dbPath: src,
    toDir: path.join(dir, 'out'),
    company: 'P',
    appVersion: '0.1.0',
    schemaVersion: 1,
    password,
    kdf: KDF,
    tempDir: tmp,
    now: new Date(Date.UTC(2026, 11, 1, 6, 0, fs.readdirSync(path.join(dir, 'out')).length)),
    onProgress: (_d, _t, phase) => {
      if (phase !== 'write') return;
      for (const w of fs.readdirSync(tmp)) for (const f of fs.readdirSync(path.join(tmp, w))) scratch.add(f);
    },
  });
  vi.restoreAllMocks();
  return { ...r, reads, scratch: [...scratch].sort() };
}

function fileParts(file: string) {
  const b = fs.readFileSync(file);
  const len = b.readUInt32BE(HEADER_BYTES - 4);
  const manifestBytes = b.subarray(HEADER_BYTES, HEADER_BYTES + len);
  return { b, manifestBytes, manifest: JSON.parse(manifestBytes.toString('utf8')) as BackupManifest };
}

describe('backup in one pass over the snapshot', () => {
  it('plain: the snapshot is read once (hashed while written), the manifest holds its checksum', async () => {
    const r = await backup();
    expect(r.reads.filter((f) => f === 'snapshot.sqlite')).toHaveLength(1);
    expect(r.scratch).toEqual(['snapshot.sqlite']);
    const { b, manifestBytes, manifest } = fileParts(r.file);
    expect(manifest.sha256).toBe(r.manifest.sha256);
    expect(manifest.sha256).not.toBe('0'.repeat(64));
    expect(manifestBytes.toString('utf8')).toBe(JSON.stringify(r.manifest, null, 2));
    expect(b.subarray(b.length - encodeTrailer(manifestBytes).length).equals(encodeTrailer(manifestBytes))).toBe(true);
    await expect(verifyBackup(r.file, { maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
  });

  it('encrypted: no second copy in the temp folder, the manifest holds the real GCM tag; it restores', async () => {
    const r = await backup(PW);
    expect(r.scratch).toEqual(['snapshot.sqlite']);
    expect(r.reads).not.toContain('payload.bin');
    const { manifest } = fileParts(r.file);
    expect(manifest.cipher?.authTag).not.toBe(Buffer.alloc(16).toString('base64'));
    await expect(verifyBackup(r.file, { password: PW, maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
    const before = dumpBook(src);
    const target = path.join(dir, 'restored.sqlite');
    fs.copyFileSync(src, target);
    await restoreBackup(r.file, { dbPath: target, password: PW, maxSchemaVersion: 1 });
    expect(dumpBook(target)).toEqual(before);
  });
});
