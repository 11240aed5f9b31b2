// The confirmation loop (回执): statements sent, slips returned (agrees / disagrees by a stated
// difference, note, received date, optional scan kept as a blob or a path), statements not yet
// returned, open disagreements and their resolution. Every write is audit-logged.
import { serverError } from '../../../shared/messages/server-messages';
import { isValidDate, daysBetween } from '../../domain/dates';
import type { ConfirmInput, ConfirmationRow, StatementSentRow, StatementStyle } from '../../../shared/types-statements';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { serialize } from '../book-queue';
import {
  confirmationById,
  confirmationList,
  confirmationScanRow,
  customerExists,
  latestUnreturnedStatement,
  outstandingStatements,
  sentStatementById,
  type ConfirmationDbRow,
  type SentStatementRef,
} from '../../db/statements/confirmations';

/** Largest scan kept inside the book; bigger files are referenced by path. */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

function confOut(r: ConfirmationDbRow): ConfirmationRow {
  return {
    id: r.id,
    statementId: r.statement_id,
    customerId: r.customer_id,
    customerCode: r.code,
    customerName: r.name,
    periodTo: r.period_to,
    closing: r.closing,
    result: r.result as ConfirmationRow['result'],
    statedDifference: r.stated_difference,
    note: r.note,
    receivedOn: r.received_on,
    scan:
      r.scan_name || r.scan_path
        ? {
            name: r.scan_name ?? r.scan_path ?? '',
            mime: r.scan_mime ?? 'application/octet-stream',
            size: r.scan_size ?? 0,
            stored: r.scan_size ? 'blob' : 'path',
            path: r.scan_path,
          }
        : null,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}

function getConfirmation(ctx: ServiceContext, id: number): ConfirmationRow {
  const r = confirmationById(ctx.book.sqlite, id);
  if (!r) throw serverError('NOT_FOUND', 'confirmation_not_found', { id }, { field: 'id', bare: true });
  return confOut(r);
}

export async function recordConfirmation(ctx: ServiceContext, input: ConfirmInput): Promise<ConfirmationRow> {
  if (!isValidDate(input.receivedOn)) throw serverError('VALIDATION', 'not_a_date', {}, { field: 'receivedOn' });
  if (
    input.result === 'disagrees' &&
    (input.statedDifference === null || input.statedDifference === undefined) &&
    !input.note?.trim()
  ) {
    throw serverError('VALIDATION', 'slip_needs_difference', {}, { field: 'statedDifference' });
  }
  let scanBlob: Buffer | null = null;
  if (input.scan) {
    scanBlob = Buffer.from(input.scan.base64, 'base64');
    if (scanBlob.length === 0) throw serverError('VALIDATION', 'scan_empty', {}, { field: 'scan' });
    if (scanBlob.length > SCAN_MAX_BYTES)
      throw serverError('VALIDATION', 'scan_too_large', { mb: SCAN_MAX_BYTES / 1024 / 1024 }, { field: 'scan' });
  }
  return serialize(ctx, async () => {
    const sqlite = ctx.book.sqlite;
    let statement: SentStatementRef | undefined;
    if (input.statementId !== undefined) {
      statement = sentStatementById(sqlite, input.statementId);
      if (!statement)
        throw serverError('NOT_FOUND', 'statement_not_found', { id: input.statementId }, { field: 'statementId' });
      if (input.customerId !== undefined && input.customerId !== statement.customer_id) {
        throw serverError('VALIDATION', 'slip_other_customer', {}, { field: 'customerId' });
      }
    } else {
      if (input.customerId === undefined)
        throw serverError('VALIDATION', 'slip_needs_statement', {}, { field: 'statementId' });
      if (!customerExists(sqlite, input.customerId)) {
        throw serverError('NOT_FOUND', 'customer_not_found', { code: input.customerId }, { field: 'customerId' });
      }
      statement = latestUnreturnedStatement(sqlite, input.customerId, input.periodTo ?? null);
      if (!statement && !input.periodTo) {
        throw serverError('VALIDATION', 'slip_no_waiting_statement', {}, { field: 'periodTo' });
      }
    }
    const periodTo = statement?.period_to ?? input.periodTo!;
    if (!isValidDate(periodTo)) throw serverError('VALIDATION', 'not_a_date', {}, { field: 'periodTo' });
    const customerId = statement?.customer_id ?? input.customerId!;
    const id = await ctx.book.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('statement_confirmations')
        .values({
          statement_id: statement?.id ?? null,
          customer_id: customerId,
          period_to: periodTo,
          result: input.result,
          stated_difference: input.result === 'disagrees' ? (input.statedDifference ?? null) : null,
          note: input.note?.trim() || null,
          received_on: input.receivedOn,
          scan_name: input.scan?.fileName ?? null,
          scan_mime: input.scan?.mime ?? null,
          scan_blob: scanBlob,
          scan_path: input.scanPath?.trim() || null,
          recorded_at: ctx.clock.now().toISOString(),
          recorded_by: ctx.session.operator?.name ?? null,
          resolved_at: null,
          resolution: null,
        })
        .executeTakeFirstOrThrow();
      const newId = Number(r.insertId);
      await writeAudit(ctx, trx, {
        entity: 'statement_confirmation',
        entityId: newId,
        customerId,
        action: input.result === 'agrees' ? 'confirm-agrees' : 'confirm-disagrees',
        after: {
          statementId: statement?.id ?? null,
          periodTo,
          closing: statement?.closing ?? null,
          result: input.result,
          statedDifference: input.statedDifference ?? null,
          note: input.note ?? null,
          receivedOn: input.receivedOn,
          scan: input.scan
            ? { name: input.scan.fileName, bytes: scanBlob?.length ?? 0 }
            : input.scanPath
              ? { path: input.scanPath }
              : null,
        },
      });
      return newId;
    });
    return getConfirmation(ctx, id);
  });
}

export async function resolveDisagreement(
  ctx: ServiceContext,
  input: { id: number; resolution: string },
): Promise<ConfirmationRow> {
  return serialize(ctx, async () => {
    const before = getConfirmation(ctx, input.id);
    if (before.result !== 'disagrees') throw serverError('VALIDATION', 'slip_agrees', {}, { field: 'id' });
    if (before.resolvedAt) throw serverError('CONFLICT', 'slip_resolved', {}, { field: 'id' });
    await ctx.book.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('statement_confirmations')
        .set({ resolved_at: ctx.clock.now().toISOString(), resolution: input.resolution })
        .where('id', '=', input.id)
        .execute();
      await writeAudit(ctx, trx, {
        entity: 'statement_confirmation',
        entityId: input.id,
        customerId: before.customerId,
        action: 'resolve',
        before,
        note: input.resolution,
      });
    });
    return getConfirmation(ctx, input.id);
  });
}

export async function listConfirmations(
  ctx: ServiceContext,
  q: { customerId?: number; openDisagreements?: boolean },
): Promise<ConfirmationRow[]> {
  return serialize(ctx, () => {
    const rows = confirmationList(ctx.book.sqlite, q);
    return rows.map(confOut);
  });
}

export async function confirmationScan(
  ctx: ServiceContext,
  id: number,
): Promise<{ fileName: string; mime: string; base64: string } | null> {
  return serialize(ctx, () => {
    const r = confirmationScanRow(ctx.book.sqlite, id);
    if (!r) throw serverError('NOT_FOUND', 'confirmation_not_found', { id }, { field: 'id', bare: true });
    if (!r.scan_blob) return null;
    return {
      fileName: r.scan_name ?? `scan-${id}`,
      mime: r.scan_mime ?? 'application/octet-stream',
      base64: r.scan_blob.toString('base64'),
    };
  });
}

/** Statements sent and not yet returned (by default only the latest one per customer). */
export async function listOutstanding(
  ctx: ServiceContext,
  q: { customerId?: number; latestOnly?: boolean } = {},
): Promise<StatementSentRow[]> {
  const today = ctx.clock.today();
  return serialize(ctx, () => {
    const rows = outstandingStatements(ctx.book.sqlite, {
      customerId: q.customerId,
      latestOnly: q.latestOnly !== false,
    });
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      customerId: r.customer_id,
      customerCode: r.code,
      customerName: r.name,
      from: r.period_from,
      to: r.period_to,
      style: r.style as StatementStyle,
      closing: r.closing,
      sentAt: r.sent_at,
      file: r.file_path,
      daysOut: Math.max(0, daysBetween(r.sent_at.slice(0, 10), today)),
    }));
  });
}
