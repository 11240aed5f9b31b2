// Control rules at invoice entry beyond the exposure check (SPEC §4 Control): 最大欠款天数
// (block when the oldest open invoice was issued more than N days ago) and the overdue-amount
// threshold. Both read one row from the open-invoice index, so the check stays within a few ms.
import type Database from 'better-sqlite3';
import { daysBetween } from '../../domain/dates';
import { maxDaysOwedBreached, overdueAmountBreached } from '../../domain/credit-rules';
import type { CreditReasonOut } from '../../../shared/types-receivables';
import { stmt } from '../../db/receivables/prepared';
import { CREDIT_SETTINGS_KEY, DEFAULT_CREDIT_SETTINGS, type CreditSettings } from './settings';

function settingsOf(sqlite: Database.Database): CreditSettings {
  const row = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(CREDIT_SETTINGS_KEY) as
    { value: string } | undefined;
  try {
    return row
      ? { ...DEFAULT_CREDIT_SETTINGS, ...(JSON.parse(row.value) as Partial<CreditSettings>) }
      : DEFAULT_CREDIT_SETTINGS;
  } catch {
    return DEFAULT_CREDIT_SETTINGS;
  }
}

export interface ControlFacts {
  oldestOpenIssue: string | null;
  daysOwed: number;
  overdueAmount: number;
}

export function controlFacts(sqlite: Database.Database, customerId: number, today: string): ControlFacts {
  const r = stmt(
    sqlite,
    `SELECT MIN(issue_date) AS oldest, COALESCE(SUM(open_amount) FILTER (WHERE due_date < @today), 0) AS overdue
     FROM invoices WHERE customer_id = @c AND settled_on IS NULL AND open_amount > 0`,
  ).get({ c: customerId, today }) as { oldest: string | null; overdue: number };
  return {
    oldestOpenIssue: r.oldest,
    daysOwed: r.oldest && r.oldest < today ? daysBetween(r.oldest, today) : 0,
    overdueAmount: r.overdue,
  };
}

/** The blocking reasons from max days owed and the overdue-amount threshold (none when off). */
export function controlReasons(sqlite: Database.Database, customerId: number, today: string): CreditReasonOut[] {
  const s = settingsOf(sqlite);
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
