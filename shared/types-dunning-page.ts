// One page of the dunning list (催收级别) for the window: the page's rows in code order, how many
// rows the chosen level has, and the count per level (the level filter's labels). The window
// asks for the first page, then the next ones as the user scrolls, so it never receives a
// 100,000-customer list at once.
import type { DunningListRow } from './types-collections';

/** 'all', 'none' (below the first step) or a ladder level */
export type DunningLevelFilter = 'all' | 'none' | number;

export interface DunningPageRow extends DunningListRow {
  /** the ladder step's action for this row's level; null when none (or below the first step) */
  action: 'credit_hold' | 'stop_supply' | 'legal' | null;
  /** the customer is on credit hold now */
  onHold: boolean;
}

export interface DunningPage {
  asOf: string;
  level: DunningLevelFilter;
  offset: number;
  /** rows with the chosen level (all pages) */
  total: number;
  /** rows per level: 'all', 'none' and each level number as a string */
  counts: Record<string, number>;
  rows: DunningPageRow[];
}
