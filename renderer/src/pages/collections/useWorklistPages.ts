// Today's worklist page by page (collections:worklist-page): the first screenful ranked comes
// with the first answer (a slice of the worklist kept in the book), further pages load as the
// table is scrolled near its end, so the window never receives a 36,000-customer list at once.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { UIEvent } from 'react';
import { call } from '../../api/client';
import { qkCollections } from './common';

export const WORKLIST_PAGE_ROWS = 100;
/** load the next page when fewer pixels than this are left below the visible rows */
const NEAR_END_PX = 400;

export function useWorklistPages(asOf: string) {
  const q = useInfiniteQuery({
    queryKey: [...qkCollections, 'worklist-page', asOf],
    queryFn: ({ pageParam }) =>
      call('collections:worklist-page', { asOf, offset: pageParam, limit: WORKLIST_PAGE_ROWS }),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.rows.length;
      return next < last.total ? next : undefined;
    },
  });
  const pages = q.data?.pages ?? [];
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const t = e.currentTarget;
    if (t.scrollHeight - t.scrollTop - t.clientHeight < NEAR_END_PX && q.hasNextPage && !q.isFetchingNextPage)
      void q.fetchNextPage();
  };
  return {
    rows: pages.flatMap((p) => p.rows),
    total: pages[0]?.total,
    isLoading: q.isLoading,
    onScroll,
  };
}
