// Customer codes and names crossing from the report worker to the main thread (once per directory
// revision: report-worker.ts, report-client.ts). 100,000 codes and 100,000 names go as one string
// each, cut apart on the main thread: structured clone copies one string in one go, where it
// decodes 200,000 small strings one by one on the thread that receives them (the window's).
import type { CustomerNames } from '../reports/collections/promise-status-columns';

/** Never in a code or name in practice; a list holding it goes as an array instead. */
const SEP = '\u0000';

export type PackedNames =
  { joined: true; count: number; code: string; name: string } | ({ joined: false } & CustomerNames);

export function packNames(names: CustomerNames): PackedNames {
  const plain = !names.code.some((s) => s.includes(SEP)) && !names.name.some((s) => s.includes(SEP));
  if (!plain) return { joined: false, code: names.code, name: names.name };
  return { joined: true, count: names.code.length, code: names.code.join(SEP), name: names.name.join(SEP) };
}

export function unpackNames(p: PackedNames): CustomerNames {
  if (!p.joined) return { code: p.code, name: p.name };
  // ''.split gives [''], not []: an empty list and a list of one empty text both join to ''
  const cut = (s: string) => (p.count === 0 ? [] : s.split(SEP));
  return { code: cut(p.code), name: cut(p.name) };
}
