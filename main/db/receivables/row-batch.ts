// Multi-row statements for bulk writes (a receipts import's 664k receipts, 1.07M allocations
// and 900k invoice updates): one statement of many rows costs a little more than a statement
// of one, so writing ROWS rows at a time removes most of the per-statement work (preparing the
// step, the AUTOINCREMENT counter read and written, the statement journal opened and closed),
// about half of what writing the rows one by one cost. The rows keep their order, so the ids
// an INSERT gives them are the ones a row-by-row insert would have given. A value every row
// shares (an import's source and created_at) is one named parameter of the statement, bound
// once rather than once a row: binding a string is a UTF-8 copy, and two of them in each of
// 664k receipts and one in each of 1.07M allocations were 0.4-0.7 s of CPU.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';

type Sqlite = Database.Database;

/** Rows per statement: 64 rows of ten values stay far below SQLite's bound-parameter limit. */
export const BATCH_ROWS = 64;

/**
 * Collects rows of `width` values (`values.push(...)`, then `end()`) and runs `sql(n)` — a
 * statement of `n` rows, their `n × width` values bound in order, and `shared` bound to its
 * named parameters (the same for every row) — for every BATCH_ROWS rows, and for the rest at
 * flush().
 */
export class RowBatch {
  readonly values: unknown[] = [];
  private rows = 0;
  /** For an INSERT: the id of the first row written and of the latest (0 before any). */
  firstId = 0;
  lastId = 0;
  private full: Database.Statement | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly sql: (rows: number) => string,
    private readonly width: number,
    private readonly shared?: Record<string, unknown>,
  ) {}

  /**
   * Marks the values pushed since the last call as one row; runs the statement when BATCH_ROWS
   * are in (then true: the ids of an INSERT's rows are lastId − BATCH_ROWS + 1 … lastId).
   */
  end(): boolean {
    if (++this.rows < BATCH_ROWS) return false;
    this.flush();
    return true;
  }

  /** Runs the statement for the rows collected (if any). */
  flush(): void {
    if (this.rows === 0) return;
    if (this.values.length !== this.rows * this.width)
      throw new Error(`RowBatch: ${this.values.length} values for ${this.rows} rows of ${this.width}`);
    const s =
      this.rows === BATCH_ROWS
        ? (this.full ??= stmt(this.sqlite, this.sql(BATCH_ROWS)))
        : stmt(this.sqlite, this.sql(this.rows));
    const r = this.shared ? s.run(this.values, this.shared) : s.run(this.values);
    this.lastId = Number(r.lastInsertRowid);
    if (this.firstId === 0) this.firstId = this.lastId - this.rows + 1;
    this.values.length = 0;
    this.rows = 0;
  }
}

/**
 * `(?, ?, …)` for `width` values, `rows` times, comma-separated: the VALUES of a multi-row
 * statement; `shared` (named parameters such as `@createdAt`) end every row. `cells`: the
 * row's `width` placeholders when some is more than `?` (oneOf).
 */
export function valueRows(
  rows: number,
  width: number,
  shared: readonly string[] = [],
  cells?: readonly string[],
): string {
  const one = `(${[...(cells ?? new Array<string>(width).fill('?')), ...shared].join(', ')})`;
  return new Array<string>(rows).fill(one).join(', ');
}

/**
 * `CASE ? WHEN 0 THEN 'a' WHEN 1 THEN 'b' … END`: a column of a few fixed strings bound as the
 * index of its value (an integer binds without the UTF-8 copy of a string).
 */
export function oneOf(values: readonly string[]): string {
  const quoted = (v: string) => `'${v.replaceAll("'", "''")}'`;
  return `CASE ? ${values.map((v, k) => `WHEN ${k} THEN ${quoted(v)}`).join(' ')} END`;
}
