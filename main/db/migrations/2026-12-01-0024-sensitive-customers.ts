// Frozen migration: the confidential and top-secret customers (masked in every export) found from
// a small partial index instead of a scan of the whole customers table on each export.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customers_sensitive ON customers (code, confidentiality) WHERE confidentiality IN ('confidential', 'top_secret')`.execute(
    db,
  );
}
