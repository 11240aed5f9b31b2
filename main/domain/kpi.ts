// Receivables KPIs, SPEC §2. Amounts stay integer fen (rounded half away from zero where a
// division is needed); ratios such as shares, DSO and collection rate are not money, so they are
// plain numbers for display, with an integer basis-point twin where a stable value is useful.
import { mulDivRound, type Fen } from '../../shared/money';
import { assertDate, daysBetween, type IsoDate } from './dates';
import { divRoundBig } from './exact-sums';
import type { Ledger, OpenItem } from './ageing';

export interface ReceivableSummary {
  /** Σ open invoice amounts (gross receivable). */
  totalReceivable: Fen;
  /** Part of it past due (daysPastDue > 0). */
  overdue: Fen;
  notDue: Fen;
  /** overdue ÷ total in basis points, rounded half-up; null when there is no receivable. */
  overdueShareBp: number | null;
  overdueShare: number | null;
  /** Unapplied credit (≤ 0) and the net position. */
  unapplied: Fen;
  net: Fen;
}

export function receivableSummary(
  items: readonly Pick<OpenItem, 'open' | 'daysPastDue'>[],
  unapplied: Fen = 0,
): ReceivableSummary {
  let total = 0;
  let overdue = 0;
  for (const it of items) {
    if (it.open <= 0) continue;
    total += it.open;
    if (it.daysPastDue > 0) overdue += it.open;
  }
  return {
    totalReceivable: total,
    overdue,
    notDue: total - overdue,
    overdueShareBp: total === 0 ? null : mulDivRound(overdue, 10_000, total),
    overdueShare: total === 0 ? null : overdue / total,
    unapplied,
    net: total + unapplied,
  };
}

/** Mean of balances, rounded half away from zero to the fen. */
export function averageReceivable(balances: readonly Fen[]): Fen {
  if (balances.length === 0) throw new RangeError('averageReceivable needs at least one balance');
  return mulDivRound(
    balances.reduce((s, b) => s + b, 0),
    1,
    balances.length,
  );
}

export interface PeriodFlows {
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Balance at the end of the day before `from`. */
  opening: Fen;
  /** Invoices dated in the period (credit sales). */
  sales: Fen;
  /** Receipts dated in the period. */
  collected: Fen;
  /** Credit notes and write-offs dated in the period. */
  otherCredits: Fen;
  closing: Fen;
  /** Mean of the end-of-day balances over every day of the period. */
  averageDailyBalance: Fen;
}

/** Flows and the daily average balance of a ledger (one customer or the whole book). */
export function periodFlows(ledger: Ledger, from: IsoDate, to: IsoDate): PeriodFlows {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (from > to) throw new RangeError(`period: from ${from} is after to ${to}`);
  const days = daysBetween(from, to) + 1;
  const deltas = new Array<number>(days).fill(0);
  let opening = 0;
  let sales = 0;
  let collected = 0;
  let otherCredits = 0;
  const move = (date: IsoDate, delta: Fen, kind: 'sale' | 'receipt' | 'other'): void => {
    if (date > to) return;
    if (date < from) {
      opening += delta;
      return;
    }
    deltas[daysBetween(from, date)] += delta;
    if (kind === 'sale') sales += delta;
    else if (kind === 'receipt') collected -= delta;
    else otherCredits -= delta;
  };
  for (const i of ledger.invoices) move(i.issueDate, i.amount, 'sale');
  for (const r of ledger.receipts) move(r.date, -r.amount, 'receipt');
  for (const c of ledger.creditNotes ?? []) move(c.date, -c.amount, 'other');
  for (const w of ledger.writeOffs ?? []) move(w.date, -w.amount, 'other');
  let balance = opening;
  // Σ end-of-day balances is money × days: past 2^53 within the gross caps (a year at 10^15 fen),
  // so it is summed exactly (exact-sums.ts)
  let sum = 0n;
  for (const d of deltas) {
    balance += d;
    sum += BigInt(balance);
  }
  return {
    from,
    to,
    days,
    opening,
    sales,
    collected,
    otherCredits,
    closing: balance,
    averageDailyBalance: divRoundBig(sum, BigInt(days)),
  };
}

/** DSO = average receivable ÷ credit sales in the period × days in the period; null without sales. */
export function dso(averageReceivableFen: Fen, creditSales: Fen, days: number): number | null {
  if (creditSales <= 0) return null;
  return (averageReceivableFen / creditSales) * days;
}

/** Collection rate (回款率) = collected ÷ (opening receivable + sales in the period). */
export function collectionRate(
  collected: Fen,
  openingReceivable: Fen,
  sales: Fen,
): { ratio: number | null; bp: number | null } {
  const base = openingReceivable + sales;
  if (base <= 0) return { ratio: null, bp: null };
  return { ratio: collected / base, bp: mulDivRound(collected, 10_000, base) };
}

/**
 * Opportunity cost of carrying receivables = average receivable × cost-of-capital rate × days ÷ 365,
 * with the annual rate in basis points (600 = 6 %), rounded half away from zero to the fen.
 */
export function opportunityCost(averageReceivableFen: Fen, annualRateBp: number, days: number): Fen {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  if (!Number.isSafeInteger(annualRateBp) || annualRateBp < 0)
    throw new RangeError(`rate must be non-negative basis points, got ${annualRateBp}`);
  // Money owed to the customer (a net credit) ties up none of our capital: no negative cost.
  if (averageReceivableFen <= 0) return 0;
  return mulDivRound(averageReceivableFen, annualRateBp * days, 10_000 * 365);
}

export interface ReceivablesCost {
  opportunityCost: Fen;
  provision: Fen;
  total: Fen;
}

/** Receivables cost = opportunity cost + bad-debt provision (bad-debt cost). */
export function receivablesCost(opportunity: Fen, provision: Fen): ReceivablesCost {
  return { opportunityCost: opportunity, provision, total: opportunity + provision };
}

/** Share of a part in a whole in basis points, rounded half-up; null for an empty whole. */
export function shareBp(part: Fen, whole: Fen): number | null {
  return whole === 0 ? null : mulDivRound(part, 10_000, whole);
}
