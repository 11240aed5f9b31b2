// Frozen migration: kept credit facts (issue 12, speed of the first credit-overview visit). One
// narrow row per customer holding what its credit position (SPEC §4) is made of, as of "now":
// open receivables net of unapplied credits, unsettled notes receivable, the latest rating,
// class, credit report and limit decision (each with its date), and the customer's own credit
// columns. Kept by triggers, so every write path (entry, allocation, void, import, demo book, a
// restored old book then migrated) updates it in the same transaction as the row it follows.
// The dates tell the reader for which as-of dates the row is the as-of answer
// (db/credit/kept-facts.ts); anything dated later is read the straightforward way.
// Never edit after release — add a new file.
import { sql, type Kysely } from 'kysely';

const UNSETTLED = `('held','dishonoured')`; // shared/types-receivables.ts UNSETTLED_NOTE_STATES

/**
 * The open-amount triggers (and 0018's paid_from trigger) skip their per-row work while a CSV
 * import holds a row in `kept_paused` (inserted and deleted inside the import's own transaction,
 * so it is never seen committed); the import then recomputes the kept columns of the customers
 * and invoices it touched, once each, before it commits (db/receivables/kept-pause.ts).
 */
export const NOT_PAUSED = 'NOT EXISTS (SELECT 1 FROM kept_paused)';

/** Recomputes one customer's history-table facts (index seeks on the covering indexes of 0013). */
const REFRESH: Record<string, string> = {
  credit_ratings: `rating = (SELECT grade FROM credit_ratings WHERE customer_id = @c ORDER BY rated_on DESC, id DESC LIMIT 1),
    rated_on = (SELECT MAX(rated_on) FROM credit_ratings WHERE customer_id = @c)`,
  credit_classes: `class = (SELECT class FROM credit_classes WHERE customer_id = @c ORDER BY set_on DESC, id DESC LIMIT 1),
    class_on = (SELECT MAX(set_on) FROM credit_classes WHERE customer_id = @c)`,
  credit_reviews: `report_on = (SELECT MAX(reviewed_on) FROM credit_reviews WHERE customer_id = @c)`,
  credit_limit_decisions: `limit_amount = (SELECT amount FROM credit_limit_decisions WHERE customer_id = @c ORDER BY effective_date DESC, id DESC LIMIT 1),
    limit_on = (SELECT MAX(effective_date) FROM credit_limit_decisions WHERE customer_id = @c),
    limit_prev_amount = (SELECT amount FROM credit_limit_decisions WHERE customer_id = @c ORDER BY effective_date DESC, id DESC LIMIT 1 OFFSET 1),
    limit_prev_on = (SELECT effective_date FROM credit_limit_decisions WHERE customer_id = @c ORDER BY effective_date DESC, id DESC LIMIT 1 OFFSET 1),
    initial_limit = (SELECT CASE WHEN source <> 'worksheet' THEN amount END FROM credit_limit_decisions WHERE customer_id = @c ORDER BY id LIMIT 1)`,
  notes_receivable: `notes = COALESCE((SELECT SUM(amount) FROM notes_receivable WHERE customer_id = @c AND state IN ${UNSETTLED}), 0),
    notes_on = (SELECT MAX(MAX(issue_date), MAX(state_date)) FROM notes_receivable WHERE customer_id = @c)`,
};

const refresh = (table: string, customer: string) =>
  `UPDATE credit_facts SET ${REFRESH[table].replaceAll('@c', customer)} WHERE customer_id = ${customer};`;

/** What one document row adds to its customer's open receivables (negative: a credit). */
const OPEN_PART: Record<string, { when: (r: string) => string; amount: (r: string) => string; cols: string }> = {
  invoices: {
    when: (r) => `${r}.settled_on IS NULL`,
    amount: (r) => `${r}.open_amount`,
    cols: 'customer_id, open_amount, settled_on',
  },
  receipts: {
    when: (r) => `${r}.applied_on IS NULL`,
    amount: (r) => `-${r}.unapplied`,
    cols: 'customer_id, unapplied, applied_on',
  },
  credit_notes: {
    when: (r) => `${r}.applied_on IS NULL AND ${r}.voided_at IS NULL`,
    amount: (r) => `-${r}.unapplied`,
    cols: 'customer_id, unapplied, applied_on, voided_at',
  },
};

function openTriggers(table: string): string[] {
  const p = OPEN_PART[table];
  const bump = (r: string, sign: string) =>
    `UPDATE credit_facts SET open_ar = open_ar ${sign} (${p.amount(r)}) WHERE customer_id = ${r}.customer_id AND ${p.when(r)};`;
  return [
    `CREATE TRIGGER ${table}_credit_facts_insert AFTER INSERT ON ${table} WHEN ${p.when('NEW')} AND ${NOT_PAUSED}
       BEGIN ${bump('NEW', '+')} END`,
    `CREATE TRIGGER ${table}_credit_facts_delete AFTER DELETE ON ${table} WHEN ${p.when('OLD')} AND ${NOT_PAUSED}
       BEGIN ${bump('OLD', '-')} END`,
    // an allocation, a void or a move: take the old row out, put the new one in
    `CREATE TRIGGER ${table}_credit_facts_update AFTER UPDATE OF ${p.cols} ON ${table} WHEN ${NOT_PAUSED}
       BEGIN ${bump('OLD', '-')} ${bump('NEW', '+')} END`,
  ];
}

function historyTriggers(table: string): string[] {
  return [
    `CREATE TRIGGER ${table}_credit_facts_insert AFTER INSERT ON ${table} BEGIN ${refresh(table, 'NEW.customer_id')} END`,
    `CREATE TRIGGER ${table}_credit_facts_delete AFTER DELETE ON ${table} BEGIN ${refresh(table, 'OLD.customer_id')} END`,
    `CREATE TRIGGER ${table}_credit_facts_update AFTER UPDATE ON ${table} BEGIN ${refresh(table, 'OLD.customer_id')} ${refresh(table, 'NEW.customer_id')} END`,
  ];
}

const CUSTOMER_TRIGGERS = [
  `CREATE TRIGGER customers_credit_facts_insert AFTER INSERT ON customers BEGIN
     INSERT INTO credit_facts (customer_id, lifecycle, cur_rating, cur_class, cur_limit)
     VALUES (NEW.id, NEW.lifecycle, NEW.credit_rating, NEW.credit_class, NEW.credit_limit); END`,
  `CREATE TRIGGER customers_credit_facts_update AFTER UPDATE OF lifecycle, credit_rating, credit_class, credit_limit ON customers BEGIN
     UPDATE credit_facts SET lifecycle = NEW.lifecycle, cur_rating = NEW.credit_rating, cur_class = NEW.credit_class,
       cur_limit = NEW.credit_limit WHERE customer_id = NEW.id; END`,
  `CREATE TRIGGER customers_credit_facts_delete AFTER DELETE ON customers BEGIN
     DELETE FROM credit_facts WHERE customer_id = OLD.id; END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS kept_paused (by TEXT NOT NULL)`.execute(db); // see NOT_PAUSED
  await sql`CREATE TABLE credit_facts (
    customer_id INTEGER PRIMARY KEY, -- no foreign key: the customers trigger removes the row
    lifecycle TEXT NOT NULL,
    cur_rating TEXT,
    cur_class TEXT,
    cur_limit INTEGER NOT NULL,
    open_ar INTEGER NOT NULL DEFAULT 0, -- Σ open invoices − unapplied receipts and credit notes, now
    notes INTEGER NOT NULL DEFAULT 0, -- Σ notes receivable in an unsettled state, now
    notes_on TEXT, -- latest issue or state date of the customer's notes
    rating TEXT, rated_on TEXT, -- latest rating (by date, then id) and the latest rating date
    class TEXT, class_on TEXT,
    report_on TEXT, -- latest credit report
    limit_amount INTEGER, limit_on TEXT, -- latest limit decision (by effective date, then id)
    limit_prev_amount INTEGER, limit_prev_on TEXT, -- the one before it (a decision effective later)
    initial_limit INTEGER -- the first decision's amount when it is not a worksheet decision
  )`.execute(db);
  // filled from the book as it is: one pass per source table
  await sql`INSERT INTO credit_facts (customer_id, lifecycle, cur_rating, cur_class, cur_limit)
    SELECT id, lifecycle, credit_rating, credit_class, credit_limit FROM customers`.execute(db);
  for (const [table, p] of Object.entries(OPEN_PART))
    await sql
      .raw(
        `UPDATE credit_facts SET open_ar = open_ar + t.s FROM
           (SELECT customer_id AS cid, SUM(${p.amount('x')}) AS s FROM ${table} x WHERE ${p.when('x')} GROUP BY customer_id) t
         WHERE credit_facts.customer_id = t.cid`,
      )
      .execute(db);
  for (const table of Object.keys(REFRESH))
    await sql
      .raw(
        `UPDATE credit_facts SET ${REFRESH[table].replaceAll('@c', 'credit_facts.customer_id')}
         WHERE customer_id IN (SELECT customer_id FROM ${table})`,
      )
      .execute(db);
  for (const t of [
    ...CUSTOMER_TRIGGERS,
    ...Object.keys(OPEN_PART).flatMap(openTriggers),
    ...Object.keys(REFRESH).flatMap(historyTriggers),
  ])
    await sql.raw(t).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('credit facts migration cannot be reverted');
}
