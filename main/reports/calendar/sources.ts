// Calendar sources: each area that puts work on the collection calendar registers one
// function here. The calendar report (collections) asks every source for the window and
// merges the items by day. A source reads the book; it never writes.
import type { Book } from '../../db/connection';
import type { CalendarItem } from '../../../shared/types-calendar';
import { creditReviewsSource } from './credit-reviews';
import { invoiceDueSource, nextStepSource, promiseSource, statementSource } from './collections-sources';
import { complaintFollowups } from './complaint-followups';
import { serviceFollowups } from './service-followups';
import { visitPlanSource } from './visit-plans';

export interface CalendarWindow {
  from: string;
  to: string;
  /** the as-of date: statuses and open amounts are as of this day */
  asOf: string;
}

export type CalendarSource = (book: Book, window: CalendarWindow) => CalendarItem[] | Promise<CalendarItem[]>;

/** Areas add their source to this list (one line each). */
export const CALENDAR_SOURCES: CalendarSource[] = [
  invoiceDueSource,
  promiseSource,
  nextStepSource,
  statementSource, // collections (#13)
  creditReviewsSource, // credit (#12)
  complaintFollowups,
  serviceFollowups, // service and loyalty (#11)
  visitPlanSource, // visit plans (#11)
];
