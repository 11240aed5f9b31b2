// Channels whose answer crosses IPC in a compact form (see channel<Out, Wire>()): the receiving
// side (the renderer's client, test callers) turns the wire form back into the declared output.
import type { AgeingReportOut, AgeingReportRow, AgeingReportWire } from '../types-receivables';
import type { Channel, OutputOf } from './contract';

const noLimit = (v: number | null | undefined) => v === null || v === undefined || Number.isNaN(v);

/** Row i of an ageing report kept by columns (the report worker's and the wire's alike). */
export function ageingRowAt(c: AgeingReportWire['columns'], keys: readonly string[], i: number): AgeingReportRow {
  const n = keys.length;
  const buckets: Record<string, number> = {};
  for (let k = 0; k < n; k++) buckets[keys[k]] = c.cells[i * n + k];
  const bp = c.limitUsedBp[i];
  return {
    customerId: c.customerId[i],
    customerCode: c.code[i],
    customerName: c.name[i],
    buckets,
    unapplied: c.unapplied[i],
    total: c.total[i],
    creditLimit: c.creditLimit[i],
    limitUsedBp: noLimit(bp) ? null : (bp as number),
  };
}

/** Rows from the columns of an ageing report. */
export function ageingReportFromWire(w: AgeingReportWire): AgeingReportOut {
  const { columns, ...rest } = w;
  const keys = w.buckets.map((b) => b.key);
  const rows: AgeingReportRow[] = new Array(columns.code.length);
  for (let i = 0; i < rows.length; i++) rows[i] = ageingRowAt(columns, keys, i);
  return { ...rest, rows };
}

/** JSON.stringify replacer for wire answers in browser mode: typed arrays as plain arrays. */
export function typedArraysAsArrays(_key: string, v: unknown): unknown {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v;
}

const decoders: Partial<Record<Channel, (wire: never) => unknown>> = {
  'ageing:report': ageingReportFromWire,
};

/** Channels whose answer has a wire form. */
export const WIRE_CHANNELS: ReadonlySet<string> = new Set(Object.keys(decoders));

/** The declared output of `channel` from what IPC carried. */
export function fromWire<C extends Channel>(channel: C, data: unknown): OutputOf<C> {
  const decode = decoders[channel] as ((w: unknown) => OutputOf<C>) | undefined;
  return decode ? decode(data) : (data as OutputOf<C>);
}
