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
import { mulDivRound } from '../../shared/money';
import type { ForecastWeek } from '../../shared/types-collections-kpis';
import { addDays, daysBetween, toDayNumber } from './dates';

export function ceiBp(opening: number, sales: number, closing: number, closingCurrent: number): number | null {
  const den = opening + sales - closingCurrent;
  if (den <= 0) return null;
  return mulDivRound(opening + sales - closing, 10_000, den);
}

export function bestPossibleDsoTenths(closingCurrent: number, sales: number, days: number): number | null {
  if (sales <= 0) return null;
  return mulDivRound(closingCurrent, days * 10, sales);
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
