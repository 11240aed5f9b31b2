// Service and loyalty (SPEC §7, light): after-sales follow-up tasks, satisfaction records and the
// loyalty type per customer. Dates YYYY-MM-DD; loyalty is computed by main/domain/loyalty.ts
// unless a user has set it on the card.
export const LOYALTY_TYPES = ['loyal', 'switching', 'none'] as const;
export type LoyaltyType = (typeof LOYALTY_TYPES)[number];

export const SURVEY_CHANNELS = ['phone', 'visit', 'online', 'letter'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export interface ServiceTask {
  id: number;
  customerId: number;
  title: string;
  dueOn: string;
  assignee: string | null;
  note: string | null;
  doneOn: string | null;
  result: string | null;
  /** open and due before today */
  overdue: boolean;
  version: number;
}

export interface SatisfactionRecord {
  id: number;
  customerId: number;
  surveyedOn: string;
  score: number; // 1..5
  channel: SurveyChannel;
  note: string | null;
}

export interface LoyaltyFacts {
  /** months of the 12-month window with net sales above zero */
  activeMonths: number;
  /** satisfaction scores in the window: their sum and count */
  scoreSum: number;
  scoreCount: number;
}

export interface CustomerLoyalty extends LoyaltyFacts {
  from: string;
  to: string;
  computed: LoyaltyType;
  /** set by a user on the card; null = the computed type applies */
  manual: LoyaltyType | null;
  manualOn: string | null;
  manualNote: string | null;
  /** manual ?? computed */
  type: LoyaltyType;
}

export interface CustomerService {
  customerId: number;
  asOf: string;
  tasks: ServiceTask[];
  satisfaction: SatisfactionRecord[];
  loyalty: CustomerLoyalty;
}

export interface LoyaltyDistributionRow {
  type: LoyaltyType;
  customers: number;
  /** of them set by hand */
  manual: number;
  /** net sales of the window, fen */
  sales: number;
}

export interface LoyaltyDistribution {
  asOf: string;
  from: string;
  to: string;
  rows: LoyaltyDistributionRow[];
  /** average satisfaction score in the window ×100 (integer), null when none */
  averageScore100: number | null;
  scores: number;
  openTasks: number;
  overdueTasks: number;
}
