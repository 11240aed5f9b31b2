// Typed client over window.api: returns data or throws ApiError (with code, field, rows).
import type { Channel, InputOf, OutputOf } from '@shared/ipc/contract';
import type { AppErrorData, ErrorCode, RowError } from '@shared/result';
import { fromWire } from '@shared/ipc/wire';
import { installBrowserBridge } from './bridge';
import { takePrefetched } from './prefetched';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly rows?: RowError[];
  /** message key + values (shared/messages/server-messages.ts), shown in the user's language */
  readonly key?: string;
  readonly values?: Record<string, string | number>;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
    this.rows = data.rows;
    this.key = data.key;
    this.values = data.values;
  }
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const api = window.api ?? installBrowserBridge();
  const early = await takePrefetched(channel, input);
  const result = early?.ok ? early : await api[channel](input);
  if (!result.ok) throw new ApiError(result.error);
  return fromWire(channel, result.data);
}
