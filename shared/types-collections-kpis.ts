// Collections KPIs on the receivables dashboard (issue #13 item 7). Money in fen; ratios in
// basis points (10000 = 100 %); days in tenths (to one decimal without floats).

export interface ForecastWeek {
  /** 1..13 */
  week: number;
  from: string;
  to: string;
  /** open amounts expected in the week (fen) */
  expected: number;
}

export interface CollectionsKpisOut {
  asOf: string;
  from: string;
  to: string;
  days: number;
  /** collection effectiveness index: (opening + sales − closing) ÷ (opening + sales − closing current);
   *  bp null when the denominator is not positive or the figure is past 2^53 */
  cei: { bp: number | null; opening: number; sales: number; closing: number; closingCurrent: number };
  /** best-possible DSO = closing current AR ÷ credit sales × days, in tenths of a day (null: no
   *  sales, or a figure past 2^53 such as 1 fen of sales against a receivable at the caps) */
  bestPossibleDsoTenths: number | null;
  /** promises due in the period (promised date in [from, to]) decided as of asOf */
  promiseKept: { kept: number; decided: number; bp: number | null };
  /** 13 weeks from asOf: each open invoice at due date + the customer's average days late */
  forecast: {
    /** expected before asOf and still open (late beyond the customer's habit) */
    pastDue: number;
    weeks: ForecastWeek[];
    /** expected after the 13th week */
    later: number;
  };
  ms: number;
}
