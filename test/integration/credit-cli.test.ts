// `creditdesk credit` on the SPEC §2 worked example plus a note receivable, ratings, classes,
// reviews and limit decisions: exact figures as of several dates; the command never writes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openCliBook } from '../../main/cli/book';
import { createNote, setNoteState } from '../../main/services/receivables';
import { tempDir } from '../support/book';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

const dir = tempDir();
const db = path.join(dir, 'credit.creditdesk');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function credit(asOf: string, format = 'json') {
  const a = io();
  const code = await runCli(['credit', '--db', db, '--as-of', asOf, '--format', format], a.x);
  expect(a.err()).toBe('');
  expect(code).toBe(0);
  return format === 'json' ? JSON.parse(a.out()) : a.out();
}

beforeAll(async () => {
  expect(await runCli(['init', '--db', db], io().x)).toBe(0);
  const w = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const files: [string, string][] = [
    [
      'customers',
      w(
        'c.csv',
        'code,name,kind,payment_terms_days,credit_limit\nC1,华盛贸易,company,30,3000.00\nC2,东方五金,company,30,0\nC3,南山百货,company,30,1000.00\n',
      ),
    ],
    [
      'invoices',
      w(
        'i.csv',
        'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-01-10,,1000.00\nC1,INV-2,2026-02-15,,2500.00\nC1,INV-3,2026-04-01,,800.00\nC2,INV-9,2026-05-01,,123.45\n',
      ),
    ],
    [
      'receipts',
      w(
        'r.csv',
        'customer_code,date,amount,reference,invoice_number\nC1,2026-02-20,1200.00,R-1,\nC1,2026-04-05,500.00,R-2,INV-3\nC1,2026-06-10,3000.00,R-3,\n',
      ),
    ],
  ];
  for (const [kind, file] of files) {
    const a = io();
    expect(await runCli(['import', '--db', db, kind, file], a.x), a.err()).toBe(0);
  }
  const ctx = await openCliBook(db);
  try {
    const c1 = (ctx.book.sqlite.prepare("SELECT id FROM customers WHERE code = 'C1'").get() as { id: number }).id;
    const c3 = (ctx.book.sqlite.prepare("SELECT id FROM customers WHERE code = 'C3'").get() as { id: number }).id;
    const note = await createNote(ctx, {
      customerId: c1,
      number: 'BA-1',
      kind: 'bank_acceptance',
      drawer: '华盛贸易',
      issueDate: '2026-05-01',
      maturityDate: '2026-08-01',
      amount: 50_000,
    });
    await setNoteState(ctx, { id: note.id, state: 'honoured', date: '2026-06-15' });
    // history written the way the credit services write it (dated rows)
    const now = '2026-11-30T00:00:00.000Z';
    const s = ctx.book.sqlite;
    s.prepare(
      `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, note, rated_by, approved_by, created_at)
      VALUES (?, ?, '{}', '{}', '[]', ?, ?, NULL, '王主管', '王主管', ?)`,
    ).run(c1, '2026-03-01', 8500, 'AA', now);
    s.prepare(
      `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, note, rated_by, approved_by, created_at)
      VALUES (?, ?, '{}', '{}', '[]', ?, ?, NULL, '王主管', '王主管', ?)`,
    ).run(c1, '2026-06-01', 6500, 'BBB', now);
    s.prepare(
      `INSERT INTO credit_classes (customer_id, class, set_on, reason, set_by, created_at) VALUES (?, 'B', '2026-03-01', NULL, '王主管', ?)`,
    ).run(c1, now);
    s.prepare(
      `INSERT INTO credit_reviews (customer_id, reviewed_on, kind, findings, put_on_hold, reviewed_by, created_at) VALUES (?, '2026-05-20', 'regular', '正常', 0, '王主管', ?)`,
    ).run(c1, now);
    s.prepare(
      `INSERT INTO credit_classes (customer_id, class, set_on, reason, set_by, created_at) VALUES (?, 'C', '2026-04-05', NULL, '王主管', ?)`,
    ).run(c3, now);
    s.prepare(
      `INSERT INTO credit_limit_decisions (customer_id, effective_date, amount, method, inputs, reason, source, decided_by, approved_by, decided_at)
      VALUES (?, '2026-06-01', 200000, 'judgement', NULL, '回款变慢', 'worksheet', '王主管', '王主管', ?)`,
    ).run(c1, now);
    s.prepare("UPDATE customers SET lifecycle = 'suspended' WHERE id = ?").run(c3);
  } finally {
    await ctx.book.close();
  }
});

describe('creditdesk credit', () => {
  it('as of 2026-05-31: worked-example exposure + held note, imported limit, class B review due', async () => {
    expect(await credit('2026-05-31')).toEqual({
      asOf: '2026-05-31',
      rows: [
        // open 2,600.00 + note 500.00 = 3,100.00 against 3,000.00: 100.00 over, 103.33 % → 10333 bp
        {
          customerCode: 'C1',
          rating: 'AA',
          creditClass: 'B',
          creditLimit: 300_000,
          exposure: 310_000,
          available: -10_000,
          utilisationBp: 10_333,
          nextReviewDue: '2026-08-10',
          onHold: false,
        },
        // a zero limit means no limit
        {
          customerCode: 'C2',
          rating: null,
          creditClass: null,
          creditLimit: null,
          exposure: 12_345,
          available: null,
          utilisationBp: null,
          nextReviewDue: null,
          onHold: false,
        },
        // class C set 2026-04-05, never reported: due 2026-05-10 (overdue)
        {
          customerCode: 'C3',
          rating: null,
          creditClass: 'C',
          creditLimit: 100_000,
          exposure: 0,
          available: 100_000,
          utilisationBp: 0,
          nextReviewDue: '2026-05-10',
          onHold: true,
        },
      ],
    });
  });

  it('as of 2026-06-12: the decision of 2026-06-01 and the downgrade apply; the note is still held', async () => {
    const rep = await credit('2026-06-12');
    // R-3 (06-10) leaves −400.00 unapplied; + note 500.00 = 100.00; limit 2,000.00 → 5 %
    expect(rep.rows[0]).toEqual({
      customerCode: 'C1',
      rating: 'BBB',
      creditClass: 'B',
      creditLimit: 200_000,
      exposure: 10_000,
      available: 190_000,
      utilisationBp: 500,
      nextReviewDue: '2026-08-10',
      onHold: false,
    });
  });

  it('as of 2026-06-30: the honoured note no longer counts; a credit exposure is negative', async () => {
    const rep = await credit('2026-06-30');
    expect(rep.rows[0]).toMatchObject({
      customerCode: 'C1',
      exposure: -40_000,
      available: 240_000,
      utilisationBp: -2000,
    });
  });

  it('before any rating or class: nulls; the imported limit is the initial one', async () => {
    const rep = await credit('2026-01-31');
    expect(rep.rows[0]).toEqual({
      customerCode: 'C1',
      rating: null,
      creditClass: null,
      creditLimit: 300_000,
      exposure: 100_000,
      available: 200_000,
      utilisationBp: 3333,
      nextReviewDue: null,
      onHold: false,
    });
  });

  it('CSV with decimal yuan; usage errors exit 2; the book is not changed', async () => {
    const before = fs.statSync(db).mtimeMs;
    const csv = await credit('2026-05-31', 'csv');
    expect(csv.split('\n').slice(0, 2)).toEqual([
      'customer_code,rating,credit_class,credit_limit,exposure,available,utilisation_bp,next_review_due,on_hold',
      'C1,AA,B,3000.00,3100.00,-100.00,10333,2026-08-10,false',
    ]);
    expect(await runCli(['credit', '--db', db], io().x)).toBe(2);
    expect(await runCli(['credit', '--db', db, '--as-of', '2026-02-30'], io().x)).toBe(2);
    expect(await runCli(['credit', '--db', db, '--as-of', '2026-05-31', '--format', 'xml'], io().x)).toBe(2);
    expect(await runCli(['credit', '--db', path.join(dir, 'none.creditdesk'), '--as-of', '2026-05-31'], io().x)).toBe(
      1,
    );
    expect(fs.statSync(db).mtimeMs).toBe(before);
  });
});

describe('calendar source: credit reviews', () => {
  it('puts each due credit report on the 10th, overdue before the as-of date', async () => {
    const { CALENDAR_SOURCES } = await import('../../main/reports/calendar/sources');
    const { creditReviewsSource } = await import('../../main/reports/calendar/credit-reviews');
    expect(CALENDAR_SOURCES).toContain(creditReviewsSource);
    const ctx = await openCliBook(db, { write: false });
    try {
      const items = await creditReviewsSource(ctx.book, { from: '2026-05-01', to: '2026-08-31', asOf: '2026-05-31' });
      expect(items.map((i) => [i.kind, i.date, i.customerCode, i.status, i.done])).toEqual([
        ['credit_review', '2026-08-10', 'C1', 'due', false],
        ['credit_review', '2026-05-10', 'C3', 'overdue', false],
      ]);
    } finally {
      await ctx.book.close();
    }
  });
});
