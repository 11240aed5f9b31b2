// Dunning ladder (催收级别), SPEC §5 "The exact rules". Days overdue = the largest (D − due)
// over the customer's invoices open as of D with D − due > 0; overdue amount = their open
// amounts; level = the highest ladder step whose days ≤ days overdue (none below the first);
// paused with a pending promise as of D or an open dispute.
import { daysBetween } from './dates';

export const DUNNING_ACTIONS = ['none', 'credit_hold', 'stop_supply', 'legal'] as const;
export type DunningAction = (typeof DUNNING_ACTIONS)[number];

export interface LadderStep {
  level: number; // 1, 2, ...
  days: number; // days overdue from which this step applies
  name: string;
  letterTemplate: string;
  action: DunningAction;
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { level: 1, days: 7, name: '友情提醒', letterTemplate: 'friendly', action: 'none' },
  { level: 2, days: 30, name: '正式催款函', letterTemplate: 'firm', action: 'none' },
  { level: 3, days: 60, name: '暂停供货', letterTemplate: 'stop_supply', action: 'credit_hold' },
  { level: 4, days: 90, name: '最后通知', letterTemplate: 'final', action: 'none' },
  { level: 5, days: 120, name: '法律程序', letterTemplate: 'legal', action: 'legal' },
];

export interface OpenInvoiceAsOf {
  customerId: number;
  dueDate: string;
  open: number; // fen, open as of D (> 0)
}

export interface DunningRow {
  customerId: number;
  daysOverdue: number;
  overdue: number;
  level: number | null;
  paused: boolean;
}

/** Highest step whose days ≤ daysOverdue; null below the first step. */
export function ladderLevel(daysOverdue: number, ladder: readonly LadderStep[]): number | null {
  let best: LadderStep | null = null;
  for (const s of ladder) if (s.days <= daysOverdue && (!best || s.level > best.level)) best = s;
  return best ? best.level : null;
}

/** Ladder problems (empty when fine): levels 1..n in order, days whole, ≥ 1 and strictly increasing. */
export function validateLadder(ladder: readonly LadderStep[]): { index: number; field: string; message: string }[] {
  const out: { index: number; field: string; message: string }[] = [];
  ladder.forEach((s, i) => {
    if (s.level !== i + 1) out.push({ index: i, field: 'level', message: `level must be ${i + 1}` });
    if (!Number.isInteger(s.days) || s.days < 1)
      out.push({ index: i, field: 'days', message: 'days must be a whole number ≥ 1' });
    else if (i > 0 && s.days <= ladder[i - 1].days)
      out.push({ index: i, field: 'days', message: 'days must be more than the level before' });
    if (!s.name.trim()) out.push({ index: i, field: 'name', message: 'name is required' });
  });
  return out;
}

/** One row per customer with an overdue amount, in customer-id order (the caller sorts by code). */
export function dunningRows(
  invoices: Iterable<OpenInvoiceAsOf>,
  asOf: string,
  ladder: readonly LadderStep[],
  paused: (customerId: number) => boolean,
): DunningRow[] {
  const acc = new Map<number, { days: number; overdue: number }>();
  for (const inv of invoices) {
    if (inv.open <= 0) continue;
    const days = daysBetween(inv.dueDate, asOf);
    if (days <= 0) continue;
    const a = acc.get(inv.customerId);
    if (a) {
      if (days > a.days) a.days = days;
      a.overdue += inv.open;
    } else acc.set(inv.customerId, { days, overdue: inv.open });
  }
  const rows: DunningRow[] = [];
  for (const [customerId, a] of acc) {
    rows.push({
      customerId,
      daysOverdue: a.days,
      overdue: a.overdue,
      level: ladderLevel(a.days, ladder),
      paused: paused(customerId),
    });
  }
  return rows.sort((x, y) => x.customerId - y.customerId);
}
