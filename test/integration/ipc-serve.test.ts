import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { registerIpc, type IpcEventLike, type IpcMainLike } from '../../main/ipc/register';
import { CHANNELS } from '../../shared/ipc/contract';
import { startServer, type RunningServer } from '../../main/serve/server';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>) {
    this.handlers.set(channel, listener);
  }
  invoke(url: string, channel: string, input: unknown) {
    return this.handlers.get(channel)!({ senderFrame: { url } }, input);
  }
}

let t: TestDesk;
beforeAll(async () => {
  t = await openTestDesk();
});
afterAll(async () => {
  await t.close();
});

describe('registerIpc with an injected ipcMain', () => {
  it('registers every contract channel, answers trusted frames, refuses others', async () => {
    const ipc = new FakeIpcMain();
    registerIpc(ipc, t.handlers, { isTrustedSender: (url) => url.startsWith('app://creditdesk/') });
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const ok = (await ipc.invoke('app://creditdesk/index.html', 'customers:create', HUASHENG)) as any;
    expect(ok).toMatchObject({ ok: true, data: { code: 'C000123' } });
    const evil = (await ipc.invoke('https://evil.example/', 'customers:list', {})) as any;
    expect(evil).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame' } });
    const bad = (await ipc.invoke('app://creditdesk/index.html', 'customers:get', { id: -1 })) as any;
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'id' } });
  });
});

describe('browser mode server', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
    server = await startServer({ handlers: t.handlers, rendererDir: dir, token: 'test-token-1234567' });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ipc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=test-token-1234567`);
  });

  it('requires the token for IPC', async () => {
    const none = await ipc('customers:list', {});
    expect(none.status).toBe(401);
    const wrong = await ipc('customers:list', {}, { 'x-creditdesk-token': 'nope' });
    expect(wrong.status).toBe(401);
    const right = await ipc('customers:list', {}, { 'x-creditdesk-token': 'test-token-1234567' });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
  });

  it('validates payloads and unknown channels like Electron IPC does', async () => {
    const r = await ipc('customers:create', { code: '' }, { 'x-creditdesk-token': 'test-token-1234567' });
    expect(await r.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'code' } });
    const u = await ipc('fs:delete-everything', {}, { 'x-creditdesk-token': 'test-token-1234567' });
    expect(await u.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a non-loopback Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(403);
  });

  it('serves the renderer with a strict CSP and no path traversal', async () => {
    const r = await fetch(`${server.origin}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await r.text()).toContain('CreditDesk');
    const trav = await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`);
    expect(trav.status).toBe(404);
  });
});
