// What the paged collections lists (today's worklist, the dunning list) share: the offset of the
// next page, and loading it when the table is scrolled near its end.
import type { UIEvent } from 'react';

/** load the next page when fewer pixels than this are left below the visible rows */
const NEAR_END_PX = 400;

/** Offset of the page after `last`, or undefined when every row is in. */
export function nextPageOffset(last: { offset: number; rows: readonly unknown[]; total: number }): number | undefined {
  const next = last.offset + last.rows.length;
  return next < last.total ? next : undefined;
}

/** A table body's scroll handler that asks for the next page near the end. */
export function loadMoreNearEnd(q: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  return (e: UIEvent<HTMLDivElement>) => {
    const t = e.currentTarget;
    if (t.scrollHeight - t.scrollTop - t.clientHeight < NEAR_END_PX && q.hasNextPage && !q.isFetchingNextPage)
      void q.fetchNextPage();
  };
}
