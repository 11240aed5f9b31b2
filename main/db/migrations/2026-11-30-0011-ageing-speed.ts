// Frozen migration: ageing speed (issue 16). Never edit after release — add a new dated file.
// The customer directory of every whole-book report (code order, name, credit limit) read from
// one covering index instead of a lookup of each wide customer row (address, profile, search
// text …): about half the time of loading 100,000 customers, a part of every first ageing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customers_directory ON customers (code, name, credit_limit)`.execute(db);
}
