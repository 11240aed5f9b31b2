// SQL of the collections settings (JSON row in `settings`) and the dunning ladder rows.
import type Database from 'better-sqlite3';
import { COLLECTIONS_SETTINGS_KEY, type CollectionsSettings, type LadderRow } from '../collections-store';

type Sqlite = Database.Database;

export function saveCollectionsSettings(sqlite: Sqlite, s: CollectionsSettings): void {
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(COLLECTIONS_SETTINGS_KEY, JSON.stringify(s));
}

/** Replaces every ladder step (the caller has validated the steps and holds the transaction). */
export function replaceLadderRows(sqlite: Sqlite, steps: LadderRow[]): void {
  sqlite.prepare('DELETE FROM dunning_levels').run();
  const ins = sqlite.prepare(
    'INSERT INTO dunning_levels (level, days, name, letter_template, action) VALUES (?, ?, ?, ?, ?)',
  );
  for (const s of steps) ins.run(s.level, s.days, s.name, s.letterTemplate, s.action);
}
