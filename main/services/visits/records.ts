// Planned visits: the list of a window (status as of a date), marking a visit done (or undoing
// it), and a visit planned by hand. Each write is one transaction with its audit row.
import { AppError } from '../../../shared/result';
import type { VisitListOut, VisitRole, VisitRow, VisitStatus } from '../../../shared/types-visits';
import {
  countVisits,
  customerExists,
  getVisit,
  insertVisits,
  listVisits,
  setVisitDone,
  type VisitRecord,
} from '../../db/visits/store';
import { writeAudit } from '../audit';
import { read, write } from '../book-queue';
import type { ServiceContext } from '../context';

export interface VisitListQuery {
  from: string;
  to: string;
  asOf?: string;
  customerId?: number;
  status?: VisitStatus[];
  role?: VisitRole[];
  offset?: number;
  limit?: number;
}

export async function visitList(ctx: ServiceContext, q: VisitListQuery): Promise<VisitListOut> {
  const asOf = q.asOf ?? ctx.clock.today();
  return read(ctx, (sqlite) => {
    const query = { ...q, asOf };
    const counts = countVisits(sqlite, query);
    const rows = listVisits(sqlite, { ...query, limit: q.limit ?? 500 });
    const total = q.status?.length
      ? q.status.reduce((n, s) => n + counts[s], 0)
      : counts.planned + counts.done + counts.missed;
    return { asOf, from: q.from, to: q.to, total, counts, rows };
  });
}

function visitOrThrow(sqlite: Parameters<typeof getVisit>[0], id: number): VisitRecord {
  const v = getVisit(sqlite, id);
  if (!v) throw new AppError('NOT_FOUND', 'visits.error.notFound', { field: 'id' });
  if (customerExists(sqlite, v.customer_id)?.lifecycle === 'terminated')
    throw new AppError('FORBIDDEN', 'visits.error.terminated', { field: 'id' });
  return v;
}

const visible = (v: VisitRecord) => ({ doneOn: v.done_on, visitedBy: v.visited_by, note: v.note });

export async function markVisitDone(
  ctx: ServiceContext,
  input: { id: number; doneOn: string; visitedBy?: string | null; note?: string | null },
): Promise<VisitRow> {
  if (input.doneOn > ctx.clock.today())
    throw new AppError('VALIDATION', 'visits.error.doneInFuture', { field: 'doneOn' });
  const id = await write(ctx, async (trx, sqlite) => {
    const v = visitOrThrow(sqlite, input.id);
    const after = { doneOn: input.doneOn, visitedBy: input.visitedBy ?? null, note: input.note ?? v.note };
    setVisitDone(sqlite, v.id, after, ctx.clock.now().toISOString());
    await writeAudit(ctx, trx, {
      entity: 'visit',
      entityId: v.id,
      customerId: v.customer_id,
      action: 'done',
      before: visible(v),
      after,
    });
    return v.id;
  });
  return oneVisit(ctx, id);
}

export async function undoVisitDone(ctx: ServiceContext, input: { id: number }): Promise<VisitRow> {
  await write(ctx, async (trx, sqlite) => {
    const v = visitOrThrow(sqlite, input.id);
    const after = { doneOn: null, visitedBy: null, note: v.note };
    setVisitDone(sqlite, v.id, after, ctx.clock.now().toISOString());
    await writeAudit(ctx, trx, {
      entity: 'visit',
      entityId: v.id,
      customerId: v.customer_id,
      action: 'undo-done',
      before: visible(v),
      after,
    });
  });
  return oneVisit(ctx, input.id);
}

export async function addVisit(
  ctx: ServiceContext,
  input: { customerId: number; role: VisitRole; plannedOn: string; note?: string | null },
): Promise<VisitRow> {
  const id = await write(ctx, async (trx, sqlite) => {
    const c = customerExists(sqlite, input.customerId);
    if (!c) throw new AppError('NOT_FOUND', 'visits.error.customer', { field: 'customerId' });
    if (c.lifecycle === 'terminated')
      throw new AppError('FORBIDDEN', 'visits.error.terminated', { field: 'customerId' });
    const at = ctx.clock.now().toISOString();
    const v = {
      customerId: input.customerId,
      role: input.role,
      plannedOn: input.plannedOn,
      source: 'manual',
      basis: null,
    };
    if (insertVisits(sqlite, [{ ...v, note: input.note ?? null }], at) === 0)
      throw new AppError('CONFLICT', 'visits.error.duplicate', { field: 'plannedOn' });
    const row = listVisits(sqlite, {
      from: input.plannedOn,
      to: input.plannedOn,
      asOf: input.plannedOn,
      customerId: input.customerId,
      role: [input.role],
    })[0];
    await writeAudit(ctx, trx, {
      entity: 'visit',
      entityId: row.id,
      customerId: input.customerId,
      action: 'create',
      after: v,
    });
    return row.id;
  });
  return oneVisit(ctx, id);
}

async function oneVisit(ctx: ServiceContext, id: number): Promise<VisitRow> {
  return read(ctx, (sqlite) => {
    const v = getVisit(sqlite, id)!;
    return listVisits(sqlite, {
      from: v.planned_on,
      to: v.planned_on,
      asOf: ctx.clock.today(),
      customerId: v.customer_id,
      role: [v.role],
    })[0];
  });
}
