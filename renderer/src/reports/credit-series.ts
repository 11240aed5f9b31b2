// Pure data shaping for the credit overview charts and the back-test table.
import type { CreditBacktestOut, CreditOverviewOut } from '@shared/types-credit';

/** Grade bars AAA … D up to the lowest grade that has customers. */
export function gradeSeries(grades: CreditOverviewOut['grades']): { grade: string; customers: number }[] {
  let last = -1;
  grades.forEach((g, i) => {
    if (g.customers > 0) last = i;
  });
  return grades.slice(0, Math.max(last + 1, 0)).map((g) => ({ grade: g.grade, customers: g.customers }));
}

/** Utilisation bands with their labels and a colour class: green under 80 %, amber to 100 %, red over. */
export function utilisationSeries(util: CreditOverviewOut['utilisation'], label: (band: string) => string) {
  return util.map((u) => ({
    band: u.band,
    label: label(u.band),
    customers: u.customers,
    tone: u.band === 'over' ? 'red' : u.band === '90-100' || u.band === '80-90' ? 'amber' : 'green',
  }));
}

/** Back-test rows of grades with customers; share as a percentage with one decimal ("12.5%"). */
export function backtestRows(
  rows: CreditBacktestOut['rows'],
): { grade: string; customers: number; bad: number; share: string }[] {
  return rows
    .filter((r) => r.customers > 0)
    .map((r) => ({ grade: r.grade, customers: r.customers, bad: r.bad, share: bpText(r.badBp) }));
}

/** Basis points as "103.3%" (one decimal, half up), null → "—". */
export function bpText(bp: number | null): string {
  if (bp === null) return '—';
  const tenths = Math.round(bp / 10);
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}
