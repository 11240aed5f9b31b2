// Complaint rules (SPEC §8), pure: the reply-by date from the severity (及时处理), forward-only
// status moves, and the checks on a complaint record. Issues are i18n keys (validation.*), one
// per field, so the form shows each message beside its field and nothing is written.
import type {
  ComplaintSeverity,
  ComplaintStatus,
  ReplyDays,
  Resolution,
  Responsibility,
} from '../../shared/types-complaints';
import { COMPLAINT_STATUSES } from '../../shared/types-complaints';
import { addDays } from './dates';

export interface Issue {
  field: string;
  key: string;
  values?: Record<string, string | number>;
}

/** Reply due date: received on + the severity's days (the setting per severity). */
export function replyByFor(receivedOn: string, severity: ComplaintSeverity, days: ReplyDays): string {
  return addDays(receivedOn, days[severity]);
}

/** Status moves only forward (steps may be skipped): received → investigating → resolved → closed. */
export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_STATUSES.indexOf(to) > COMPLAINT_STATUSES.indexOf(from);
}

/** The state of a complaint record the checks look at (after the edit). */
export interface ComplaintState {
  receivedOn: string;
  replyBy: string;
  repliedOn: string | null;
  followUpOn: string | null;
  responsibility: Responsibility | null;
  resolution: Resolution | null;
  compensation: number;
  disputesInvoices: boolean;
  invoiceCount: number;
  /** Σ amounts of the invoices the complaint concerns (fen) */
  invoiceTotal: number;
}

export interface CheckOptions {
  today: string;
  /** the user typed a reply-by date in this edit (a derived one may lie in the past: it is then overdue) */
  replyByGiven: boolean;
  confirmedOverInvoices: boolean;
}

export function checkComplaint(s: ComplaintState, o: CheckOptions): Issue[] {
  const issues: Issue[] = [];
  if (s.receivedOn > o.today) issues.push({ field: 'receivedOn', key: 'date_in_future' });
  if (o.replyByGiven && s.replyBy < o.today) issues.push({ field: 'replyBy', key: 'reply_by_past' });
  else if (s.replyBy < s.receivedOn) issues.push({ field: 'replyBy', key: 'before_received' });
  if (s.repliedOn !== null) {
    if (s.repliedOn < s.receivedOn) issues.push({ field: 'repliedOn', key: 'before_received' });
    else if (s.repliedOn > o.today) issues.push({ field: 'repliedOn', key: 'date_in_future' });
  }
  if (s.followUpOn !== null && s.followUpOn < s.receivedOn)
    issues.push({ field: 'followUpOn', key: 'before_received' });
  if (s.disputesInvoices && s.invoiceCount === 0) issues.push({ field: 'invoiceIds', key: 'dispute_needs_invoices' });
  issues.push(...checkCompensation(s, o.confirmedOverInvoices));
  return issues;
}

/** A compensation above the total of the invoices it concerns needs the user's confirmation. */
export function checkCompensation(
  s: Pick<ComplaintState, 'compensation' | 'invoiceCount' | 'invoiceTotal'>,
  confirmed: boolean,
): Issue[] {
  if (s.compensation < 0) return [{ field: 'compensation', key: 'must_not_be_negative' }];
  if (s.invoiceCount > 0 && s.compensation > s.invoiceTotal && !confirmed) {
    return [{ field: 'compensation', key: 'compensation_above_invoices', values: { total: s.invoiceTotal } }];
  }
  return [];
}

/** Checks of a status move on `date`; `lastDate` is the latest date already on the record. */
export function checkMove(
  from: ComplaintStatus,
  to: ComplaintStatus,
  date: string,
  s: { receivedOn: string; lastDate: string; responsibility: Responsibility | null; resolution: Resolution | null },
  today: string,
): Issue[] {
  if (!canMove(from, to)) return [{ field: 'to', key: 'status_backwards' }];
  const issues: Issue[] = [];
  if (date > today) issues.push({ field: 'date', key: 'date_in_future' });
  else if (date < s.lastDate) issues.push({ field: 'date', key: 'before_received' });
  // 分清责任: a complaint is resolved only with its responsibility and resolution recorded.
  if (to === 'resolved' || to === 'closed') {
    if (!s.responsibility) issues.push({ field: 'responsibility', key: 'required' });
    if (!s.resolution) issues.push({ field: 'resolution', key: 'required' });
  }
  return issues;
}
