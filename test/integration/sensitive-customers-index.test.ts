// The confidential and top-secret customers (masked in every export) are read from the partial
// index customers_sensitive (migration 0024): the same rows, in the same order, as a scan of the
// whole table — and the query really uses the index, so an export stops scanning every customer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook, type Book } from '../../main/db/connection';
import { SENSITIVE_CUSTOMERS_SQL, sensitiveCustomerRows } from '../../main/db/sensitive-customers';
import { CONFIDENTIALITY, SENSITIVE_LEVELS } from '../../shared/customer-fields';

let dir: string;
let book: Book;
const NOW = '2026-11-30T00:00:00Z';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-sensitive-'));
  book = await openBook(path.join(dir, 'b.creditdesk'), { create: true });
  const add = book.sqlite.prepare(
    `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at)
     VALUES (?, ?, 'company', 'customer', 'active', ?, '', '', ?, ?)`,
  );
  // codes out of id order, every level several times
  for (let i = 0; i < 60; i++) {
    const level = CONFIDENTIALITY[(i * 7) % CONFIDENTIALITY.length];
    add.run(`C${String((i * 37) % 100).padStart(3, '0')}`, `客户${i}`, level, NOW, NOW);
  }
  book.sqlite.prepare("UPDATE customers SET confidentiality = 'normal' WHERE id = 3").run();
});

afterAll(async () => {
  await book?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sensitive customers from the partial index', () => {
  it('gives exactly the rows of a full scan, in id order', async () => {
    const scan = book.sqlite
      .prepare('SELECT id, code FROM customers NOT INDEXED WHERE confidentiality IN (?, ?) ORDER BY id')
      .all(...SENSITIVE_LEVELS);
    expect(scan.length).toBeGreaterThan(10);
    expect(await sensitiveCustomerRows(book.db)).toEqual(scan);
  });

  it('names the same levels as the rest of the app', () => {
    expect(SENSITIVE_LEVELS).toEqual(['confidential', 'top_secret']);
    for (const level of SENSITIVE_LEVELS) expect(SENSITIVE_CUSTOMERS_SQL).toContain(`'${level}'`);
  });

  it('reads the index, not the customers table', () => {
    const plan = book.sqlite.prepare(`EXPLAIN QUERY PLAN ${SENSITIVE_CUSTOMERS_SQL}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING COVERING INDEX customers_sensitive/);
  });
});
