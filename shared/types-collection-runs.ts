// Collection trips (上门催收): a run for a day and region, its stops in route order with what the
// run sheet prints, and the outcome of each visit. Money in fen, dates YYYY-MM-DD.
export const VISIT_OUTCOMES = ['signed_statement', 'written_promise', 'payment', 'not_met'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** A customer that can go on a run: what the run sheet prints about it. */
export interface RunCustomer {
  customerId: number;
  customerCode: string;
  customerName: string;
  regionCode: string | null;
  routeSeq: number | null;
  address: string | null;
  bestTime: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** open invoices (not voided), as of the run date */
  balance: number;
  /** of which due before the run date */
  overdue: number;
  /** pending promises to pay as of the run date: count and amount still lacking */
  openPromises: number;
  openPromiseAmount: number;
}

export interface RunStopOut extends RunCustomer {
  stopId: number;
  seq: number;
  outcome: VisitOutcome | null;
  collectionRecordId: number | null;
  promiseId: number | null;
  receiptId: number | null;
}

export interface RunOut {
  id: number;
  runDate: string;
  regionCode: string | null;
  regionName: string | null;
  note: string | null;
  operatorName: string | null;
  stops: RunStopOut[];
}

export interface RunListRow {
  id: number;
  runDate: string;
  regionCode: string | null;
  regionName: string | null;
  stops: number;
  recorded: number;
}

/** A dunning step's action for a customer at that step (SPEC §5: e.g. level 3 stops supply). */
export interface DunningActionRow {
  customerId: number;
  level: number;
  action: 'credit_hold' | 'stop_supply' | 'legal';
  onHold: boolean;
}
