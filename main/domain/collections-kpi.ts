// Collections KPIs (issue #13 item 7), integer arithmetic throughout:
// - CEI (collection effectiveness index, %) = (opening AR + credit sales − closing AR)
//     ÷ (opening AR + credit sales − closing current AR) × 100; here in basis points, rounded
//     half up; null when the denominator is not positive. "Current" = not yet due at the
//     period's end (due date ≥ the last day).
// - Best-possible DSO = closing current AR ÷ credit sales × days in the period; in tenths of a
//   day, rounded half up; null without sales.
// - Promise-kept rate = kept ÷ decided (kept + partly kept + broken), pending left out.
// - 13-week cash-in forecast: each open invoice is expected on its due date + its customer's
//   average days late (domain/worklist-score.ts; no history → 0). Week k (1..13) is
//   [asOf + 7(k−1), asOf + 7k − 1]; expected before asOf → pastDue, after week 13 → later.
// The money sums are exact (below 4 × 10^15 fen by book-limits.ts) but a ratio of them need not
// be: 1 fen of sales against 10^15 fen not yet due is a DSO of 3.1 × 10^17 tenths over 31 days,
// past 2^53 (mulDivRound threw: the dashboard's KPIs answered INTERNAL). Such a ratio has no
// meaningful figure and is null ("—"), like a ratio without a denominator.
import { mulDivRound } from '../../shared/money';

/** round(a × b ÷ c), or null when that is past 2^53 (no exact, meaningful figure). */
function ratioOrNull(a: number, b: number, c: number): number | null {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const twice = (BigInt(a) * BigInt(b) * 2n) / BigInt(c); // |round| ≤ limit ⇔ |2ab/c| < 2·limit + 1
  if (twice > 2n * limit || twice < -2n * limit) return null;
  return mulDivRound(a, b, c);
}
import type { ForecastWeek } from '../../shared/types-collections-kpis';
import { addDays, daysBetween, toDayNumber } from './dates';

export function ceiBp(opening: number, sales: number, closing: number, closingCurrent: number): number | null {
  const den = opening + sales - closingCurrent;
  if (den <= 0) return null;
  return ratioOrNull(opening + sales - closing, 10_000, den);
}

export function bestPossibleDsoTenths(closingCurrent: number, sales: number, days: number): number | null {
  if (sales <= 0) return null;
  return ratioOrNull(closingCurrent, days * 10, sales);
}

export function rateBp(part: number, whole: number): number | null {
  return whole > 0 ? mulDivRound(part, 10_000, whole) : null;
}

export interface DailyTotals {
  date: string;
  invoiced: number;
  received: number;
  credited: number;
  written_off: number;
}

/** Opening (end of the day before `from`) and closing (end of `to`) book balance, and credit sales in [from, to]. */
export function periodBalances(
  days: readonly DailyTotals[],
  from: string,
  to: string,
): { opening: number; sales: number; closing: number; days: number } {
  let opening = 0;
  let sales = 0;
  let closing = 0;
  for (const d of days) {
    if (d.date > to) break;
    const move = d.invoiced - d.received - d.credited - d.written_off;
    closing += move;
    if (d.date < from) opening += move;
    else sales += d.invoiced;
  }
  return { opening, sales, closing, days: daysBetween(from, to) + 1 };
}

export interface OpenByDue {
  customerId: number;
  dueDate: string;
  open: number;
}

export const FORECAST_WEEKS = 13;

export function cashInForecast(
  open: Iterable<OpenByDue>,
  averageLate: (customerId: number) => number,
  asOf: string,
): { pastDue: number; weeks: ForecastWeek[]; later: number } {
  const weeks: ForecastWeek[] = Array.from({ length: FORECAST_WEEKS }, (_, k) => ({
    week: k + 1,
    from: addDays(asOf, 7 * k),
    to: addDays(asOf, 7 * k + 6),
    expected: 0,
  }));
  const start = toDayNumber(asOf);
  let pastDue = 0;
  let later = 0;
  for (const o of open) {
    const offset = toDayNumber(o.dueDate) + averageLate(o.customerId) - start;
    if (offset < 0) pastDue += o.open;
    else if (offset >= 7 * FORECAST_WEEKS) later += o.open;
    else weeks[Math.floor(offset / 7)].expected += o.open;
  }
  return { pastDue, weeks, later };
}
