// public/boot-prefetch.js asks main for the opening screen's data before the app's bundle runs;
// the app uses an answer only for the very same call, once, and only a good one.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { takePrefetched } from '../../renderer/src/api/prefetched';
import { pageRequest } from '../../renderer/src/pages/customers/list/paging';

const script = fs.readFileSync(path.resolve(__dirname, '../../renderer/public/boot-prefetch.js'), 'utf8');

/** Runs the script as the page at `href` would, recording the requests it sends. */
function boot(href: string, opts: { token?: string; api?: boolean } = {}) {
  const sent: { url: string; token: string; body: unknown }[] = [];
  const url = new URL(href);
  const win: Record<string, unknown> = {};
  const fetch = async (u: string, init: { headers: Record<string, string>; body: string }) => {
    sent.push({ url: u, token: init.headers['x-creditdesk-token'], body: JSON.parse(init.body) });
    return { ok: true, json: async () => ({ ok: true, data: u }) };
  };
  if (opts.api)
    win.api = new Proxy({}, { get: (_, c) => async (input: unknown) => ({ ok: true, data: { c, input } }) });
  const sessionStorage = { getItem: () => opts.token ?? null };
  const context = { window: win, location: url, URL, fetch, sessionStorage, JSON, encodeURIComponent };
  vm.runInNewContext(script, context);
  return { sent, answers: win.__creditdeskPrefetch as Record<string, Promise<unknown>> | undefined };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('boot prefetch', () => {
  it('asks for app info, regions and the customer list as it opens, with the token from the address', () => {
    const { sent } = boot('http://127.0.0.1:5000/?token=abcdefghijklmnopqrst#/customers');
    expect(sent.map((s) => s.url)).toEqual(['/ipc/app%3Ainfo', '/ipc/regions%3Alist', '/ipc/customers%3Alist']);
    expect(sent.every((s) => s.token === 'abcdefghijklmnopqrst')).toBe(true);
    // exactly the list's own first request (filter {} = no filters set, code order)
    expect(JSON.stringify(sent[2].body)).toBe(JSON.stringify(pageRequest({}, { sort: 'code', order: 'asc' }, 0)));
  });

  it('asks for the list on the start route too, but not on another page; the token may come from the session', () => {
    expect(boot('http://127.0.0.1:5000/', { token: 't' }).sent.map((s) => s.url)).toContain('/ipc/customers%3Alist');
    const other = boot('http://127.0.0.1:5000/#/receivables/ageing', { token: 't' }).sent;
    expect(other.map((s) => s.url)).toEqual(['/ipc/app%3Ainfo', '/ipc/regions%3Alist']);
    expect(other[0].token).toBe('t');
  });

  it('uses the desktop bridge when there is one, and does nothing on a file page without it', async () => {
    const desk = boot('app://creditdesk/index.html#/customers', { api: true });
    expect(desk.sent).toEqual([]);
    expect(await desk.answers!['app:info {}']).toEqual({ ok: true, data: { c: 'app:info', input: {} } });
    expect(boot('file:///x/index.html#/customers').answers).toBeUndefined();
  });

  it('hands each answer out once, to the same call only', async () => {
    const { answers } = boot('http://127.0.0.1:5000/?token=x#/customers');
    (globalThis as { window?: unknown }).window = { __creditdeskPrefetch: answers };
    const first = pageRequest({}, { sort: 'code' as const, order: 'asc' as const }, 0);
    expect(takePrefetched('customers:list', { ...first, offset: 200 })).toBeNull();
    expect(await takePrefetched('customers:list', first)).toEqual({ ok: true, data: '/ipc/customers%3Alist' });
    expect(takePrefetched('customers:list', first)).toBeNull();
    expect(await takePrefetched('app:info', {})).toEqual({ ok: true, data: '/ipc/app%3Ainfo' });
  });

  it('drops what is left once the app calls another channel (the welcome page opening the demo book)', async () => {
    const { answers } = boot('http://127.0.0.1:5000/?token=x#/customers');
    (globalThis as { window?: unknown }).window = { __creditdeskPrefetch: answers };
    const first = pageRequest({}, { sort: 'code' as const, order: 'asc' as const }, 0);
    expect(await takePrefetched('app:info', {})).toEqual({ ok: true, data: '/ipc/app%3Ainfo' });
    expect(takePrefetched('welcome:open-demo', {})).toBeNull();
    // the empty book's first page must not be shown for the demo book
    expect(takePrefetched('customers:list', first)).toBeNull();
    expect(takePrefetched('regions:list', {})).toBeNull();
  });
});
