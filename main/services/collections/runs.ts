// Collection trips (上门催收, SPEC §5 and §6): plan a run for a day (and region) with customers in
// route order, and afterwards record each visit's outcome — a collection record (channel visit),
// plus the written promise or the receipt the visit brought — in one audited transaction.
import { AppError } from '../../../shared/result';
import type { RunCreateInput, VisitOutcomeInput } from '../../../shared/ipc/collection-runs';
import type { RunCustomer, RunListRow, RunOut, RunStopOut, VisitOutcome } from '../../../shared/types-collection-runs';
import { formatMoney } from '../../../shared/money';
import {
  insertRun,
  insertStop,
  lifecycles,
  listRuns,
  regionName,
  runById,
  runCandidates,
  runCustomers,
  saveStopOutcome,
  stopById,
  stopsOfRun,
  type RunCustomerRow,
} from '../../db/collections/runs';
import { insertPromiseRow } from '../../db/collections/records';
import { customerById } from '../../db/receivables/rows';
import type { Book } from '../../db/connection';
import { promiseStatusRows } from '../../reports/collections/promise-status';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { read, write } from '../book-queue';
import { assertWritable } from '../receivables/common';
import { receiptSync } from '../receivables/documents';
import { insertRecordSync } from './records';

/** Pending promises of a customer as of D: how many, and what they still lack. */
function withPromises(book: Book, asOf: string, c: RunCustomerRow): RunCustomer {
  const pending = promiseStatusRows(book, { asOf, customerId: c.customerId }).filter((p) => p.status === 'pending');
  return {
    ...c,
    openPromises: pending.length,
    openPromiseAmount: pending.reduce((sum, p) => sum + (p.amount - p.received), 0),
  };
}

export async function collectionRunCandidates(
  ctx: ServiceContext,
  q: { asOf: string; regionCode?: string | null },
): Promise<RunCustomer[]> {
  return read(ctx, (sqlite) =>
    runCandidates(sqlite, q.asOf, q.regionCode ?? null).map((c) => withPromises(ctx.book, q.asOf, c)),
  );
}

function runOut(ctx: ServiceContext, id: number): RunOut {
  const sqlite = ctx.book.sqlite;
  const run = runById(sqlite, id);
  if (!run) throw new AppError('NOT_FOUND', `collection run ${id} not found`, { field: 'id' });
  const stops = stopsOfRun(sqlite, id);
  const facts = new Map(
    runCustomers(
      sqlite,
      run.runDate,
      stops.map((s) => s.customerId),
    ).map((c) => [c.customerId, c]),
  );
  return {
    ...run,
    regionName: regionName(sqlite, run.regionCode),
    stops: stops.map((s): RunStopOut => ({
      ...withPromises(ctx.book, run.runDate, facts.get(s.customerId)!),
      stopId: s.stopId,
      seq: s.seq,
      outcome: s.outcome as VisitOutcome | null,
      collectionRecordId: s.collectionRecordId,
      promiseId: s.promiseId,
      receiptId: s.receiptId,
    })),
  };
}

export async function collectionRun(ctx: ServiceContext, q: { id: number }): Promise<RunOut> {
  return read(ctx, () => runOut(ctx, q.id));
}

export async function collectionRuns(ctx: ServiceContext): Promise<RunListRow[]> {
  return read(ctx, (sqlite) => listRuns(sqlite));
}

/** A run: the chosen customers, numbered in region / route-sequence order (SPEC §6). */
export async function createCollectionRun(ctx: ServiceContext, input: RunCreateInput): Promise<RunOut> {
  return write(ctx, async (trx, sqlite) => {
    const known = lifecycles(sqlite, input.customerIds);
    const bad = input.customerIds.find((cid) => (known.get(cid) ?? 'terminated') === 'terminated');
    if (bad !== undefined)
      throw new AppError('VALIDATION', `customer ${bad} cannot be visited (unknown or terminated)`, {
        field: 'customerIds',
      });
    const ordered = runCustomers(sqlite, input.runDate, input.customerIds);
    const id = insertRun(sqlite, {
      runDate: input.runDate,
      regionCode: input.regionCode ?? null,
      note: input.note ?? null,
      operatorName: ctx.session.operator?.name ?? null,
      now: ctx.clock.now().toISOString(),
    });
    ordered.forEach((c, i) => insertStop(sqlite, id, i + 1, c.customerId));
    await writeAudit(ctx, trx, {
      entity: 'collection_run',
      entityId: id,
      action: 'create',
      after: {
        runDate: input.runDate,
        regionCode: input.regionCode ?? null,
        stops: ordered.map((c) => c.customerCode),
      },
    });
    return runOut(ctx, id);
  });
}

const OUTCOME_TEXT: Record<VisitOutcome, string> = {
  signed_statement: '上门：对账单已签回',
  written_promise: '上门：客户书面承诺付款',
  payment: '上门：收到付款',
  not_met: '上门：未见到人',
};

/** One visit's outcome: record (channel visit) + promise or receipt, all or nothing, audited. */
export async function recordVisitOutcome(ctx: ServiceContext, input: VisitOutcomeInput): Promise<RunStopOut> {
  return write(ctx, async (trx, sqlite) => {
    const stop = stopById(sqlite, input.stopId);
    if (!stop) throw new AppError('NOT_FOUND', `run stop ${input.stopId} not found`, { field: 'stopId' });
    if (stop.outcome !== null) throw new AppError('CONFLICT', 'outcome_recorded', { field: 'outcome' });
    const c = customerById(sqlite, stop.customerId);
    assertWritable(c);
    const money = input.payment ? ` ¥${formatMoney(input.payment.amount, { symbol: false })}` : '';
    const recordId = insertRecordSync(
      ctx,
      sqlite,
      {
        customerId: c.id,
        date: input.date,
        contactName: input.contactName ?? null,
        channel: 'visit',
        outcome: [OUTCOME_TEXT[input.outcome] + money, input.note].filter(Boolean).join(' — '),
      },
      'visit',
    );
    const now = ctx.clock.now().toISOString();
    let promiseId: number | null = null;
    if (input.outcome === 'written_promise' && input.promise) {
      const p = {
        customerId: c.id,
        madeOn: input.date,
        ...input.promise,
        form: 'written',
        collectionRecordId: recordId,
      };
      promiseId = insertPromiseRow(sqlite, p, 'visit', now);
      await writeAudit(ctx, trx, {
        entity: 'promise',
        entityId: promiseId,
        customerId: c.id,
        action: 'create',
        after: p,
      });
    }
    let receiptId: number | null = null;
    if (input.outcome === 'payment' && input.payment) {
      const res = receiptSync(sqlite, ctx, c.id, { customerId: c.id, date: input.date, ...input.payment }, 'visit');
      receiptId = res.receipt.id;
      await writeAudit(ctx, trx, {
        entity: 'receipt',
        entityId: receiptId,
        customerId: c.id,
        action: 'create',
        after: res,
      });
    }
    saveStopOutcome(sqlite, {
      stopId: stop.stopId,
      outcome: input.outcome,
      collectionRecordId: recordId,
      promiseId,
      receiptId,
      now,
    });
    await writeAudit(ctx, trx, {
      entity: 'collection_run_stop',
      entityId: stop.stopId,
      customerId: c.id,
      action: 'outcome',
      after: {
        runId: stop.runId,
        seq: stop.seq,
        outcome: input.outcome,
        collectionRecordId: recordId,
        promiseId,
        receiptId,
      },
    });
    return runOut(ctx, stop.runId).stops.find((s) => s.stopId === stop.stopId)!;
  });
}
