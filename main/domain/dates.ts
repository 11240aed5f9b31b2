// Calendar dates are 'YYYY-MM-DD' strings. Arithmetic goes through integer day numbers
// (days since 1970-01-01, from Date.UTC) so time zones and DST can never shift a date.

export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function utcMs(y: number, m: number, d: number): number {
  const t = new Date(Date.UTC(2000, m - 1, d));
  // Date.UTC maps years 0–99 to 1900–1999; setting the year afterwards avoids that.
  t.setUTCFullYear(y);
  return t.getTime();
}

/** True for a real calendar date 0001-01-01 … 9999-12-31 written as YYYY-MM-DD. */
export function isValidDate(date: unknown): date is IsoDate {
  if (typeof date !== 'string') return false;
  const p = parts(date);
  if (!p) return false;
  const [y, m, d] = p;
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function assertDate(date: unknown, field = 'date'): asserts date is IsoDate {
  if (!isValidDate(date)) throw new RangeError(`${field} must be a date YYYY-MM-DD, got ${String(date)}`);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

// Ageing a large book converts the same few thousand dates millions of times: remember them.
const dayCache = new Map<string, number>();

/** Integer day number (1970-01-01 = 0). */
export function toDayNumber(date: IsoDate): number {
  const hit = dayCache.get(date);
  if (hit !== undefined) return hit;
  assertDate(date);
  const [y, m, d] = parts(date)!;
  const n = Math.round(utcMs(y, m, d) / MS_PER_DAY);
  if (dayCache.size >= 100_000) dayCache.clear();
  dayCache.set(date, n);
  return n;
}

export function fromDayNumber(day: number): IsoDate {
  if (!Number.isSafeInteger(day)) throw new RangeError(`day number must be an integer, got ${day}`);
  const t = new Date(day * MS_PER_DAY);
  const y = t.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError(`date out of range (year ${y})`);
  return `${String(y).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** to − from in whole days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1 / 0 / 1. Valid ISO dates order the same as strings, so no parsing is needed. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function minDate(...dates: IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function monthStart(date: IsoDate): IsoDate {
  assertDate(date);
  return `${date.slice(0, 8)}01`;
}

export function monthEnd(date: IsoDate): IsoDate {
  assertDate(date);
  const [y, m] = parts(date)!;
  return `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** Same day n months later; clamps to the month's last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`months must be an integer, got ${n}`);
  const [y, m, d] = parts(date)!;
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < 1 || ny > 9999) throw new RangeError(`date out of range (year ${ny})`);
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, n * 12);
}

/** Due date = issue date + payment terms (days), the SPEC's default. */
export function dueDateFor(issueDate: IsoDate, termsDays: number): IsoDate {
  return addDays(issueDate, termsDays);
}
