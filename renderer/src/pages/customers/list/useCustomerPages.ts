// Windowed fetching for the virtual customer list: the list knows `total` from the first page
// and fetches pages of PAGE_SIZE rows (offset/limit) only for the rows on screen. Pages are
// cached by react-query under (filter, sort, order, page).
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { CustomerListRow } from '@shared/types';
import { call } from '../../../api/client';
import { qk } from '../../../hooks/queries';
import { PAGE_SIZE, pageRequest, pagesFor } from './paging';
import type { CustomerFilter, SortState } from './types';

export { PAGE_SIZE };

export function useCustomerPages(filter: CustomerFilter, sort: SortState, visible: { first: number; last: number }) {
  const base = useMemo(() => [...qk.customerList, filter, sort.sort, sort.order] as const, [filter, sort]);
  const fetchPage = useCallback(
    (page: number) => call('customers:list', pageRequest(filter, sort, page)),
    [filter, sort],
  );

  const first = useQuery({
    queryKey: [...base, 0],
    queryFn: () => fetchPage(0),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const total = first.data?.total ?? 0;
  const wanted = pagesFor(visible.first, Math.min(visible.last, total - 1)).filter((p) => p !== 0);
  const others = useQueries({
    queries: wanted.map((page) => ({
      queryKey: [...base, page],
      queryFn: () => fetchPage(page),
      staleTime: 30_000,
    })),
  });

  const pages = new Map<number, CustomerListRow[]>();
  if (first.data) pages.set(0, first.data.rows); // previous rows stay while a new filter loads
  wanted.forEach((p, i) => {
    const d = others[i]?.data;
    if (d) pages.set(p, d.rows);
  });

  const rowAt = (index: number): CustomerListRow | undefined =>
    pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return {
    total,
    rowAt,
    isLoading: first.isPending,
    isStale: first.isPlaceholderData,
    error: first.error ?? others.find((q) => q.error)?.error ?? null,
  };
}
