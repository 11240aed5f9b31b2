// Browser mode: the built renderer plus `POST /ipc/<channel>` on 127.0.0.1 only. IPC calls need
// the random per-run token (header X-CreditDesk-Token); the Host header must be loopback, so a
// web page elsewhere cannot reach the book (DNS rebinding). `POST /upload?name=FILE` (same token)
// streams an import file to a private temporary file and stages it (an import channel then
// takes its token), as the desktop app's open dialog stages the chosen path.
import crypto from 'node:crypto';
import os from 'node:os';
import { pipeline } from 'node:stream/promises';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { HandlerMap } from '../ipc/handlers';
import { dispatch } from '../ipc/register';
import { typedArraysAsArrays, WIRE_CHANNELS } from '../../shared/ipc/wire';
import { stagedFiles } from '../services/files/staged-files';
import { pidAlive } from '../db/lock';

import { CSP } from '../app/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ServeOptions {
  handlers: HandlerMap;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (msg: string) => void;
}

export interface RunningServer {
  url: string; // includes ?token=
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** An /ipc request body: JSON arguments only (files come through /upload), so a few MB is ample. */
export const MAX_IPC_BODY = 8 * 1024 * 1024;
/** A --token shorter than this is guessable by a page that can reach the port. */
export const MIN_TOKEN_LENGTH = 16;
/** An import file uploaded in browser mode (streamed to disk, never held in memory). */
export const MAX_UPLOAD = 2 * 1024 * 1024 * 1024;

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  if (opts.token !== undefined && opts.token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `the token must be at least ${MIN_TOKEN_LENGTH} characters (a short token can be guessed by any web page)`,
    );
  }
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  removeStaleUploads();
  const root = path.resolve(opts.rendererDir);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      opts.log?.(`serve error: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      res.writeHead(403).end('forbidden host');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // POST endpoints: method, then the run's token
    const post = url.pathname === '/upload' || url.pathname.startsWith('/ipc/');
    if (post && req.method !== 'POST') return void res.writeHead(405).end();
    const json = (status: number, body: unknown, replacer?: (key: string, value: unknown) => unknown) =>
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .end(JSON.stringify(body, replacer));
    if (post && !safeEqual(String(req.headers['x-creditdesk-token'] ?? ''), token))
      return json(401, { ok: false, error: { code: 'FORBIDDEN', message: 'bad token' } });
    if (url.pathname === '/upload') {
      const name = path.basename(url.searchParams.get('name') ?? '').slice(0, 260);
      if (!name)
        return json(400, {
          ok: false,
          error: { code: 'VALIDATION', field: 'fileName', message: 'fileName: required' },
        });
      const file = path.join(os.tmpdir(), `${UPLOAD_PREFIX}${process.pid}-${crypto.randomBytes(12).toString('hex')}`);
      try {
        await pipeline(req, sizeLimit(MAX_UPLOAD), fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      } catch (e) {
        fs.rmSync(file, { force: true });
        return json(413, {
          ok: false,
          error: { code: 'VALIDATION', field: 'file', message: `upload failed: ${(e as Error).message}` },
        });
      }
      return json(200, { ok: true, data: stagedFiles.stage(file, { fileName: name, temporary: true }) });
    }
    if (url.pathname.startsWith('/ipc/')) {
      const tooLarge = () => {
        req.resume(); // discard the rest without holding it; the answer is sent in full
        res.setHeader('connection', 'close');
        json(413, {
          ok: false,
          error: { code: 'VALIDATION', message: `request too large (over ${MAX_IPC_BODY / 1048576} MB)` },
        });
      };
      if (Number(req.headers['content-length'] ?? 0) > MAX_IPC_BODY) return tooLarge();
      const body = await readBody(req, MAX_IPC_BODY);
      if (body === null) return tooLarge();
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return json(400, { ok: false, error: { code: 'VALIDATION', message: 'body is not JSON' } });
      }
      const channel = decodePath(url.pathname.slice('/ipc/'.length));
      if (channel === null)
        return json(400, { ok: false, error: { code: 'VALIDATION', message: 'bad %-encoding in the path' } });
      const started = traceStart();
      const result = await dispatch(opts.handlers, channel, payload, {
        error: (m, e) => opts.log?.(`${m}: ${(e as Error)?.stack ?? e}`),
      });
      if (started) opts.log?.(traceLine(channel, started));
      return json(200, result, WIRE_CHANNELS.has(channel) ? typedArraysAsArrays : undefined);
    }
    // Static renderer files.
    let rel = decodePath(url.pathname);
    if (rel === null)
      return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad %-encoding in the path');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        stagedFiles.clear(); // uploads not imported: their temporary files go
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function sizeLimit(max: number): (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer> {
  return async function* (source) {
    let size = 0;
    for await (const chunk of source) {
      size += chunk.length;
      if (size > max) throw new Error(`file too large (over ${Math.round(max / 1048576)} MB)`);
      yield chunk;
    }
  };
}

/** The body, or null once it passes `max` bytes (the rest is not kept). */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.off('data', onData);
        chunks.length = 0;
        resolve(null);
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

const UPLOAD_PREFIX = 'creditdesk-upload-';

// CREDITDESK_TRACE_IPC=1: one stderr line per IPC call with its wall and process CPU time (the
// first-paint bench reads them to tell which call the first screen waits for).
const TRACE = process.env.CREDITDESK_TRACE_IPC === '1';
function traceStart(): { wall: number; cpu: NodeJS.CpuUsage } | null {
  return TRACE ? { wall: performance.now(), cpu: process.cpuUsage() } : null;
}
function traceLine(channel: string, s: { wall: number; cpu: NodeJS.CpuUsage }): string {
  const cpu = process.cpuUsage(s.cpu);
  return `ipc ${channel} wall ${Math.round(performance.now() - s.wall)} ms cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms`;
}

/**
 * Uploads left behind by a server that was killed (SIGKILL, power cut) are removed at the next
 * start: files named with a pid that is no longer running, and unnamed older ones after a day.
 */
export function removeStaleUploads(dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(UPLOAD_PREFIX));
  } catch {
    return removed;
  }
  for (const n of names) {
    const file = path.join(dir, n);
    const m = /^creditdesk-upload-(\d+)-[0-9a-f]+$/.exec(n);
    let stale: boolean;
    if (m) stale = Number(m[1]) !== process.pid && !pidAlive(Number(m[1]));
    else {
      try {
        stale = Date.now() - fs.statSync(file).mtimeMs > 24 * 3600 * 1000;
      } catch {
        stale = false;
      }
    }
    if (!stale) continue;
    try {
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      /* another user's file or already gone */
    }
  }
  return removed;
}
