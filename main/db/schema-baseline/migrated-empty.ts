// An empty in-memory book brought up to date by running the migrations one by one, the way an
// old book is updated: the source of the baseline script and the reference its test compares with.
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { sqliteNativeBinding } from '../native-binding';

export async function migrateEmptyInMemory(migrations: Record<string, Migration>): Promise<Database.Database> {
  const nb = sqliteNativeBinding();
  const sqlite = new Database(':memory:', nb ? { nativeBinding: nb } : {});
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    sqlite.close();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return sqlite; // kysely's SqliteDialect only closes the handle on destroy(); the caller closes it
}
