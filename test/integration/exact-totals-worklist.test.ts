// #15 item 7: today's worklist (今日催收) at the money caps. Its score = overdue yuan × days
// overdue × risk passes 2^53 for a customer at the gross cap (10^15 fen) who is long overdue:
// mulDivRound threw and the worklist answered INTERNAL. Now the score is exact (BigInt, sent as
// decimal digits) and ranks exactly: two customers whose scores differ by 1 beyond 2^53 — equal
// as JavaScript numbers — come in the right order (not by customer code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const MAX_DOC = 99_999_999_999_999; // the per-document cap, fen
const CAP = 1_000_000_000_000_000; // a customer's gross cap, fen
const TODAY = '2026-12-31';
// Z1 at the cap, due 2024-01-31 (1065 days): ¥10^13 × 1065 × 2.0 = 21,300,000,000,000,000
// A1 due a day earlier (1066 days), 999,061,913,696,060 fen: × 1066 × 2.0 = 21,299,999,999,999,999.3…
const A1_OVERDUE = 999_061_913_696_060;
let t: TestDesk;
const ids: Record<string, number> = {};

async function must(channel: string, input: unknown) {
  const r = await t.call(channel as never, input);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return (r as { data: any }).data;
}

/** Invoices of at most the per-document cap adding up to `total`, all due on `dueDate`. */
async function owe(code: string, total: number, dueDate: string) {
  for (let i = 0, left = total; left > 0; i++, left -= Math.min(left, MAX_DOC))
    await must('invoices:create', {
      customerId: ids[code],
      number: `${code}-${i}`,
      issueDate: dueDate,
      dueDate,
      amount: Math.min(left, MAX_DOC),
      overrideReason: 'caps',
    });
}

/** Two promises of ¥1.00 long broken (risk 1.0 + 2 × 0.5 = 2.0), and a call planned today. */
async function brokenPromisesAndCallToday(code: string) {
  for (const [date, promisedOn] of [
    ['2026-05-20', '2026-06-01'],
    ['2026-06-20', '2026-07-01'],
  ])
    await must('collections:record-create', {
      customerId: ids[code],
      date,
      channel: 'call',
      method: 'persistence',
      tactic: 'carrot_stick',
      outcome: '答应付款',
      delaySide: 'customer',
      promise: { promisedOn, amount: 100, promisedBy: '王会计', form: 'verbal' },
    });
  await must('collections:record-create', {
    customerId: ids[code],
    date: '2026-12-20',
    channel: 'call',
    method: 'persistence',
    tactic: 'carrot_stick',
    outcome: '未接',
    delaySide: 'customer',
    nextStep: 'call',
    nextDate: TODAY,
  });
}

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  // the customer with the lower score has the lower code: ranked by code (a tie as numbers) it would come first
  for (const code of ['A1', 'Z1']) ids[code] = await activeCustomer(t.ok, code, { creditLimit: CAP });
  await owe('Z1', CAP, '2024-01-31');
  await owe('A1', A1_OVERDUE, '2024-01-30');
  for (const code of ['A1', 'Z1']) await brokenPromisesAndCallToday(code);
}, 180_000);
afterAll(() => t.close());

describe('today’s worklist at the caps', () => {
  it('lists the customer at the cap, 1065 days overdue with broken promises, first with exact figures', async () => {
    const w = await must('collections:worklist', { asOf: TODAY });
    const pick = (r: any) => [
      r.customerCode,
      r.overdue,
      r.daysOverdue,
      r.brokenPromises,
      r.partlyKeptPromises,
      r.riskMilli,
      r.score,
      r.reasons.map((x: any) => `${x.key}:${x.date ?? ''}`),
    ];
    expect(w.rows.map(pick)).toEqual([
      ['Z1', CAP, 1065, 2, 0, 2000, '21300000000000000', [`call_planned:${TODAY}`]],
      ['A1', A1_OVERDUE, 1066, 2, 0, 2000, '21299999999999999', [`call_planned:${TODAY}`]],
    ]);
    // the two scores differ by 1 yet are the same JavaScript number: only an exact compare ranks them
    expect(Number(w.rows[0].score)).toBe(Number(w.rows[1].score));
    // what crosses IPC is plain JSON (no BigInt)
    expect(JSON.parse(JSON.stringify(w))).toEqual(w);
  });
});
