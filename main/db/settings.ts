// The book's key/value settings table read synchronously on the raw connection (inside the
// receivables queue, where kysely's async reads would let another write slip in).
import type Database from 'better-sqlite3';

export function settingValue(sqlite: Database.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}
