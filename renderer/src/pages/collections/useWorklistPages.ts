// Today's worklist page by page (collections:worklist-page): the first screenful ranked comes
// with the first answer (a slice of the worklist kept in the book), further pages load as the
// table is scrolled near its end, so the window never receives a 36,000-customer list at once.
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { qkCollections } from './common';
import { loadMoreNearEnd, nextPageOffset } from './paging';

export const WORKLIST_PAGE_ROWS = 100;

export function useWorklistPages(asOf: string) {
  const q = useInfiniteQuery({
    queryKey: [...qkCollections, 'worklist-page', asOf],
    queryFn: ({ pageParam }) =>
      call('collections:worklist-page', { asOf, offset: pageParam, limit: WORKLIST_PAGE_ROWS }),
    initialPageParam: 0,
    getNextPageParam: nextPageOffset,
  });
  const pages = q.data?.pages ?? [];
  const onScroll = loadMoreNearEnd(q);
  return {
    rows: pages.flatMap((p) => p.rows),
    total: pages[0]?.total,
    isLoading: q.isLoading,
    onScroll,
  };
}
