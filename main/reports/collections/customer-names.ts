// Customer codes and names by index, as they cross from the report worker to the main thread
// (promise statuses: report-worker.ts sends them once per revision, report-client.ts keeps them).
// 100,000 codes and 100,000 names go as one string each, cut apart where they are used:
// structured clone copies one string in one go, where it decodes (and the worker first builds)
// 200,000 small strings one by one.

/** Codes and names by index. */
export interface CustomerNames {
  code: string[];
  name: string[];
}

/** Between two texts; never in a code or name in practice (a list holding it goes as arrays). */
export const NAMES_SEP = '\u0000';

export type PackedNames =
  { joined: true; count: number; code: string; name: string } | ({ joined: false } & CustomerNames);

export function packNames(names: CustomerNames): PackedNames {
  const plain = !names.code.some((s) => s.includes(NAMES_SEP)) && !names.name.some((s) => s.includes(NAMES_SEP));
  if (!plain) return { joined: false, code: names.code, name: names.name };
  const { code, name } = names;
  return { joined: true, count: code.length, code: code.join(NAMES_SEP), name: name.join(NAMES_SEP) };
}

/** Whether `count` texts joined by NAMES_SEP can be cut apart again (none holds the separator). */
export function cutsApart(joined: string, count: number): boolean {
  let seps = 0;
  for (let at = joined.indexOf(NAMES_SEP); at >= 0; at = joined.indexOf(NAMES_SEP, at + 1)) seps++;
  return count === 0 ? joined === '' : seps === count - 1;
}

export function unpackNames(p: PackedNames): CustomerNames {
  if (!p.joined) return { code: p.code, name: p.name };
  // ''.split gives [''], not []: an empty list and a list of one empty text both join to ''
  const cut = (s: string) => (p.count === 0 ? [] : s.split(NAMES_SEP));
  return { code: cut(p.code), name: cut(p.name) };
}

/** The last list a report worker sent, by the customers' revision (report-client.ts). */
export class KeptCustomerNames {
  private kept: { rev: number; names: PackedNames } | null = null;

  /** The names of revision `rev`: those sent along (kept, cut apart, when rev ≥ 0), else the kept ones. */
  of(rev: number, sent: PackedNames | undefined): PackedNames {
    if (sent) {
      if (rev < 0) return sent;
      this.kept = { rev, names: { joined: false, ...unpackNames(sent) } };
    }
    if (!this.kept || this.kept.rev !== rev) throw new Error('report worker: promise customers out of step');
    return this.kept.names;
  }
}
