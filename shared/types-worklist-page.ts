// One page of today's worklist (今日催收) for the window: the page's rows in rank order and how
// many rows the worklist has. The window asks for the first screenful, then the next pages as
// the user scrolls, so it never receives a 36,000-customer list at once.
import type { WorklistRow } from './types-collections';

export interface WorklistPage {
  asOf: string;
  offset: number;
  /** rows of the whole worklist (all pages) */
  total: number;
  rows: WorklistRow[];
}
