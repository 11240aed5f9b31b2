// The private part of an encrypted backup's manifest (#15 item 10e): the company name and the
// per-table row counts say what a book holds, so an encrypted backup keeps them sealed with the
// password's key (AES-256-GCM under a sub-key of its own, fresh IV) in `manifest.sealed`; the
// readable manifest carries company "" and tables {}. After the password is checked, the reader
// opens the seal and everything downstream (row-count check, restore preview) sees the real
// values. Backups written before the seal existed keep their plain fields and stay readable.
import crypto from 'node:crypto';
import type { BackupManifest } from './format';

export interface SealedDetails {
  /** base64, 12 bytes */
  iv: string;
  /** base64 ciphertext of {"company","tables"} followed by the 16-byte GCM tag */
  data: string;
}

interface Details {
  company: string;
  tables: Record<string, number>;
}

function sealKey(encKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', encKey, Buffer.alloc(0), 'CreditDesk manifest seal', 32));
}

export function sealDetails(encKey: Buffer, d: Details): SealedDetails {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', sealKey(encKey), iv, { authTagLength: 16 });
  const body = Buffer.concat([c.update(JSON.stringify({ company: d.company, tables: d.tables }), 'utf8'), c.final()]);
  return { iv: iv.toString('base64'), data: Buffer.concat([body, c.getAuthTag()]).toString('base64') };
}

/** The manifest with company and tables from its seal; null when the seal does not open. */
export function openSealed(encKey: Buffer, m: BackupManifest): BackupManifest | null {
  if (!m.sealed) return m;
  try {
    const iv = Buffer.from(m.sealed.iv, 'base64');
    const all = Buffer.from(m.sealed.data, 'base64');
    if (iv.length !== 12 || all.length < 16) return null;
    const d = crypto.createDecipheriv('aes-256-gcm', sealKey(encKey), iv, { authTagLength: 16 });
    d.setAuthTag(all.subarray(all.length - 16));
    const json = Buffer.concat([d.update(all.subarray(0, all.length - 16)), d.final()]).toString('utf8');
    const parsed = JSON.parse(json) as Partial<Details>;
    const tables = parsed.tables;
    if (
      typeof parsed.company !== 'string' ||
      typeof tables !== 'object' ||
      tables === null ||
      !Object.values(tables).every((n) => Number.isInteger(n) && n >= 0)
    )
      return null;
    return { ...m, company: parsed.company, tables: { ...tables } };
  } catch {
    return null;
  }
}
