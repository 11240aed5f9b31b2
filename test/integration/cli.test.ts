import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openBook } from '../../main/db/connection';
import { tempDir } from '../support/book';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('creditdesk command line', () => {
  it('usage errors exit 2', async () => {
    const a = io();
    expect(await runCli([], a.x)).toBe(2);
    expect(await runCli(['frobnicate'], a.x)).toBe(2);
    // the user's language: Chinese by default, English with --lang en
    expect(a.err()).toContain('未知命令“frobnicate”');
    expect(a.err()).toContain('用法：');
    const b = io();
    expect(await runCli(['init'], b.x)).toBe(2);
    expect(b.err()).toContain('缺少必需的选项 --db');
    expect(await runCli(['init', '--db', 'x', '--bogus'], b.x)).toBe(2);
    expect(b.err()).toContain('未知的选项 --bogus');
    expect(await runCli(['import', '--db', 'x', 'planets', 'a.csv'], b.x)).toBe(2);
    expect(b.err()).toContain('未知的导入类型“planets”');
    const en = io();
    expect(await runCli(['frobnicate', '--lang', 'en'], en.x)).toBe(2);
    expect(await runCli(['init', '--lang', 'en'], en.x)).toBe(2);
    expect(en.err()).toContain('unknown command "frobnicate"');
    expect(en.err()).toContain('missing required option --db');
    expect(en.err()).toContain('usage:');
  });

  it('init creates a migrated book with the company name', async () => {
    const db = path.join(dir, 'init.creditdesk');
    const a = io();
    expect(await runCli(['init', '--db', db, '--company', '华盛商贸'], a.x)).toBe(0);
    expect(a.out()).toContain('已新建账套');
    const book = await openBook(db);
    expect(book.sqlite.prepare("SELECT value FROM settings WHERE key = 'company.name'").get()).toEqual({
      value: '华盛商贸',
    });
    await book.close();
  });

  it('demo makes a realistic, deterministic Chinese book', async () => {
    const a = path.join(dir, 'demo-a.creditdesk');
    const b = path.join(dir, 'demo-b.creditdesk');
    expect(await runCli(['demo', '--db', a, '--customers', '300', '--seed', '42'], io().x)).toBe(0);
    expect(await runCli(['demo', '--db', b, '--customers', '300', '--seed', '42'], io().x)).toBe(0);
    const rowsOf = async (f: string) => {
      const book = await openBook(f);
      const rows = book.sqlite
        .prepare(
          'SELECT code, name, kind, region_code, phone, address, credit_limit, profile FROM customers ORDER BY code',
        )
        .all();
      await book.close();
      return rows as any[];
    };
    const ra = await rowsOf(a);
    expect(ra).toHaveLength(300);
    expect(ra).toEqual(await rowsOf(b));
    expect(ra[0].code).toBe('C000001');
    expect(ra.filter((r) => /[\u4e00-\u9fa5]/.test(r.name)).length).toBe(300);
    expect(ra.every((r) => Number.isInteger(r.credit_limit))).toBe(true);
    // a second demo into the same book is refused as bad input
    expect(await runCli(['demo', '--db', a, '--customers', '5'], io().x)).toBe(3);
  });

  it('import customers: exit 0 with a summary, exit 3 naming file/row/field with nothing changed', async () => {
    const db = path.join(dir, 'imp.creditdesk');
    await runCli(['init', '--db', db], io().x);
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(good, 'code,name,kind,credit_limit\nC1,华盛贸易,company,1000.00\n');
    const a = io();
    expect(await runCli(['import', '--db', db, 'customers', good], a.x)).toBe(0);
    expect(JSON.parse(a.out())).toEqual({ kind: 'customers', file: 'good.csv', imported: 1, created: 1, updated: 0 });
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'code,name,kind,credit_limit\nC2,好,company,5\nC3,坏,company,1.234\n');
    const b = io();
    expect(await runCli(['import', '--db', db, 'customers', bad, '--lang', 'en'], b.x)).toBe(3);
    expect(b.err()).toContain('bad.csv: 1 problem(s); nothing was imported');
    expect(b.err()).toContain('bad.csv row 3, credit_limit: amount "1.234" has more than 2 decimals');
    // the user's language by default: zh-CN
    const z = io();
    expect(await runCli(['import', '--db', db, 'customers', bad], z.x)).toBe(3);
    expect(z.err()).toContain('bad.csv：发现 1 处问题，未导入任何数据');
    expect(z.err()).toContain('bad.csv 第 3 行，credit_limit: 金额“1.234”超过两位小数');
    const book = await openBook(db);
    expect(book.sqlite.prepare('SELECT code FROM customers ORDER BY code').all()).toEqual([{ code: 'C1' }]);
    await book.close();
    expect(await runCli(['import', '--db', db, 'customers', path.join(dir, 'missing.csv')], io().x)).toBe(3);
  });

  it('a CLI writer is refused while another process holds the book', async () => {
    const db = path.join(dir, 'locked.creditdesk');
    await runCli(['init', '--db', db], io().x);
    // a live lock from another pid on this host (pid 1 is always alive)
    fs.writeFileSync(
      `${db}.lock`,
      JSON.stringify({
        pid: 1,
        host: (await import('node:os')).hostname(),
        purpose: 'app',
        startedAt: '2026-11-23T08:00:00Z',
        token: 'x',
      }),
    );
    const good = path.join(dir, 'good2.csv');
    fs.writeFileSync(good, 'code,name,kind\nC9,某某,company\n');
    const a = io();
    expect(await runCli(['import', '--db', db, 'customers', good], a.x)).toBe(1);
    expect(a.err()).toMatch(/已在另一个 CreditDesk 窗口或进程中打开（CreditDesk 窗口，进程号 1/);
    const en = io();
    expect(await runCli(['import', '--db', db, 'customers', good, '--lang', 'en'], en.x)).toBe(1);
    expect(en.err()).toMatch(/open in another CreditDesk window\/process \(a CreditDesk window, pid 1/);
    fs.rmSync(`${db}.lock`);
  });
});
