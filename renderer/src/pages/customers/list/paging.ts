// Page arithmetic for the windowed customer list (pure, unit tested).

export const PAGE_SIZE = 200;

/** Pages covering rows [first, last] (inclusive). */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || first < 0) return [];
  const out: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) out.push(p);
  return out;
}

/** The customers:list input for one page (public/boot-prefetch.js asks for page 0 of the opening list). */
export function pageRequest<F, S extends string, O extends string>(
  filter: F,
  sort: { sort: S; order: O },
  page: number,
  pageSize = PAGE_SIZE,
) {
  return { filter, sort: sort.sort, order: sort.order, offset: page * pageSize, limit: pageSize };
}
