// The IPC edge: every payload from the (untrusted) renderer is zod-parsed here, every answer
// is a Result. Electron's ipcMain is passed in as an IpcMainLike, so this runs under Node
// with fakes, and browser mode reuses `dispatch`.
import { contract, type Channel } from '../../shared/ipc/contract';
import { AppError, type Result } from '../../shared/result';
import { zodToAppError } from '../../shared/validation';
import { storageError } from '../db/storage-errors';
import type { HandlerMap } from './handlers';

export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface DispatchLog {
  error(message: string, err: unknown): void;
}

export async function dispatch(
  handlers: HandlerMap,
  channel: string,
  raw: unknown,
  log?: DispatchLog,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel ${channel}` } };
  }
  const c = channel as Channel;
  const parsed = contract[c].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error).toData() };
  try {
    const handler = handlers[c] as (input: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toData() };
    const storage = storageError(e); // disk full / read-only disk: say so, not SQLite's words
    if (storage) {
      log?.error(`ipc ${channel} failed on the disk`, e);
      return { ok: false, error: storage.toData() };
    }
    log?.error(`ipc ${channel} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) } };
  }
}

/**
 * Registers one ipcMain handler per channel. `isTrustedSender` checks the frame that sent the
 * message (only our own renderer page may call main).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: HandlerMap,
  opts: { isTrustedSender: (url: string) => boolean; log?: DispatchLog },
): void {
  for (const channel of Object.keys(contract)) {
    ipcMain.handle(channel, async (event, raw) => {
      const url = event.senderFrame?.url ?? '';
      if (!opts.isTrustedSender(url)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame' },
        } satisfies Result<never>;
      }
      return dispatch(handlers, channel, raw, opts.log);
    });
  }
}
