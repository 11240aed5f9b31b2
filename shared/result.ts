// Result<T> is how every IPC handler answers: errors cross the process boundary as data.

export type ErrorCode =
  | 'VALIDATION' // bad input: `field` names the field, `rows` lists bad rows of an import
  | 'NOT_FOUND'
  | 'CONFLICT' // e.g. duplicate customer code
  | 'FORBIDDEN' // e.g. terminated customer is read-only, wrong operator password
  | 'CONFIRMATION_REQUIRED' // confidential data asked for without confirmation
  | 'NO_OPERATOR' // an operator must be chosen first
  | 'INTERNAL';

export interface RowError {
  row: number; // spreadsheet row as the user sees it: header is row 1, first data row is row 2
  field: string;
  message: string;
  /** values for a message key that names something (validation.edge_increasing: { bucket: 3, … }) */
  values?: Record<string, string | number>;
}

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  rows?: RowError[];
  /** message key (shared/messages/server-messages.ts) and its values: shown in the user's language */
  key?: string;
  values?: Record<string, string | number>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

/** Thrown inside main-process services; converted to a Result at the IPC edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly rows?: RowError[];
  readonly key?: string;
  readonly values?: Record<string, string | number>;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; rows?: RowError[]; key?: string; values?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.rows = opts.rows;
    this.key = opts.key;
    this.values = opts.values;
  }
  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message };
    if (this.field) d.field = this.field;
    if (this.rows) d.rows = this.rows;
    if (this.key) d.key = this.key;
    if (this.values) d.values = this.values;
    return d;
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
