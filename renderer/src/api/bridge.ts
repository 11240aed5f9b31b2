// window.api: one function per IPC channel. In Electron the preload defines it (contextBridge);
// in browser mode it is defined here over fetch('POST /ipc/<channel>') with the run's token.
import type { Channel } from '@shared/ipc/contract';
import type { Result } from '@shared/result';
import type { StagedFileOut } from '@shared/ipc/files';

export type Bridge = { [C in Channel]: (input: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    api?: Bridge;
  }
}

const TOKEN_KEY = 'creditdesk.token';
const BAD_TOKEN = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'browser-mode token missing or wrong: open the URL printed by `npm run browser`',
  },
} as const;

function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar (and out of screenshots / history).
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode: streams a picked file to main (POST /upload), which stages it for an import. */
export async function uploadToMain(file: File): Promise<Result<StagedFileOut>> {
  const res = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-creditdesk-token': browserToken() },
    body: file,
  });
  if (res.status === 401) return BAD_TOKEN;
  return (await res.json()) as Result<StagedFileOut>;
}

export function installBrowserBridge(): Bridge {
  if (window.api) return window.api;
  const token = browserToken();
  // Made per channel on first use, not from the contract's channel list: that list would bring
  // the contract's zod schemas (~400 kB of code, built at load) into the first screen. Main
  // answers a channel it does not know with an error, as it would any other bad call.
  const made = new Map<string, (input: unknown) => Promise<Result<unknown>>>();
  const callOf =
    (c: string) =>
    async (input: unknown): Promise<Result<unknown>> => {
      const res = await fetch(`/ipc/${encodeURIComponent(c)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-creditdesk-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401) return BAD_TOKEN;
      return (await res.json()) as Result<unknown>;
    };
  const api = new Proxy({} as Bridge, {
    get: (_, c) => {
      if (typeof c !== 'string' || c === 'then') return undefined;
      let f = made.get(c);
      if (!f) made.set(c, (f = callOf(c)));
      return f;
    },
  });
  window.api = api;
  return api;
}
