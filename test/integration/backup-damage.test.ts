// Every kind of bad backup is refused by verify AND by restore, and the current book stays
// byte-for-byte untouched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  createBackup,
  readManifest,
  restoreBackup,
  verifyBackup,
  type BackupProblem,
} from '../../main/db/backup';
import {
  HEADER_BYTES,
  encodeHeader,
  encodeTrailer,
  manifestChecksum,
  sha256Hex,
  type BackupManifest,
} from '../../main/db/backup/format';
import { CHEAP_KDF, bookFingerprint, listDir, makeBook, tempDir } from '../fixtures/backup-books';
import { expectKeyedChinese } from '../support/backup-zh';

let dir: string;
let book: string;
let plain: string;
let enc: string;
let other: string;
let newer: string;
const PW = 's3cret-密码';

beforeAll(async () => {
  dir = tempDir();
  book = path.join(dir, 'current', 'book.sqlite');
  fs.mkdirSync(path.dirname(book));
  makeBook(book, { company: '当前公司', customers: 200, invoices: 2000, seed: 1 });
  const src = path.join(dir, 'src.sqlite');
  makeBook(src, { company: '备份公司', customers: 300, invoices: 3000, seed: 2 });
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  const common = {
    dbPath: src,
    toDir: out,
    company: '备份公司',
    appVersion: '0.1.0',
    schemaVersion: 1,
    kdf: CHEAP_KDF,
  };
  plain = (await createBackup({ ...common, now: new Date('2026-01-01T00:00:00Z') })).file;
  enc = (await createBackup({ ...common, password: PW, now: new Date('2026-01-02T00:00:00Z') })).file;
  const src2 = path.join(dir, 'src2.sqlite');
  makeBook(src2, { company: '别家', customers: 50, invoices: 100, seed: 3 });
  other = (await createBackup({ ...common, dbPath: src2, company: '别家', now: new Date('2026-01-03T00:00:00Z') }))
    .file;
  newer = (await createBackup({ ...common, schemaVersion: 7, now: new Date('2026-01-04T00:00:00Z') })).file;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function variant(from: string, edit: (b: Buffer) => Buffer, ext = '.cdbak'): string {
  const f = path.join(dir, `bad-${++n}${ext}`);
  fs.writeFileSync(f, edit(fs.readFileSync(from)));
  return f;
}
function parts(b: Buffer) {
  const mlen = b.readUInt32BE(7);
  const manifest = JSON.parse(b.subarray(HEADER_BYTES, HEADER_BYTES + mlen).toString('utf8')) as BackupManifest;
  return {
    mlen,
    manifest,
    payloadStart: HEADER_BYTES + mlen,
    payload: b.subarray(HEADER_BYTES + mlen, b.length - 40),
    trailer: b.subarray(b.length - 40),
  };
}
function assemble(manifest: BackupManifest, payload: Buffer, trailerFor?: Buffer): Buffer {
  const mb = Buffer.from(JSON.stringify(manifest));
  return Buffer.concat([encodeHeader(mb), mb, payload, encodeTrailer(trailerFor ?? mb)]);
}
function flip(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] ^= 0x5a;
  return c;
}

async function expectRefused(file: string, problem: BackupProblem, message: RegExp, password?: string) {
  const err = await verifyBackup(file, { maxSchemaVersion: 1, password }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BackupError);
  expect((err as BackupError).problem).toBe(problem);
  expect((err as BackupError).message).toMatch(message);
  expectKeyedChinese(err); // #16: in Chinese to the end

  const before = bookFingerprint(book);
  const listing = listDir(path.dirname(book));
  const err2 = await restoreBackup(file, { dbPath: book, maxSchemaVersion: 1, password }).catch((e: unknown) => e);
  expect(err2).toBeInstanceOf(BackupError);
  expect((err2 as BackupError).problem).toBe(problem);
  expectKeyedChinese(err2);
  expect(bookFingerprint(book)).toEqual(before);
  expect(listDir(path.dirname(book))).toEqual(listing); // no temp file, nothing saved aside
}

describe('damaged and foreign backups are refused; the current book is untouched', () => {
  it('the good files verify (control)', async () => {
    await expect(verifyBackup(plain, { maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
    await expect(verifyBackup(enc, { maxSchemaVersion: 1, password: PW })).resolves.toMatchObject({ ok: true });
  });

  it('truncated files', async () => {
    const size = fs.statSync(plain).size;
    await expectRefused(
      variant(plain, (b) => b.subarray(0, size - 1)),
      'truncated',
      /truncated/,
    );
    await expectRefused(
      variant(plain, (b) => b.subarray(0, Math.floor(size / 2))),
      'truncated',
      /truncated/,
    );
    await expectRefused(
      variant(plain, (b) => b.subarray(0, 100)),
      'truncated',
      /truncated.*manifest/,
    );
    await expectRefused(
      variant(plain, (b) => b.subarray(0, 9)),
      'truncated',
      /truncated/,
    );
    await expectRefused(
      variant(plain, (b) => b.subarray(0, 4)),
      'truncated',
      /truncated/,
    );
    await expectRefused(
      variant(enc, (b) => b.subarray(0, b.length - 1000)),
      'truncated',
      /truncated/,
      PW,
    );
  });

  it('a flipped byte in the payload: checksum mismatch (plain) / authentication failure (encrypted)', async () => {
    const b = fs.readFileSync(plain);
    const { payloadStart, payload } = parts(b);
    for (const at of [payloadStart, payloadStart + 5000, payloadStart + payload.length - 1]) {
      await expectRefused(
        variant(plain, (x) => flip(x, at)),
        'checksum',
        /checksum mismatch/,
      );
    }
    const e = parts(fs.readFileSync(enc));
    await expectRefused(
      variant(enc, (x) => flip(x, e.payloadStart + 12345)),
      'damaged',
      /damaged or was tampered with/,
      PW,
    );
  });

  it('a flipped byte in the manifest', async () => {
    const b = fs.readFileSync(plain);
    const text = b.subarray(HEADER_BYTES, parts(b).payloadStart).toString('latin1');
    // inside a value (still valid JSON): checksum of the manifest catches it
    const atCompanyValue = HEADER_BYTES + text.indexOf('"appVersion": "0.1.0"') + '"appVersion": "0.'.length;
    await expectRefused(
      variant(plain, (x) => flip(x, atCompanyValue)),
      'manifest-damaged',
      /manifest was altered or damaged/,
    );
    const atDigit = HEADER_BYTES + text.indexOf('"customers": 300') + '"customers": '.length;
    await expectRefused(
      variant(plain, (x) => {
        const c = Buffer.from(x);
        c[atDigit] = '4'.charCodeAt(0);
        return c;
      }),
      'manifest-damaged',
      /manifest/,
    );
    // a structural byte: unreadable JSON
    await expectRefused(
      variant(plain, (x) => flip(x, HEADER_BYTES)),
      'manifest-damaged',
      /manifest is damaged/,
    );
    // the length field
    await expectRefused(
      variant(plain, (x) => flip(x, 7)),
      'manifest-damaged',
      /manifest/,
    );
    // the trailer
    await expectRefused(
      variant(plain, (x) => flip(x, x.length - 3)),
      'manifest-swapped',
      /does not belong/,
    );
    await expectRefused(
      variant(plain, (x) => flip(x, x.length - 39)),
      'damaged',
      /end marker/,
    );
  });

  it('a manifest swapped in from another backup', async () => {
    const a = parts(fs.readFileSync(plain));
    const o = fs.readFileSync(other);
    const oManifestBytes = o.subarray(0, parts(o).payloadStart);
    await expectRefused(
      variant(plain, (x) => Buffer.concat([oManifestBytes, x.subarray(a.payloadStart)])),
      'manifest-swapped',
      /does not belong to this backup/,
    );
  });

  it('a manifest edited with a recomputed checksum (and even a recomputed end marker)', async () => {
    const a = parts(fs.readFileSync(plain));
    const edited = { ...a.manifest, tables: { ...a.manifest.tables, customers: 299 } };
    edited.manifestSha256 = manifestChecksum(edited);
    await expectRefused(
      variant(plain, () => assemble(edited, a.payload, Buffer.from(JSON.stringify(a.manifest, null, 2)))),
      'manifest-swapped',
      /does not belong/,
    );
    await expectRefused(
      variant(plain, () => assemble(edited, a.payload)),
      'row-counts',
      /customers: 300 rows, manifest says 299/,
    );
    // encrypted: every manifest field is authenticated by AES-GCM
    const e = parts(fs.readFileSync(enc));
    const editedE = { ...e.manifest, company: '冒充公司' };
    editedE.manifestSha256 = manifestChecksum(editedE);
    await expectRefused(
      variant(enc, () => assemble(editedE, e.payload)),
      'damaged',
      /tampered/,
      PW,
    );
  });

  it('wrong password and missing password', async () => {
    await expectRefused(enc, 'wrong-password', /wrong password/, 'not-the-password');
    await expectRefused(enc, 'wrong-password', /wrong password/, `${PW} `);
    await expectRefused(enc, 'password-required', /encrypted: a password is needed/);
  });

  it('an empty file, a random file, a SQLite book, a text file, a folder, a missing file, a .partial', async () => {
    await expectRefused(
      variant(plain, () => Buffer.alloc(0)),
      'not-a-backup',
      /empty/,
    );
    await expectRefused(
      variant(plain, () => crypto.randomBytes(100_000)),
      'not-a-backup',
      /not a CreditDesk backup/,
    );
    await expectRefused(
      variant(plain, () => Buffer.from('hello\n')),
      'not-a-backup',
      /not a CreditDesk backup/,
    );
    await expectRefused(
      variant(plain, () => fs.readFileSync(path.join(dir, 'src.sqlite'))),
      'not-a-backup',
      /SQLite database, not a CreditDesk backup/,
    );
    await expectRefused(path.join(dir, 'out'), 'not-a-backup', /not a file/);
    await expectRefused(path.join(dir, 'nope.cdbak'), 'not-found', /not found/);
    await expectRefused(
      variant(plain, (b) => b, '.cdbak.partial'),
      'incomplete',
      /unfinished backup/,
    );
    // a future container version
    await expectRefused(
      variant(plain, (x) => {
        const c = Buffer.from(x);
        c[6] = 9;
        return c;
      }),
      'unsupported-format',
      /unknown format version/,
    );
  });

  it('a backup from a newer CreditDesk (schema) is refused, but its manifest can be read', async () => {
    expect((await readManifest(newer)).schemaVersion).toBe(7);
    await expectRefused(newer, 'newer-schema', /newer CreditDesk.*schema 7.*please update/);
  });

  it('a payload whose SQLite image fails integrity_check (checksums recomputed)', async () => {
    const a = parts(fs.readFileSync(plain));
    const img = Buffer.from(a.payload);
    const pageSize = img.readUInt16BE(16);
    // scribble over the middle of a few b-tree pages
    for (const page of [3, 4, 5, 10, 20]) img.fill(0xab, page * pageSize + 8, page * pageSize + 200);
    const m = { ...a.manifest, sha256: sha256Hex(img) };
    m.manifestSha256 = manifestChecksum(m);
    await expectRefused(
      variant(plain, () => assemble(m, img)),
      'integrity',
      /integrity check|damaged|cannot be opened/,
    );
    // not a SQLite image at all
    const junk = crypto.randomBytes(a.payload.length);
    const j = { ...a.manifest, sha256: sha256Hex(junk) };
    j.manifestSha256 = manifestChecksum(j);
    await expectRefused(
      variant(plain, () => assemble(j, junk)),
      'integrity',
      /does not contain a CreditDesk book/,
    );
  });

  it('verify works on a read-only backup file and leaves no temporary files', async () => {
    const ro = variant(plain, (b) => b);
    fs.chmodSync(ro, 0o444);
    await expect(verifyBackup(ro, { maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
    const db = new Database(book, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
