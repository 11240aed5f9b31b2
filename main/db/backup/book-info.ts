// Small readers of a book's identity, kept apart so they are easy to swap for the services'
// own accessors: company name from `settings`, schema version = applied kysely migrations.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../migrations';

/** Schema version this app writes and understands (= number of migrations it knows). */
export const APP_SCHEMA_VERSION: number = SCHEMA_VERSION;

let nativeBinding: string | undefined;

/** Electron opens SQLite with its own native build (see connection.ts setSqliteNativeBinding):
 *  main must pass the same file here; the check worker uses it too. */
export function setBackupNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}
export function backupNativeBinding(): string | undefined {
  return nativeBinding;
}

/** Plain better-sqlite3 handle without the app's pragmas (backup copies, temp files). */
export function openRawSqlite(
  file: string,
  opts: { readonly?: boolean; fileMustExist?: boolean } = {},
): Database.Database {
  return new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

function hasTable(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?").get(name);
}

/** Company name from settings 'company.name', else the book file's base name. */
export function readCompanyName(db: Database.Database, dbPath?: string): string {
  try {
    if (hasTable(db, 'settings')) {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'company.name'").get() as
        { value?: unknown } | undefined;
      if (row && typeof row.value === 'string' && row.value.trim() !== '') return row.value.trim();
    }
  } catch {
    /* fall back to the file name */
  }
  const file = dbPath ?? db.name;
  return path.basename(file).replace(/\.(sqlite3?|db|cdbook)$/i, '') || 'book';
}

/** Number of applied kysely migrations (0 for a book without the migration table). */
export function readSchemaVersion(db: Database.Database): number {
  if (!hasTable(db, 'kysely_migration')) return 0;
  return (db.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n;
}

let cachedVersion: string | undefined;
/** Version of the app from the nearest package.json named "creditdesk" (fallback 0.0.0). */
export function readAppVersion(): string {
  if (cachedVersion) return cachedVersion;
  cachedVersion = '0.0.0';
  try {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 8; i++) {
      const pkg = path.join(dir, 'package.json');
      if (fs.existsSync(pkg)) {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (json.name === 'creditdesk' && json.version) {
          cachedVersion = json.version;
          break;
        }
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } catch {
    /* bundled without import.meta: keep the fallback */
  }
  return cachedVersion;
}

/** Throws unless the file opens as an SQLite database (the first read checks the header). */
export function assertReadableSqlite(sqlite: Database.Database): void {
  sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
}
