// SQL of the dunning letters (催款函): the letter's addressee (customer and key payment
// contact) and the dunning_letters row written for each letter sent.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export interface LetterAddressee {
  code: string;
  name: string;
  address: string | null;
}

export function letterAddressee(sqlite: Sqlite, customerId: number): LetterAddressee {
  return stmt(sqlite, 'SELECT code, name, address FROM customers WHERE id = ?').get(customerId) as LetterAddressee;
}

/** The key payment contact first (is_key_payer), then the archive's order. */
export function letterContact(
  sqlite: Sqlite,
  customerId: number,
): { name: string; phone: string | null; mobile: string | null } | undefined {
  return stmt(
    sqlite,
    'SELECT name, phone, mobile FROM contacts WHERE customer_id = ? ORDER BY is_key_payer DESC, sort, id LIMIT 1',
  ).get(customerId) as { name: string; phone: string | null; mobile: string | null } | undefined;
}

export interface DunningLetterRow {
  customerId: number;
  level: number;
  asOf: string;
  daysOverdue: number;
  overdue: number;
  filePath: string | null;
  collectionRecordId: number;
  sentAt: string;
}

export function insertDunningLetter(sqlite: Sqlite, r: DunningLetterRow): number {
  return Number(
    stmt(
      sqlite,
      'INSERT INTO dunning_letters (customer_id, level, as_of, days_overdue, overdue, file_path, collection_record_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(r.customerId, r.level, r.asOf, r.daysOverdue, r.overdue, r.filePath, r.collectionRecordId, r.sentAt)
      .lastInsertRowid,
  );
}
