// Page arithmetic for the windowed customer list (pure, unit tested).

export const PAGE_SIZE = 200;

/** Pages covering rows [first, last] (inclusive). */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || first < 0) return [];
  const out: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) out.push(p);
  return out;
}
