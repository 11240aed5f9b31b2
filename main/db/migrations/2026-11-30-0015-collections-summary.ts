// Frozen migration: what the collection calendar's month view reads without scanning every row
// (issue #13 speed). `collection_next_steps` keeps, per collection record with a next step, the
// date it was done: the first later record of the same customer (higher id, dated on or after
// it) — so "open as of D" is `done_on IS NULL OR done_on > D`, read from an index instead of a
// per-record EXISTS. SQLite triggers keep it in the same transaction as every write to
// collection_records. invoices_open_due serves the day totals of open invoices by due date.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

/** done_on of the record `r` (a SELECT fragment over collection_records r). */
const DONE_ON = `(SELECT MIN(l.date) FROM collection_records l
                   WHERE l.customer_id = r.customer_id AND l.id > r.id AND l.date >= r.date)`;
const STEP_ROWS = `SELECT r.id, r.customer_id, r.date, r.next_date, CASE WHEN r.next_step = 'visit' THEN 1 ELSE 0 END, ${DONE_ON}
                   FROM collection_records r WHERE r.next_step IS NOT NULL AND r.next_date IS NOT NULL`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE collection_next_steps (
    record_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    next_date TEXT NOT NULL,
    visit INTEGER NOT NULL,
    done_on TEXT
  )`.execute(db);
  await sql`CREATE INDEX collection_next_steps_day ON collection_next_steps (next_date, visit, done_on)`.execute(db);
  await sql`CREATE INDEX collection_next_steps_customer ON collection_next_steps (customer_id, next_date, visit, done_on)`.execute(
    db,
  );
  await sql
    .raw(`INSERT INTO collection_next_steps (record_id, customer_id, date, next_date, visit, done_on) ${STEP_ROWS}`)
    .execute(db);
  // a new record: its own next step (if any), and it marks the customer's earlier steps done
  await sql
    .raw(
      `CREATE TRIGGER collection_next_steps_insert AFTER INSERT ON collection_records BEGIN
      UPDATE collection_next_steps SET done_on = NEW.date
       WHERE customer_id = NEW.customer_id AND record_id < NEW.id AND date <= NEW.date
         AND (done_on IS NULL OR done_on > NEW.date);
      INSERT INTO collection_next_steps (record_id, customer_id, date, next_date, visit, done_on)
        ${STEP_ROWS} AND r.id = NEW.id;
    END`,
    )
    .execute(db);
  // an edited or removed record: the customer's (old and new) steps worked out again
  for (const [event, who] of [
    ['UPDATE', 'OLD.customer_id, NEW.customer_id'],
    ['DELETE', 'OLD.customer_id'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER collection_next_steps_${event.toLowerCase()} AFTER ${event} ON collection_records BEGIN
        DELETE FROM collection_next_steps WHERE customer_id IN (${who});
        INSERT INTO collection_next_steps (record_id, customer_id, date, next_date, visit, done_on)
          ${STEP_ROWS} AND r.customer_id IN (${who});
      END`,
      )
      .execute(db);
  await sql`CREATE INDEX invoices_open_due ON invoices (due_date, issue_date, open_amount, customer_id) WHERE settled_on IS NULL`.execute(
    db,
  );
}
