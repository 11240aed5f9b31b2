// What the customer list is filtered and sorted by (shared by the SQL filter in query.ts and the
// in-memory finder in search-index.ts). The sort keys are the contract's enum.
import type { z } from 'zod';
import type { customerSort } from '../../../shared/ipc/contract';

export interface CustomerFilter {
  query?: string;
  nature?: string[];
  lifecycle?: string[];
  region?: string[];
  confidentiality?: string[];
  includeTerminated?: boolean;
  valueTier?: ('A' | 'B' | 'C' | 'none')[];
  creditRating?: string[];
  creditClass?: ('A' | 'B' | 'C' | 'none')[];
  /** prospect grade A–D or 'none' */
  prospectGrade?: ('A' | 'B' | 'C' | 'D' | 'none')[];
}

export type CustomerSort = z.infer<typeof customerSort>;
