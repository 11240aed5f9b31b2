// The header row: English keys or Chinese labels mapped to field keys; unknown or missing
// required columns are errors naming the column (row 1).
import { AppError } from '../../shared/result';

/** Maps headers (English keys or Chinese labels) to field keys; unknown headers are errors. */
export function mapHeaders(
  headers: string[],
  known: readonly string[],
  chinese: Record<string, string>,
  aliases: Record<string, string> = {},
): Map<string, string> {
  const byChinese = new Map(Object.entries(chinese).map(([k, zh]) => [zh, k]));
  const map = new Map<string, string>();
  const unknown: string[] = [];
  for (const h of headers) {
    if (!h) continue;
    const key = known.includes(h.toLowerCase()) ? h.toLowerCase() : (byChinese.get(h) ?? aliases[h]);
    if (!key || !known.includes(key)) unknown.push(h);
    else map.set(h, key);
  }
  if (unknown.length) {
    throw new AppError('VALIDATION', `unknown column(s): ${unknown.join(', ')}`, {
      field: 'header',
      rows: unknown.map((u) => ({ row: 1, field: u, message: 'unknown column' })),
    });
  }
  return map;
}

/** Throws when a required column is not among the file's columns. */
export function requireColumns(fileName: string, present: Iterable<string>, required: readonly string[]): void {
  const have = new Set(present);
  const missing = required.filter((k) => !have.has(k));
  if (missing.length) {
    throw new AppError('VALIDATION', `${fileName}: missing required column(s): ${missing.join(', ')}`, {
      field: 'header',
      rows: missing.map((m) => ({ row: 1, field: m, message: 'required column is missing' })),
    });
  }
}
