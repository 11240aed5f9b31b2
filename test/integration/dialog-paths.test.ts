// #15 item 10f: in the desktop app the renderer cannot name an arbitrary path for books:open,
// books:create or backup:create: the path must come from a native dialog (staged in main, sent
// as a one-time token) or, for backups, be a folder main itself offered. Browser mode keeps
// typed paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stagedPaths } from '../../main/services/files/staged-paths';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('desktop: paths only from a dialog', () => {
  it('books:create and books:open refuse a typed path and leave everything as it was', async () => {
    t = await openTestDesk({ mode: 'electron' });
    const before = t.desk.ctx.book.path;
    const other = path.join(t.dir, 'other.creditdesk');
    const r = await t.call('books:create', { path: other, company: '别的公司' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'path', key: 'path_needs_dialog' } });
    expect(fs.existsSync(other)).toBe(false);
    const o = await t.call('books:open', { path: before });
    expect(o).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'path' } });
    expect(t.desk.ctx.book.path).toBe(before);
  });

  it('a dialog-staged token creates and opens books, once, for its own purpose only', async () => {
    t = await openTestDesk({ mode: 'electron' });
    const first = t.desk.ctx.book.path;
    const other = path.join(t.dir, 'other.creditdesk');
    const created = stagedPaths.stage(other, 'book-create');
    const info = await t.ok('books:create', { pathToken: created.token, company: '别的公司' });
    expect(info.book.path).toBe(other);
    expect(fs.existsSync(other)).toBe(true);
    // spent
    expect(await t.call('books:create', { pathToken: created.token, company: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'path_token_gone' },
    });
    // a folder token is no book token
    const dirToken = stagedPaths.stage(t.dir, 'backup-dir').token;
    expect(await t.call('books:open', { pathToken: dirToken })).toMatchObject({ ok: false, error: { field: 'path' } });
    const open = stagedPaths.stage(first, 'book-open');
    expect((await t.ok('books:open', { pathToken: open.token })).book.path).toBe(first);
  });

  it('backup:create takes a folder main offered or a dialog token, not any typed folder', async () => {
    t = await openTestDesk({ mode: 'electron' });
    const anywhere = path.join(t.dir, 'anywhere');
    fs.mkdirSync(anywhere);
    const r = await t.call('backup:create', { dir: anywhere });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'dir', key: 'path_needs_dialog' } });
    expect(fs.readdirSync(anywhere)).toEqual([]);
    const chosen = stagedPaths.stage(anywhere, 'backup-dir');
    const made = await t.ok('backup:create', { dirToken: chosen.token });
    expect(path.dirname(made.file)).toBe(anywhere);
    // now a recent target main lists: typed again, it is accepted
    const again = await t.ok('backup:create', { dir: anywhere });
    expect(path.dirname(again.file)).toBe(anywhere);
  });

  it('the automatic backup folder cannot be aimed at a typed folder either', async () => {
    t = await openTestDesk({ mode: 'electron' });
    const anywhere = path.join(t.dir, 'anywhere');
    fs.mkdirSync(anywhere);
    const r = await t.call('backup:update-settings', { usbTarget: anywhere });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'usbTarget' } });
    expect(await t.call('backup:create', { dir: anywhere })).toMatchObject({ ok: false, error: { field: 'dir' } });
    // once a dialog chose it (and a backup went there), it is a folder main offers
    await t.ok('backup:create', { dirToken: stagedPaths.stage(anywhere, 'backup-dir').token });
    expect((await t.ok('backup:update-settings', { usbTarget: anywhere })).usbTarget).toBe(anywhere);
  });

  it('neither or both of path and token is a bad request', async () => {
    t = await openTestDesk({ mode: 'electron' });
    expect(await t.call('books:open', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'path' } });
    expect(await t.call('backup:create', { dir: t.dir, dirToken: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'dir' },
    });
  });
});

describe('browser mode keeps typed paths', () => {
  it('books:create and backup:create with typed paths', async () => {
    t = await openTestDesk();
    const anywhere = path.join(t.dir, 'anywhere');
    fs.mkdirSync(anywhere);
    expect(path.dirname((await t.ok('backup:create', { dir: anywhere })).file)).toBe(anywhere);
    const other = path.join(t.dir, 'other.creditdesk');
    expect((await t.ok('books:create', { path: other, company: '别的公司' })).book.path).toBe(other);
  });
});
