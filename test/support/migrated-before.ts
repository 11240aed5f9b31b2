// A book migrated up to (not including) a given migration, with two customers (C1 甲公司, C2 乙公司):
// the starting point of the tests that check what a later migration does to an existing book.
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS } from '../../main/db/migrations';

/** Migrates `file` up to (not including) `before` and adds the two customers; the caller closes it. */
export async function bookMigratedBefore(
  file: string,
  before: string,
  now: string,
): Promise<{ sqlite: Database.Database; close: () => Promise<void> }> {
  const sqlite = new Database(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const subset: Record<string, Migration> = {};
  for (const n of Object.keys(MIGRATIONS).filter((n) => n < before)) subset[n] = MIGRATIONS[n];
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => subset } }).migrateToLatest();
  if (error) throw error as Error;
  const cust = sqlite.prepare(
    `INSERT INTO customers (id, code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at)
     VALUES (?, ?, ?, 'company', 'customer', 'active', 'normal', ?, ?, ?, ?)`,
  );
  cust.run(1, 'C1', '甲公司', 'c1', 'jia', now, now);
  cust.run(2, 'C2', '乙公司', 'c2', 'yi', now, now);
  return { sqlite, close: () => db.destroy() };
}
