// One customer's documents for the ledger (客户往来明细) as of a date, and their notes receivable.
import type Database from 'better-sqlite3';
import type { NoteReceivableRow } from '../../../shared/types-receivables';
import { stmt } from './prepared';
import { noteRow } from './rows';

export function ledgerDocuments(sqlite: Database.Database, customerId: number, asOf: string) {
  return {
    inv: stmt(
      sqlite,
      'SELECT id, number, issue_date, amount, description, voided_at FROM invoices WHERE customer_id = ? AND issue_date <= ?',
    ).all(customerId, asOf) as {
      id: number;
      number: string;
      issue_date: string;
      amount: number;
      description: string | null;
      voided_at: string | null;
    }[],
    rec: stmt(
      sqlite,
      'SELECT id, number, reference, date, amount, method, voided_at FROM receipts WHERE customer_id = ? AND date <= ?',
    ).all(customerId, asOf) as {
      id: number;
      number: string | null;
      reference: string | null;
      date: string;
      amount: number;
      method: string;
      voided_at: string | null;
    }[],
    cns: stmt(
      sqlite,
      'SELECT id, number, date, amount, kind, voided_at FROM credit_notes WHERE customer_id = ? AND date <= ?',
    ).all(customerId, asOf) as {
      id: number;
      number: string;
      date: string;
      amount: number;
      kind: string;
      voided_at: string | null;
    }[],
    wos: stmt(
      sqlite,
      'SELECT w.id, i.number, w.date, w.amount, w.reason, w.voided_at FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE w.customer_id = ? AND w.date <= ? ORDER BY w.date, w.id',
    ).all(customerId, asOf) as {
      id: number;
      number: string;
      date: string;
      amount: number;
      reason: string;
      voided_at: string | null;
    }[],
    recov: stmt(
      sqlite,
      `SELECT a.id, a.write_off_id, i.number, a.date, -a.amount AS amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id
       WHERE i.customer_id = ? AND a.kind = 'recovery' AND a.date <= ?`,
    ).all(customerId, asOf) as { id: number; write_off_id: number; number: string; date: string; amount: number }[],
  };
}

export function notesOf(sqlite: Database.Database, customerId: number): NoteReceivableRow[] {
  return (
    stmt(sqlite, 'SELECT * FROM notes_receivable WHERE customer_id = ? ORDER BY maturity_date, id').all(
      customerId,
    ) as never[]
  ).map(noteRow);
}
