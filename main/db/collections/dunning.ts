// SQL of the dunning list (SPEC §5): per customer, the oldest due date and the sum of the open
// amounts of its invoices past due as of D. Open as of D follows SPEC §2 and is read as the
// whole-book ageing reads it (db/receivables/as-of-book.ts): only the invoices open on D (issued
// ≤ D, settled after D or still open) through invoices_open_on, one seek per issue month; an
// invoice's open amount on D is its amount when nothing was paid on or before D (paid_from, kept
// by triggers, is later or empty: most of them), otherwise amount − Σ its allocations up to D.
// Speed (issue #13): the earlier SQL summed every allocation dated after D per invoice (a sort of
// 300,000+ rows half a year back, 600,000+ a year back); this reads about as many invoices at
// any date as are open today and looks up allocations only for invoices part-paid by D.
import type Database from 'better-sqlite3';
import { monthsUpTo } from '../receivables/as-of-book';
import { stmt } from '../receivables/prepared';

export interface OverdueOfCustomer {
  customerId: number;
  /** the oldest due date among its invoices past due and open as of D */
  dueDate: string;
  /** Σ their open amounts as of D (fen) */
  open: number;
}

// One row of three JSON lists (customer, due date, open amount on D) instead of a row per invoice
// (better-sqlite3 hands over a row at several µs) and no GROUP BY sort: grouped here in one pass.
const OVERDUE_INVOICES_SQL = `SELECT json_group_array(i.customer_id), json_group_array(i.due_date),
       json_group_array(CASE WHEN i.paid_from IS NULL OR i.paid_from > @d THEN i.amount
         ELSE i.amount - (SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @d) END)
  FROM invoices i INDEXED BY invoices_open_on
  WHERE substr(i.issue_date, 1, 7) IN (SELECT value FROM json_each(@months))
    AND coalesce(i.settled_on, '9999-12-31') > @d AND i.issue_date <= @d AND i.due_date < @d`;

/** Per customer with an invoice past due and open (> 0) on D, in customer id order. */
export function overdueByCustomerAsOf(sqlite: Database.Database, asOf: string): OverdueOfCustomer[] {
  const [cidJson, dueJson, openJson] = stmt(sqlite, OVERDUE_INVOICES_SQL)
    .raw()
    .get({ d: asOf, months: monthsUpTo(sqlite, asOf) }) as [string, string, string];
  const cids = JSON.parse(cidJson) as number[];
  const dues = JSON.parse(dueJson) as string[];
  const opens = JSON.parse(openJson) as (number | null)[];
  // per customer id (the customers' row ids: dense), the oldest due date and Σ of the positive
  // amounts (integer fen: exact in a double)
  let maxCid = -1;
  for (let k = 0; k < cids.length; k++) if (cids[k] > maxCid) maxCid = cids[k];
  const oldest: (string | undefined)[] = new Array(maxCid + 1);
  const sum = new Float64Array(maxCid + 1);
  for (let k = 0; k < cids.length; k++) {
    const o = opens[k];
    if (o === null || o <= 0) continue;
    const c = cids[k];
    sum[c] += o;
    const due = oldest[c];
    if (due === undefined || dues[k] < due) oldest[c] = dues[k];
  }
  const out: OverdueOfCustomer[] = [];
  for (let c = 0; c <= maxCid; c++) {
    const due = oldest[c];
    if (due !== undefined) out.push({ customerId: c, dueDate: due, open: sum[c] });
  }
  return out;
}
