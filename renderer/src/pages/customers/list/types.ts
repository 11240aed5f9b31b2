import type { z } from 'zod';
import type { customerFilter, customerSort } from '@shared/ipc/contract';

export type CustomerFilter = z.input<typeof customerFilter>;
export type CustomerSortKey = z.infer<typeof customerSort>;
export type SortOrder = 'asc' | 'desc';
export interface SortState {
  sort: CustomerSortKey;
  order: SortOrder;
}
