// The collections command line (issue #13, a fixed interface): promises import, promise
// statuses, dunning list and letters, calendar JSON and iCalendar — exact output on the SPEC §2
// worked example (C1) plus a second customer (C2).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openBook } from '../../main/db/connection';
import { createCollectionRecord } from '../../main/services/collections';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer, seedWorkedExample } from '../support/worked-example';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

let t: TestDesk;
let db: string;
const count = async (table: string) => {
  const b = await openBook(db);
  const n = (b.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  await b.close();
  return n;
};

const PROMISES = [
  'customer_code,made_on,promised_on,amount,promised_by,form',
  'C1,2026-04-01,2026-04-10,800.00,王会计,written',
  'C1,2026-06-01,2026-06-15,"2,000.00",王会计,verbal',
  'C1,2026-06-01,2026-06-12,1500,,',
  'C2,2026-05-20,2026-06-05,100.00,李经理,书面',
  'C2,2026-07-01,2026-07-05,1.00,,',
].join('\n');

beforeAll(async () => {
  t = await openTestDesk();
  await seedWorkedExample(t.ok);
  const c2 = await activeCustomer(t.ok, 'C2');
  await t.ok('invoices:create', { customerId: c2, number: 'C2-A', issueDate: '2026-04-01', amount: 10000 }); // due 2026-05-01
  await t.ok('invoices:create', { customerId: c2, number: 'C2-B', issueDate: '2026-05-10', amount: 25000 }); // due 2026-06-09
  await createCollectionRecord(t.desk.ctx, {
    customerId: c2,
    date: '2026-06-10',
    channel: 'call',
    method: 'persistence',
    tactic: 'reasoning',
    outcome: '答应月底付',
    nextStep: 'call',
    nextDate: '2026-06-20',
  });
  db = t.desk.ctx.book.path;
  await t.desk.close(); // the command line writes only a book nobody else has open
}, 60_000);
afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

describe('creditdesk import promises', () => {
  it('refuses a bad file naming row and field, and writes nothing', async () => {
    const bad = path.join(t.dir, 'bad-promises.csv');
    fs.writeFileSync(
      bad,
      [
        'customer_code,made_on,promised_on,amount,promised_by,form',
        'C1,2026-04-01,2026-04-10,800.00,,',
        'NOPE,2026-04-01,2026-04-10,1,,',
        'C1,2026-04-10,2026-04-01,1,,',
        'C1,2026-04-01,2026-04-10,0,,',
        'C1,2026-04-01,2026-04-10,1.234,,',
        'C1,2026-02-30,2026-04-10,1,,',
        'C2,2026-04-01,2026-04-10,5,,maybe',
      ].join('\n'),
    );
    const a = io();
    expect(await runCli(['import', '--db', db, 'promises', bad, '--lang', 'en'], a.x)).toBe(3);
    const err = a.err();
    expect(err).toContain('bad-promises.csv row 3, customer_code: unknown customer NOPE');
    expect(err).toContain(
      'bad-promises.csv row 4, promised_on: promised date 2026-04-01 is before the date the promise was made (2026-04-10)',
    );
    expect(err).toContain('bad-promises.csv row 5, amount: amount must be positive, got "0"');
    expect(err).toMatch(/bad-promises\.csv row 6, amount: .*decimals/);
    expect(err).toContain('bad-promises.csv row 7, made_on: "2026-02-30" is not a date YYYY-MM-DD');
    expect(err).toContain('bad-promises.csv row 8, form: form must be written or verbal, got "maybe"');
    expect(await count('promises')).toBe(0);
  });

  it('imports every row of a good file', async () => {
    const file = path.join(t.dir, 'promises.csv');
    fs.writeFileSync(file, `\uFEFF${PROMISES}\n`);
    const a = io();
    expect(await runCli(['import', '--db', db, 'promises', file], a.x)).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject({ kind: 'promises', imported: 5, amount: 440100 });
    expect(await count('promises')).toBe(5);
  });
});

describe('creditdesk promises', () => {
  it('as of 2026-06-30: statuses from receipts, earliest promised date served first, later promises left out', async () => {
    const a = io();
    expect(await runCli(['promises', '--db', db, '--as-of', '2026-06-30'], a.x)).toBe(0);
    expect(a.out()).toBe(
      `${JSON.stringify(
        {
          asOf: '2026-06-30',
          rows: [
            // R-2 (04-05, 500.00) is the only receipt in [04-01, 04-10]
            {
              customerCode: 'C1',
              madeOn: '2026-04-01',
              promisedOn: '2026-04-10',
              amount: 80000,
              received: 50000,
              status: 'partly_kept',
            },
            // R-3 (06-10, 3,000.00): the promise due 06-12 takes 1,500.00 first, the one due 06-15 the other 1,500.00
            {
              customerCode: 'C1',
              madeOn: '2026-06-01',
              promisedOn: '2026-06-12',
              amount: 150000,
              received: 150000,
              status: 'kept',
            },
            {
              customerCode: 'C1',
              madeOn: '2026-06-01',
              promisedOn: '2026-06-15',
              amount: 200000,
              received: 150000,
              status: 'partly_kept',
            },
            {
              customerCode: 'C2',
              madeOn: '2026-05-20',
              promisedOn: '2026-06-05',
              amount: 10000,
              received: 0,
              status: 'broken',
            },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('as of 2026-06-05: pending until the promised date; CSV in yuan', async () => {
    const a = io();
    expect(await runCli(['promises', '--db', db, '--as-of', '2026-06-05', '--format', 'csv'], a.x)).toBe(0);
    expect(a.out()).toBe(
      [
        'customer_code,made_on,promised_on,amount,received,status',
        'C1,2026-04-01,2026-04-10,800.00,500.00,partly_kept',
        'C1,2026-06-01,2026-06-12,1500.00,0.00,pending',
        'C1,2026-06-01,2026-06-15,2000.00,0.00,pending',
        'C2,2026-05-20,2026-06-05,100.00,0.00,pending',
        '',
      ].join('\n'),
    );
  });

  it('usage errors exit 2', async () => {
    expect(await runCli(['promises', '--db', db], io().x)).toBe(2);
    expect(await runCli(['promises', '--db', db, '--as-of', '2026-13-01'], io().x)).toBe(2);
    expect(await runCli(['promises', '--db', db, '--as-of', '2026-06-01', '--format', 'xml'], io().x)).toBe(2);
  });
});

describe('creditdesk dunning', () => {
  it('as of 2026-05-31: days overdue, overdue amount, level, paused by a pending promise', async () => {
    const a = io();
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-05-31'], a.x)).toBe(0);
    expect(JSON.parse(a.out())).toEqual({
      asOf: '2026-05-31',
      rows: [
        // INV-2 2,300.00 open, 75 days; INV-3 300.00 open, 30 days (SPEC §2 ageing as of 2026-05-31)
        { customerCode: 'C1', daysOverdue: 75, overdue: 260000, level: 3, paused: false },
        // C2-A 100.00 due 05-01; the promise made 05-20 for 06-05 is pending
        { customerCode: 'C2', daysOverdue: 30, overdue: 10000, level: 2, paused: true },
      ],
    });
    const c = io();
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-03-20', '--format', 'csv'], c.x)).toBe(0);
    // as of 03-20: INV-2 due 03-17 (3 days), below the first step
    expect(c.out()).toBe('customer_code,days_overdue,overdue,level,paused\nC1,3,2300.00,,false\n');
    const j = io();
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-06-30'], j.x)).toBe(0);
    // as of 06-30 C1 has only an unapplied credit; C2-A 60 days, C2-B 21 days; the promise is broken
    expect(JSON.parse(j.out()).rows).toEqual([
      { customerCode: 'C2', daysOverdue: 60, overdue: 35000, level: 3, paused: false },
    ]);
  });

  it('--level N --letters DIR: one PDF per customer at exactly that level and not paused, recorded as sent', async () => {
    const dir = path.join(t.dir, 'letters');
    const recordsBefore = await count('collection_records');
    const a = io();
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-05-31', '--level', '3', '--letters', dir], a.x)).toBe(
      0,
    );
    expect(fs.readdirSync(dir)).toEqual(['C1.pdf']);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'C1.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('催款函');
    expect(text).toContain('贰仟陆佰元整');
    expect(text).toContain('INV-2');
    expect(text).toContain('2,300.00');
    expect(text).toContain('测试商贸有限公司');
    expect(await count('collection_records')).toBe(recordsBefore + 1);
    expect(await count('dunning_letters')).toBe(1);
    // level 2: C2 is paused (pending promise) → no letter
    const dir2 = path.join(t.dir, 'letters2');
    expect(
      await runCli(['dunning', '--db', db, '--as-of', '2026-05-31', '--level', '2', '--letters', dir2], io().x),
    ).toBe(0);
    expect(fs.readdirSync(dir2)).toEqual([]);
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-05-31', '--level', '2'], io().x)).toBe(2);
  }, 120_000);
});

describe('creditdesk calendar', () => {
  it('as of 2026-05-31: open amounts due per day and promises made by then', async () => {
    const a = io();
    expect(
      await runCli(
        ['calendar', '--db', db, '--from', '2026-06-01', '--to', '2026-06-30', '--as-of', '2026-05-31'],
        a.x,
      ),
    ).toBe(0);
    const rep = JSON.parse(a.out());
    expect(rep.from).toBe('2026-06-01');
    expect(rep.asOf).toBe('2026-05-31');
    expect(
      rep.days.map((d: any) => [
        d.date,
        d.due,
        d.items.map((i: any) => [i.kind, i.customerCode, i.amount ?? null, i.status ?? null]),
      ]),
    ).toEqual([
      ['2026-06-05', 0, [['promise', 'C2', 10000, 'pending']]],
      ['2026-06-09', 25000, [['invoice_due', 'C2', 25000, null]]],
      ['2026-06-20', 0, [['call', 'C2', null, 'call']]],
    ]);
  });

  it('as of 2026-06-30: statuses change, paid invoices leave the due amounts', async () => {
    const a = io();
    expect(
      await runCli(
        ['calendar', '--db', db, '--from', '2026-04-01', '--to', '2026-06-30', '--as-of', '2026-06-30'],
        a.x,
      ),
    ).toBe(0);
    const rep = JSON.parse(a.out());
    expect(
      rep.days.map((d: any) => [
        d.date,
        d.due,
        d.items.map((i: any) => `${i.kind}:${i.customerCode}:${i.amount ?? ''}:${i.status ?? ''}`),
      ]),
    ).toEqual([
      ['2026-04-10', 0, ['promise:C1:80000:partly_kept']],
      ['2026-05-01', 10000, ['invoice_due:C2:10000:']],
      ['2026-06-05', 0, ['promise:C2:10000:broken']],
      ['2026-06-09', 25000, ['invoice_due:C2:25000:']],
      ['2026-06-12', 0, ['promise:C1:150000:kept']],
      ['2026-06-15', 0, ['promise:C1:200000:partly_kept']],
      ['2026-06-20', 0, ['call:C2::call']],
    ]);
    // INV-3 (due 05-01) was open as of 05-31 but is paid as of 06-30
    const b = io();
    expect(
      await runCli(
        ['calendar', '--db', db, '--from', '2026-05-01', '--to', '2026-05-01', '--as-of', '2026-05-31'],
        b.x,
      ),
    ).toBe(0);
    expect(JSON.parse(b.out()).days).toEqual([
      {
        date: '2026-05-01',
        due: 40000,
        items: [
          {
            kind: 'invoice_due',
            customerCode: 'C1',
            customerName: '客户C1',
            amount: 30000,
            label: 'INV-3',
            refId: expect.any(Number),
            done: false,
          },
          {
            kind: 'invoice_due',
            customerCode: 'C2',
            customerName: '客户C2',
            amount: 10000,
            label: 'C2-A',
            refId: expect.any(Number),
            done: false,
          },
        ],
      },
    ]);
  });

  it('--format ics: a VCALENDAR with one VEVENT per item and Chinese summaries', async () => {
    const a = io();
    expect(
      await runCli(
        [
          'calendar',
          '--db',
          db,
          '--from',
          '2026-06-01',
          '--to',
          '2026-06-30',
          '--as-of',
          '2026-06-30',
          '--format',
          'ics',
        ],
        a.x,
      ),
    ).toBe(0);
    const ics = a.out();
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:付款承诺 C1 客户C1 ¥1\\,500.00 已兑现');
    expect(unfolded).toContain('SUMMARY:到期应收 C2 客户C2 ¥250.00 C2-B');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260609');
  });

  it('usage: from after to, bad dates, unknown format', async () => {
    expect(await runCli(['calendar', '--db', db, '--from', '2026-06-30', '--to', '2026-06-01'], io().x)).toBe(2);
    expect(await runCli(['calendar', '--db', db, '--from', '2026-06-01'], io().x)).toBe(2);
    expect(
      await runCli(['calendar', '--db', db, '--from', '2026-06-01', '--to', '2026-06-30', '--format', 'pdf'], io().x),
    ).toBe(2);
  });
});
