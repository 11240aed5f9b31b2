// Several books (账套): create, switch, recent list, one lock per open book.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('books', () => {
  it('creates a second book, switches back, remembers both, and holds only the open one', async () => {
    const first = t.desk.ctx.book.path;
    const second = path.join(t.dir, 'books', '东方公司.creditdesk');
    const info = await t.ok('books:create', { path: second, company: '东方贸易有限公司' });
    expect(info.book).toMatchObject({ path: second, company: '东方贸易有限公司', customers: 0 });
    expect(fs.existsSync(`${second}.lock`)).toBe(true);
    expect(fs.existsSync(`${first}.lock`)).toBe(false);
    const back = await t.ok('books:open', { path: first });
    expect(back.book).toMatchObject({ path: first, company: '测试商贸有限公司' });
    expect(back.recentBooks.slice(0, 2)).toEqual([first, second]);
    expect(fs.existsSync(`${second}.lock`)).toBe(false);
  });

  it('refuses to create over an existing book and to open a missing one, staying on the current book', async () => {
    const first = t.desk.ctx.book.path;
    expect(await t.call('books:create', { path: first, company: '重复' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'path' },
    });
    expect(await t.call('books:open', { path: path.join(t.dir, 'nope.creditdesk') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await t.ok('app:info', {})).book.path).toBe(first);
  });
});
