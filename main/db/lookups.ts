// Small one-line reads other floors need (the login gate, the report worker's size check, the
// demo book): kept here so no SQL lives outside main/db.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';

/** True when at least one active operator has a password (then a login is required). */
export function anyOperatorWithPassword(sqlite: Database.Database): boolean {
  return (
    stmt(sqlite, 'SELECT 1 FROM operators WHERE active = 1 AND password_hash IS NOT NULL LIMIT 1').get() !== undefined
  );
}

/** The highest invoice id (0 in an empty book): a cheap stand-in for the book's size. */
export function maxInvoiceId(sqlite: Database.Database): number {
  return (stmt(sqlite, 'SELECT COALESCE(MAX(id), 0) AS n FROM invoices').get() as { n: number }).n;
}

export interface CustomerTermsRef {
  id: number;
  code: string;
  terms: number;
  lifecycle: string;
}

/** Every customer's id, code, payment terms and lifecycle, in id order. */
export function customerTermsRefs(sqlite: Database.Database): CustomerTermsRef[] {
  return sqlite
    .prepare('SELECT id, code, payment_terms_days AS terms, lifecycle FROM customers ORDER BY id')
    .all() as CustomerTermsRef[];
}
