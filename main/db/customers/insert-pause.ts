// A customer import's bulk insert of NEW customers (100,000 in a first import) without the per-row
// insert triggers of customers and credit_limit_decisions: each of them is a statement run per
// row (a revision bump, the customer's credit_facts row, five index seeks for the limit facts),
// about a third of the insert time. The pause drops them inside the import's own transaction
// and resuming creates them again from their stored SQL, unchanged, before the commit (as
// receipt-import.ts does for its trigger): no reader sees them gone, and a rollback restores
// them. Resuming then does, once and set-based, what they would have done for the rows added
// since the pause (ids only grow). The triggers are paused only when every insert trigger of the
// two tables has a stored SQL whose set-based form is known here: with one more (a later
// migration's) they all keep firing, as the facts rows they read might not be there yet.
// The secondary indexes of an EMPTY customers table are dropped too and rebuilt at the resume.
import type Database from 'better-sqlite3';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../receivables/bulk-indexes';

type Sqlite = Database.Database;

/**
 * pauseFrom: the fewest new customers for which the triggers are paused (below it, the schema
 * changes cost more than the per-row work); perRow: one statement per row and nothing paused,
 * the row-by-row path the equivalence tests compare with.
 */
export const customerBulk = { pauseFrom: 500, perRow: false };

/** An insert trigger's per-row work as one statement over the rows with id ≥ ? (the mark). */
interface SetBased {
  table: 'customers' | 'credit_limit_decisions';
  sql: string;
}

/** `UPDATE revisions SET rev = rev + 1 WHERE name = 'x'` per row → + the number of rows added. */
function revisionBump(table: SetBased['table'], body: string): string | null {
  const m = /^UPDATE revisions SET rev = rev \+ 1 WHERE name = '(\w+)';$/.exec(body);
  return m && `UPDATE revisions SET rev = rev + (SELECT COUNT(*) FROM ${table} WHERE id >= ?) WHERE name = '${m[1]}'`;
}

/** customers → credit_facts: `INSERT INTO t (cols) VALUES (NEW.a, …)` → the same from a SELECT of the new rows. */
function factsInsert(body: string): string | null {
  const m = /^INSERT INTO credit_facts \(([\w, ]+)\)\s+VALUES \(((?:NEW\.\w+, )*NEW\.\w+)\);$/.exec(body);
  if (!m) return null;
  const values = m[2].replaceAll('NEW.', '');
  return `INSERT INTO credit_facts (${m[1]}) SELECT ${values} FROM customers WHERE id >= ? ORDER BY id`;
}

/** decisions → credit_facts: the trigger's UPDATE … WHERE customer_id = NEW.customer_id, for every customer given a decision. */
function factsRefresh(body: string): string | null {
  const m = /^(UPDATE credit_facts SET [\s\S]*) WHERE customer_id = NEW\.customer_id;$/.exec(body);
  if (!m || m[1].replaceAll('NEW.customer_id', '').includes('NEW.')) return null;
  return `${m[1].replaceAll('NEW.customer_id', 'credit_facts.customer_id')}
    WHERE customer_id IN (SELECT customer_id FROM credit_limit_decisions WHERE id >= ?)`;
}

/** The set-based form of an insert trigger of customers or credit_limit_decisions (null: not known here). */
export function setBasedForm(triggerSql: string): SetBased | null {
  const m = /^CREATE TRIGGER \w+ AFTER INSERT ON (customers|credit_limit_decisions) BEGIN\s+([\s\S]*?)\s*END$/.exec(
    triggerSql,
  );
  if (!m) return null;
  const table = m[1] as SetBased['table'];
  const body = m[2];
  const sql = revisionBump(table, body) ?? (table === 'customers' ? factsInsert(body) : factsRefresh(body));
  return sql ? { table, sql } : null;
}

export interface CustomerInsertPause {
  /** The first id a new customer / decision gets (all rows added are at or after it). */
  customer: number;
  decision: number;
  /** CREATE statements of the triggers dropped, with their set-based form. */
  triggers: { create: string; then: SetBased }[];
  indexes: string[];
}

const nextId = (sqlite: Sqlite, table: string) =>
  sqlite.prepare(`SELECT COALESCE(MAX(id), 0) + 1 FROM ${table}`).pluck().get() as number;

/** Call inside the import's transaction, before the first new customer is written (null: nothing paused). */
export function pauseCustomerInserts(sqlite: Sqlite, newCustomers: number): CustomerInsertPause | null {
  if (!sqlite.inTransaction) throw new Error('pauseCustomerInserts: only inside the import transaction');
  if (customerBulk.perRow || newCustomers < customerBulk.pauseFrom) return null;
  const inserts = (
    sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('customers', 'credit_limit_decisions')
         ORDER BY rowid`,
      )
      .all() as { name: string; sql: string }[]
  )
    .filter((t) => /\bINSERT\s+ON\b/i.test(t.sql))
    .map((t) => ({ ...t, then: setBasedForm(t.sql) }));
  const triggers: CustomerInsertPause['triggers'] = [];
  if (inserts.every((t) => t.then !== null))
    for (const t of inserts) {
      sqlite.exec(`DROP TRIGGER "${t.name}"`);
      triggers.push({ create: t.sql, then: t.then! });
    }
  return {
    customer: nextId(sqlite, 'customers'),
    decision: nextId(sqlite, 'credit_limit_decisions'),
    triggers,
    indexes: dropIndexesOfEmptyTables(sqlite, ['customers']),
  };
}

/**
 * Ends the pause (before anything reads the customers again): the indexes and triggers back,
 * then each trigger's work for the rows added since the pause, those of customers first (the
 * credit_facts rows of new customers exist before their limits are refreshed).
 */
export function resumeCustomerInserts(sqlite: Sqlite, pause: CustomerInsertPause | null): void {
  if (!pause) return;
  recreateIndexes(sqlite, pause.indexes);
  for (const t of pause.triggers) sqlite.exec(t.create);
  const customersFirst = [...pause.triggers].sort(
    (a, b) => Number(a.then.table !== 'customers') - Number(b.then.table !== 'customers'),
  );
  for (const { then } of customersFirst)
    sqlite.prepare(then.sql).run(then.table === 'customers' ? pause.customer : pause.decision);
}
