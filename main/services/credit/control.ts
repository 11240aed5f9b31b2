// Control rules at invoice entry beyond the exposure check (SPEC §4 Control): 最大欠款天数
// (block when the oldest open invoice was issued more than N days ago) and the overdue-amount
// threshold. Both read one row from the open-invoice index, so the check stays within a few ms.
import type Database from 'better-sqlite3';
import { daysBetween } from '../../domain/dates';
import { maxDaysOwedBreached, overdueAmountBreached } from '../../domain/credit-rules';
import type { CreditReasonOut } from '../../../shared/types-receivables';
import { openInvoiceFacts } from '../../db/credit/lookups';
import { creditSettingsOf } from './settings';

export interface ControlFacts {
  oldestOpenIssue: string | null;
  daysOwed: number;
  overdueAmount: number;
}

export function controlFacts(sqlite: Database.Database, customerId: number, today: string): ControlFacts {
  const r = openInvoiceFacts(sqlite, customerId, today);
  return {
    oldestOpenIssue: r.oldest,
    daysOwed: r.oldest && r.oldest < today ? daysBetween(r.oldest, today) : 0,
    overdueAmount: r.overdue,
  };
}

/** The blocking reasons from max days owed and the overdue-amount threshold (none when off). */
export function controlReasons(sqlite: Database.Database, customerId: number, today: string): CreditReasonOut[] {
  const s = creditSettingsOf(sqlite);
  if (s.maxDaysOwed === null && s.overdueAmountLimit === null) return [];
  const f = controlFacts(sqlite, customerId, today);
  const out: CreditReasonOut[] = [];
  if (maxDaysOwedBreached(f.daysOwed, s.maxDaysOwed)) {
    out.push({
      code: 'max_days_owed',
      severity: 'block',
      message: `the oldest open invoice is ${f.daysOwed} days old (maximum ${s.maxDaysOwed})`,
    });
  }
  if (overdueAmountBreached(f.overdueAmount, s.overdueAmountLimit)) {
    out.push({
      code: 'overdue_amount',
      severity: 'block',
      message: `overdue amount ${f.overdueAmount} is above the threshold ${s.overdueAmountLimit}`,
    });
  }
  return out;
}
