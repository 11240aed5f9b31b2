// Key derivation: a backup can only ask for whitelisted scrypt settings. A crafted manifest
// (valid checksum, valid trailer) asking for gigabytes is refused before anything is derived;
// the app's own current and previous settings stay readable.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, verifyBackup } from '../../main/db/backup';
import {
  DEFAULT_KDF,
  HEADER_BYTES,
  encodeHeader,
  encodeTrailer,
  kdfAllowed,
  manifestChecksum,
  type BackupManifest,
} from '../../main/db/backup/format';
import { makeBook, tempDir } from '../fixtures/backup-books';

const PW = 'pw-密码';
let dir: string;
let enc: string;

beforeAll(async () => {
  dir = tempDir('cd-kdf-');
  const src = path.join(dir, 'src.sqlite');
  makeBook(src, { company: 'K', customers: 5, invoices: 5 });
  fs.mkdirSync(path.join(dir, 'out'));
  enc = (
    await createBackup({
      dbPath: src,
      toDir: path.join(dir, 'out'),
      company: 'K',
      appVersion: '0.1.0',
      schemaVersion: 1,
      password: PW,
      kdf: { N: 1 << 15, r: 8, p: 1 },
    })
  ).file;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The encrypted backup with other scrypt settings in a manifest whose checksum and trailer are valid. */
function withKdf(kdf: { N: number; r: number; p: number }): string {
  const b = fs.readFileSync(enc);
  const mlen = b.readUInt32BE(7);
  const m = JSON.parse(b.subarray(HEADER_BYTES, HEADER_BYTES + mlen).toString('utf8')) as BackupManifest;
  const next = { ...m, kdf: { ...m.kdf!, ...kdf } } as BackupManifest;
  next.manifestSha256 = manifestChecksum(next);
  const mb = Buffer.from(JSON.stringify(next));
  const f = path.join(dir, `kdf-${kdf.N}-${kdf.r}-${kdf.p}.cdbak`);
  fs.writeFileSync(
    f,
    Buffer.concat([encodeHeader(mb), mb, b.subarray(HEADER_BYTES + mlen, b.length - 40), encodeTrailer(mb)]),
  );
  return f;
}

describe('scrypt parameter whitelist', () => {
  it('settings outside the whitelist are refused before deriving (p=4)', async () => {
    const f = withKdf({ N: 1 << 14, r: 8, p: 4 });
    await expect(verifyBackup(f, { password: PW, maxSchemaVersion: 1 })).rejects.toMatchObject({
      problem: 'unsupported-format',
      message: expect.stringMatching(/does not accept \(scrypt N=16384, r=8, p=4\)/),
    });
  });

  it('N=2^22, r=32, p=16 (16 GiB) is refused at once', async () => {
    const f = withKdf({ N: 1 << 22, r: 32, p: 16 });
    const t0 = Date.now();
    await expect(verifyBackup(f, { password: PW, maxSchemaVersion: 1 })).rejects.toMatchObject({
      problem: 'unsupported-format',
    });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it("the app's own settings (current N=2^17 and previous N=2^15) are accepted", async () => {
    expect(DEFAULT_KDF).toEqual({ N: 1 << 17, r: 8, p: 1 });
    expect(kdfAllowed(DEFAULT_KDF)).toBe(true);
    expect(kdfAllowed({ N: 1 << 18, r: 8, p: 1 })).toBe(false);
    const r = await verifyBackup(enc, { password: PW, maxSchemaVersion: 1 });
    expect(r.manifest.kdf).toMatchObject({ N: 1 << 15, r: 8, p: 1 });
  });
});
