// Credit-limit decisions (信用限度决定): the only way customers.credit_limit changes. Each
// decision is a history row (who, when, why, method, inputs, amount, effective date) written in
// the same transaction as the customer's new limit and its audit row.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../context';

export type DecisionSource = 'worksheet' | 'import' | 'initial' | 'migration';

export interface DecisionRecord {
  customerId: number;
  amount: number; // fen
  effectiveDate: string;
  method: string;
  inputs?: unknown;
  reason: string;
  source: DecisionSource;
  approvedBy?: string | null;
}

/** The decision row's columns (decided_at read from the clock now). */
/** The credit_limit_decisions row of a decision (what insertDecision writes). */
export function decisionRow(ctx: ServiceContext, d: DecisionRecord) {
  return {
    customer_id: d.customerId,
    effective_date: d.effectiveDate,
    amount: d.amount,
    method: d.method,
    inputs: d.inputs === undefined ? null : JSON.stringify(d.inputs),
    reason: d.reason,
    source: d.source,
    decided_by: ctx.session.operator?.name ?? null,
    approved_by: d.approvedBy ?? null,
    decided_at: ctx.clock.now().toISOString(),
  };
}

/** Inserts the decision row (no audit row: callers audit the change they make). */
export async function insertDecision(ctx: ServiceContext, trx: Transaction<DB>, d: DecisionRecord): Promise<number> {
  const row = await trx
    .insertInto('credit_limit_decisions')
    .values(decisionRow(ctx, d))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
