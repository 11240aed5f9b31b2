// An encrypted backup derives its key once: scrypt (a second of CPU at the app's cost) runs while
// the snapshot is taken, and the read-back of the written file reuses the keys — yet the reused
// keys are still checked against the file (password check, GCM tag), never trusted as given.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackupError, createBackup, verifyBackup } from '../../main/db/backup';
import { deriveKeys, HEADER_BYTES, type BackupManifest } from '../../main/db/backup/format';
import { makeBook, tempDir } from '../fixtures/backup-books';

const PW = 'pw-密码';
const KDF = { N: 1 << 12, r: 8, p: 1 };
let dir: string;
let src: string;

beforeAll(() => {
  dir = tempDir('cd-keyreuse-');
  src = path.join(dir, 'src.sqlite');
  makeBook(src, { company: 'K', customers: 20, invoices: 50 });
  fs.mkdirSync(path.join(dir, 'out'));
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const backup = (password?: string) =>
  createBackup({
    dbPath: src,
    toDir: path.join(dir, 'out'),
    company: 'K',
    appVersion: '0.1.0',
    schemaVersion: 1,
    password,
    kdf: KDF,
    now: new Date(Date.UTC(2026, 10, 30, 12, 0, fs.readdirSync(path.join(dir, 'out')).length)),
  });

function manifestOf(file: string): BackupManifest {
  const b = fs.readFileSync(file);
  return JSON.parse(b.subarray(HEADER_BYTES, HEADER_BYTES + b.readUInt32BE(7)).toString('utf8')) as BackupManifest;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  return (e as BackupError).problem;
}

describe('encrypted backup key derivation', () => {
  it('runs scrypt once for a whole encrypted backup (written, read back, verified)', async () => {
    const scrypt = vi.spyOn(crypto, 'scrypt');
    const r = await backup(PW);
    expect(scrypt).toHaveBeenCalledTimes(1);
    expect(r.manifest.encrypted).toBe(true);
    expect(r.manifest.company).toBe('K');
    // and the file it wrote verifies on its own with the password (a fresh derivation)
    await expect(verifyBackup(r.file, { password: PW, maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
    expect(scrypt).toHaveBeenCalledTimes(2);
  });

  it('a plain backup runs no scrypt at all', async () => {
    const scrypt = vi.spyOn(crypto, 'scrypt');
    await backup();
    expect(scrypt).not.toHaveBeenCalled();
  });

  it('keys handed to the reader are checked against the file: another password’s keys are refused', async () => {
    const { file } = await backup(PW);
    const kdf = manifestOf(file).kdf!;
    const otherKeys = await deriveKeys('not the password', kdf);
    expect(await refusal(verifyBackup(file, { password: PW, keys: otherKeys, maxSchemaVersion: 1 }))).toBe(
      'wrong-password',
    );
  });

  it('keys derived with another salt are not used: the reader derives its own', async () => {
    const { file } = await backup(PW);
    const kdf = manifestOf(file).kdf!;
    const staleKeys = await deriveKeys(PW, { ...kdf, salt: Buffer.alloc(16, 7).toString('base64') });
    await expect(verifyBackup(file, { password: PW, keys: staleKeys, maxSchemaVersion: 1 })).resolves.toMatchObject({
      ok: true,
    });
    const wrongWithStale = verifyBackup(file, { password: 'wrong', keys: staleKeys, maxSchemaVersion: 1 });
    expect(await refusal(wrongWithStale)).toBe('wrong-password');
  });
});
