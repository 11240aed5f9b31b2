// Credit check at invoice entry (SPEC §4 Control), on the domain's checkCredit: exposure =
// open receivables (net of unapplied credit) + notes receivable not yet settled; hold =
// lifecycle 'suspended'; oldest overdue days against the policy.
import type Database from 'better-sqlite3';
import { checkCredit } from '../../domain/credit';
import { daysBetween } from '../../domain/dates';
import { stmt } from '../../db/receivables/prepared';
import { UNSETTLED_NOTE_STATES, type CreditCheckOut, type ReceivablesSettings } from '../../../shared/types-receivables';
import type { ServiceContext } from '../context';
import { customerById, type CustomerLite } from './common';
import { read } from '../book-queue';
import { loadArSettings } from './settings';
import { controlReasons } from '../credit/control';

export function creditCheckSync(sqlite: Database.Database, settings: ReceivablesSettings, c: CustomerLite, newAmount: number, today: string): CreditCheckOut {
  const inv = stmt(
    sqlite,
    'SELECT COALESCE(SUM(open_amount), 0) AS open, MIN(due_date) AS oldest FROM invoices WHERE customer_id = ? AND settled_on IS NULL',
  ).get(c.id) as { open: number; oldest: string | null };
  const cr = stmt(
    sqlite,
    `SELECT COALESCE((SELECT SUM(unapplied) FROM receipts WHERE customer_id = @c AND applied_on IS NULL), 0)
          + COALESCE((SELECT SUM(unapplied) FROM credit_notes WHERE customer_id = @c AND applied_on IS NULL AND voided_at IS NULL), 0) AS credit`,
  ).get({ c: c.id }) as { credit: number };
  const notes = stmt(
    sqlite,
    `SELECT COALESCE(SUM(amount), 0) AS n FROM notes_receivable WHERE customer_id = ? AND state IN (${UNSETTLED_NOTE_STATES.map((s) => `'${s}'`).join(',')})`,
  ).get(c.id) as { n: number };
  const oldestOverdueDays = inv.oldest && inv.oldest < today ? daysBetween(inv.oldest, today) : 0;
  const limit = c.credit_limit === 0 && settings.zeroLimitMeansNone ? null : c.credit_limit;
  const openReceivables = inv.open - cr.credit;
  const res = checkCredit({
    openReceivables,
    unsettledNotes: notes.n,
    newAmount,
    limit,
    onHold: c.lifecycle === 'suspended',
    oldestOverdueDays,
    policy: settings.creditPolicy,
  });
  // max days owed and the overdue-amount threshold (credit settings, issue 12): one verdict
  const reasons = [...res.reasons, ...controlReasons(sqlite, c.id, today)];
  const status = reasons.some((r) => r.severity === 'block') ? 'block' : reasons.length ? 'warn' : 'ok';
  return {
    customerId: c.id,
    status,
    reasons,
    openReceivables,
    unsettledNotes: notes.n,
    exposure: res.exposure,
    projected: res.projected,
    limit,
    available: res.available,
    oldestOverdueDays,
    onHold: c.lifecycle === 'suspended',
  };
}

export async function creditCheck(ctx: ServiceContext, input: { customerId: number; amount?: number }): Promise<CreditCheckOut> {
  return read(ctx, (sqlite) => creditCheckSync(sqlite, loadArSettings(ctx), customerById(sqlite, input.customerId), input.amount ?? 0, ctx.clock.today()));
}
