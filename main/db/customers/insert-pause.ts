// A customer import's bulk insert of NEW customers (100,000 in a first import) without the per-row
// insert triggers of customers and credit_limit_decisions: each of them is a statement run per
// row (a revision bump, the customer's credit_facts row, five index seeks for the limit facts),
// about a third of the insert time. The pause drops them inside the import's own transaction
// and resuming creates them again from their stored SQL, unchanged, before the commit
// (../trigger-pause.ts): no reader sees them gone, and a rollback restores them. Resuming then
// does, once and set-based, what they would have done for the rows added since the pause (ids
// only grow). The triggers are paused only when the insert triggers of the two tables are
// exactly those the migrations create (KNOWN_INSERT_TRIGGERS, by name and SQL): with another
// (a later migration's) or a changed one they all keep firing, as the set-based statements
// here would no longer do what the triggers do.
// The secondary indexes of an EMPTY customers table are dropped too and rebuilt at the resume.
import type Database from 'better-sqlite3';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../receivables/bulk-indexes';
import { pauseTriggers, recreateTriggers, storedTriggers } from '../trigger-pause';

type Sqlite = Database.Database;

/**
 * pauseFrom: the fewest new customers for which the triggers are paused (below it, the schema
 * changes cost more than the per-row work); perRow: one statement per row and nothing paused,
 * the row-by-row path the equivalence tests compare with.
 */
export const customerBulk = { pauseFrom: 500, perRow: false };

/** The limit-decision credit facts of customer `c` (0017's refresh for credit_limit_decisions). */
const limitFacts = (c: string) =>
  `UPDATE credit_facts SET limit_amount = (SELECT amount FROM credit_limit_decisions WHERE customer_id = ${c} ORDER BY effective_date DESC, id DESC LIMIT 1),
    limit_on = (SELECT MAX(effective_date) FROM credit_limit_decisions WHERE customer_id = ${c}),
    limit_prev_amount = (SELECT amount FROM credit_limit_decisions WHERE customer_id = ${c} ORDER BY effective_date DESC, id DESC LIMIT 1 OFFSET 1),
    limit_prev_on = (SELECT effective_date FROM credit_limit_decisions WHERE customer_id = ${c} ORDER BY effective_date DESC, id DESC LIMIT 1 OFFSET 1),
    initial_limit = (SELECT CASE WHEN source <> 'worksheet' THEN amount END FROM credit_limit_decisions WHERE customer_id = ${c} ORDER BY id LIMIT 1)`;

/**
 * The insert triggers of customers and credit_limit_decisions as migrations 0001, 0013 and 0017
 * create them, each with its work for every row added since the pause (@customer, @decision: the
 * first new id) as one statement; customers' first, so that the credit_facts rows of new
 * customers exist before their limits are refreshed.
 */
export const KNOWN_INSERT_TRIGGERS: readonly { name: string; create: string; catchUp: string }[] = [
  {
    name: 'customers_rev_insert',
    create: `CREATE TRIGGER customers_rev_insert AFTER INSERT ON customers
      BEGIN UPDATE revisions SET rev = rev + 1 WHERE name = 'customers'; END`,
    catchUp: `UPDATE revisions SET rev = rev + (SELECT COUNT(*) FROM customers WHERE id >= @customer)
      WHERE name = 'customers'`,
  },
  {
    name: 'customers_credit_facts_insert',
    create: `CREATE TRIGGER customers_credit_facts_insert AFTER INSERT ON customers BEGIN
      INSERT INTO credit_facts (customer_id, lifecycle, cur_rating, cur_class, cur_limit)
      VALUES (NEW.id, NEW.lifecycle, NEW.credit_rating, NEW.credit_class, NEW.credit_limit); END`,
    catchUp: `INSERT INTO credit_facts (customer_id, lifecycle, cur_rating, cur_class, cur_limit)
      SELECT id, lifecycle, credit_rating, credit_class, credit_limit FROM customers WHERE id >= @customer ORDER BY id`,
  },
  {
    name: 'credit_limit_decisions_credit_rev_insert',
    create: `CREATE TRIGGER credit_limit_decisions_credit_rev_insert AFTER INSERT ON credit_limit_decisions
      BEGIN UPDATE revisions SET rev = rev + 1 WHERE name = 'credit'; END`,
    catchUp: `UPDATE revisions SET rev = rev + (SELECT COUNT(*) FROM credit_limit_decisions WHERE id >= @decision)
      WHERE name = 'credit'`,
  },
  {
    name: 'credit_limit_decisions_credit_facts_insert',
    create: `CREATE TRIGGER credit_limit_decisions_credit_facts_insert AFTER INSERT ON credit_limit_decisions
      BEGIN ${limitFacts('NEW.customer_id')} WHERE customer_id = NEW.customer_id; END`,
    catchUp: `${limitFacts('credit_facts.customer_id')}
      WHERE customer_id IN (SELECT customer_id FROM credit_limit_decisions WHERE id >= @decision)`,
  },
];

const KNOWN_NAMES = KNOWN_INSERT_TRIGGERS.map((k) => k.name);
const spaced = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The insert triggers of customers and credit_limit_decisions are KNOWN_INSERT_TRIGGERS, no more, no other SQL. */
function onlyKnownInsertTriggers(sqlite: Sqlite): boolean {
  const inserts = storedTriggers(sqlite, { tables: ['customers', 'credit_limit_decisions'] }).filter((t) =>
    /\bINSERT\s+ON\b/i.test(t.sql),
  );
  return (
    inserts.length === KNOWN_INSERT_TRIGGERS.length &&
    KNOWN_INSERT_TRIGGERS.every((k) => inserts.some((t) => t.name === k.name && spaced(t.sql) === spaced(k.create)))
  );
}

export interface CustomerInsertPause {
  /** The first id a new customer / decision gets (all rows added are at or after it). */
  customer: number;
  decision: number;
  /** CREATE statements of the triggers dropped: all of KNOWN_INSERT_TRIGGERS, or none. */
  triggers: string[];
  indexes: string[];
}

const nextId = (sqlite: Sqlite, table: string) =>
  sqlite.prepare(`SELECT COALESCE(MAX(id), 0) + 1 FROM ${table}`).pluck().get() as number;

/** Call inside the import's transaction, before the first new customer is written (null: nothing paused). */
export function pauseCustomerInserts(sqlite: Sqlite, newCustomers: number): CustomerInsertPause | null {
  if (!sqlite.inTransaction) throw new Error('pauseCustomerInserts: only inside the import transaction');
  if (customerBulk.perRow || newCustomers < customerBulk.pauseFrom) return null;
  const triggers = onlyKnownInsertTriggers(sqlite) ? pauseTriggers(sqlite, KNOWN_NAMES) : [];
  return {
    customer: nextId(sqlite, 'customers'),
    decision: nextId(sqlite, 'credit_limit_decisions'),
    triggers,
    indexes: dropIndexesOfEmptyTables(sqlite, ['customers']),
  };
}

/**
 * Ends the pause (before anything reads the customers again): the indexes and triggers back,
 * then each trigger's work for the rows added since the pause.
 */
export function resumeCustomerInserts(sqlite: Sqlite, pause: CustomerInsertPause | null): void {
  if (!pause) return;
  recreateIndexes(sqlite, pause.indexes);
  recreateTriggers(sqlite, pause.triggers);
  if (pause.triggers.length === 0) return;
  for (const k of KNOWN_INSERT_TRIGGERS)
    sqlite.prepare(k.catchUp).run({ customer: pause.customer, decision: pause.decision });
}

/** The customers table is empty (a first import, whose indexes are built at the end). */
export function noCustomersYet(sqlite: Sqlite): boolean {
  return sqlite.prepare('SELECT 1 FROM customers LIMIT 1').get() === undefined;
}
