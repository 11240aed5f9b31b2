// Frozen migration: credit overview speed (issue 12). The credit history tables get covering
// indexes (customer, date, id and the one figure the whole-book pass reads), so that pass reads
// narrow index pages instead of the wide rows with their JSON; they replace the narrower
// indexes of 0005 (same leading columns, so every per-customer lookup still uses them). A
// `revisions` counter 'credit', moved by triggers on every write to a table the credit position
// reads, lets the per-connection cache of the whole-book credit facts (db/credit-store.ts) know
// when to reload, whichever connection wrote. Never edit after release — add a new file.
import { sql, type Kysely } from 'kysely';

const COVERING: [table: string, old: string, name: string, cols: string[]][] = [
  [
    'credit_ratings',
    'credit_ratings_customer',
    'credit_ratings_customer_grade',
    ['customer_id', 'rated_on', 'id', 'grade'],
  ],
  [
    'credit_classes',
    'credit_classes_customer',
    'credit_classes_customer_class',
    ['customer_id', 'set_on', 'id', 'class'],
  ],
  [
    'credit_limit_decisions',
    'credit_limit_decisions_customer',
    'credit_limit_decisions_customer_amount',
    ['customer_id', 'effective_date', 'id', 'amount', 'source'],
  ],
];

/** Every table whose rows feed a customer's credit facts (besides customers, which has its own counter). */
const CREDIT_FACT_TABLES = [
  'credit_ratings',
  'credit_classes',
  'credit_limit_decisions',
  'credit_reviews',
  'notes_receivable',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, old, name, cols] of COVERING) {
    await db.schema.createIndex(name).on(table).columns(cols).execute();
    await db.schema.dropIndex(old).ifExists().execute();
  }
  await sql`INSERT OR IGNORE INTO revisions (name, rev) VALUES ('credit', 0)`.execute(db);
  for (const table of CREDIT_FACT_TABLES)
    for (const ev of ['INSERT', 'UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_credit_rev_${ev.toLowerCase()} AFTER ${ev} ON ${table} BEGIN UPDATE revisions SET rev = rev + 1 WHERE name = 'credit'; END`,
        )
        .execute(db);
}
