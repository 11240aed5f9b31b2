// The dunning ladder's actions (SPEC §5; issue #13: "level 3 puts the customer on credit hold
// after confirmation"). After the user confirms, each customer at a step whose action is
// credit_hold / stop_supply goes on credit hold through the credit area's own mechanism: an
// emergency credit report with put-on-hold (services/credit/classes.ts), audited there.
import { AppError } from '../../../shared/result';
import type { DunningActionRow } from '../../../shared/types-collection-runs';
import { ladderRows } from '../../db/collections-store';
import { lifecycles } from '../../db/collections/runs';
import { dunningList } from '../../reports/collections/dunning';
import type { ServiceContext } from '../context';
import { read } from '../book-queue';
import { recordCreditReport } from '../credit/classes';

const HOLD_ACTIONS = new Set(['credit_hold', 'stop_supply']);

export async function dunningActions(ctx: ServiceContext, q: { asOf: string }): Promise<DunningActionRow[]> {
  return read(ctx, (sqlite) => {
    const action = new Map(ladderRows(sqlite).map((s) => [s.level, s.action]));
    const rows = dunningList(ctx.book, q.asOf).filter((r) => r.level !== null && action.get(r.level) !== 'none');
    const life = lifecycles(
      sqlite,
      rows.map((r) => r.customerId),
    );
    return rows.map((r) => ({
      customerId: r.customerId,
      level: r.level!,
      action: action.get(r.level!) as DunningActionRow['action'],
      onHold: life.get(r.customerId) === 'suspended',
    }));
  });
}

/** Puts the confirmed customers on credit hold; each must be at a hold step as of D. */
export async function applyDunningHold(
  ctx: ServiceContext,
  q: { asOf: string; customerIds: number[] },
): Promise<{ held: number; already: number }> {
  const actions = new Map((await dunningActions(ctx, q)).map((a) => [a.customerId, a]));
  const notAtStep = q.customerIds.find((cid) => !HOLD_ACTIONS.has(actions.get(cid)?.action ?? ''));
  if (notAtStep !== undefined) throw new AppError('VALIDATION', 'not_at_hold_step', { field: 'customerIds' });
  let held = 0;
  let already = 0;
  for (const cid of q.customerIds) {
    const a = actions.get(cid)!;
    if (a.onHold) {
      already++;
      continue;
    }
    await recordCreditReport(ctx, {
      customerId: cid,
      reviewedOn: ctx.clock.today(),
      kind: 'emergency',
      findings: `催收级别 L${a.level} 暂停供货（截至 ${q.asOf}）/ dunning level ${a.level}: credit hold as of ${q.asOf}`,
      putOnHold: true,
    });
    held++;
  }
  return { held, already };
}
