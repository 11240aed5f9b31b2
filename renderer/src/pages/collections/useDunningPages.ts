// The dunning list page by page (collections:dunning-page): the first page and the counts per
// level come with the first answer; further pages load as the table is scrolled near its end,
// so the window never receives a 100,000-customer list at once. The level filter is applied in
// main (each level pages on its own).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { DunningLevelFilter } from '@shared/types-dunning-page';
import { call } from '../../api/client';
import { qkCollections } from './common';
import { loadMoreNearEnd, nextPageOffset } from './paging';

export const DUNNING_PAGE_ROWS = 200;

export function levelFilterOf(value: string): DunningLevelFilter {
  return value === 'all' || value === 'none' ? value : Number(value);
}

export function useDunningPages(asOf: string, level: string) {
  const q = useInfiniteQuery({
    queryKey: [...qkCollections, 'dunning-page', asOf, level],
    queryFn: ({ pageParam }) =>
      call('collections:dunning-page', {
        asOf,
        level: levelFilterOf(level),
        offset: pageParam,
        limit: DUNNING_PAGE_ROWS,
      }),
    initialPageParam: 0,
    getNextPageParam: nextPageOffset,
    placeholderData: keepPreviousData,
  });
  const pages = q.data?.pages ?? [];
  const onScroll = loadMoreNearEnd(q);
  return {
    rows: pages.flatMap((p) => p.rows),
    /** rows per level ('all', 'none', '1', '2', ...) */
    counts: pages[0]?.counts ?? {},
    isLoading: q.isLoading,
    isFetching: q.isFetching,
    onScroll,
  };
}
