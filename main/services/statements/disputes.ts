// What a statement shows of the customer's disputes as of its end date (main/db/disputes.ts
// decides who is in dispute): the invoices an open complaint disputes are marked on the lines
// and open items, and each open complaint or disagreeing slip is listed under the open items.
import type Database from 'better-sqlite3';
import type { StatementDispute } from '../../../shared/types-statements';
import { disputedInvoicesOf, openDisputesOf } from '../../db/complaints-store';
import { openSlipDisputesOf } from '../../db/disputes';

export function statementDisputes(
  sqlite: Database.Database,
  customerId: number,
  to: string,
): { invoiceIds: Set<number>; numbers: Set<string>; list: StatementDispute[] } {
  const byInvoice = disputedInvoicesOf(sqlite, customerId, to);
  const complaints = openDisputesOf(sqlite, customerId, to);
  const slips = openSlipDisputesOf({ sqlite }, customerId, to);
  const list: StatementDispute[] = [
    ...complaints.map((k) => ({
      source: 'complaint' as const,
      ref: k.number,
      receivedOn: k.receivedOn,
      invoices: k.invoices,
      statedDifference: null,
      note: null,
    })),
    ...slips.map((f) => ({
      source: 'slip' as const,
      ref: f.periodTo,
      receivedOn: f.receivedOn,
      invoices: [],
      statedDifference: f.statedDifference,
      note: f.note,
    })),
  ];
  return { invoiceIds: new Set(byInvoice.keys()), numbers: new Set(complaints.flatMap((k) => k.invoices)), list };
}
