// One customer's credit file for the card's credit tab: position as of today, histories,
// evidence from the book beside the typed 6C scores, the downgrade suggestion and warning
// signs ticked in the last 90 days (shown in the card header).
import type { Book } from '../db/connection';
import { creditFactsAsOf, creditHistoryRows, paymentEvidence, zeroLimitMeansNone } from '../db/credit-store';
import { addDays, daysBetween } from '../domain/dates';
import { brokenPromiseRateBp, suggestDowngrade, type DowngradeSuggestion } from '../domain/credit-rules';
import { promiseStatusRows } from './collections/promise-status';
import { openReceivablesAsOf, positionRow, type CreditPositionRow } from './credit';

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export interface CreditProfile {
  position: CreditPositionRow;
  evidence: {
    invoices: number;
    avgDaysLate: number | null;
    largestOverdue: number;
    ledgerMonths: number;
    firstIssue: string | null;
    /** payment promises decided as of today (collections area) and how many were not kept in full */
    decidedPromises: number;
    brokenPromises: number;
    /** broken ÷ decided in basis points; null when no promise is decided yet */
    brokenPromiseRateBp: number | null;
  };
  suggestion: DowngradeSuggestion | null;
  recentWarningSigns: { key: string; date: string }[];
  history: ReturnType<typeof creditHistoryRows>;
}

export function creditProfile(book: Book, customerId: number, today: string): CreditProfile | null {
  const sqlite = book.sqlite;
  const facts = creditFactsAsOf(sqlite, today, customerId)[0];
  if (!facts) return null;
  const open = openReceivablesAsOf(sqlite, today, customerId).get(customerId) ?? 0;
  const position = positionRow(facts, open, today, zeroLimitMeansNone(sqlite));
  const ev = paymentEvidence(sqlite, customerId, today);
  const avg = ev.avgDaysLate === null ? null : Math.round(ev.avgDaysLate);
  const ledgerMonths = ev.firstIssue ? Math.floor(daysBetween(ev.firstIssue, today) / 30.4375) : 0;
  // promises are read, not rebuilt: the collections area's status rule as of today
  let decidedPromises = 0;
  let brokenPromises = 0;
  for (const p of promiseStatusRows(book, { asOf: today, customerId })) {
    if (p.status === 'pending') continue;
    decidedPromises++;
    if (p.status !== 'kept') brokenPromises++;
  }
  const evidence = {
    invoices: ev.invoices,
    avgDaysLate: avg,
    largestOverdue: ev.largestOverdue,
    ledgerMonths,
    firstIssue: ev.firstIssue,
    decidedPromises,
    brokenPromises,
    brokenPromiseRateBp: brokenPromiseRateBp(brokenPromises, decidedPromises),
  };
  const history = creditHistoryRows(sqlite, customerId);
  for (const r of history.ratings) {
    r.scores = parse(r.scores);
    r.weights = parse(r.weights);
  }
  for (const r of history.decisions) r.inputs = r.inputs ? parse(r.inputs) : null;
  for (const r of history.investigations) {
    r.attachments = parse(r.attachments);
    r.warningSigns = parse(r.warningSigns);
  }
  const since = addDays(today, -90);
  const recentWarningSigns: { key: string; date: string }[] = [];
  for (const inv of history.investigations) {
    if ((inv.date as string) < since) continue;
    for (const key of inv.warningSigns as string[])
      if (!recentWarningSigns.some((w) => w.key === key)) recentWarningSigns.push({ key, date: inv.date as string });
  }
  const suggestion = suggestDowngrade(position.rating, {
    avgDaysLate: avg ?? 0,
    largestOverdue: ev.largestOverdue,
    ledgerMonths,
    decidedPromises,
    brokenPromises,
  });
  return { position, evidence, suggestion, recentWarningSigns, history };
}
