// Random small books for the collections property tests: approved customers, then invoices,
// receipts (auto-allocated), credit notes, voids and promises played through the services in
// the order fast-check drew them. Ops a test adds of its own it plays itself.
import { expect } from 'vitest';
import { createPromise } from '../../main/services/collections';
import type Database from 'better-sqlite3';
import { keptWorklistChunk } from '../../main/services/collections/kept-worklist-rebuild';
import { setReportWorkerMode } from '../../main/workers/report-client';
import type { TestDesk } from './book';

export type BookOp =
  | { t: 'inv'; c: number; d: number; amount: number }
  | { t: 'rec'; c: number; d: number; amount: number }
  | { t: 'cn'; c: number; d: number; amount: number }
  | { t: 'void'; k: 'invoice' | 'receipt'; i: number }
  | { t: 'promise'; c: number; d: number; span: number; amount: number };

/** Plays ops on customers `cust`, day numbers turned into dates by `day`; remembers what a void can pick. */
export class BookPlayer {
  readonly invoices: number[] = [];
  readonly receipts: number[] = [];
  private n = 0;
  constructor(
    private readonly t: TestDesk,
    private readonly cust: number[],
    private readonly day: (n: number) => string,
  ) {}

  async play(o: BookOp): Promise<void> {
    const { t, cust, day } = this;
    const n = ++this.n;
    if (o.t === 'inv') {
      const r = await t.ok('invoices:create', {
        customerId: cust[o.c],
        number: `I-${n}`,
        issueDate: day(o.d),
        amount: o.amount,
        overrideReason: 'test',
      });
      this.invoices.push(r.invoice.id);
    } else if (o.t === 'rec') {
      const r = await t.call('receipts:create', {
        customerId: cust[o.c],
        date: day(o.d),
        amount: o.amount,
        method: 'bank_transfer',
        reference: `R${n % 3}`,
      });
      if (r.ok) this.receipts.push(r.data.receipt.id);
    } else if (o.t === 'cn')
      await t.call('credit-notes:create', {
        customerId: cust[o.c],
        number: `CN-${n}`,
        date: day(o.d),
        amount: o.amount,
        kind: 'allowance',
        invoiceId: null,
      });
    else if (o.t === 'void') {
      const list = o.k === 'invoice' ? this.invoices : this.receipts;
      if (list.length)
        await t.call(o.k === 'invoice' ? 'invoices:void' : 'receipts:void', {
          id: list[o.i % list.length],
          reason: 'x',
        });
    } else if (o.t === 'promise')
      await createPromise(t.desk.ctx, {
        customerId: cust[o.c],
        madeOn: day(o.d),
        promisedOn: day(o.d + o.span),
        amount: o.amount,
        form: 'verbal',
      });
  }
}

/** After a refresh: no customer stale, and every promise has a kept amount under this grace. */
export function expectEveryPromiseKept(t: TestDesk, grace: number): void {
  const db = t.desk.ctx.book.sqlite;
  expect(db.prepare('SELECT COUNT(*) FROM promise_final_stale').pluck().get()).toBe(0);
  expect(db.prepare('SELECT COUNT(*) FROM promise_final WHERE grace = ?').pluck().get(grace)).toBe(
    db.prepare('SELECT COUNT(*) FROM promises').pluck().get(),
  );
}

/**
 * A collection record written straight into the book, as another program would (nothing kept is
 * refreshed): `.run(customerId, date, nextStep, nextDate, createdAt)`.
 */
export function rawRecordInsert(sqlite: Database.Database): Database.Statement {
  return sqlite.prepare(
    "INSERT INTO collection_records (customer_id, date, channel, outcome, next_step, next_date, source, created_at) VALUES (?, ?, 'call', 'test', ?, ?, 'test', ?)",
  );
}

const DEFAULT_WORKLIST_CHUNK_ROWS = keptWorklistChunk.rows;

/** Puts back what a worklist test may turn: the report worker's mode and the rebuild's chunk size. */
export function restoreWorklistDefaults(): void {
  setReportWorkerMode('auto');
  keptWorklistChunk.rows = DEFAULT_WORKLIST_CHUNK_ROWS;
}
