// #15 item 10e: an encrypted backup's readable manifest names no company and no row counts;
// both come back only with the password (and still drive the row-count check on verify).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, readManifest, verifyBackup } from '../../main/db/backup';
import { HEADER_BYTES } from '../../main/db/backup/format';
import { makeBook, tempDir } from '../fixtures/backup-books';

const COMPANY = 'Geheim Trading 秘密贸易';
const PW = 'pw-密码';
let dir: string;
let enc: string;
let plain: string;

function manifestText(file: string): string {
  const b = fs.readFileSync(file);
  return b.subarray(HEADER_BYTES, HEADER_BYTES + b.readUInt32BE(7)).toString('utf8');
}

beforeAll(async () => {
  dir = tempDir('cd-sealed-');
  const src = path.join(dir, 'src.sqlite');
  makeBook(src, { company: COMPANY, customers: 7, invoices: 11 });
  for (const d of ['enc', 'plain']) fs.mkdirSync(path.join(dir, d));
  const common = { dbPath: src, company: COMPANY, appVersion: '0.1.0', schemaVersion: 1 };
  enc = (await createBackup({ ...common, toDir: path.join(dir, 'enc'), password: PW, kdf: { N: 1 << 12, r: 8, p: 1 } }))
    .file;
  plain = (await createBackup({ ...common, toDir: path.join(dir, 'plain') })).file;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('encrypted backup manifest', () => {
  it('shows neither the company name nor any table or row count without the password', async () => {
    const text = manifestText(enc);
    expect(text).not.toContain('Geheim');
    expect(text).not.toContain('秘密贸易');
    expect(text).not.toContain('\\u79d8'); // not even JSON-escaped
    expect(text).not.toMatch(/"(customers|invoices|audit_log)"/);
    const m = await readManifest(enc);
    expect(m.company).toBe('');
    expect(m.tables).toEqual({});
    expect(m.encrypted).toBe(true);
  });

  it('gives company and row counts back once the password is given', async () => {
    const { manifest } = await verifyBackup(enc, { password: PW, maxSchemaVersion: 1 });
    expect(manifest.company).toBe(COMPANY);
    expect(manifest.tables.customers).toBe(7);
    expect(manifest.tables.invoices).toBe(11);
  });

  it('a plain backup keeps its readable manifest as before', async () => {
    const m = await readManifest(plain);
    expect(m.company).toBe(COMPANY);
    expect(m.tables.customers).toBe(7);
    expect(manifestText(plain)).toContain('"customers": 7');
  });
});
