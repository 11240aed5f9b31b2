// Calendar source: planned visits (kind 'visit', SPEC §3 visit plans) with their status as of the
// as-of date — planned, done, or missed (planned before the as-of date and not done by then).
// The label is the visiting role's key (rep, team_lead, …); the screens translate it.
import type { CalendarItem } from '../../../shared/types-calendar';
import { listVisits } from '../../db/visits/store';
import type { CalendarSource } from './sources';

export const visitPlanSource: CalendarSource = (book, w) =>
  listVisits(book.sqlite, { from: w.from, to: w.to, asOf: w.asOf }).map((v): CalendarItem => ({
    kind: 'visit',
    date: v.plannedOn,
    customerId: v.customerId,
    customerCode: v.customerCode,
    customerName: v.customerName,
    status: v.status,
    refId: v.id,
    label: v.role,
    done: v.status === 'done',
  }));
