// The collections area's calendar sources: invoices falling due (open amounts as of the as-of
// date, SPEC §5), promises to pay (with status as of the as-of date), calls and visits planned
// as a collection record's next step, statements sent and their slip follow-ups.
import type { CalendarItem } from '../../../shared/types-calendar';
import {
  collectionsSettings,
  nextStepsBetween,
  type NextStepRow,
  openInvoicesDueBetween,
  statementsSentAround,
} from '../../db/collections-store';
import { addDays } from '../../domain/dates';
import { promiseStatusRows } from '../collections/promise-status';
import type { CalendarSource } from './sources';

export const invoiceDueSource: CalendarSource = (book, w) =>
  openInvoicesDueBetween(book.sqlite, w.asOf, w.from, w.to).map((r): CalendarItem => ({
    kind: 'invoice_due',
    date: r.dueDate,
    customerId: r.customerId,
    customerCode: r.customerCode,
    customerName: r.customerName,
    amount: r.open,
    refId: r.invoiceId,
    label: r.number,
    done: false,
  }));

/** A promise on the calendar: on its promised date, done once it is no longer pending. */
export const promiseItem = (p: ReturnType<typeof promiseStatusRows>[number]): CalendarItem => ({
  kind: 'promise',
  date: p.promisedOn,
  customerId: p.customerId,
  customerCode: p.customerCode,
  customerName: p.customerName,
  amount: p.amount,
  status: p.status,
  refId: p.id,
  label: p.promisedBy ?? undefined,
  done: p.status !== 'pending',
});

export const promiseSource: CalendarSource = (book, w) =>
  promiseStatusRows(book, { asOf: w.asOf, promisedFrom: w.from, promisedTo: w.to })
    .filter((p) => p.promisedOn >= w.from && p.promisedOn <= w.to)
    .map(promiseItem);

/** A record's next step: a visit is a visit, every other way of getting in touch is a call-type item. */
export const nextStepItem = (r: NextStepRow): CalendarItem => ({
  kind: r.nextStep === 'visit' ? 'visit' : 'call',
  date: r.nextDate,
  customerId: r.customerId,
  customerCode: r.customerCode,
  customerName: r.customerName,
  status: r.nextStep,
  refId: r.id,
  label: r.contactName ?? undefined,
  done: r.done === 1,
});

export const nextStepSource: CalendarSource = (book, w) =>
  nextStepsBetween(book.sqlite, w.from, w.to, w.asOf).map(nextStepItem);

/** Statements sent (statement_run, on the day sent) and their slip follow-up (slip_followup) until the slip is back. */
export const statementSource: CalendarSource = (book, w) => {
  const days = collectionsSettings(book.sqlite).slipFollowUpDays;
  const out: CalendarItem[] = [];
  for (const s of statementsSentAround(book.sqlite, w.from, w.to, days, w.asOf)) {
    const base = {
      customerId: s.customerId,
      customerCode: s.customerCode,
      customerName: s.customerName,
      refId: s.id,
      label: s.periodTo,
    };
    if (s.sentOn >= w.from && s.sentOn <= w.to)
      out.push({ kind: 'statement_run', date: s.sentOn, ...base, done: true });
    const follow = addDays(s.sentOn, days);
    if (follow >= w.from && follow <= w.to)
      out.push({ kind: 'slip_followup', date: follow, ...base, done: s.confirmed === 1 });
  }
  return out;
};
