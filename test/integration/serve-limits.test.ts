// Browser-mode server edges: oversize /ipc bodies get a 413 JSON answer (not a reset), bad
// %-encoding gets 400, a short --token is refused, uploads left by a killed server are removed
// at the next start.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IPC_BODY, removeStaleUploads, startServer, type RunningServer } from '../../main/serve/server';
import { serveCommand } from '../../main/cli/commands/serve';
import { UsageError, type CliIo } from '../../main/cli/io';
import { openTestDesk, tempDir, type TestDesk } from '../support/book';

const TOKEN = 'limits-token-0123456789';
let t: TestDesk;
let server: RunningServer;
let dir: string;

beforeAll(async () => {
  t = await openTestDesk();
  dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
  server = await startServer({ handlers: t.handlers, rendererDir: dir, token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request: status and body, or the socket error. */
function raw(
  pathname: string,
  body: Buffer | null,
  opts: { chunked?: boolean } = {},
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {
      'x-creditdesk-token': TOKEN,
      'content-type': 'application/json',
    };
    if (body && !opts.chunked) headers['content-length'] = body.length;
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (body && opts.chunked) {
      for (let i = 0; i < body.length; i += 1 << 20) req.write(body.subarray(i, i + (1 << 20)));
      req.end();
    } else req.end(body ?? undefined);
  });
}

describe('browser-mode server limits', () => {
  it('an /ipc body over the cap gets 413 with a JSON error (with and without Content-Length)', async () => {
    const big = Buffer.alloc(MAX_IPC_BODY + 1024, 0x20);
    for (const chunked of [false, true]) {
      const r = await raw('/ipc/customers:list', big, { chunked });
      expect(r, `chunked=${chunked}`).toMatchObject({ status: 413 });
      expect(JSON.parse((r as { body: string }).body)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/too large/) },
      });
    }
    expect(MAX_IPC_BODY).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('a normal body still works after an oversize one', async () => {
    const r = await raw('/ipc/customers:list', Buffer.from('{}'));
    expect(r).toMatchObject({ status: 200 });
  });

  it('bad %-encoding in the path is 400, not an empty 500', async () => {
    const r = await raw('/ipc/customers%E0%A4%A', Buffer.from('{}'));
    expect(r).toMatchObject({ status: 400 });
    expect(JSON.parse((r as { body: string }).body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const s = await fetch(`${server.origin}/%E0%A4%A.js`);
    expect(s.status).toBe(400);
  });

  it('a token under 16 characters is refused (server and CLI)', async () => {
    await expect(startServer({ handlers: t.handlers, rendererDir: dir, token: 'short-token' })).rejects.toThrow(
      /at least 16 characters/,
    );
    const io: CliIo = { out: () => undefined, err: () => undefined };
    await expect(
      serveCommand(['--db', path.join(dir, 'x.creditdesk'), '--token', '123456'], io),
    ).rejects.toBeInstanceOf(UsageError);
  });

  it('uploads left by a killed server are removed at the next start', async () => {
    const dead = path.join(os.tmpdir(), 'creditdesk-upload-999999999-abcdef012345');
    const mine = path.join(os.tmpdir(), `creditdesk-upload-${process.pid}-abcdef012345`);
    fs.writeFileSync(dead, 'left behind');
    fs.writeFileSync(mine, 'in use');
    const removed = removeStaleUploads();
    expect(removed).toContain(dead);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(mine)).toBe(true);
    fs.rmSync(mine);
  });
});
