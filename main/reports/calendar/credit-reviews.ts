// Calendar source: credit reports falling due (信用报告, SPEC §4) — each customer with a credit
// class has its next report on the 10th of the month (domain/credit-review.ts). An item before
// the as-of date is overdue (not done).
import type { CalendarItem } from '../../../shared/types-calendar';
import type { CalendarSource } from './sources';
import { creditFactsAsOf } from '../../db/credit-store';
import { nextReviewDue } from '../../domain/credit-review';

export const creditReviewsSource: CalendarSource = (book, window) => {
  const items: CalendarItem[] = [];
  for (const f of creditFactsAsOf(book.sqlite, window.asOf)) {
    const creditClass = f.hasClasses ? f.classAsOf : f.curClass;
    const due = nextReviewDue({
      creditClass,
      lastReportOn: f.lastReportOn,
      classSetOn: f.hasClasses ? f.classSetOn : null,
      asOf: window.asOf,
    });
    if (!due || due < window.from || due > window.to) continue;
    items.push({
      kind: 'credit_review',
      date: due,
      customerId: f.id,
      customerCode: f.code,
      customerName: f.name,
      status: due < window.asOf ? 'overdue' : 'due',
      label: `${creditClass}`,
      done: false,
    });
  }
  return items;
};
