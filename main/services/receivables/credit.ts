// Credit check at invoice entry (SPEC §4 Control), on the domain's checkCredit: exposure =
// open receivables (net of unapplied credit) + notes receivable not yet settled; hold =
// lifecycle 'suspended'; oldest overdue days against the policy.
import type Database from 'better-sqlite3';
import { checkCredit } from '../../domain/credit';
import { daysBetween } from '../../domain/dates';
import { exposureNow } from '../../db/receivables/credit';
import { type CreditCheckOut, type ReceivablesSettings } from '../../../shared/types-receivables';
import type { ServiceContext } from '../context';
import { customerById, type CustomerLite } from '../../db/receivables/rows';
import { read } from '../book-queue';
import { loadArSettings } from './settings';
import { controlReasons } from '../credit/control';

export function creditCheckSync(
  sqlite: Database.Database,
  settings: ReceivablesSettings,
  c: CustomerLite,
  newAmount: number,
  today: string,
): CreditCheckOut {
  const exp = exposureNow(sqlite, c.id);
  const oldestOverdueDays = exp.oldest && exp.oldest < today ? daysBetween(exp.oldest, today) : 0;
  const limit = c.credit_limit === 0 && settings.zeroLimitMeansNone ? null : c.credit_limit;
  const openReceivables = exp.open - exp.credit;
  const res = checkCredit({
    openReceivables,
    unsettledNotes: exp.notes,
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
    unsettledNotes: exp.notes,
    exposure: res.exposure,
    projected: res.projected,
    limit,
    available: res.available,
    oldestOverdueDays,
    onHold: c.lifecycle === 'suspended',
  };
}

export async function creditCheck(
  ctx: ServiceContext,
  input: { customerId: number; amount?: number },
): Promise<CreditCheckOut> {
  return read(ctx, (sqlite) =>
    creditCheckSync(
      sqlite,
      loadArSettings(ctx),
      customerById(sqlite, input.customerId),
      input.amount ?? 0,
      ctx.clock.today(),
    ),
  );
}
