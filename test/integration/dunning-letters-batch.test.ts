// Batch dunning letters (催款函) as the user gets them: N customers at one ladder level give N
// PDFs, each with its own customer's name and overdue amount (and nobody else's), or one combined
// file with one page per letter in order, each numbering its own pages; progress after every
// chunk, and cancel stops between chunks with only the printed letters recorded as sent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDunningLetters } from '../../main/services/collections/letters';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
const AS_OF = '2026-11-23';
const codes = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06', 'L07'];
// customer i owes (i+1) × 111.11 yuan, due 2026-10-01: 53 days overdue as of 11-23 → level 2 (30 days)
const overdue = codes.map((_, i) => `${(i + 1) * 111}.${String((i + 1) * 11).padStart(2, '0')}`);
const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const text = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], {
    encoding: 'utf8',
  });
const pages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

async function runLetters(input: { output: 'per_customer' | 'combined'; dir: string; lang?: 'en' }) {
  await t.ok('collections:letters-start', { asOf: AS_OF, level: 2, ...input });
  for (;;) {
    const job = await t.ok('collections:letters-progress', {});
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  t = await openTestDesk({ now: `${AS_OF}T09:00:00.000Z` });
  for (let i = 0; i < codes.length; i++) {
    const id = await activeCustomer(t.ok, codes[i]);
    await t.ok('invoices:create', {
      customerId: id,
      number: `${codes[i]}-INV`,
      issueDate: '2026-09-01',
      amount: (i + 1) * 11111,
    });
  }
});
afterAll(() => t.close());

describe('batch dunning letters', () => {
  it('N customers at the level → N PDFs, each with its own name, amount, 大写 and invoice, recorded as sent', async () => {
    const dir = path.join(t.dir, 'per-customer');
    const records = count('collection_records');
    const job = await runLetters({ output: 'per_customer', dir });
    expect(job).toMatchObject({ state: 'done', total: 7, produced: 7, error: null });
    expect(fs.readdirSync(dir).sort()).toEqual(codes.map((c) => `${c}.pdf`));
    codes.forEach((code, i) => {
      const file = path.join(dir, `${code}.pdf`);
      expect(pages(file)).toBe(1);
      const s = text(file);
      expect(s).toContain('催款函');
      expect(s).toContain('测试商贸有限公司');
      expect(s).toContain(`客户${code}`);
      expect(s).toContain(`${code}-INV`);
      expect(s).toContain(overdue[i]);
      expect(s).toMatch(new RegExp(`${code}\\s+1\\s+/\\s+1`)); // footer: code and its own page count
      for (const other of codes) if (other !== code) expect(s).not.toContain(`客户${other}`);
    });
    expect(text(path.join(dir, 'L01.pdf'))).toContain('壹佰壹拾壹元壹角壹分');
    expect(text(path.join(dir, 'L07.pdf'))).toContain('柒佰柒拾柒元柒角柒分');
    expect(count('collection_records')).toBe(records + 7);
    expect(count('dunning_letters')).toBe(7);
  }, 300_000);

  it('one combined file: one page per letter in customer order, in English too', async () => {
    const dir = path.join(t.dir, 'combined');
    const job = await runLetters({ output: 'combined', dir, lang: 'en' });
    expect(job).toMatchObject({ state: 'done', total: 7, produced: 7 });
    expect(fs.readdirSync(dir)).toEqual(['催款函-2-2026-11-23.pdf']); // no parts left behind
    const file = path.join(dir, '催款函-2-2026-11-23.pdf');
    expect(job.files).toEqual([file]);
    expect(pages(file)).toBe(7);
    codes.forEach((code, i) => {
      const s = text(file, i + 1);
      expect(s).toContain('Payment reminder');
      expect(s).toContain(`客户${code}`);
      expect(s).toContain(overdue[i]);
      expect(s).toMatch(new RegExp(`${code}\\s+1\\s+/\\s+1`));
    });
    expect(count('dunning_letters')).toBe(14);
  }, 300_000);

  it('reports progress after every chunk; cancel stops between chunks, only printed letters are recorded', async () => {
    const seen: [number, number][] = [];
    const dir = path.join(t.dir, 'chunks');
    const out = await printDunningLetters(t.desk.ctx, {
      asOf: AS_OF,
      level: 2,
      dir,
      output: 'per_customer',
      chunkSize: 3,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    expect(out.produced).toBe(7);
    const before = count('dunning_letters');
    const cancelDir = path.join(t.dir, 'cancelled');
    const cancelled = await printDunningLetters(t.desk.ctx, {
      asOf: AS_OF,
      level: 2,
      dir: cancelDir,
      output: 'combined',
      chunkSize: 3,
      isCancelled: () => seen.length >= 4, // cancelled once the first chunk is done
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(cancelled).toMatchObject({ cancelled: true, produced: 3 });
    expect(count('dunning_letters')).toBe(before + 3);
    // the combined file holds exactly the letters recorded as sent
    const [file] = cancelled.files;
    expect(fs.readdirSync(cancelDir)).toEqual([path.basename(file)]);
    expect(pages(file)).toBe(3);
    expect(text(file)).toContain('客户L03');
    expect(text(file)).not.toContain('客户L04');
  }, 300_000);
});
