// SQL of the promise import: the customer directory the row rules check against, and the
// bulk insert (inside the import's one transaction).
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

export function customerCodes(sqlite: Sqlite): Map<string, { id: number; lifecycle: string }> {
  const out = new Map<string, { id: number; lifecycle: string }>();
  for (const r of sqlite.prepare('SELECT id, code, lifecycle FROM customers').iterate() as IterableIterator<{
    id: number;
    code: string;
    lifecycle: string;
  }>)
    out.set(r.code, { id: r.id, lifecycle: r.lifecycle });
  return out;
}

export interface ImportedPromise {
  customerId: number;
  madeOn: string;
  promisedOn: string;
  amount: number;
  promisedBy: string | null;
  form: string;
}

export function insertImportedPromises(sqlite: Sqlite, rows: ImportedPromise[], source: string, now: string): void {
  const insert = sqlite.prepare(
    `INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, collection_record_id, note, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
  );
  for (const p of rows) insert.run(p.customerId, p.madeOn, p.promisedOn, p.amount, p.promisedBy, p.form, source, now);
}
